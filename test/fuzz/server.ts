// Drives the bundled server (dist/server.js over stdio) with random documents,
// edits and every request it declares at random positions. A run fails on an
// error response other than cancellation or invalid params, a position outside
// the document, an error the server logs, a request left unanswered, or the
// process dying; the sessions outlive runs, as a server lives in an editor.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fc from 'fast-check';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER } from '../support/lsp-client.js';
import { dockerfileText, relativeEdit, resolveEdit, type RelativeEdit } from './arbitraries.js';
import { rangeProblem } from './lsp-ranges.js';
import { requestPlans, type RequestPlan, type RequestTarget } from './lsp-requests.js';

/** What VS Code's client declares, so the server turns on everything it can. */
function clientCapabilities(pullDiagnostics: boolean): ClientCapabilities {
  return {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: false },
      codeLens: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
      semanticTokens: { refreshSupport: true },
      diagnostics: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { versionSupport: true, relatedInformation: true },
      completion: { contextSupport: true, completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } } },
      ...(pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
    },
    window: { showMessage: {} },
  };
}

/** Error codes a server may answer with: the request was cancelled, or its parameters were bad. */
const ACCEPTED_ERRORS = new Set<number>([ErrorCodes.InvalidParams, -32800, -32801, -32802]);

const REQUEST_TIMEOUT_MS = 15_000;
const DIAGNOSTICS_TIMEOUT_MS = 15_000;

/** Settings a user may have, broken ones too: the server must warn, never fail. */
const SETTINGS = [
  {},
  { lint: { run: 'onSave' } },
  { rules: { 'latest-tag': 'off', DL3008: 'error', 'no-such-rule': 'hint' } },
  { rules: { 'latest-tag': 'loud' }, lint: { run: 42 }, format: { continuationIndent: -3 }, inlayHints: { enabled: 'yes' } },
  { rules: ['x'], format: 'wide', codeLens: null },
  null,
];

export interface ServerRunInput {
  text: string;
  edits: Array<RelativeEdit & { whole: boolean }>;
  targets: Array<{ line: number; character: number; toLine: number; toCharacter: number; cancel: boolean; outside: boolean }>;
  settings: number;
  pull: boolean;
}

export const serverRunInput = (files: readonly string[]): fc.Arbitrary<ServerRunInput> =>
  fc.record({
    text: dockerfileText(files),
    // One change in eight replaces the whole text, as some clients send.
    edits: fc.array(fc.tuple(relativeEdit, fc.integer({ min: 0, max: 7 })).map(([edit, draw]) => ({ ...edit, whole: draw === 0 })), { maxLength: 4 }),
    targets: fc.array(
      fc.record({
        line: fc.double({ min: 0, max: 1, noNaN: true }),
        character: fc.double({ min: 0, max: 1, noNaN: true }),
        // One target in eight lies past the end of its line or of the document: answered without error, results not checked.
        outside: fc.integer({ min: 0, max: 7 }).map((draw) => draw === 0),
        toLine: fc.double({ min: 0, max: 1, noNaN: true }),
        toCharacter: fc.double({ min: 0, max: 1, noNaN: true }),
        cancel: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    settings: fc.integer({ min: 0, max: SETTINGS.length - 1 }),
    pull: fc.boolean(),
  });

/** One server process, its connection, and what went wrong outside any request. */
class ServerProcess {
  readonly problems: string[] = [];
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  capabilities!: ServerCapabilities;
  plans: RequestPlan[] = [];
  settings: unknown = {};
  exited = false;
  private readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  private diagnosticsWaiters: Array<() => void> = [];

  constructor(readonly pull: boolean) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      this.problems.push(`the server exited (code ${code}, signal ${signal})`);
    });
    this.child.stderr.on('data', (chunk: Buffer) => this.problems.push(`stderr: ${chunk.toString().slice(0, 2000)}`));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    for (const method of ['workspace/diagnostic/refresh', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh', 'client/registerCapability']) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.problems.push(`the server logged an error: ${params.message.slice(0, 2000)}`);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.problems.push(`the server showed an error: ${params.message.slice(0, 2000)}`);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      for (const wake of this.diagnosticsWaiters.splice(0)) wake();
    });
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: clientCapabilities(this.pull), locale: 'en' });
    this.capabilities = (result as { capabilities: ServerCapabilities }).capabilities;
    const { plans, unknown } = requestPlans(this.capabilities);
    if (unknown.length > 0) throw new Error(`the server declares capabilities test/fuzz/lsp-requests.ts has no requests for: ${unknown.join(', ')}`);
    this.plans = plans;
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves once diagnostics arrive for `uri` at `version` (any, when undefined), or after the timeout with undefined. */
  async diagnosticsFor(uri: string, version: number | undefined): Promise<PublishDiagnosticsParams | undefined> {
    const deadline = Date.now() + DIAGNOSTICS_TIMEOUT_MS;
    for (;;) {
      const found = this.diagnostics.find((params) => params.uri === uri && (version === undefined || params.version === version));
      if (found || this.exited) return found;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.diagnosticsWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 5000, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
      await exited;
    }
    this.connection.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
    }),
  ]);
}

/** Two long-lived servers, one pushing diagnostics and one answering pulls; a dead one is replaced (after failing its run). */
export class ServerSession {
  private runs = 0;
  private constructor(private readonly servers: Map<boolean, ServerProcess>) {}

