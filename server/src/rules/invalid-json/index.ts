import { defineRule } from '../../lint/define-rule.js';
import { argsSpan, hasParseError } from '../../lint/helpers/args.js';
import type { Instruction } from '../../parser/index.js';

/** Instructions BuildKit reads as a JSON array when their arguments are one. */
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'ADD', 'COPY', 'VOLUME', 'HEALTHCHECK']);

interface Element {
  value: string;
  quote: '"' | "'" | '';
}

interface ArrayLike {
  elements: Element[];
  closed: boolean;
}

export default defineRule({
  meta: {
    id: 'invalid-json',
    aliases: [],
    category: 'correctness',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        singleQuotes: 'This looks like a JSON array but uses single quotes, so BuildKit reads it as a shell command; JSON needs double quotes.',
        notJson: 'This looks like a JSON array but is not valid JSON, so BuildKit reads it as a shell command.',
        rewrite: 'Rewrite as a JSON array',
      },
      'zh-cn': {
        singleQuotes: '这看起来像 JSON 数组，但用了单引号，BuildKit 会把它当成 shell 命令；JSON 必须使用双引号。',
        notJson: '这看起来像 JSON 数组，但不是合法的 JSON，BuildKit 会把它当成 shell 命令。',
        rewrite: '改写为 JSON 数组',
      },
    },
    docs: {
      en: {
        summary: 'Reports arguments written as a JSON array that is not valid JSON: single quotes, a missing comma or bracket, a trailing comma.',
        why: 'Only a valid JSON array is the exec form. Anything else is silently taken as shell form: `CMD [\'node\', \'app.js\']` runs `/bin/sh -c "[\'node\', \'app.js\']"`, which fails at run time, and `COPY [\'a\', \'b/\']` looks for a file named `[\'a\',`.',
        fix: 'Rewrites the arguments as a JSON array of the same strings. Not applied on save: it switches the instruction from shell form to exec form, so check the command does not rely on the shell.',
      },
      'zh-cn': {
        summary: '报告写成 JSON 数组样子、但并非合法 JSON 的参数：用了单引号、缺少逗号或括号、末尾多了逗号等。',
        why: '只有合法的 JSON 数组才是 exec 形式，其他写法都会被悄悄当作 shell 形式：`CMD [\'node\', \'app.js\']` 实际执行的是 `/bin/sh -c "[\'node\', \'app.js\']"`，运行时必然失败；`COPY [\'a\', \'b/\']` 则会去找名为 `[\'a\',` 的文件。',
        fix: '把参数改写为由相同字符串组成的 JSON 数组。保存时不会自动应用：这会把指令从 shell 形式改为 exec 形式，请确认命令不依赖 shell。',
      },
    },
    examples: {
      bad: "FROM node:22-alpine\nCMD ['node', 'server.js']\n",
      good: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n',
    },
  },
  create(context) {
    const check = (instruction: Instruction) => {
      if (!JSON_FORM.has(instruction.keyword) || instruction.exec) return;
      const text = instruction.args.value;
      const start = commandStart(instruction);
      if (start < 0 || text[start] !== '[') return;
      const array = readArrayLike(text, start);
      if (!array || hasParseError(context.tree, instruction)) return;
      const rewritten = `[${array.elements.map((element) => JSON.stringify(element.value)).join(', ')}]`;
      const span = argsSpan(instruction, start, text.length);
      context.report({
        span,
        messageId: array.elements.some((element) => element.quote === "'") ? 'singleQuotes' : 'notJson',
        fixes: [{ messageId: 'rewrite', edits: [{ ...span, text: rewritten }], safe: false }],
      });
    };


    return { instruction: check };
  },
});

/** Where the command starts in the arguments: after `CMD` for HEALTHCHECK; -1 when there is none. */
function commandStart(instruction: Instruction): number {
  if (instruction.keyword !== 'HEALTHCHECK') return 0;
  const type = instruction.words[0]?.value ?? '';
  if (type.toUpperCase() !== 'CMD') return -1;
  const text = instruction.args.value;
  let start = type.length;
  while (start < text.length && /\s/.test(text[start])) start++;
  return start;
}

const isSpace = (char: string) => char === ' ' || char === '\t';

/**
 * Reads `[a, 'b', "c"]` leniently: quoted strings of either kind, bare words,
 * commas that may be missing or extra, a closing bracket that may be missing.
 * Returns undefined unless it reads as a list someone meant as JSON: with a
 * quoted element, or bare words separated by commas, and nothing after it.
 */
function readArrayLike(text: string, start: number): ArrayLike | undefined {
  const elements: Element[] = [];
  let commas = 0;
  let bare = 0;
  let pos = start + 1;
  let closed = false;
  while (pos < text.length) {
    const char = text[pos];
    if (isSpace(char)) {
      pos++;
    } else if (char === ']') {
      closed = true;
      pos++;
      break;
    } else if (char === ',') {
      commas++;
      pos++;
    } else if (char === '"' || char === "'") {
      const end = closingQuote(text, pos);
      if (end < 0) return undefined;
      elements.push({ value: text.slice(pos + 1, end), quote: char });
      pos = end + 1;
    } else {
      const wordStart = pos;
      while (pos < text.length && !isSpace(text[pos]) && !',]"\''.includes(text[pos])) pos++;
      elements.push({ value: text.slice(wordStart, pos), quote: '' });
      bare++;
    }
  }
  while (pos < text.length && isSpace(text[pos])) pos++;
  if (pos < text.length || elements.length === 0) return undefined;
  const quoted = elements.length - bare;
  if (bare > 0 && (commas < elements.length - 1 || commas === 0)) return undefined;
  if (quoted === 0 && !closed) return undefined;
  return { elements, closed };
}

/** The matching quote; inside double quotes a backslash escapes the next character, as in JSON. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let pos = open + 1; pos < text.length; pos++) {
    if (quote === '"' && text[pos] === '\\') pos++;
    else if (text[pos] === quote) return pos;
  }
  return -1;
}
