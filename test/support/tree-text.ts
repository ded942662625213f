import type { Instruction, Span } from '../../server/src/parser/index.js';

/**
 * The logical text under a span of an instruction: the source pieces its
 * arguments map covers, joined, so continuation escapes and comment lines drop out.
 */
export function logicalText(text: string, instruction: Instruction, span: Span): string {
  const { logical, source } = instruction.argsMap;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const pieceLength = (i + 1 < logical.length ? logical[i + 1] : Infinity) - logical[i];
    const start = Math.max(span.start, source[i]);
    const end = Math.min(span.end, source[i] + pieceLength);
    if (end > start) out += text.slice(start, end);
  }
  return out;
}
