// The messages between the language server and its document worker (the thread that holds large documents).
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { ClientFeatures } from '../features/capabilities.js';
import type { Locale } from '../lint/types.js';
import type { ServerSettings } from './settings.js';

/** What the worker needs to know of the client, fixed at `initialize`. */
export interface WorkerSetup {
  locale: Locale;
  pullDiagnostics: boolean;
  client: ClientFeatures;
}

export type ToWorker =
  | { type: 'open'; uri: string; languageId: string; version: number; text: string }
  | { type: 'change'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { type: 'save'; uri: string }
  | { type: 'close'; uri: string }
  | { type: 'settings'; uri: string; settings: ServerSettings }
  /** The client's settings changed: those pushed before are stale, new ones follow. */
  | { type: 'settings-changed' }
  /** A watched .hadolint.yaml or .dockerignore changed. */
  | { type: 'files-changed' }
  | { type: 'request'; id: number; method: string; params: unknown }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'response'; id: number; result?: unknown; error?: { code: number; message: string } }
  | { type: 'diagnostics'; uri: string; version: number; diagnostics: Diagnostic[] }
  | { type: 'refresh-pull' }
  | { type: 'project-used'; uri: string }
  | { type: 'log'; message: string };
