import type { Instruction, Span } from '../../parser/index.js';
import type { TextEdit } from '../types.js';

export function replace(span: Span, text: string): TextEdit {
  return { start: span.start, end: span.end, text };
}

/** Deletes an instruction's whole lines, line end included. */
export function removeInstruction(text: string, instruction: Instruction): TextEdit {
  return removeLines(text, instruction);
}

/** Deletes the whole lines a span covers (a comment, an instruction), line end included. */
export function removeLines(text: string, span: Span): TextEdit {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  let end = span.end;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end += 1;
  return { start, end, text: '' };
}

/** The line end the document uses, for edits that add lines. */
export function lineEndOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The leading white space of the line an offset sits on. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
