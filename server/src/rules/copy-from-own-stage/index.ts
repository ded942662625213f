import { copyFromName } from '../../analysis/stage-references.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'copy-from-own-stage',
    aliases: ['DL3023'],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        ownStage: 'COPY --from={name} names the stage it is in; a stage cannot copy from itself.',
      },
      'zh-cn': {
        ownStage: 'COPY --from={name} 指向的是它所在的阶段；阶段不能从自身复制。',
      },
    },
    docs: {
      en: {
        summary: 'Reports COPY --from naming the stage the COPY belongs to.',
        why: 'A stage’s files do not exist until the stage has finished, so it cannot copy from itself: BuildKit rejects the build as a dependency cycle. The name is usually meant for another stage, or the files are already in place and need no COPY at all.',
      },
      'zh-cn': {
        summary: '报告 --from 指向自身所在阶段的 COPY。',
        why: '阶段构建完成之前，它的文件并不存在，所以无法从自身复制：BuildKit 会把它当作循环依赖而拒绝构建。通常是想写另一个阶段的名字，或者文件本来就在原处，根本不需要 COPY。',
      },
    },
    examples: {
      bad: 'FROM node:22 AS build\nRUN npm ci && npm run build\nCOPY --from=build /app/dist /srv/\n',
      good: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html/\n',
    },
  },
  create(context) {
    return {
      COPY(instruction, stage, onbuild) {
        if (onbuild || !stage) return;
        const source = copyFromName(instruction, context.variables, context.tree.escapeChar);
        if (source && (source.name.toLowerCase() === stage.name || source.name === String(stage.index))) {
          context.report({ span: source.span, messageId: 'ownStage', data: { name: source.name } });
        }
      },
    };
  },
});
