import type { Instruction, Token } from '../parser/index.js';
import { unquote } from './expand.js';

export interface CopyArguments {
  /** Source paths or URLs, unquoted; heredoc markers are not among them. */
  sources: Token[];
  destination?: Token;
}

/** The sources and destination of a COPY or ADD, in shell or JSON form. */
export function copyArguments(instruction: Instruction, escape = '\\'): CopyArguments {
  const words: Token[] = instruction.exec
    ? instruction.exec.elements
    : instruction.words.map((word) => ({ ...word, value: unquote(word.value, escape) }));
  if (words.length === 0) return { sources: [] };
  // A quoted delimiter with a blank (`<<'x y'`) spans two words: any word inside a marker is part of it.
  const inMarker = (word: Token) => instruction.heredocs.some(({ marker }) => word.start < marker.end && marker.start < word.end);
  const sources = words.slice(0, -1).filter((word) => !inMarker(word));
  // `COPY <<EOF` has no destination: a heredoc marker is always a source.
  const last = words[words.length - 1];
  return { sources, destination: inMarker(last) ? undefined : last };
}
