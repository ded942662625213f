/**
 * An instruction's `argsMap` maps offsets of its whole logical line (keyword
 * first; for ONBUILD, the ONBUILD line) to the document. A script starts at
 * the arguments, so we find their logical offset and re-base the map there.
 */
import type { SourceMap } from '../../parser/types.js';

/** The logical offset whose source offset is `source` (the inverse of the parser's `toSource`). */
export function toLogical(map: SourceMap, source: number): number {
  let best = 0;
  for (let piece = 0; piece < map.logical.length; piece++) {
    if (map.source[piece] > source) continue;
    const length = piece + 1 < map.logical.length ? map.logical[piece + 1] - map.logical[piece] : Infinity;
    if (source < map.source[piece] + length) return map.logical[piece] + source - map.source[piece];
    best = map.logical[piece] + source - map.source[piece];
  }
  return best;
}

/** The part of `map` covering logical `start .. start + length`, with offsets counted from `start`. */
export function rebaseMap(map: SourceMap, start: number, length: number): SourceMap {
  const rebased: SourceMap = { logical: [0], source: [0] };
  for (let piece = 0; piece < map.logical.length; piece++) {
    const pieceStart = map.logical[piece];
    const pieceEnd = piece + 1 < map.logical.length ? map.logical[piece + 1] : Infinity;
    if (pieceEnd <= start || pieceStart >= start + length) continue;
    if (pieceStart <= start) {
      rebased.source[0] = map.source[piece] + start - pieceStart;
    } else {
      rebased.logical.push(pieceStart - start);
      rebased.source.push(map.source[piece]);
    }
  }
  return rebased;
}
