import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyEdit, parse, type DockerfileTree } from '../parser/index.js';

/** An open Dockerfile: its text, its tree (kept in step by incremental parsing) and its version. */
export interface OpenDocument {
  readonly uri: string;
  document: TextDocument;
  tree: DockerfileTree;
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

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      if ('range' in change) {
        const start = entry.document.offsetAt(change.range.start);
        const end = entry.document.offsetAt(change.range.end);
        entry.document = TextDocument.update(entry.document, [change], version);
        entry.tree = applyEdit(entry.tree, { start, end, text: change.text });
      } else {
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
