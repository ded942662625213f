import { isSpace, isWordSeparator } from './chars.js';
import { scanExecForm } from './exec-form.js';
import { buildFlag, scanFlags } from './flags.js';
import { findHeredocMarkers, type HeredocMarker } from './heredoc-markers.js';
import { tokenAt, toSource, toSourceEnd, toSourceSpan } from './source-map.js';
import type { Instruction, KeyValue, ParseError, SourceMap, Token } from './types.js';
import { variableRefs } from './variables.js';
import { splitOnWhitespace, splitWords, type LineWord } from './words.js';

/**
 * Shared by every instruction without flags, words, heredocs or variables, so
 * the common case allocates nothing; replace it, never push to it.
 */
const NONE: never[] = Object.freeze([]) as never[];

/** Instructions whose arguments are a command: JSON exec form or a shell script. */
const COMMAND_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);
/** Instructions whose arguments are a list: JSON array or whitespace-separated. */
const LIST_FORM = new Set(['ADD', 'COPY', 'VOLUME']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export interface ParsedLine {
  instruction: Instruction;
  markers: HeredocMarker[];
}

export interface LineContext {
  line: string;
  map: SourceMap;
  escape: number;
  errors: ParseError[];
}

/** Parses one logical line (continuations already joined) from `start` to its end. */
export function parseInstructionLine(context: LineContext, start: number): ParsedLine {
  const { line, map } = context;
  while (start < line.length && isSpace(line.charCodeAt(start))) start++;
  let end = line.length;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  let keywordEnd = start;
  while (keywordEnd < end && !isWordSeparator(line.charCodeAt(keywordEnd))) keywordEnd++;
  const keyword = line.slice(start, keywordEnd).toUpperCase();
  const { flags: scannedFlags, argsStart: flagsEnd } = scanFlags(line, keywordEnd, end);
  let argsStart = flagsEnd;
  while (argsStart < end && isSpace(line.charCodeAt(argsStart))) argsStart++;
  const args = tokenAt(map, line, argsStart, end);
  const instruction: Instruction = {
    type: 'instruction',
    keyword,
    keywordToken: tokenAt(map, line, start, keywordEnd),
    flags: scannedFlags.length === 0 ? NONE : scannedFlags.map((flag) => buildFlag(line, map, flag)),
    args,
    argsMap: map,
    words: NONE,
    exec: undefined,
    heredocs: NONE,
    pairs: undefined,
    from: undefined,
    trigger: undefined,
    variables: NONE,
    start: toSource(map, start),
    end: toSourceSpan(map, start, end).end,
  };
  readArguments(context, instruction, argsStart, end);
  let markers: HeredocMarker[] = [];
  const heredocHost = instruction.trigger ?? instruction;
  if (HEREDOC_KEYWORDS.has(heredocHost.keyword) && !heredocHost.exec) {
    const found = findHeredocMarkers(line, argsStart, end);
    markers = found.markers;
    if (found.error) addError(context, found.error.start, found.error.end, 'invalid-heredoc', found.error.message);
  }
  return { instruction, markers };
}

function readArguments(context: LineContext, instruction: Instruction, start: number, end: number): void {
  const { line } = context;
  const keyword = instruction.keyword;
  if (keyword === 'ONBUILD') {
    if (start < end) instruction.trigger = parseInstructionLine({ ...context }, start).instruction;
    return;
  }
  if (COMMAND_FORM.has(keyword) || LIST_FORM.has(keyword)) {
    readExecForm(context, instruction, start, end);
    if (LIST_FORM.has(keyword) && !instruction.exec) instruction.words = toWords(context, splitOnWhitespace(line, start, end));
  } else if (keyword === 'FROM') {
    readFrom(context, instruction, start, end);
  } else if (keyword === 'HEALTHCHECK') {
    readHealthcheck(context, instruction, start, end);
  } else {
    const lineWords = splitWords(line, start, end, context.escape);
    instruction.words = toWords(context, lineWords);
    if (keyword === 'ENV' || keyword === 'LABEL') readNameValues(context, instruction, lineWords, start, end);
    else if (keyword === 'ARG') instruction.pairs = lineWords.map((word) => readPair(context, word));
  }
  instruction.variables = variableRefs(line, start, end, context.escape, context.map);
}

function readExecForm(context: LineContext, instruction: Instruction, start: number, end: number): void {
  const scan = scanExecForm(context.line, start, end);
  if (scan.kind === 'array') {
    instruction.exec = {
      ...toSourceSpan(context.map, scan.start, scan.end),
      elements: scan.elements.map((element) => {
        const span = toSourceSpan(context.map, element.start, element.end);
        return { value: element.value, start: span.start, end: span.end };
      }),
    };
  } else if (scan.kind === 'not-strings') {
    addError(context, start, end, 'json-not-strings', 'when using JSON array syntax, arrays must be comprised of strings only');
  }
}

function readFrom(context: LineContext, instruction: Instruction, start: number, end: number): void {
  const words = toWords(context, splitOnWhitespace(context.line, start, end));
  instruction.words = words;
  if (words.length === 0) return;
  instruction.from = { image: words[0] };
  if (words.length >= 2 && words[1].value.toLowerCase() === 'as') {
    instruction.from.asKeyword = words[1];
    if (words.length >= 3) instruction.from.stageName = words[2];
  }
}

/** `HEALTHCHECK [flags] CMD command` or `HEALTHCHECK NONE`: the type word, then a command. */
function readHealthcheck(context: LineContext, instruction: Instruction, start: number, end: number): void {
  const { line } = context;
  let typeEnd = start;
  while (typeEnd < end && !isSpace(line.charCodeAt(typeEnd))) typeEnd++;
  if (typeEnd === start) return;
  instruction.words = toWords(context, [{ start, end: typeEnd }]);
  let commandStart = typeEnd;
  while (commandStart < end && isSpace(line.charCodeAt(commandStart))) commandStart++;
  if (commandStart < end) readExecForm(context, instruction, commandStart, end);
}

/** ENV and LABEL: `KEY=value ...`, or the legacy `KEY value` when the first word has no `=`. */
function readNameValues(context: LineContext, instruction: Instruction, words: LineWord[], start: number, end: number): void {
  const { line, map } = context;
  if (words.length === 0) return;
  if (line.lastIndexOf('=', words[0].end - 1) < words[0].start) {
    let keyEnd = start;
    while (keyEnd < end && !isWordSeparator(line.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < end && isWordSeparator(line.charCodeAt(valueStart))) valueStart++;
    if (valueStart >= end) {
      addError(context, start, end, 'missing-key-value', `${instruction.keyword} must have two arguments`);
      return;
    }
    const key = tokenAt(map, line, start, keyEnd);
    const value = tokenAt(map, line, valueStart, end);
    instruction.pairs = [{ start: key.start, end: value.end, key, value, legacy: true }];
    return;
  }
  const pairs: KeyValue[] = [];
  for (const word of words) {
    if (line.slice(word.start, word.end).includes('=')) {
      pairs.push(readPair(context, word));
    } else {
      const message = `Syntax error - can't find = in ${JSON.stringify(line.slice(word.start, word.end))}. Must be of the form: name=value`;
      addError(context, word.start, word.end, 'missing-equals', message);
    }
  }
  instruction.pairs = pairs;
}

/** `KEY=value` (the value keeps its quotes, as written) or a bare `KEY`. */
function readPair(context: LineContext, word: LineWord): KeyValue {
  const { line, map } = context;
  const key = tokenAt(map, line, word.start, word.end);
  const equals = line.indexOf('=', word.start);
  if (equals < 0 || equals >= word.end) {
    return { start: key.start, end: key.end, key, value: undefined, legacy: false };
  }
  const value = tokenAt(map, line, equals + 1, word.end);
  const pairEnd = value.end;
  key.value = line.slice(word.start, equals);
  // An empty key (`=value` after a continuation) ends where it starts, not at the end of the previous line.
  key.end = equals > word.start ? toSourceEnd(map, equals) : key.start;
  return { start: key.start, end: pairEnd, key, value, legacy: false };
}

function toWords(context: LineContext, words: LineWord[]): Token[] {
  return words.length === 0 ? NONE : words.map((word) => tokenAt(context.map, context.line, word.start, word.end));
}

function addError(context: LineContext, start: number, end: number, code: ParseError['code'], message: string): void {
  context.errors.push({ ...toSourceSpan(context.map, start, end), code, message, severity: 'error' });
}
