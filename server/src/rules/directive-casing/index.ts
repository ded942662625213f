import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';

export default defineRule({
  meta: {
    id: 'directive-casing',
    aliases: [],
    category: 'style',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        notLowercase: 'Write the {name} directive in lowercase.',
        lowercase: 'Write {name} in lowercase',
      },
      'zh-cn': {
        notLowercase: '请用小写字母书写 {name} 指示符。',
        lowercase: '改为小写的 {name}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a parser directive whose name is not all lowercase, such as `# ESCAPE=`.',
        why: 'BuildKit accepts directive names in any case, but the documentation, other tools and most readers expect `syntax`, `escape` and `check` in lowercase; a capitalised one reads like an ordinary comment.',
        fix: 'Lowercases the directive name. Safe: BuildKit reads it the same way.',
      },
      'zh-cn': {
        summary: '报告名称不是全小写的解析器指示符，例如 `# ESCAPE=`。',
        why: 'BuildKit 接受任意大小写的指示符名称，但官方文档、其他工具以及大多数读者都习惯小写的 `syntax`、`escape` 和 `check`；大写的写法看起来就像普通注释。',
        fix: '把指示符名称改为小写。安全：BuildKit 的解读完全相同。',
      },
    },
    examples: {
      bad: '# Syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
      good: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n',
    },
  },
  create(context) {
    return {
      end() {
        for (const directive of context.tree.directives) {
          const written = context.text.slice(directive.nameSpan.start, directive.nameSpan.end);
          if (written === directive.name) continue;
          context.report({
            span: directive.nameSpan,
            messageId: 'notLowercase',
            data: { name: directive.name },
            fixes: [{ messageId: 'lowercase', data: { name: directive.name }, edits: [replace(directive.nameSpan, directive.name)], safe: true }],
          });
        }
      },
    };
  },
});
