import { Char, isSpace } from './chars.js';
import { toSourceSpan } from './source-map.js';
import type { Flag, FlagOption, SourceMap, Token } from './types.js';

interface ScannedFlag {
  start: number;
  end: number;
  raw: string;
}

/** Flags whose value is a comma-separated list of `key=value` options. */
const OPTION_FLAGS = new Set(['mount']);

/**
 * Reads leading `--flag[=value]` words as BuildKit does (quotes and `\` are
 * processed, `--` ends the flags) and returns where the arguments begin.
 */
export function scanFlags(line: string, from: number, end: number): { flags: ScannedFlag[]; argsStart: number } {
  const flags: ScannedFlag[] = [];
  let pos = from;
  for (;;) {
    while (pos < end && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= end) return { flags, argsStart: end };
    if (line.charCodeAt(pos) !== Char.Dash || line.charCodeAt(pos + 1) !== Char.Dash) return { flags, argsStart: pos };
    const start = pos;
    let raw = '';
    let quote = 0;
    let blankOk = false;
    for (; pos < end; pos++) {
      let code = line.charCodeAt(pos);
      if (quote === 0 && isSpace(code)) break;
      if (quote !== 0 && code === quote) {
        quote = 0;
        continue;
      }
      if (quote === 0 && (code === Char.SingleQuote || code === Char.DoubleQuote)) {
        quote = code;
        blankOk = true;
        continue;
      }
      if (code === Char.Backslash) {
        if (pos + 1 === end) continue;
        pos++;
        code = line.charCodeAt(pos);
      }
      raw += String.fromCharCode(code);
    }
    if (raw === '--') {
      return { flags, argsStart: pos };
    }
    if (blankOk || raw.length > 0) flags.push({ start, end: pos, raw });
  }
}

export function buildFlag(line: string, map: SourceMap, scanned: ScannedFlag): Flag {
  const span = toSourceSpan(map, scanned.start, scanned.end);
  const written = line.slice(scanned.start, scanned.end);
  const equals = written.indexOf('=');
  const nameEnd = equals < 0 ? scanned.end : scanned.start + equals;
  const rawEquals = scanned.raw.indexOf('=');
  const flag: Flag = {
    start: span.start,
    end: span.end,
    raw: scanned.raw,
    name: rawEquals < 0 ? scanned.raw.slice(2) : scanned.raw.slice(2, rawEquals),
    nameSpan: toSourceSpan(map, scanned.start + 2, nameEnd),
  };
  if (rawEquals >= 0) {
    const valueStart = equals < 0 ? scanned.end : nameEnd + 1;
    const valueSpan = toSourceSpan(map, valueStart, scanned.end);
    flag.value = { value: scanned.raw.slice(rawEquals + 1), start: valueSpan.start, end: valueSpan.end };
    if (OPTION_FLAGS.has(flag.name)) flag.options = splitOptions(line, map, valueStart, scanned.end);
  }
  return flag;
}

/** Splits `type=cache,target=/x` into options, quotes honoured; values are unquoted. */
function splitOptions(line: string, map: SourceMap, start: number, end: number): FlagOption[] {
  const options: FlagOption[] = [];
  let partStart = start;
  let quote = 0;
  for (let pos = start; pos <= end; pos++) {
    const code = pos < end ? line.charCodeAt(pos) : Char.Comma;
    if (quote !== 0) {
      if (code === quote) quote = 0;
      continue;
    }
    if (code === Char.SingleQuote || code === Char.DoubleQuote) {
      quote = code;
    } else if (code === Char.Comma) {
      if (pos > partStart) options.push(buildOption(line, map, partStart, pos));
      partStart = pos + 1;
    }
  }
  return options;
}

function buildOption(line: string, map: SourceMap, start: number, end: number): FlagOption {
  const equals = line.indexOf('=', start);
  const keyEnd = equals < 0 || equals >= end ? end : equals;
  const span = toSourceSpan(map, start, end);
  const option: FlagOption = { start: span.start, end: span.end, key: token(line, map, start, keyEnd) };
  if (keyEnd < end) option.value = token(line, map, keyEnd + 1, end);
  return option;
}

function token(line: string, map: SourceMap, start: number, end: number): Token {
  const span = toSourceSpan(map, start, end);
  return { value: unquote(line.slice(start, end)), start: span.start, end: span.end };
}

function unquote(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]
    ? text.slice(1, -1)
    : text;
}
