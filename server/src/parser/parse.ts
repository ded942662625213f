import { Char, isSpace } from './chars.js';
import { DirectiveReader } from './directives.js';
import type { HeredocMarker } from './heredoc-markers.js';
import { parseInstructionLine } from './instruction.js';
import { LogicalLineBuilder, toSourceSpan } from './source-map.js';
import { deriveStages } from './stages.js';
import type { Comment, Directive, DockerfileTree, EscapeChar, Heredoc, Instruction, ParseError } from './types.js';
import { variableRefs } from './variables.js';

/** Where a physical line's content ends (before `\r\n`), and where the next line starts. */
interface PhysicalLine {
  start: number;
  contentEnd: number;
  next: number;
}

/** Everything the top-level loop accumulates; the incremental parser resumes from such a state. */
export interface ParseState {
  text: string;
  escape: number;
  directives: DirectiveReader;
  directiveNodes: Directive[];
  comments: Comment[];
  instructions: Instruction[];
  errors: ParseError[];
}

/** Parses a whole Dockerfile. Never throws: problems become `errors` with spans. */
export function parse(text: string): DockerfileTree {
  const state = newState(text);
  const bom = text.charCodeAt(0) === Char.ByteOrderMark;
  parseRange(state, bom ? 1 : 0, () => false);
  return finishTree(state, bom);
}

export function newState(text: string): ParseState {
  return {
    text,
    escape: Char.Backslash,
    directives: new DirectiveReader(),
    directiveNodes: [],
    comments: [],
    instructions: [],
    errors: [],
  };
}

export function finishTree(state: ParseState, bom: boolean): DockerfileTree {
  const errors = state.errors;
  if (state.instructions.length === 0) {
    const end = state.text.length;
    errors.push({ start: end, end, code: 'no-instructions', message: 'file with no instructions', severity: 'error' });
  }
  if (errors.length > 1) errors.sort((a, b) => a.start - b.start);
  const { globalArgs, stages } = deriveStages(state.instructions);
  return {
    text: state.text,
    escapeChar: String.fromCharCode(state.escape) as EscapeChar,
    bom,
    directives: state.directiveNodes,
    comments: state.comments,
    instructions: state.instructions,
    globalArgs,
    stages,
    errors,
  };
}

function readLine(text: string, start: number): PhysicalLine {
  let newline = text.indexOf('\n', start);
  if (newline < 0) newline = text.length;
  let contentEnd = newline;
  while (contentEnd > start) {
    const code = text.charCodeAt(contentEnd - 1);
    if (code !== Char.CarriageReturn && code !== Char.LineFeed) break;
    contentEnd--;
  }
  return { start, contentEnd, next: newline < text.length ? newline + 1 : text.length };
}

