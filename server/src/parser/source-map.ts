import type { SourceMap, Span, Token } from './types.js';

/** Builds a logical line from source pieces while recording where each piece came from. */
export class LogicalLineBuilder {
  text = '';
  readonly map: SourceMap = { logical: [], source: [] };

  append(source: string, start: number, end: number): void {
    // An empty piece is kept only as the first, so an empty line still has a position.
    if (end <= start && this.map.logical.length > 0) return;
    this.map.logical.push(this.text.length);
    this.map.source.push(start);
    this.text += source.slice(start, end);
  }
}

function pieceAt(map: SourceMap, offset: number, preferPrevious: boolean): number {
  const logical = map.logical;
  let low = 0;
  let high = logical.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const start = logical[middle];
    if (start < offset || (start === offset && !preferPrevious)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The source offset of a logical offset that starts something. */
export function toSource(map: SourceMap, offset: number): number {
  if (map.logical.length === 0) return 0;
  const piece = map.logical.length === 1 ? 0 : pieceAt(map, offset, false);
  return map.source[piece] + offset - map.logical[piece];
}

/** The source offset of a logical offset that ends something (exclusive), kept inside the piece it ends. */
export function toSourceEnd(map: SourceMap, offset: number): number {
  if (map.logical.length === 0) return 0;
  const piece = map.logical.length === 1 ? 0 : pieceAt(map, offset, true);
  return map.source[piece] + offset - map.logical[piece];
}

export function toSourceSpan(map: SourceMap, start: number, end: number): Span {
  const sourceStart = toSource(map, start);
  return { start: sourceStart, end: end > start ? toSourceEnd(map, end) : sourceStart };
}

/** A token for [start, end) of a logical line, built as one object (this runs for every word). */
export function tokenAt(map: SourceMap, line: string, start: number, end: number): Token {
  const sourceStart = toSource(map, start);
  return { value: line.slice(start, end), start: sourceStart, end: end > start ? toSourceEnd(map, end) : sourceStart };
}
