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
  const markers = new Set(instruction.heredocs.map((heredoc) => heredoc.marker.start));
  const sources = words.slice(0, -1).filter((word) => !markers.has(word.start));
  return { sources, destination: words[words.length - 1] };
}
