import { INSTRUCTIONS, isInstruction } from '../../analysis/instructions.js';
import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';
import { closestMatch } from '../../lint/helpers/suggest.js';
import { parse, type Instruction } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'unknown-instruction',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        unknown: 'Unknown instruction {keyword}.',
        unknownSuggest: 'Unknown instruction {keyword}; did you mean {suggestion}?',
        replaceKeyword: 'Replace with {suggestion}',
      },
      'zh-cn': {
        unknown: '未知指令 {keyword}。',
        unknownSuggest: '未知指令 {keyword}，是不是想写 {suggestion}？',
        replaceKeyword: '替换为 {suggestion}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a line that starts with a word that is not a Dockerfile instruction.',
        why: 'BuildKit stops at the first unknown instruction. The usual causes are a typo (`EXPSOE`, `RUNN`), an escape character at a line end that glued two lines into one word, or a command left over from a shell script.',
        fix: 'When the word is one or two typos away from an instruction, replaces it with that instruction. Not applied on save: the line may need more than a new keyword.',
      },
      'zh-cn': {
        summary: '报告以非 Dockerfile 指令开头的行。',
        why: 'BuildKit 遇到第一个未知指令就会停止构建。常见原因是拼写错误、行尾的转义符把两行粘成了一个词，或者从 shell 脚本里残留下来的命令。',
        fix: '如果这个词和某个指令只差一两个字符，就替换成那个指令。保存时不会自动应用：这一行可能不只是关键字需要修改。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nWROKDIR /srv/app\n',
      good: 'FROM alpine:3.20\nWORKDIR /srv/app\n',
    },
  },
  create(context) {
    return {
      instruction(instruction) {
        if (isInstruction(instruction.keyword)) return;
        const token = instruction.keywordToken;
        const data = { keyword: instruction.keyword };
        // A keyword glued across lines (`STOP\` + `SIGNAL`) is not one a simple rename can fix.
        const suggestion = context.text.slice(token.start, token.end) === token.value ? closestMatch(token.value, INSTRUCTIONS) : undefined;
        if (!suggestion) {
          context.report({ span: token, messageId: 'unknown', data });
          return;
        }
        context.report({
          span: token,
          messageId: 'unknownSuggest',
          data: { ...data, suggestion },
          // `n = t` is close to ENV, but `ENV = t` does not parse: suggest it, offer no fix.
          fixes: renameParses(context.text, instruction, suggestion, context.tree.escapeChar)
            ? [{ messageId: 'replaceKeyword', data: { suggestion }, edits: [replace(token, suggestion)], safe: false }]
            : [],
        });
      },
    };
  },
});

/** Whether the instruction, with its keyword replaced, parses with no more errors than it had. */
function renameParses(text: string, instruction: Instruction, keyword: string, escape: string): boolean {
  const directive = escape === '\\' ? '' : `# escape=${escape}\n`;
  const rest = text.slice(instruction.keywordToken.end, instruction.end);
  const errors = (source: string) => parse(directive + source).errors.length;
  return errors(keyword + rest) <= errors(instruction.keywordToken.value + rest);
}
