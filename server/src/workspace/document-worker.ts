/**
 * The document worker: a thread that holds the large documents, so that
 * parsing and linting one (a single 10 MB instruction is seconds of
 * unsplittable work) never holds up requests on the others. It answers
 * their requests with the same table as the language server.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { CancellationTokenSource, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { initShell } from '../analysis/shell/index.js';
import { DocumentAnalysis } from './document-analysis.js';
import { DOCUMENT_REQUESTS, requestUri, type RequestContext } from './document-requests.js';
import { DEFAULT_SETTINGS, type ServerSettings } from './settings.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

export function runDocumentWorker(port: MessagePort, setup: WorkerSetup): void {
  lowerThreadPriority();
  const post = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => post({ type: 'log', message });
  const settings = new PushedSettings();
  const analysis = new DocumentAnalysis({
    locale: setup.locale,
    pullDiagnostics: setup.pullDiagnostics,
    shellReady: initShell().catch((error: unknown) => log(`the shell parser failed to load: ${error instanceof Error ? error.message : String(error)}`)),
    settingsFor: (uri) => settings.forDocument(uri),
    publish: (uri, version, diagnostics) => post({ type: 'diagnostics', uri, version, diagnostics }),
    refreshPull: () => post({ type: 'refresh-pull' }),
    projectUsed: (uri) => post({ type: 'project-used', uri }),
    log,
  });
  const context: RequestContext = { analysis, locale: setup.locale, client: setup.client, settingsFor: (uri) => settings.forDocument(uri) };
  const cancellations = new Map<number, CancellationTokenSource>();

  async function answer(id: number, method: string, params: unknown): Promise<void> {
    const source = new CancellationTokenSource();
    cancellations.set(id, source);
    try {
      const request = DOCUMENT_REQUESTS[method];
      const uri = requestUri(params);
      const entry = uri === undefined ? undefined : analysis.documents.get(uri);
      const result = request && entry ? await request.handle(entry, params, context, source.token) : request?.none;
      post(result instanceof ResponseError ? { type: 'response', id, error: { code: result.code, message: result.message } } : { type: 'response', id, result });
    } catch (error) {
      // As the connection answers a handler that throws: an internal error, and the worker stays up.
      post({ type: 'response', id, error: { code: ErrorCodes.InternalError, message: `Request ${method} failed with message: ${error instanceof Error ? error.message : String(error)}` } });
    } finally {
      cancellations.delete(id);
    }
  }

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'open':
        analysis.open(message.uri, message.languageId, message.version, message.text);
        break;
      case 'change':
        analysis.change(message.uri, message.version, message.changes);
        break;
      case 'save':
        analysis.save(message.uri);
        break;
      case 'close':
        analysis.close(message.uri);
        settings.forget(message.uri);
        break;
      case 'settings':
        settings.push(message.uri, message.settings);
        break;
      case 'settings-changed':
        settings.stale();
        analysis.refreshAll();
        break;
      case 'files-changed':
        analysis.projects.clear();
        analysis.refreshAll();
        break;
      case 'request':
        void answer(message.id, message.method, message.params);
        break;
      case 'cancel':
        cancellations.get(message.id)?.cancel();
        break;
    }
  });
}

/**
 * The worker's work is background work: on Linux it lowers its own thread's
 * priority (a thread id is a pid to setpriority there), so that on a machine
 * with few cores the server's thread answering requests gets the CPU first.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(threadId) && threadId !== process.pid) setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: the worker runs at the server's priority.
  }
}

/** Settings per document as the language server pushes them: asking before they arrive waits for them. */
class PushedSettings {
  private readonly byUri = new Map<string, { settings: Promise<ServerSettings>; arrived: (settings: ServerSettings) => void; settled: boolean }>();

  forDocument(uri: string): Promise<ServerSettings> {
    return this.slot(uri).settings;
  }

  push(uri: string, settings: ServerSettings): void {
    let slot = this.slot(uri);
    if (slot.settled) {
      this.byUri.delete(uri);
      slot = this.slot(uri);
    }
    slot.settled = true;
    slot.arrived(settings);
  }

  /** New settings are on their way: later questions wait for them (earlier waiters keep waiting too). */
  stale(): void {
    for (const [uri, slot] of this.byUri) if (slot.settled) this.byUri.delete(uri);
  }

  /** A closed document: anything still waiting gets the defaults, finds the document gone and stops. */
  forget(uri: string): void {
    const slot = this.byUri.get(uri);
    if (slot && !slot.settled) slot.arrived(DEFAULT_SETTINGS);
    this.byUri.delete(uri);
  }

  private slot(uri: string) {
    let slot = this.byUri.get(uri);
    if (!slot) {
      let arrived!: (settings: ServerSettings) => void;
      const settings = new Promise<ServerSettings>((resolve) => (arrived = resolve));
      slot = { settings, arrived, settled: false };
      this.byUri.set(uri, slot);
    }
    return slot;
  }
}
