import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** What `workspace/configuration` answers for the `layerwise` section. */
  settings?: unknown;
  locale?: string;
  capabilities?: ClientCapabilities;
}

/**
 * A language client for tests: starts the bundled server over stdio, answers
 * its requests like VS Code would, and fails the test on any request or
 * notification from the server that the test did not expect.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<() => void> = [];
  readonly unexpected: string[] = [];
  readonly messages: string[] = [];
  initializeResult?: InitializeResult;
  settings: unknown;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, [...(this.diagnostics.get(params.uri) ?? []), params]);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'window/showMessageRequest']) {
      this.connection.onRequest(method, () => {
        this.unexpected.push(`request ${method}`);
        return null;
      });
    }
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.messages.push(params.message);
    });
    this.connection.onUnhandledNotification((message) => {
      this.unexpected.push(`notification ${message.method}`);
    });
    this.connection.listen();
  }

  /** The server's process id. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = this.options.capabilities ?? {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
    };
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      locale: this.options.locale,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockerfile', version, text },
    });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Waits for diagnostics of `uri` (at `version`, when given) and returns the latest. */
  async diagnosticsFor(uri: string, version?: number, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.diagnostics.get(uri) ?? [];
      const match = [...list].reverse().find((params) => version === undefined || params.version === version);
      if (match) return match;
      const left = deadline - Date.now();
      assert.ok(left > 0, `no diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Shuts the server down and checks it sent nothing unexpected. */
  async close(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.connection.dispose();
    assert.deepEqual(this.unexpected, [], 'the server sent nothing the test did not expect');
  }
}

/** Offset → position in a test text, found by a marker string. */
export function positionOf(text: string, marker: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${JSON.stringify(marker)} is in the text`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
