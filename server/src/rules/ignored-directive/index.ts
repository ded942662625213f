import { defineRule } from '../../lint/define-rule.js';
import { closestMatch } from '../../lint/helpers/suggest.js';

const DIRECTIVES = ['syntax', 'escape', 'check'];
/** A comment shaped like a directive: `# name=value`. */
const DIRECTIVE_SHAPE = /^([a-zA-Z][a-zA-Z0-9]*)[\t ]*=[\t ]*\S/;

export default defineRule({
  meta: {
    id: 'ignored-directive',
    aliases: [],
    category: 'correctness',
    severity: 'warning',
    messages: {
      en: {
        misplaced: 'BuildKit ignores this {name} directive: directives must come first, before any comment, blank line or instruction.',
        misspelt: '"{name}" is not a directive, so BuildKit reads this line as a comment; did you mean {suggestion}?',
      },
      'zh-cn': {
        misplaced: 'BuildKit 会忽略这个 {name} 指示符：指示符必须写在最前面，在任何注释、空行和指令之前。',
        misspelt: '“{name}”不是解析器指示符，BuildKit 会把这一行当作注释；是不是想写 {suggestion}？',
      },
    },
    docs: {
      en: {
        summary: 'Reports a comment that looks like a parser directive but that BuildKit ignores: a `syntax`, `escape` or `check` directive after the top of the file, or a misspelt directive name.',
        why: 'BuildKit reads directives only in the first lines of the file and stops at the first comment, blank line or instruction that is not one. A directive after that is an ordinary comment: an escape directive below a license header leaves `\\` as the escape character, and a late `# syntax=` does not select the frontend you asked for; even a blank first line is enough to lose them.',
      },
      'zh-cn': {
        summary: '报告看起来像解析器指示符、却会被 BuildKit 忽略的注释：写在文件开头之后的 `syntax`、`escape`、`check` 指示符，或拼错名称的指示符。',
        why: 'BuildKit 只在文件最开头读取指示符，遇到第一个不是指示符的注释、空行或指令就停止。之后出现的指示符只是普通注释：写在许可证注释下方的 escape 指示符不会生效，转义符仍然是 `\\`；写得太晚的 `# syntax=` 也不会选用你指定的前端；哪怕文件第一行是空行，指示符也会失效。',
      },
    },
    examples: {
      bad: '# Build image for the API\n# syntax=docker/dockerfile:1\nFROM golang:1.23\n',
      good: '# syntax=docker/dockerfile:1\n# Build image for the API\nFROM golang:1.23\n',
    },
  },
  create(context) {
    const { tree } = context;
    const firstInstruction = tree.instructions[0]?.start ?? Number.MAX_SAFE_INTEGER;
    return {
      end() {
        for (const comment of tree.comments) {
          if (comment.inContinuation) continue;
          const match = DIRECTIVE_SHAPE.exec(comment.text);
          if (!match) continue;
          const name = match[1].toLowerCase();
          if (DIRECTIVES.includes(name)) {
            context.report({ span: comment, messageId: 'misplaced', data: { name } });
          } else if (comment.start < firstInstruction) {
            const suggestion = closestMatch(name, DIRECTIVES);
            if (suggestion) context.report({ span: comment, messageId: 'misspelt', data: { name: match[1], suggestion } });
          }
        }
      },
    };
  },
});
