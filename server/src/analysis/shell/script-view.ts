import { toSourceSpan } from '../../parser/source-map.js';
import type { SourceMap, Span } from '../../parser/types.js';

/**
 * The text one tree-sitter parse saw, and how to reach the document from it:
 * `base` is where that text starts in the script (non-zero for a heredoc body
 * parsed as its own script), `map` the script's source map.
 */
export interface ScriptView {
  text: string;
  base: number;
  map: SourceMap;
  document: string | undefined;
}

export function documentSpan(view: ScriptView, start: number, end: number): Span {
  return toSourceSpan(view.map, view.base + start, view.base + end);
}

/** The text of `start..end` as written in the document, continuations included, when the document is known. */
export function writtenText(view: ScriptView, span: Span, start: number, end: number): string {
  return view.document === undefined ? view.text.slice(start, end) : view.document.slice(span.start, span.end);
}

export function nestedView(view: ScriptView, start: number, end: number): ScriptView {
  return { ...view, text: view.text.slice(start, end), base: view.base + start };
}
