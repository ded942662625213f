import { Worker } from 'node:worker_threads';
import { ErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { DOCUMENT_REQUESTS } from './document-requests.js';
import type { ServerSettings } from './settings.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

/**
 * From this many characters on, a document lives in the document worker.
 * Below it (the 5,000-line file is ~170 KB) the server parses and lints in
 * slices between other requests, and the worker's start (~150 ms, its own
 * ~40 MB) is not worth it. The protocol tests run a second time with
 * LAYERWISE_LARGE_DOCUMENT_CHARS=0, every document in the worker, so both
 * hosts answer alike.
 */
export const LARGE_DOCUMENT_CHARS = charsFromEnvironment(process.env.LAYERWISE_LARGE_DOCUMENT_CHARS) ?? 256 * 1024;

/** A line this long is one instruction whose lint cannot be split (~100 ms of shell parsing and rules): its document goes to the worker too. */
export const LONG_LINE_CHARS = 16 * 1024;

function charsFromEnvironment(value: string | undefined): number | undefined {
  const chars = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isSafeInteger(chars) && chars >= 0 ? chars : undefined;
}

/** Whether a text belongs in the document worker: large, or with a line long enough to hold up other documents on its own. */
export function belongsInWorker(text: string): boolean {
  return text.length >= LARGE_DOCUMENT_CHARS || hasLineOf(text, LONG_LINE_CHARS);
}

/** Whether any line of `text` has `length` characters or more (a scan, no copies). */
export function hasLineOf(text: string, length: number): boolean {
  if (text.length < length) return false;
  for (let start = 0; ; ) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start >= length) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

/** What the language server does with what the worker says. */
export interface LargeDocumentEvents {
  settingsFor(uri: string): Promise<ServerSettings>;
  diagnostics(uri: string, version: number, diagnostics: Diagnostic[]): void;
  refreshPull(): void;
  projectUsed(uri: string): void;
  log(message: string): void;
  /** The worker failed: these documents are no longer analysed (reopening one starts a new worker). */
  lost(uris: string[], reason: string): void;
}

/**
 * The language server's side of the document worker: started with the first
 * large document, stopped when the last one closes (its memory goes with it).
 */
export class LargeDocuments {
  private worker: Worker | undefined;
  private readonly uris = new Set<string>();
  private readonly pending = new Map<number, { method: string; resolve: (result: unknown) => void }>();
  private nextId = 1;

  /** `script` is the bundle the worker runs (the server's own: it starts the worker side when not on the main thread). */
  constructor(
    private readonly script: string,
    private readonly setup: () => WorkerSetup,
    private readonly events: LargeDocumentEvents,
  ) {}

  has(uri: string): boolean {
    return this.uris.has(uri);
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    this.uris.add(uri);
    this.send({ type: 'open', uri, languageId, version, text });
    this.pushSettings(uri);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    this.send({ type: 'change', uri, version, changes });
  }

  save(uri: string): void {
    this.send({ type: 'save', uri });
  }

  close(uri: string): void {
    if (!this.uris.delete(uri)) return;
    this.send({ type: 'close', uri });
    if (this.uris.size === 0) this.stop();
  }

  /** The client's settings changed (the server's cache is already cleared): the worker lints again with the new ones. */
  settingsChanged(): void {
    if (!this.worker) return;
    this.send({ type: 'settings-changed' });
    for (const uri of this.uris) this.pushSettings(uri);
  }

  filesChanged(): void {
    if (this.worker) this.send({ type: 'files-changed' });
  }

  /** A request on a large document, answered by the worker; `token` cancels it there. */
  request(method: string, params: unknown, token: CancellationToken): Promise<unknown> {
    const id = this.nextId++;
    const answered = new Promise<unknown>((resolve) => this.pending.set(id, { method, resolve }));
    this.send({ type: 'request', id, method, params });
    const cancel = () => this.send({ type: 'cancel', id });
    // A token cancelled before the request reached its handler never fires its event.
    if (token.isCancellationRequested) {
      cancel();
      return answered;
    }
    const cancellation = token.onCancellationRequested(cancel);
    return answered.finally(() => cancellation.dispose());
  }

  private pushSettings(uri: string): void {
    void this.events.settingsFor(uri).then((settings) => {
      if (this.uris.has(uri)) this.send({ type: 'settings', uri, settings });
    });
  }

  private send(message: ToWorker): void {
    (this.worker ??= this.start()).postMessage(message);
  }

  private start(): Worker {
    // Its own stdout: the server's carries the protocol, and a stray line from the worker would break it.
    // No flags of the server's (an --inspect port is the server's alone).
    const worker = new Worker(this.script, { workerData: { documentWorker: this.setup() }, stdout: true, stderr: true, execArgv: [] });
    worker.unref();
    worker.stdout.on('data', (chunk: Buffer) => this.events.log(`document worker: ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.events.log(`document worker: ${chunk.toString().trimEnd()}`));
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.failed(worker, error.message));
    worker.on('exit', (code) => this.failed(worker, `it exited with code ${code}`));
    return worker;
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'response': {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.resolve(message.error ? new ResponseError(message.error.code, message.error.message) : message.result);
        break;
      }
      case 'diagnostics':
        if (this.uris.has(message.uri)) this.events.diagnostics(message.uri, message.version, message.diagnostics);
        break;
      case 'refresh-pull':
        this.events.refreshPull();
        break;
      case 'project-used':
        this.events.projectUsed(message.uri);
        break;
      case 'log':
        this.events.log(message.message);
        break;
    }
  }

  /** The worker stopped on its own (a crash, or out of memory): its documents and requests are let go with one message. */
  private failed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const lost = [...this.uris];
    this.uris.clear();
    this.answerPending(() => new ResponseError(ErrorCodes.InternalError, `the document worker stopped: ${reason}`));
    if (lost.length > 0) this.events.lost(lost, reason);
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    // What each request gets when its document is not open: the last one just closed.
    this.answerPending((method) => DOCUMENT_REQUESTS[method]?.none ?? null);
    void worker?.terminate();
  }

  private answerPending(answer: (method: string) => unknown): void {
    for (const { method, resolve } of this.pending.values()) resolve(answer(method));
    this.pending.clear();
  }
}
