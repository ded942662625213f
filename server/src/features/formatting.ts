import type { FormattingOptions, Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isInstruction } from '../analysis/instructions.js';
import type { TextEdit } from '../lint/types.js';
import type { DockerfileTree, Instruction, Span } from '../parser/index.js';
import { outerInstructionAt } from './locate.js';

export interface FormatSettings {
  /** Spaces before each continuation line (nested lines keep their extra indentation). */
  continuationIndent: number;
  /** How wide a tab is when measuring indentation that holds tabs. */
  tabSize: number;
}

export function formatSettings(continuationIndent: number, options: FormattingOptions): FormatSettings {
  return { continuationIndent, tabSize: options.tabSize > 0 ? options.tabSize : 4 };
}

/**
 * Formats without changing what BuildKit reads: keywords upper-cased, one space
 * after them, instructions at the start of their line, continuation lines
 * indented by the setting (relative indentation kept), trailing whitespace
 * removed. Heredoc bodies are left as written; whitespace inside quotes, and
 * any that joins or separates words, is never touched; escape characters
 * aligned in a column stay in that column. A second pass changes nothing.
 */
export function formatDocument(tree: DockerfileTree, document: TextDocument, settings: FormatSettings): LspTextEdit[] {
  return toLsp(document, formatEdits(tree, settings, 0, tree.text.length));
}

export function formatRange(tree: DockerfileTree, document: TextDocument, range: Range, settings: FormatSettings): LspTextEdit[] {
  const start = document.offsetAt({ line: range.start.line, character: 0 });
  const end = document.offsetAt(range.end);
  return toLsp(document, formatEdits(tree, settings, start, end));
}

/**
 * After Enter on a line continued with the escape character: the new line
 * gets the continuation indent (or the previous continuation line's), and the
 * finished line is formatted.
 */
export function formatOnType(tree: DockerfileTree, document: TextDocument, position: Position, character: string, settings: FormatSettings): LspTextEdit[] {
  if (character !== '\n' || position.line === 0) return [];
  const text = tree.text;
  const previousStart = document.offsetAt({ line: position.line - 1, character: 0 });
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const previous = lineAt(text, previousStart);
  const instruction = outerInstructionAt(tree, previous.start) ?? outerInstructionAt(tree, previous.contentEnd);
  if (!instruction || inHeredoc(instruction, previous.start) || escapeAt(text, previous, tree.escapeChar) < 0) return [];
  // The finished line's indentation is left as typed: nesting is the writer's choice while typing.
  const edits = instructionEdits(tree, instruction, settings).filter(
    (edit) => edit.start >= previous.start && edit.end <= previous.contentEnd && (previous.start <= instruction.start || edit.start > previous.start),
  );
  const indent = previous.start <= instruction.start ? ' '.repeat(settings.continuationIndent) : text.slice(previous.start, firstNonBlank(text, previous));
  const current = lineAt(text, lineStart);
  const currentIndentEnd = firstNonBlank(text, current);
  if (text.slice(lineStart, currentIndentEnd) !== indent) edits.push({ start: lineStart, end: currentIndentEnd, text: indent });
  return toLsp(document, edits);
}

/** Edits for the instructions and other lines that overlap [start, end]. */
export function formatEdits(tree: DockerfileTree, settings: FormatSettings, start: number, end: number): TextEdit[] {
  const text = tree.text;
  const edits: TextEdit[] = [];
  let pos = 0;
  const gap = (until: number) => {
    while (pos < until) {
      const line = lineAt(text, pos);
      if (line.next > start && line.start <= end) trimTrailing(text, line, edits);
      pos = line.next;
    }
  };
  for (const instruction of tree.instructions) {
    const first = lineStartOf(text, instruction.start);
    gap(first);
    const last = lineAt(text, lineStartOf(text, Math.max(instruction.start, instruction.end - 1)));
    const lines = instructionLines(tree, instruction);
    // A loop, not push(...): an instruction may have 100,000 lines, each an edit, more than a call takes as arguments.
    if (last.next > start && first <= end) for (const edit of instructionEdits(tree, instruction, settings, lines)) edits.push(edit);
    // Comment lines after a trailing escape belong to the instruction's lines, not to the gap.
    pos = Math.max(pos, last.next, lines[lines.length - 1].next);
  }
  gap(text.length);
  return edits;
}

interface Line {
  start: number;
  /** Before `\r\n` or `\n`. */
  contentEnd: number;
  next: number;
}

