import { Char, isDigit } from './chars.js';
import { splitWords } from './words.js';

export interface HeredocMarker {
  start: number;
  end: number;
  name: string;
  fileDescriptor: number;
  chomp: boolean;
  expand: boolean;
}

export type MarkerResult = { markers: HeredocMarker[]; error?: { start: number; end: number; message: string } };

/**
 * Finds `<<EOF`, `<<-'EOF'`, `3<<EOF`, `<< EOF` in a logical line as BuildKit
 * does: words are split shell-style with quotes kept, so `"<<EOF"` is not one.
 */
export function findHeredocMarkers(line: string, start: number, end: number): MarkerResult {
  const markers: HeredocMarker[] = [];
  if (line.indexOf('<<', start) < 0) return { markers };
  const words = splitWords(line, start, end, Char.Backslash);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let pos = word.start;
    while (pos < word.end && isDigit(line.charCodeAt(pos))) pos++;
    if (line.charCodeAt(pos) !== Char.LessThan || line.charCodeAt(pos + 1) !== Char.LessThan) continue;
    const fileDescriptor = pos > word.start ? Number(line.slice(word.start, pos)) : 0;
    pos += 2;
    const chomp = line.charCodeAt(pos) === Char.Dash;
    if (chomp) pos++;
    let nameStart = pos;
    let nameEnd = word.end;
    if (nameStart === nameEnd && i + 1 < words.length) {
      i++;
      nameStart = words[i].start;
      nameEnd = words[i].end;
    }
    if (nameStart === nameEnd || line.slice(nameStart, nameEnd).includes('<')) continue;
    const name = readDelimiter(line, nameStart, nameEnd);
    if (typeof name === 'string') {
      return { markers, error: { start: word.start, end: nameEnd, message: name } };
    }
    markers.push({ start: word.start, end: nameEnd, fileDescriptor, chomp, ...name });
  }
  return { markers };
}

/** The delimiter with quotes and escapes removed; a string is an error message. */
function readDelimiter(line: string, start: number, end: number): { name: string; expand: boolean } | string {
  let name = '';
  let quote = 0;
  let quoted = false;
  for (let pos = start; pos < end; pos++) {
    const code = line.charCodeAt(pos);
    if (quote === 0 && (code === Char.SingleQuote || code === Char.DoubleQuote)) {
      quote = code;
      quoted = true;
    } else if (quote !== 0 && code === quote) {
      quote = 0;
    } else if (code === Char.Backslash && quote !== Char.SingleQuote && pos + 1 < end) {
      pos++;
      name += line[pos];
    } else {
      name += line[pos];
    }
  }
  if (quote !== 0) return 'unterminated quote in heredoc delimiter';
  return { name, expand: !quoted };
}
