import { Char, isSpace, isWordSeparator } from './chars.js';

/** A word as offsets into a logical line. */
export interface LineWord {
  start: number;
  end: number;
}

/**
 * BuildKit's `parseWords`: split on spaces outside quotes; quotes and escape
 * pairs stay in the word. A word that is only `""` still counts.
 */
export function splitWords(line: string, start: number, end: number, escape: number): LineWord[] {
  const words: LineWord[] = [];
  let pos = start;
  while (pos < end) {
    while (pos < end && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= end) break;
    const wordStart = pos;
    let quote = 0;
    for (; pos < end; pos++) {
      const code = line.charCodeAt(pos);
      if (quote === 0) {
        if (isSpace(code)) break;
        if (code === Char.SingleQuote || code === Char.DoubleQuote) quote = code;
        else if (code === escape && pos + 1 < end) pos++;
      } else if (code === quote) {
        quote = 0;
      } else if (code === escape && quote !== Char.SingleQuote && pos + 1 < end) {
        pos++;
      }
    }
    words.push({ start: wordStart, end: pos });
  }
  return words;
}

/** BuildKit's split on `[\t\v\f\r ]+` for FROM, EXPOSE and the shell form of COPY, ADD and VOLUME. */
export function splitOnWhitespace(line: string, start: number, end: number): LineWord[] {
  const words: LineWord[] = [];
  let pos = start;
  while (pos < end) {
    const wordStart = pos;
    while (pos < end && !isWordSeparator(line.charCodeAt(pos))) pos++;
    words.push({ start: wordStart, end: pos });
    while (pos < end && isWordSeparator(line.charCodeAt(pos))) pos++;
  }
  return words;
}
