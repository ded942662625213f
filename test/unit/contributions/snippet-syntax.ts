/**
 * Expands a VS Code snippet body to the text it inserts when every placeholder
 * keeps its default: `${1:default}` → `default` (nested ones too), `${1|a,b|}`
 * → `a`, `$1` / `${1}` → ``, `\$` → `$`. Throws on a variable (`$NAME`,
 * `${NAME}`): in a Dockerfile snippet that is almost always a `$` that should
 * have been escaped, and VS Code would insert the name without its `$`.
 */
export function expandSnippet(body: string): string {
  let pos = 0;

  function text(stopAt: string): string {
    let out = '';
    while (pos < body.length) {
      const char = body[pos];
      if (char === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (stopAt.includes(char)) {
        return out;
      } else if (char === '$') {
        out += dollar();
      } else {
        out += char;
        pos++;
      }
    }
    return out;
  }

  function dollar(): string {
    const start = pos;
    pos++;
    const bare = /^\d+/.exec(body.slice(pos));
    if (bare) {
      pos += bare[0].length;
      return '';
    }
    if (body[pos] !== '{') throw new Error(`snippet variable or unescaped $ at ${start}: ${JSON.stringify(body.slice(start, start + 20))}`);
    pos++;
    const index = /^\d+/.exec(body.slice(pos));
    if (!index) throw new Error(`snippet variable at ${start}: ${JSON.stringify(body.slice(start, start + 20))}`);
    pos += index[0].length;
    const kind = body[pos];
    if (kind === '}') {
      pos++;
      return '';
    }
    if (kind === ':') {
      pos++;
      const value = text('}');
      pos++;
      return value;
    }
    if (kind === '|') {
      const end = body.indexOf('|}', pos);
      if (end < 0) throw new Error(`unterminated choice at ${start}`);
      const choices = body.slice(pos + 1, end).split(',');
      pos = end + 2;
      return choices[0];
    }
    throw new Error(`malformed placeholder at ${start}: ${JSON.stringify(body.slice(start, start + 20))}`);
  }

  const result = text('');
  return result;
}
