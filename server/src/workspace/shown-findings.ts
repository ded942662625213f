import type { Finding } from '../lint/types.js';
import type { DocumentEdit } from './documents.js';

interface Shown {
  version: number;
  findings: Finding[];
  /** Where each finding is in the current text: its span at `version`, moved through every edit since. */
  spans: Int32Array;
}

/**
 * The findings last shown per document. Under `lint.run: onSave` they outlive
 * the text they were found in, so each edit moves them as the editor moves its
 * markers: spans before an edit stay, spans after it shift, a span the edit
 * cuts into shrinks to what is left and text typed at its edges stays outside. Their ranges therefore always lie inside
 * the current document.
 */
export class ShownFindings {
  private readonly byUri = new Map<string, Shown>();

  set(uri: string, version: number, findings: Finding[]): void {
    const spans = new Int32Array(findings.length * 2);
    findings.forEach((finding, index) => {
      spans[2 * index] = finding.span.start;
      spans[2 * index + 1] = finding.span.end;
    });
    this.byUri.set(uri, { version, findings, spans });
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Moves the spans of `uri` through an edit of its text (offsets in the text before the edit). */
  edited(uri: string, edit: DocumentEdit): void {
    const shown = this.byUri.get(uri);
    if (!shown) return;
    const { spans } = shown;
    for (let index = 0; index < spans.length; index += 2) {
      spans[index] = movedStart(spans[index], edit);
      // An empty span where text is inserted moves past it whole.
      spans[index + 1] = Math.max(spans[index], movedEnd(spans[index + 1], edit));
    }
  }

  /** The shown findings at their current places, or undefined when none were shown. */
  current(uri: string): Finding[] | undefined {
    const shown = this.byUri.get(uri);
    if (!shown) return undefined;
    return shown.findings.map((finding, index) => {
      const [start, end] = [shown.spans[2 * index], shown.spans[2 * index + 1]];
      return start === finding.span.start && end === finding.span.end ? finding : { ...finding, span: { start, end } };
    });
  }
}

/** Text inserted where a span starts goes before it; a start inside the replaced text moves to where the edit starts. */
function movedStart(offset: number, edit: DocumentEdit): number {
  if (offset < edit.start) return offset;
  if (offset >= edit.end) return offset + edit.text.length - (edit.end - edit.start);
  return edit.start;
}

/** An end inside the replaced text moves to where the inserted text ends; an end at the edit's start does not grow into it. */
function movedEnd(offset: number, edit: DocumentEdit): number {
  if (offset <= edit.start) return offset;
  if (offset >= edit.end) return offset + edit.text.length - (edit.end - edit.start);
  return edit.start + edit.text.length;
}
