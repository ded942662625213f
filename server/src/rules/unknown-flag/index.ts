import { flagSpec, flagsOf, ignoresFlags, isInstruction } from '../../analysis/instructions.js';
import { defineRule } from '../../lint/define-rule.js';
import { replace } from '../../lint/helpers/edits.js';
import { closestMatch } from '../../lint/helpers/suggest.js';

export default defineRule({
  meta: {
    id: 'unknown-flag',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        unknown: '{keyword} has no flag --{flag}.',
        unknownSuggest: '{keyword} has no flag --{flag}; did you mean --{suggestion}?',
        replaceFlag: 'Replace with --{suggestion}',
      },
      'zh-cn': {
        unknown: '{keyword} 没有 --{flag} 这个参数。',
        unknownSuggest: '{keyword} 没有 --{flag} 这个参数，是不是想写 --{suggestion}？',
        replaceFlag: '替换为 --{suggestion}',
      },
    },
    docs: {
      en: {
        summary: 'Reports a flag the instruction does not accept, such as `COPY --chmown` or `HEALTHCHECK --INTERVAL`.',
        why: 'BuildKit stops the build at a flag it does not know (flag names are case-sensitive), and on ARG and STOPSIGNAL it silently drops the flag, which is worse: the option you meant is never applied.',
        fix: 'When the flag is one typo away from a real one, replaces its name with that one. Not applied on save: check that the suggestion is the flag you meant.',
      },
      'zh-cn': {
        summary: '报告指令不支持的参数，例如 `COPY --chmown` 或 `HEALTHCHECK --INTERVAL`。',
        why: 'BuildKit 遇到不认识的参数会直接让构建失败（参数名区分大小写）；而在 ARG 和 STOPSIGNAL 上它会悄悄丢弃参数，这更糟：你想要的选项根本没有生效。',
        fix: '如果参数名只和某个真实参数差一两个字符，就替换成那个参数。保存时不会自动应用：请确认建议的正是你想要的参数。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nCOPY --chmown=app:app app/ /srv/app/\n',
      good: 'FROM alpine:3.20\nCOPY --chown=app:app app/ /srv/app/\n',
    },
  },
  create(context) {
    return {
      instruction(instruction) {
        if (!isInstruction(instruction.keyword) || ignoresFlags(instruction)) return;
        for (const flag of instruction.flags) {
          if (flagSpec(instruction.keyword, flag.name)) continue;
          const known = Object.keys(flagsOf(instruction.keyword));
          const suggestion = known.find((name) => name.toLowerCase() === flag.name.toLowerCase()) ?? closestMatch(flag.name, known);
          const span = { start: flag.start, end: flag.nameSpan.end };
          const data = { keyword: instruction.keyword, flag: flag.name };
          if (!suggestion) {
            context.report({ span, messageId: 'unknown', data });
            continue;
          }
          context.report({
            span,
            messageId: 'unknownSuggest',
            data: { ...data, suggestion },
            fixes: [{ messageId: 'replaceFlag', data: { suggestion }, edits: [replace(flag.nameSpan, suggestion)], safe: false }],
          });
        }
      },
    };
  },
});
