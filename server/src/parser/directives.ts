import type { Directive, ParseError } from './types.js';

/** Directive names BuildKit knows; any other `# name=value` ends the directive block. */
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/**
 * `# name = value`: the value is the rest, blanks trimmed in code (trimming in the
 * pattern, `=\s*(.+?)\s*$`, backtracks cubically on a long line of blanks).
 */
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=([^]*)$/;
const BLANK = new Set([9, 10, 12, 13, 32]);
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** Reads parser directives: only at the very top, each name once. */
export class DirectiveReader {
  done = false;
  escape: number | undefined;
  private readonly seen = new Set<string>();

  /** Reads a comment line (from its `#`); returns a directive, or undefined for a plain comment. */
  read(text: string, start: number, end: number, errors: ParseError[]): Directive | undefined {
    if (this.done) return undefined;
    const line = text.slice(start, end);
    const match = DIRECTIVE.exec(line);
    const name = match?.[1].toLowerCase();
    // The value, blanks trimmed: not empty, and on one line.
    const rest = match?.[2] ?? '';
    let first = 0;
    let last = rest.length;
    while (first < last && BLANK.has(rest.charCodeAt(first))) first++;
    while (last > first && BLANK.has(rest.charCodeAt(last - 1))) last--;
    if (first === last) {
      // Blanks only: BuildKit's pattern backtracks to make the last blank that is not a line end the value (`#escape= ` gives ' ').
      last = rest.length;
      while (last > 0 && LINE_TERMINATOR.test(rest[last - 1])) last--;
      first = Math.max(0, last - 1);
    }
    const value = rest.slice(first, last);
    if (!match || !name || !KNOWN_DIRECTIVES.has(name) || value === '' || LINE_TERMINATOR.test(value)) {
      this.done = true;
      return undefined;
    }
    const nameStart = start + line.indexOf(match[1], 1);
    const valueStart = end - rest.length + first;
    const directive: Directive = {
      type: 'directive',
      name,
      nameSpan: { start: nameStart, end: nameStart + match[1].length },
      value: { value, start: valueStart, end: valueStart + value.length },
      start,
      end,
    };
    if (this.seen.has(name)) {
      errors.push({ ...directive.nameSpan, code: 'duplicate-directive', message: `only one ${name} parser directive can be used`, severity: 'error' });
      return directive;
    }
    this.seen.add(name);
    if (name === 'escape') this.readEscape(directive, errors);
    return directive;
  }

  private readEscape(directive: Directive, errors: ParseError[]): void {
    const value = directive.value.value;
    if (value === '\\' || value === '`') {
      this.escape = value.charCodeAt(0);
      return;
    }
    errors.push({
      start: directive.value.start,
      end: directive.value.end,
      code: 'invalid-escape',
      message: `invalid escape token '${value}' does not match \` or \\`,
      severity: 'error',
    });
  }
}
