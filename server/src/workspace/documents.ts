import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyEdit, parse, type DockerfileTree } from '../parser/index.js';

/** An open Dockerfile: its text, its tree (kept in step by incremental parsing) and its version. */
export interface OpenDocument {
  readonly uri: string;
  document: TextDocument;
  tree: DockerfileTree;
}

/** A change to a document's text, in offsets of the text before it. */
export interface DocumentEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Open documents. Each change is applied to the text and to the tree in
 * order, so one keystroke reparses one instruction instead of the file.
 */
export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();

  add(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const entry = { uri, document: TextDocument.create(uri, languageId, version, text), tree: parse(text) };
    this.open.set(uri, entry);
    return entry;
  }

  /** Applies `changes` in order; `onEdit` hears each as an edit of the text before it. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[], onEdit: (edit: DocumentEdit) => void = () => {}): OpenDocument | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      if ('range' in change) {
        const start = entry.document.offsetAt(change.range.start);
        const end = entry.document.offsetAt(change.range.end);
        entry.document = TextDocument.update(entry.document, [change], version);
        entry.tree = applyEdit(entry.tree, { start, end, text: change.text });
        onEdit({ start, end, text: change.text });
      } else {
        onEdit(replacement(entry.document.getText(), change.text));
        entry.document = TextDocument.update(entry.document, [change], version);
        entry.tree = parse(change.text);
      }
    }
    return entry;
  }

  remove(uri: string): void {
    this.open.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.open.values()];
  }
}

/** A whole new text as the one edit that turns `before` into it: what lies between their common start and common end. */
function replacement(before: string, after: string): DocumentEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let common = 0;
  while (common < shorter - start && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
  return { start, end: before.length - common, text: after.slice(start, after.length - common) };
}