  static async start(): Promise<ServerSession> {
    const servers = new Map<boolean, ServerProcess>();
    for (const pull of [false, true]) {
      const server = new ServerProcess(pull);
      await server.initialize();
      servers.set(pull, server);
    }
    return new ServerSession(servers);
  }

  private async server(pull: boolean): Promise<ServerProcess> {
    let server = this.servers.get(pull)!;
    if (server.exited) {
      await server.stop();
      server = new ServerProcess(pull);
      await server.initialize();
      this.servers.set(pull, server);
    }
    return server;
  }

  /** One run: open, edit, every request at every target, diagnostics, close; throws what went wrong. */
  async run(input: ServerRunInput): Promise<void> {
    const server = await this.server(input.pull);
    server.problems.length = 0;
    server.settings = SETTINGS[input.settings];
    const uri = `file:///tmp/layerwise-fuzz/${++this.runs}/Dockerfile`;
    const texts = new Map<number, string>();
    let document = TextDocument.create(uri, 'dockerfile', 1, input.text);
    texts.set(1, input.text);
    const failures: string[] = [];
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: input.text } });

    for (const relative of input.edits) {
      const edit = resolveEdit(document.getText(), relative);
      const version = document.version + 1;
      const change = relative.whole
        ? { text: document.getText().slice(0, edit.start) + edit.text + document.getText().slice(edit.end) }
        : { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text };
      document = TextDocument.update(document, [change], version);
      texts.set(version, document.getText());
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }

    const text = document.getText();
    // Linting on save only: the server shows the version it had when the settings arrived, whichever that was.
    const shownVersion = (SETTINGS[input.settings] as { lint?: { run?: unknown } } | null)?.lint?.run === 'onSave' ? undefined : document.version;
    const published = server.pull ? undefined : await server.diagnosticsFor(uri, shownVersion);
    if (!server.pull && !published && !server.exited) failures.push(`no diagnostics for version ${shownVersion ?? 'any'} within ${DIAGNOSTICS_TIMEOUT_MS} ms`);
    for (const target of input.targets) {
      const request = this.target(uri, document, published?.diagnostics ?? [], target);
      const answers = server.plans.map((plan) => this.send(server, plan.method, plan.params(request), target.cancel, target.outside ? undefined : text, uri).then(async (result) => {
        if (result === undefined || !plan.followUp) return;
        for (const next of plan.followUp(result)) await this.send(server, next.method, next.params, false, target.outside ? undefined : text, uri);
      }));
      for (const outcome of await Promise.allSettled(answers)) if (outcome.status === 'rejected') failures.push(String(outcome.reason?.message ?? outcome.reason));
    }

    for (const params of server.diagnostics.filter((params) => params.uri === uri)) {
      const seen = params.version === undefined || params.version === null ? undefined : texts.get(params.version);
      if (seen === undefined) continue;
      const problem = rangeProblem(params.diagnostics, uri, seen);
      if (problem) failures.push(`publishDiagnostics (version ${params.version}): ${problem}`);
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    server.diagnostics.splice(0);
    failures.push(...server.problems);
    if (failures.length > 0) throw new Error(failures.slice(0, 5).join('\n'));
  }

  private target(uri: string, document: TextDocument, diagnostics: Diagnostic[], target: ServerRunInput['targets'][number]): RequestTarget {
    const text = document.getText();
    const at = (lineFraction: number, characterFraction: number) => {
      const line = Math.floor(lineFraction * (document.lineCount - 1 + 0.999));
      const lineText = document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '');
      return { line, character: Math.floor(characterFraction * (lineText.length + 0.999)) };
    };
    const inside = at(target.line, target.character);
    const position = target.outside ? (target.toLine < 0.5 ? { line: inside.line, character: inside.character + 3 } : { line: document.lineCount + 2, character: 4 }) : inside;
    const other = at(target.toLine, target.toCharacter);
    const [start, end] = document.offsetAt(position) <= document.offsetAt(other) ? [position, other] : [other, position];
    return { uri, text, position, range: { start, end }, diagnostics, newName: 'RENAMED_1', triggerCharacter: text.charAt(Math.max(0, document.offsetAt(position) - 1)) || ' ' };
  }

  /** Sends one request (cancelled at once when `cancel`); returns its result or throws a failure. */
  /** `text` undefined: the request was aimed outside the document, so its result's positions are not checked. */
  private async send(server: ServerProcess, method: string, params: unknown, cancel: boolean, text: string | undefined, uri: string): Promise<unknown> {
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest(method, params, source.token);
    if (cancel) source.cancel();
    try {
      const result = await withTimeout(pending, REQUEST_TIMEOUT_MS, `${method} ${JSON.stringify(params).slice(0, 200)}`);
      const problem = text === undefined ? undefined : rangeProblem(result, uri, text);
      if (problem) throw new Error(`${method}: ${problem}`);
      return result;
    } catch (error) {
      if (error instanceof ResponseError && ACCEPTED_ERRORS.has(error.code)) return undefined;
      if (error instanceof ResponseError) throw new Error(`${method} answered error ${error.code}: ${error.message}`);
      throw error;
    } finally {
      source.dispose();
    }
  }

  async close(): Promise<void> {
    for (const server of this.servers.values()) await server.stop();
  }
}

export function serverProperty(session: ServerSession, files: readonly string[], onRun: () => void = () => {}): fc.IAsyncPropertyWithHooks<[ServerRunInput]> {
  return fc.asyncProperty(serverRunInput(files), async (input) => {
    onRun();
    await session.run(input);
  });
}
