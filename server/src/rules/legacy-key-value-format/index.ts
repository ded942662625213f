import { defineRule } from '../../lint/define-rule.js';
import type { Fix, TextEdit } from '../../lint/types.js';
import { parse, type EscapeChar, type Instruction, type KeyValue } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'legacy-key-value-format',
    aliases: ['LegacyKeyValueFormat'],
    category: 'maintainability',
    severity: 'warning',
    scope: 'instruction',
    fixable: true,
    messages: {
      en: {
        legacy: 'Use `{keyword} {key}=value` instead of the legacy `{keyword} {key} value` form.',
        toEquals: 'Rewrite as {key}=value',
      },
      'zh-cn': {
        legacy: '请使用 `{keyword} {key}=value`，不要再用旧的 `{keyword} {key} value` 写法。',
        toEquals: '改写为 {key}=value',
      },
    },
    docs: {
      en: {
        summary: 'Reports ENV and LABEL in the legacy whitespace form (`ENV KEY value`).',
        why: 'In the legacy form everything after the key, spaces included, is one value, so `ENV A b C=d` sets one variable where a reader expects two. The `KEY=value` form sets several pairs per instruction (one layer of history instead of many) and is the form BuildKit keeps supporting.',
        fix: 'Rewrites the pair as `KEY=value`, quoting the value (or escaping its spaces when it has quotes of its own) so it keeps exactly the same value. Safe.',
      },
      'zh-cn': {
        summary: '报告使用旧式空格写法（`ENV KEY value`）的 ENV 和 LABEL。',
        why: '在旧写法中，键后面的所有内容（包括空格）都算作一个值，所以 `ENV A b C=d` 只设置了一个变量，而读者往往以为是两个。`KEY=value` 写法可以在一条指令里设置多组键值（镜像历史里只多一条记录），也是 BuildKit 会继续支持的写法。',
        fix: '把这一对改写为 `KEY=value`，必要时给值加引号（值本身带引号时则转义其中的空格），保证值完全不变。安全。',
      },
    },
    examples: {
      bad: 'FROM node:22-alpine\nENV NODE_ENV production\nLABEL maintainer Jane Doe\n',
      good: 'FROM node:22-alpine\nENV NODE_ENV=production\nLABEL maintainer="Jane Doe"\n',
    },
  },
  create(context) {
    const check = (instruction: Instruction) => {
      const pair = instruction.pairs?.[0];
      if (!pair?.legacy || !pair.value) return;
      const data = { keyword: instruction.keyword, key: pair.key.value };
      const rewritten = toKeyValue(context.text, pair, context.tree.escapeChar);
      const edit = rewritten === undefined ? undefined : { start: pair.key.start, end: pair.value.end, text: rewritten };
      const safe = edit !== undefined && readsAsOnePair(context.text, instruction, edit, context.tree.escapeChar);
      const fixes: Fix[] = safe ? [{ messageId: 'toEquals', data, edits: [edit], safe: true }] : [];
      context.report({ span: pair.key, messageId: 'legacy', data, fixes });
    };
    return { ENV: check, LABEL: check };
  },
});

/**
 * Whether the instruction, rewritten, reads back as one `KEY=value` pair with
 * the same key and no parse error. Read in place, with whatever follows the
 * pair on its line: keys and values made of quotes and escapes (`LABEL " t`,
 * `ENV " " \ \`) have no such spelling.
 */
function readsAsOnePair(text: string, instruction: Instruction, edit: TextEdit, escape: EscapeChar): boolean {
  const rewritten = text.slice(instruction.start, edit.start) + edit.text + text.slice(edit.end, instruction.end);
  const tree = parse(`${escape === '\\' ? '' : `# escape=${escape}\n`}${rewritten}\n`);
  const pairs = tree.instructions[0]?.pairs ?? [];
  const key = instruction.pairs![0].key.value;
  return tree.errors.length === 0 && tree.instructions.length === 1 && pairs.length === 1 && !pairs[0].legacy && pairs[0].key.value === key;
}

/**
 * `KEY=value` with the value BuildKit read from `KEY value`: there the whole
 * rest of the line is one word, so spaces outside quotes must be protected.
 * Undefined when the pair spans lines (a rewrite would have to move text).
 */
function toKeyValue(text: string, pair: KeyValue, escape: EscapeChar): string | undefined {
  const value = pair.value!;
  if (text.slice(pair.key.start, value.end) !== `${pair.key.value}${text.slice(pair.key.end, value.start)}${value.value}`) return undefined;
  if (/[\r\n]/.test(text.slice(pair.key.start, value.end))) return undefined;
  const raw = value.value;
  if (!/[ \t]/.test(raw)) return `${pair.key.value}=${raw}`;
  if (!/['"]/.test(raw) && !raw.includes(escape)) return `${pair.key.value}="${raw}"`;
  return `${pair.key.value}=${escapeBlanks(raw, escape)}`;
}

/** Puts the escape character before each space or tab that is outside quotes. */
function escapeBlanks(raw: string, escape: EscapeChar): string {
  let out = '';
  let quote = '';
  for (let pos = 0; pos < raw.length; pos++) {
    const char = raw[pos];
    if (quote) {
      if (char === quote) quote = '';
      else if (char === escape && quote === '"' && pos + 1 < raw.length) {
        out += char + raw[++pos];
        continue;
      }
    } else if (char === escape && pos + 1 < raw.length) {
      out += char + raw[++pos];
      continue;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ' ' || char === '\t') {
      out += escape;
    }
    out += char;
  }
  return out;
}
