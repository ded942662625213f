import { isValidStageName } from '../../analysis/instructions.js';
import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'invalid-stage-name',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: { invalid: 'Invalid stage name "{name}": it must start with a letter and hold only letters, digits, "-", "_" and ".".' },
      'zh-cn': { invalid: '阶段名“{name}”无效：必须以字母开头，且只能包含字母、数字、“-”、“_”和“.”。' },
    },
    docs: {
      en: {
        summary: 'Reports a `FROM ... AS name` whose stage name BuildKit refuses: one that starts with a digit or `_`, or holds other symbols.',
        why: 'Stage names are referenced by `COPY --from`, `FROM` and `--target`, so BuildKit keeps them to a simple form and stops the build on any other. Variables are not expanded in stage names either.',
      },
      'zh-cn': {
        summary: '报告 BuildKit 不接受的 `FROM ... AS 名称`：以数字或 `_` 开头，或包含其他符号的阶段名。',
        why: '阶段名会被 `COPY --from`、`FROM` 和 `--target` 引用，因此 BuildKit 只接受简单的形式，其他写法都会导致构建失败。阶段名中的变量也不会被展开。',
      },
    },
    examples: {
      bad: 'FROM golang:1.23 AS 1st-build\n',
      good: 'FROM golang:1.23 AS first-build\n',
    },
  },
  create(context) {
    return {
      FROM(instruction) {
        const name = instruction.from?.stageName;
        if (!name || instruction.words.length !== 3 || isValidStageName(name.value)) return;
        context.report({ span: name, messageId: 'invalid', data: { name: name.value } });
      },
    };
  },
});
