import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'reserved-stage-name',
    aliases: ['ReservedStageName', 'DL3063'],
    category: 'correctness',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        scratch: 'Stage name "{name}" is reserved: BuildKit already uses `scratch` for the empty image.',
        context: 'Stage name "{name}" is reserved: BuildKit already uses `context` for the build context.',
      },
      'zh-cn': {
        scratch: '阶段名 "{name}" 是保留名：BuildKit 已经用 `scratch` 表示空镜像。',
        context: '阶段名 "{name}" 是保留名：BuildKit 已经用 `context` 表示构建上下文。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a stage named `scratch` or `context`.',
        why: 'BuildKit gives these names a meaning before it looks at your stages: `scratch` is the empty image and `context` is the build context. A stage with such a name makes `FROM scratch` or `COPY --from=context` ambiguous, and readers cannot tell which one a later line means.',
      },
      'zh-cn': {
        summary: '报告名为 `scratch` 或 `context` 的构建阶段。',
        why: 'BuildKit 在查找阶段之前就已经给这两个名字赋予了含义：`scratch` 是空镜像，`context` 是构建上下文。用它们给阶段命名，会让 `FROM scratch` 或 `COPY --from=context` 产生歧义，读者也分不清后面引用的到底是哪一个。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23 AS scratch\nRUN go build -o /app .\n',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const stageName = instruction.from?.stageName;
        if (!stageName) return;
        // BuildKit gives these two names a meaning of its own; stage names are case-insensitive.
        const name = stageName.value.toLowerCase();
        if (name === 'scratch' || name === 'context') context.report({ span: stageName, messageId: name, data: { name: stageName.value } });
      },
    };
  },
});
