import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    aliases: ['RedundantTargetPlatform', 'DL3065'],
    category: 'style',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        redundant: 'FROM --platform={platform} is the default already: a stage is built for the target platform unless told otherwise.',
        removeFlag: 'Remove --platform={platform}',
      },
      'zh-cn': {
        redundant: 'FROM --platform={platform} 本来就是默认行为：除非另行指定，阶段总是按目标平台构建。',
        removeFlag: '删除 --platform={platform}',
      },
    },
    docs: {
      en: {
        summary: 'Reports `FROM --platform=$TARGETPLATFORM`.',
        why: 'Every stage is built for the target platform unless its FROM says otherwise, so the flag adds nothing, and it hides the stages that really do pick a platform (such as `--platform=$BUILDPLATFORM` for cross-compiling).',
        fix: 'Removes the flag. Safe: the stage is built for the same platform. Not offered when a global ARG gives TARGETPLATFORM a default of its own.',
      },
      'zh-cn': {
        summary: '报告 `FROM --platform=$TARGETPLATFORM`。',
        why: '除非 FROM 另行指定，每个阶段都按目标平台构建，所以这个参数没有任何作用，反而让真正需要指定平台的阶段（例如交叉编译用的 `--platform=$BUILDPLATFORM`）不够醒目。',
        fix: '删除该参数。安全：阶段仍按同一平台构建。如果全局 ARG 给 TARGETPLATFORM 设置了自己的默认值，则不会报告。',
      },
    },
    examples: {
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const flag = instruction.flags.find((candidate) => candidate.name === 'platform');
        const platform = flag?.value?.value;
        if (!flag || (platform !== '$TARGETPLATFORM' && platform !== '${TARGETPLATFORM}')) return;
        // A global `ARG TARGETPLATFORM=...` picks a platform of its own.
        const defined = context.variables.resolve('TARGETPLATFORM', instruction.start);
        if (defined?.kind === 'global-arg' && defined.pair?.value) return;
        let end = flag.end;
        while (context.text[end] === ' ' || context.text[end] === '\t') end++;
        context.report({
          span: flag,
          messageId: 'redundant',
          data: { platform },
          fixes: [{ messageId: 'removeFlag', data: { platform }, edits: [{ start: flag.start, end, text: '' }], safe: true }],
        });
      },
    };
  },
});