interface ContinuationLine extends Line {
  kind: 'content' | 'comment' | 'blank';
  indentEnd: number;
  /** The continuation escape on this line, or -1. */
  escape: number;
  /** Whether the logical line is outside any quote where this line's piece begins. */
  startsOutsideQuotes: boolean;
  /** Whether the logical line is outside any quote where this line's piece ends. */
  endsOutsideQuotes: boolean;
  /** Whether the logical text before this line's piece ends with whitespace. */
  afterWhitespace: boolean;
}

function instructionEdits(tree: DockerfileTree, instruction: Instruction, settings: FormatSettings, lines = instructionLines(tree, instruction)): TextEdit[] {
  const text = tree.text;
  const edits: TextEdit[] = [];
  const firstLine = lines[0];
  /** How far each line's text moves right (negative: left), for the escape alignment. */
  const shifts = new Map<Line, number>();

  // The first line: no indentation, the keyword in upper case, one space after it.
  let shift = 0;
  let indentStart = instruction.start;
  // Only blanks: a byte-order mark before the first instruction stays.
  while (indentStart > firstLine.start && isBlank(text.charCodeAt(indentStart - 1))) indentStart--;
  // Nor may removing it bring a U+FEFF to the start of the file, where it would become a byte-order mark.
  const becomesBom = indentStart === 0 && text.charCodeAt(instruction.start) === 0xfeff;
  if (instruction.start > indentStart && !becomesBom) {
    edits.push({ start: indentStart, end: instruction.start, text: '' });
    shift -= instruction.start - indentStart;
  }
  let escapeRun: Span | undefined;
  for (const keyword of instruction.trigger ? [instruction, instruction.trigger] : [instruction]) {
    const token = keyword.keywordToken;
    if (token.end > firstLine.contentEnd) break;
    if (isInstruction(keyword.keyword) && token.value !== keyword.keyword) edits.push({ start: token.start, end: token.end, text: keyword.keyword });
    let runEnd = token.end;
    while (runEnd < firstLine.contentEnd && isBlank(text.charCodeAt(runEnd))) runEnd++;
    if (runEnd === firstLine.contentEnd || runEnd === token.end) break;
    if (runEnd === firstLine.escape) escapeRun = { start: token.end, end: runEnd };
    if (text.slice(token.end, runEnd) !== ' ') {
      edits.push({ start: token.end, end: runEnd, text: ' ' });
      shift += 1 - (runEnd - token.end);
    }
  }
  shifts.set(firstLine, shift);

  // Continuation lines: indentation by the setting, nesting kept, where whitespace there means nothing.
  // A Set and a loop: an instruction may have 100,000 continuation lines (includes() was quadratic, and spreading them into Math.min overflows the stack).
  const eligible = new Set(lines.slice(1).filter((line) => line.kind === 'content' && canReindent(line, settings)));
  let minimum = Infinity;
  for (const line of eligible) minimum = Math.min(minimum, widthOf(text, line, settings.tabSize));
  for (const line of lines.slice(1)) {
    if (line.kind === 'blank' || !Number.isFinite(minimum)) continue;
    if (line.kind === 'content' && !eligible.has(line)) continue;
    const width = widthOf(text, line, settings.tabSize);
    const indent = ' '.repeat(line.kind === 'comment' && width < minimum ? settings.continuationIndent : settings.continuationIndent + width - minimum);
    const old = text.slice(line.start, line.indentEnd);
    if (old === indent) continue;
    edits.push({ start: line.start, end: line.indentEnd, text: indent });
    shifts.set(line, indent.length - old.length);
  }

  // Escapes aligned in one column stay there: the whitespace before them takes up the shift.
  const columns = new Map<number, number>();
  for (const line of lines) if (line.escape >= 0) columns.set(line.escape - line.start, (columns.get(line.escape - line.start) ?? 0) + 1);
  for (const line of lines) {
    const moved = shifts.get(line) ?? 0;
    if (moved === 0 || line.escape < 0 || (columns.get(line.escape - line.start) ?? 0) < 2 || !line.endsOutsideQuotes) continue;
    let runStart = line.escape;
    while (runStart > line.start && isBlank(text.charCodeAt(runStart - 1))) runStart--;
    const run = line.escape - runStart;
    // Blanks before the instruction's start (after a Unicode space BuildKit skips, such as U+2028) are the first line's leading-blank edit.
    if (run === 0 || runStart <= line.indentEnd || runStart < instruction.start || (line === firstLine && escapeRun)) continue;
    const wanted = Math.max(1, run - moved);
    if (wanted !== run) edits.push({ start: runStart, end: line.escape, text: ' '.repeat(wanted) });
  }

  for (const line of lines) trimTrailing(text, line, edits);
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * Changing a continuation line's indentation changes the logical line: only
 * where that whitespace separates words outside quotes (or is new whitespace
 * after whitespace already there) does it mean nothing.
 */
function canReindent(line: ContinuationLine, settings: FormatSettings): boolean {
  if (!line.startsOutsideQuotes) return false;
  if (line.afterWhitespace) return true;
  return line.indentEnd > line.start && settings.continuationIndent > 0;
}

/** The physical lines of an instruction, heredoc bodies left out, with the quote state at each join. */
function instructionLines(tree: DockerfileTree, instruction: Instruction): ContinuationLine[] {
  const text = tree.text;
  const escape = tree.escapeChar;
  const host = instruction.trigger ?? instruction;
  const lines: ContinuationLine[] = [];
  const quotes = new QuoteTracker(escape);
  let pos = lineStartOf(text, instruction.start);
  let continued = true;
  let first = true;
  while (pos < text.length && continued) {
    const line = lineAt(text, pos);
    pos = line.next;
    if (inHeredoc(host, line.start)) break;
    const indentEnd = firstNonBlank(text, line);
    // Blanks and lone `\r`s (line breaks to the editor, not to BuildKit) make a blank line: nothing to indent.
    const kind = /^[ \t\r]*$/.test(text.slice(indentEnd, line.contentEnd)) ? 'blank' : !first && text[indentEnd] === '#' ? 'comment' : 'content';
    const escapeOffset = kind === 'content' ? escapeAt(text, line, escape) : -1;
    const startsOutsideQuotes = quotes.outside;
    const afterWhitespace = quotes.afterWhitespace;
    if (kind === 'content') {
      quotes.scan(text, first ? instruction.start : line.start, escapeOffset >= 0 ? escapeOffset : line.contentEnd);
      continued = escapeOffset >= 0;
    }
    lines.push({
      start: line.start,
      contentEnd: line.contentEnd,
      next: line.next,
      kind,
      indentEnd,
      escape: escapeOffset,
      startsOutsideQuotes,
      endsOutsideQuotes: quotes.outside,
      afterWhitespace,
    });
    first = false;
  }
  return lines;
}

/** Follows quotes through the pieces of a logical line, as the shell (and JSON) read them. */
class QuoteTracker {
  private quote = '';
  afterWhitespace = false;

  constructor(private readonly escape: string) {}

  get outside(): boolean {
    return this.quote === '';
  }

  scan(text: string, start: number, end: number): void {
    for (let pos = start; pos < end; pos++) {
      const char = text[pos];
      if (this.quote === "'") {
        if (char === "'") this.quote = '';
      } else if (char === this.escape || (this.quote === '"' && char === '\\')) {
        pos++;
      } else if (char === '"' || char === "'") {
        this.quote = this.quote === char ? '' : this.quote === '' ? char : this.quote;
      }
    }
    if (end > start) this.afterWhitespace = isBlank(text.charCodeAt(end - 1));
  }
}

function inHeredoc(instruction: Instruction, offset: number): boolean {
  const host = instruction.trigger ?? instruction;
  return host.heredocs.some((heredoc) => offset >= heredoc.content.start && offset < (heredoc.terminator?.end ?? heredoc.content.end) + 1);
}

/** Where a line's continuation escape sits (trailing blanks allowed after it), or -1; a doubled escape is not one. */
function escapeAt(text: string, line: Line, escape: string): number {
  let last = line.contentEnd;
  while (last > line.start && isBlank(text.charCodeAt(last - 1))) last--;
  if (last === line.start || text[last - 1] !== escape) return -1;
  if (last - 1 > line.start && text[last - 2] === escape) return -1;
  return last - 1;
}

function trimTrailing(text: string, line: Line, edits: TextEdit[]): void {
  // A lone `\r` ends a line for the editor, not for BuildKit: blanks next to one are left alone, since
  // trimming them could turn `\ \r ` into an escaped line end, or leave blanks for a second pass.
  let start = line.contentEnd;
  while (start > line.start && (isBlank(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 13)) start--;
  if (start < line.contentEnd && !text.slice(start, line.contentEnd).includes('\r')) edits.push({ start, end: line.contentEnd, text: '' });
}

function widthOf(text: string, line: ContinuationLine, tabSize: number): number {
  let width = 0;
  for (let pos = line.start; pos < line.indentEnd; pos++) width = text[pos] === '\t' ? width + tabSize - (width % tabSize) : width + 1;
  return width;
}

function firstNonBlank(text: string, line: Line): number {
  let pos = line.start;
  while (pos < line.contentEnd && isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

function lineAt(text: string, start: number): Line {
  let newline = text.indexOf('\n', start);
  if (newline < 0) newline = text.length;
  const contentEnd = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  return { start, contentEnd, next: newline < text.length ? newline + 1 : text.length };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function toLsp(document: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text }));
}
