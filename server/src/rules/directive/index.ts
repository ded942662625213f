import { defineRule } from '../../lint/define-rule.js';

export default defineRule({
  meta: {
    id: 'directive',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    messages: {
      en: {
        duplicate: 'A second {name} directive: BuildKit allows each directive once.',
        invalidEscape: 'The escape directive takes \\ or `, not "{value}".',
      },
      'zh-cn': {
        duplicate: '重复的 {name} 指示符：BuildKit 中每种解析器指示符只能出现一次。',
        invalidEscape: 'escape 指示符只能是 \\ 或 `，而不是“{value}”。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a parser directive BuildKit refuses: the same directive given twice, or an escape directive whose value is not `\\` or a backtick.',
        why: 'Directives decide how the rest of the file is read (which escape character continues a line, which frontend parses it), so BuildKit will not guess between two of them or accept an escape character it cannot use: it stops before reading any instruction.',
      },
      'zh-cn': {
        summary: '报告 BuildKit 拒绝的解析器指示符：同一个指示符出现两次，或 escape 的值既不是 `\\` 也不是反引号。',
        why: '指示符决定了文件其余部分如何被读取（用哪个转义符续行、由哪个前端解析），因此 BuildKit 不会在两个指示符之间猜测，也不接受无法使用的转义符：它会在读取任何指令之前就停止。',
      },
    },
    examples: {
      bad: '# escape=`\n# escape=\\\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
      good: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
    },
  },
  create(context) {
    return {
      end() {
        for (const error of context.tree.errors) {
          if (error.code === 'duplicate-directive') {
            context.report({ span: error, messageId: 'duplicate', data: { name: context.text.slice(error.start, error.end).toLowerCase() } });
          } else if (error.code === 'invalid-escape') {
            context.report({ span: error, messageId: 'invalidEscape', data: { value: context.text.slice(error.start, error.end) } });
          }
        }
      },
    };
  },
});
