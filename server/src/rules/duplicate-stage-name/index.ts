import { defineRule } from '../../lint/define-rule.js';
import type { Word } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'duplicate-stage-name',
    aliases: ['DuplicateStageName', 'DL3024'],
    category: 'correctness',
    severity: 'error',
    messages: {
      en: {
        duplicate: 'Stage name "{name}" is already used on line {line}; stage names must be unique.',
      },
      'zh-cn': {
        duplicate: '阶段名 "{name}" 已在第 {line} 行使用过，阶段名必须唯一。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a stage whose name an earlier stage already has (names compare case-insensitively).',
        why: 'A later stage with the same name silently takes the name over: `COPY --from=name`, `FROM name` and `--target name` after it refer to the new stage, not the one you may have meant. Unique names keep every reference unambiguous.',
      },
      'zh-cn': {
        summary: '报告与前面某个阶段同名的构建阶段（名称比较不区分大小写）。',
        why: '后出现的同名阶段会悄悄接管这个名字：其后的 `COPY --from=名称`、`FROM 名称` 和 `--target 名称` 指向的都是新阶段，而不一定是你想要的那个。阶段名唯一，引用才不会有歧义。',
      },
    },
    examples: {
      bad: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 AS build\nRUN npm run build\n',
      good: 'FROM node:22 AS deps\nRUN npm ci\nFROM deps AS build\nRUN npm run build\n',
    },
  },
  create(context) {
    const seen = new Map<string, Word>();
    return {
      FROM(instruction) {
        const stageName = instruction.from?.stageName;
        if (!stageName) return;
        const name = stageName.value.toLowerCase();
        const first = seen.get(name);
        if (!first) {
          seen.set(name, stageName);
          return;
        }
        const line = context.lines.positionAt(first.start).line + 1;
        context.report({ span: stageName, messageId: 'duplicate', data: { name: stageName.value, line } });
      },
    };
  },
});
