import { defineRule } from '../../lint/define-rule.js';
import { argsSpan } from '../../lint/helpers/args.js';
import type { Instruction } from '../../parser/index.js';

/** Instructions whose arguments BuildKit expands itself (RUN, CMD and the like leave `$` to the shell). */
const EXPANDED = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** The one-character parameters the shell lexer reads as names: `${@}`, `${#}`, ... */
const SPECIAL = '@*#?-$!0';
const NAME_CHAR = /[\p{L}\p{N}_]/u;

type Messages = 'unsupportedModifier' | 'badSubstitution' | 'missingBrace';

interface Problem {
  messageId: Messages;
  /** Offsets in the arguments. */
  start: number;
  end: number;
  modifier?: string;
}

export default defineRule<Messages>({
  meta: {
    id: 'variable-syntax',
    aliases: [],
    category: 'syntax',
    severity: 'error',
    scope: 'instruction',
    messages: {
      en: {
        unsupportedModifier: '{variable} uses "{modifier}", which BuildKit does not support; it knows :- - :+ + :? ? # ## % %% / and //.',
        badSubstitution: '{variable} is not a variable reference: a name must follow "${".',
        missingBrace: '{variable} has no closing "}".',
      },
      'zh-cn': {
        unsupportedModifier: '{variable} 使用了 BuildKit 不支持的“{modifier}”；支持的写法有 :- - :+ + :? ? # ## % %% / 和 //。',
        badSubstitution: '{variable} 不是合法的变量引用：“${”后面必须是变量名。',
        missingBrace: '{variable} 缺少右花括号“}”。',
      },
    },
    docs: {
      en: {
        summary: 'Reports a `${...}` that BuildKit cannot expand, in the instructions it expands itself (FROM, ARG, ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME, EXPOSE, STOPSIGNAL).',
        why: 'BuildKit implements a small part of the shell\'s parameter expansion: `${name}`, the default, alternative and error forms (`:-`, `:+`, `:?` and their forms without `:`), prefix and suffix removal (`#`, `%`) and replacement (`/`). Anything else, such as `${name:1:2}`, `${#name}` or a missing `}`, stops the build. RUN, CMD and ENTRYPOINT are not checked: their shell expands them.',
      },
      'zh-cn': {
        summary: '在 BuildKit 自己展开变量的指令中（FROM、ARG、ENV、LABEL、COPY、ADD、WORKDIR、USER、VOLUME、EXPOSE、STOPSIGNAL），报告它无法展开的 `${...}`。',
        why: 'BuildKit 只实现了 shell 参数展开的一小部分：`${name}`、默认值/替代值/报错写法（`:-`、`:+`、`:?` 及不带 `:` 的形式）、前后缀删除（`#`、`%`）和替换（`/`）。其他写法，比如 `${name:1:2}`、`${#name}` 或缺少 `}`，都会让构建失败。RUN、CMD 和 ENTRYPOINT 不在检查范围内，它们由 shell 负责展开。',
      },
    },
    examples: {
      bad: 'FROM alpine:3.20\nARG VERSION=1.2.3\nENV MAJOR=${VERSION:0:1}\n',
      good: 'FROM alpine:3.20\nARG VERSION=1.2.3\nENV MAJOR=${VERSION%%.*}\n',
    },
  },
  create(context) {
    const escape = context.tree.escapeChar;
    return {
      instruction(instruction: Instruction) {
        if (!EXPANDED.has(instruction.keyword)) return;
        const text = instruction.args.value;
        if (!text.includes('${')) return;
        for (const problem of substitutionProblems(text, escape)) {
          context.report({
            span: argsSpan(instruction, problem.start, problem.end),
            messageId: problem.messageId,
            data: { variable: text.slice(problem.start, problem.end), modifier: problem.modifier ?? '' },
          });
        }
      },
    };
  },
});

/** Finds `${...}` references BuildKit's lexer rejects; single-quoted text and escaped `$` are left alone. */
function substitutionProblems(text: string, escape: string): Problem[] {
  const problems: Problem[] = [];
  let single = false;
  let double = false;
  for (let pos = 0; pos < text.length; pos++) {
    const char = text[pos];
    if (single) {
      if (char === "'") single = false;
    } else if (char === escape) {
      pos++;
    } else if (char === "'" && !double) {
      single = true;
    } else if (char === '"') {
      double = !double;
    } else if (char === '$' && text[pos + 1] === '{') {
      const problem = checkReference(text, pos);
      if (problem) problems.push(problem);
      pos++;
    }
  }
  return problems;
}

function checkReference(text: string, dollar: number): Problem | undefined {
  const close = text.indexOf('}', dollar + 2);
  if (close < 0) return { messageId: 'missingBrace', start: dollar, end: text.length };
  const span = { start: dollar, end: close + 1 };
  let pos = dollar + 2;
  const first = text[pos];
  if (first === '{' || first === '}' || first === ':') return { messageId: 'badSubstitution', ...span };
  if (/\d/.test(first)) while (pos < close && /\d/.test(text[pos])) pos++;
  else if (SPECIAL.includes(first)) pos++;
  else while (pos < close && NAME_CHAR.test(text[pos])) pos++;
  const modifier = text[pos] === ':' && text[pos + 1] !== '}' ? text.slice(pos, pos + 2) : text[pos];
  if (modifier === '}' || /^:?[-+?]$/.test(modifier) || modifier === '#' || modifier === '%' || modifier === '/') return undefined;
  return { messageId: 'unsupportedModifier', ...span, modifier };
}
