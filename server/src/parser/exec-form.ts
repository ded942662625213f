import { Char } from './chars.js';

export interface ScannedElement {
  start: number;
  end: number;
  value: string;
}

export type ExecScan =
  | { kind: 'array'; elements: ScannedElement[]; start: number; end: number }
  | { kind: 'not-json' }
  | { kind: 'not-strings' };

function isJsonSpace(code: number): boolean {
  return code === Char.Space || code === Char.Tab || code === Char.LineFeed || code === Char.CarriageReturn;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Reads `[ "a", "b" ]` the way BuildKit does with Go's JSON decoder: the
 * whole text must be one JSON value; an array with a non-string element is an
 * error, anything else that is not JSON is shell form.
 */
export function scanExecForm(line: string, start: number, end: number): ExecScan {
  let pos = start;
  if (line.charCodeAt(pos) !== Char.OpenBracket) return { kind: 'not-json' };
  const arrayStart = pos;
  const elements: ScannedElement[] = [];
  pos = skipSpace(line, pos + 1, end);
  if (line.charCodeAt(pos) === 93) return finish(line, arrayStart, pos + 1, end, elements);
  for (;;) {
    if (line.charCodeAt(pos) !== Char.DoubleQuote) return classifyNonString(line, arrayStart, end);
    const element = scanString(line, pos, end);
    if (!element) return { kind: 'not-json' };
    elements.push(element);
    pos = skipSpace(line, element.end, end);
    const code = line.charCodeAt(pos);
    if (code === 93) return finish(line, arrayStart, pos + 1, end, elements);
    if (code !== Char.Comma) return { kind: 'not-json' };
    pos = skipSpace(line, pos + 1, end);
  }
}

function finish(line: string, start: number, close: number, end: number, elements: ScannedElement[]): ExecScan {
  return skipSpace(line, close, end) === end ? { kind: 'array', elements, start, end: close } : { kind: 'not-json' };
}

function skipSpace(line: string, pos: number, end: number): number {
  while (pos < end && isJsonSpace(line.charCodeAt(pos))) pos++;
  return pos;
}

/** A non-string element: an error if the whole text is still valid JSON, shell form if not. */
function classifyNonString(line: string, start: number, end: number): ExecScan {
  try {
    JSON.parse(line.slice(start, end));
    return { kind: 'not-strings' };
  } catch {
    return { kind: 'not-json' };
  }
}

function scanString(line: string, start: number, end: number): ScannedElement | undefined {
  let value = '';
  let chunk = start + 1;
  for (let pos = start + 1; pos < end; pos++) {
    const code = line.charCodeAt(pos);
    if (code === Char.DoubleQuote) {
      return { start, end: pos + 1, value: value + line.slice(chunk, pos) };
    }
    if (code < 0x20) return undefined;
    if (code !== Char.Backslash) continue;
    value += line.slice(chunk, pos);
    const escaped = line[pos + 1];
    if (escaped === 'u') {
      const hex = line.slice(pos + 2, pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      value += String.fromCharCode(parseInt(hex, 16));
      pos += 5;
    } else if (escaped !== undefined && ESCAPES[escaped] !== undefined) {
      value += ESCAPES[escaped];
      pos += 1;
    } else {
      return undefined;
    }
    chunk = pos + 1;
  }
  return undefined;
}
