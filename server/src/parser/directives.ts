import type { Directive, ParseError } from './types.js';

/** Directive names BuildKit knows; any other `# name=value` ends the directive block. */
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;

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
    if (!match || !name || !KNOWN_DIRECTIVES.has(name)) {
      this.done = true;
      return undefined;
    }
    const nameStart = start + line.indexOf(match[1], 1);
    const valueStart = start + line.indexOf(match[2], nameStart - start + match[1].length);
    const directive: Directive = {
      type: 'directive',
      name,
      nameSpan: { start: nameStart, end: nameStart + match[1].length },
      value: { value: match[2], start: valueStart, end: valueStart + match[2].length },
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
