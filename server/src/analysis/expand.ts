/**
 * Evaluates a Dockerfile word the way BuildKit does for ARG/ENV/FROM values:
 * quotes removed, escapes applied, `$X` / `${X}` / `${X:-word}` ... expanded.
 * Returns undefined where the value cannot be known (an unknown operator, or
 * nesting deeper than we follow).
 */
export type Lookup = (name: string) => string | undefined;

const MAX_DEPTH = 64;

export function expandWord(raw: string, lookup: Lookup, escape = '\\', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let out = '';
  let quote = '';
  for (let pos = 0; pos < raw.length; pos++) {
    const char = raw[pos];
    if (quote === "'") {
      if (char === "'") quote = '';
      else out += char;
    } else if (char === escape && pos + 1 < raw.length) {
      pos++;
      out += raw[pos];
    } else if ((char === '"' || char === "'") && quote === '') {
      quote = char;
    } else if (char === '"' && quote === '"') {
      quote = '';
    } else if (char === '$') {
      const expanded = expandReference(raw, pos, lookup, escape, depth);
      if (!expanded) {
        out += char;
        continue;
      }
      if (expanded.value === undefined) return undefined;
      out += expanded.value;
      pos = expanded.end - 1;
    } else {
      out += char;
    }
  }
  return out;
}

function expandReference(raw: string, dollar: number, lookup: Lookup, escape: string, depth: number): { value: string | undefined; end: number } | undefined {
  if (raw[dollar + 1] !== '{') {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(dollar + 1))?.[0];
    return name ? { value: lookup(name) ?? '', end: dollar + 1 + name.length } : undefined;
  }
  const close = matchingBrace(raw, dollar + 1);
  if (close < 0) return undefined;
  const body = raw.slice(dollar + 2, close);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
  if (!match) return { value: undefined, end: close + 1 };
  const [, name, operator, operand = ''] = match;
  const current = lookup(name);
  const word = () => expandWord(operand, lookup, escape, depth + 1);
  const value = applyOperator(operator, current, word);
  return { value, end: close + 1 };
}

function applyOperator(operator: string | undefined, current: string | undefined, word: () => string | undefined): string | undefined {
  switch (operator) {
    case undefined:
      return current ?? '';
    case ':-':
      return current ? current : word();
    case '-':
      return current !== undefined ? current : word();
    case ':+':
      return current ? word() : '';
    case '+':
      return current !== undefined ? word() : '';
    default:
      // `${X:?msg}` fails the build when X is unset; its value is X.
      return current;
  }
}

function matchingBrace(raw: string, open: number): number {
  let depth = 0;
  for (let pos = open; pos < raw.length; pos++) {
    if (raw[pos] === '{') depth++;
    else if (raw[pos] === '}' && --depth === 0) return pos;
  }
  return -1;
}

/** A word with its quotes and escapes removed and `$` references left as written. */
export function unquote(raw: string, escape = '\\'): string {
  return expandWord(raw, (name) => `\${${name}}`, escape) ?? raw;
}