function skipSpace(text: string, pos: number, end: number): number {
  while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * Parses top-level lines from `start` (a line start) until the end, or until
 * `stopAt` says to stop at a line start; returns the offset where it stopped.
 */
export function parseRange(state: ParseState, start: number, stopAt: (lineStart: number) => boolean): number {
  const text = state.text;
  let pos = start;
  while (pos < text.length && !stopAt(pos)) {
    const line = readLine(text, pos);
    const first = skipSpace(text, line.start, line.contentEnd);
    if (first < line.contentEnd && text.charCodeAt(first) === Char.Hash) {
      readCommentOrDirective(state, first, line.contentEnd);
      pos = line.next;
      continue;
    }
    state.directives.done = true;
    if (first === line.contentEnd) {
      pos = line.next;
      continue;
    }
    pos = readInstruction(state, first, line);
  }
  return pos;
}

function readCommentOrDirective(state: ParseState, start: number, end: number): void {
  const directive = state.directives.read(state.text, start, end, state.errors);
  if (directive) {
    state.directiveNodes.push(directive);
    if (directive.name === 'escape' && state.directives.escape !== undefined) state.escape = state.directives.escape;
    return;
  }
  state.comments.push(commentAt(state.text, start, end, false));
}

function commentAt(text: string, start: number, end: number, inContinuation: boolean): Comment {
  return { type: 'comment', start, end, text: text.slice(start + 1, end).trim(), inContinuation };
}

/** Whether a line (from `start`, content up to `end`) ends with a continuation; returns where the escape sits, or -1. */
function continuationAt(text: string, start: number, end: number, escape: number): number {
  let last = end;
  while (last > start && (text.charCodeAt(last - 1) === Char.Space || text.charCodeAt(last - 1) === Char.Tab)) last--;
  if (last === start || text.charCodeAt(last - 1) !== escape) return -1;
  const escapeAt = last - 1;
  if (escapeAt > start && text.charCodeAt(escapeAt - 1) === escape) return -1;
  return escapeAt;
}

/** Reads one instruction: its continuation lines, then its heredoc bodies. Returns the next line start. */
function readInstruction(state: ParseState, first: number, line: PhysicalLine): number {
  const text = state.text;
  const builder = new LogicalLineBuilder();
  let escapeAt = continuationAt(text, first, line.contentEnd, state.escape);
  builder.append(text, first, escapeAt < 0 ? line.contentEnd : escapeAt);
  let lastEnd = line.contentEnd;
  let pos = line.next;
  let emptyContinuation = -1;
  while (escapeAt >= 0 && pos < text.length) {
    const next = readLine(text, pos);
    pos = next.next;
    const firstChar = skipSpace(text, next.start, next.contentEnd);
    if (firstChar < next.contentEnd && text.charCodeAt(firstChar) === Char.Hash) {
      state.comments.push(commentAt(text, firstChar, next.contentEnd, true));
      continue;
    }
    if (firstChar === next.contentEnd) {
      if (emptyContinuation < 0) emptyContinuation = next.start;
      continue;
    }
    escapeAt = continuationAt(text, next.start, next.contentEnd, state.escape);
    builder.append(text, next.start, escapeAt < 0 ? next.contentEnd : escapeAt);
    lastEnd = next.contentEnd;
  }
  const { instruction, markers } = parseInstructionLine(
    { line: builder.text, map: builder.map, escape: state.escape, errors: state.errors },
    0,
  );
  // The instruction starts on its first line even when that line holds only an escape.
  instruction.start = first;
  instruction.end = Math.max(instruction.end, lastEnd);
  if (emptyContinuation >= 0) {
    state.errors.push({
      start: emptyContinuation,
      end: emptyContinuation,
      code: 'empty-continuation-line',
      message: 'Empty continuation line',
      severity: 'warning',
    });
  }
  if (markers.length > 0) pos = readHeredocBodies(state, instruction, markers, pos);
  state.instructions.push(instruction);
  return pos;
}

function readHeredocBodies(state: ParseState, instruction: Instruction, markers: HeredocMarker[], start: number): number {
  const text = state.text;
  const host = instruction.trigger ?? instruction;
  let pos = start;
  for (const marker of markers) {
    const contentStart = pos;
    let terminator: { start: number; end: number } | undefined;
    while (pos < text.length) {
      const line = readLine(text, pos);
      let candidate = line.start;
      if (marker.chomp) while (text.charCodeAt(candidate) === Char.Tab) candidate++;
      if (line.contentEnd - candidate === marker.name.length && text.startsWith(marker.name, candidate)) {
        terminator = { start: line.start, end: line.contentEnd };
        pos = line.next;
        break;
      }
      pos = line.next;
    }
    const contentEnd = terminator ? terminator.start : text.length;
    const markerSpan = toSourceSpan(instruction.argsMap, marker.start, marker.end);
    const heredoc: Heredoc = {
      name: marker.name,
      marker: markerSpan,
      fileDescriptor: marker.fileDescriptor,
      expand: marker.expand,
      chomp: marker.chomp,
      content: { value: text.slice(contentStart, contentEnd), start: contentStart, end: contentEnd },
      terminator,
      start: markerSpan.start,
      end: terminator ? terminator.end : contentEnd,
    };
    host.heredocs = [...host.heredocs, heredoc];
    if (marker.expand) host.variables = [...host.variables, ...variableRefs(text, contentStart, contentEnd, Char.Backslash)];
    instruction.end = Math.max(instruction.end, heredoc.end);
    if (!terminator) {
      state.errors.push({ start: markerSpan.start, end: markerSpan.end, code: 'unterminated-heredoc', message: 'unterminated heredoc', severity: 'error' });
      break;
    }
  }
  if (host !== instruction) instruction.end = Math.max(instruction.end, host.end);
  host.end = Math.max(host.end, instruction.end);
  return pos;
}

