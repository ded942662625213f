import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyEdit, parse, SlicedParse, type DockerfileTree } from '../parser/index.js';
import { afterPendingRequests } from './yield-to-requests.js';

/** Above this many characters (about 2,000 typical lines), an opened document is parsed in slices. */
const SLICED_PARSE_CHARS = 100_000;
/** How long one slice of parsing may hold the event loop. */
const SLICE_MS = 8;

/**
 * An open Dockerfile: its text, its tree (kept in step by incremental parsing)
 * and its version. A large document opens without its tree: the tree is parsed
 * a slice at a time, so requests about other documents are answered
 * meanwhile. `ready()` waits for it; reading `tree` before then parses at once.
 */
export class OpenDocument {
  private parsed: DockerfileTree | undefined;
  private slicing: Promise<void> | undefined;
  private stopSlicing: (() => void) | undefined;

  constructor(
    readonly uri: string,
    public document: TextDocument,
  ) {
    if (document.getText().length > SLICED_PARSE_CHARS) this.slicing = this.parseInSlices();
    else this.parsed = parse(document.getText());
  }

  get tree(): DockerfileTree {
    if (this.parsed === undefined) {
      this.stopSlicing?.();
      this.parsed = parse(this.document.getText());
    }
    return this.parsed;
  }

  set tree(tree: DockerfileTree) {
    this.parsed = tree;
  }

  /** Whether the tree is there already, kept in step with each change. */
  get hasTree(): boolean {
    return this.parsed !== undefined;
  }

  /** Resolves once the tree of the current text is there. */
  async ready(): Promise<void> {
    while (this.parsed === undefined && this.slicing !== undefined) {
      const slicing = this.slicing;
      await slicing;
      // Unchanged: it finished, or a reader of `tree` parsed first. Changed: the text changed, and a new one runs.
      if (this.slicing === slicing) return;
    }
  }

  /** Closed: a parse in slices stops, and `ready()` resolves without a tree. */
  close(): void {
    this.stopSlicing?.();
  }

  /** The text changed before its tree was there: parse the new text instead. */
  restartSlicing(): void {
    this.slicing = this.parseInSlices();
  }

  private parseInSlices(): Promise<void> {
    this.stopSlicing?.();
    const sliced = new SlicedParse(this.document.getText());
    return new Promise((resolve) => {
      let cancelNext: () => void;
      // Stopped when done, or when a change, a close or a reader of `tree` makes the slices moot: nothing stays scheduled.
      const stop = () => {
        cancelNext();
        if (this.stopSlicing === stop) this.stopSlicing = undefined;
        resolve();
      };
      const step = () => {
        const deadline = performance.now() + SLICE_MS;
        if (!sliced.step(() => performance.now() > deadline)) {
          cancelNext = afterPendingRequests(step);
          return;
        }
        this.parsed = sliced.tree();
        stop();
      };
      this.stopSlicing = stop;
      cancelNext = afterPendingRequests(step);
    });
  }
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
    const entry = new OpenDocument(uri, TextDocument.create(uri, languageId, version, text));
    this.open.set(uri, entry);
    return entry;
  }

  /** Applies `changes` in order; `onEdit` hears each as an edit of the text before it. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[], onEdit: (edit: DocumentEdit) => void = () => {}): OpenDocument | undefined {
    const entry = this.open.get(uri);
    if (!entry) return undefined;
    const hadTree = entry.hasTree;
    for (const change of changes) {
      if ('range' in change) {
        const start = entry.document.offsetAt(change.range.start);
        const end = entry.document.offsetAt(change.range.end);
        entry.document = TextDocument.update(entry.document, [change], version);
        if (hadTree) entry.tree = applyEdit(entry.tree, { start, end, text: change.text });
        onEdit({ start, end, text: change.text });
      } else {
        onEdit(replacement(entry.document.getText(), change.text));
        entry.document = TextDocument.update(entry.document, [change], version);
        if (hadTree) entry.tree = parse(change.text);
      }
    }
    if (!hadTree) entry.restartSlicing();
    return entry;
  }

  remove(uri: string): void {
    this.open.get(uri)?.close();
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
