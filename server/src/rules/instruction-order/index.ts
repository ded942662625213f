import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'instruction-order',
    aliases: ['DL3061'],
    category: 'correctness',
    severity: 'error',
    messages: {
      en: {
        beforeFrom: '{keyword} comes before the first FROM; only ARG may.',
        noFrom: 'This Dockerfile has no FROM, so there is no stage to build.',
      },
      'zh-cn': {
        beforeFrom: '{keyword} 出现在第一个 FROM 之前；只有 ARG 可以放在那里。',
        noFrom: '这个 Dockerfile 没有 FROM，没有可以构建的阶段。',
      },
    },
    docs: {
      en: {
        summary: 'Reports the first instruction other than ARG that comes before the first FROM, and a Dockerfile with no FROM at all.',
        why: 'Every instruction but ARG belongs to a stage, and a stage starts at FROM. BuildKit stops at the first instruction that has no stage to belong to; the ARGs before FROM only set values for the FROM lines.',
      },
      'zh-cn': {
        summary: '报告第一个 FROM 之前出现的第一条非 ARG 指令，以及完全没有 FROM 的 Dockerfile。',
        why: '除 ARG 以外的指令都属于某个构建阶段，而阶段从 FROM 开始。BuildKit 遇到第一条没有所属阶段的指令就会停止；FROM 之前的 ARG 只用来给 FROM 行提供取值。',
      },
    },
    examples: {
      bad: 'ENV NODE_ENV=production\nFROM node:22-alpine\n',
      good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\nENV NODE_ENV=production\n',
    },
  },
  create(context) {
    const { instructions, stages } = context.tree;
    const first = instructions.find((instruction) => instruction.keyword !== 'ARG');
    return {
      end() {
        if (first && (stages.length === 0 || first.start < stages[0].from.start)) {
          context.report({ span: first.keywordToken, messageId: 'beforeFrom', data: { keyword: first.keyword } });
        } else if (!first && instructions.length > 0) {
          context.report({ span: instructions[0].keywordToken, messageId: 'noFrom' });
        }
      },
    };
  },
});
