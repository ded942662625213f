import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DiagnosticSeverity,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { initShell } from './analysis/shell/index.js';
import { buildPlan } from './features/build-plan.js';
import { BUILD_PLAN_METHOD } from './features/build-plan-protocol.js';
import { clientFeatures, editorCapabilities, type ClientFeatures } from './features/capabilities.js';
import { FIX_ALL_KIND } from './features/code-actions.js';
import { resolveCompletion } from './features/completion.js';
import { parse } from './parser/index.js';
import { DocumentAnalysis } from './workspace/document-analysis.js';
import { DOCUMENT_REQUESTS, requestUri, type RequestContext } from './workspace/document-requests.js';
import { belongsInWorker, hasLineOf, LARGE_DOCUMENT_CHARS, LargeDocuments, LONG_LINE_CHARS } from './workspace/large-documents.js';
import { localeOf } from './workspace/lint-runner.js';
import { SettingsCache } from './workspace/settings-cache.js';

/**
 * The language server: wires the connection to the document analysis and the
 * request table. Large documents (`belongsInWorker`) are handed to the
 * document worker (`workerScript`, this same bundle) and their requests
 * forwarded there; the rest live here.
 */
export function startLanguageServer(workerScript: string): void {
  const connection = createConnection(ProposedFeatures.all);
  const settings = new SettingsCache(connection);
  let client: ClientFeatures = clientFeatures({});
  let pullDiagnostics = false;
  /** Configuration files whose problems are shown, to clear them once fixed, and what was last sent. */
  let configFilesWithProblems = new Set<string>();
  let lastConfigProblems = '';

  const log = (message: string) => connection.console.error(message);
  // What both hosts report through this connection: the server's own documents and the worker's.
  const settingsFor = (uri: string) => settings.forDocument(uri);
  const publish = (uri: string, version: number, diagnostics: Diagnostic[]) => void connection.sendDiagnostics({ uri, version, diagnostics });
  const refreshPull = () => void connection.languages.diagnostics.refresh();
  let analysis = newAnalysis('en', Promise.resolve());
  let context = contextFor(analysis, 'en');

  function newAnalysis(locale: RequestContext['locale'], shellReady: Promise<void>): DocumentAnalysis {
    return new DocumentAnalysis({
      locale,
      pullDiagnostics,
      shellReady,
      settingsFor,
      publish,
      refreshPull,
      projectUsed: publishConfigProblems,
      log,
    });
  }

  function contextFor(documentAnalysis: DocumentAnalysis, locale: RequestContext['locale']): RequestContext {
    return { analysis: documentAnalysis, locale, client, settingsFor };
  }

  const large = new LargeDocuments(workerScript, () => ({ locale: context.locale, pullDiagnostics, client }), {
    settingsFor,
    diagnostics: publish,
    refreshPull,
    projectUsed: (uri) => {
      analysis.projects.forDocument(uri);
      publishConfigProblems();
    },
    log,
    lost: (uris, reason) => {
      log(`the document worker stopped (${reason}); ${uris.join(', ')} are no longer analysed`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Layerwise stopped analysing ${uris.length === 1 ? 'a large Dockerfile' : `${uris.length} large Dockerfiles`} (${reason}). Close and reopen ${uris.length === 1 ? 'it' : 'them'} to try again.` });
      if (!pullDiagnostics) for (const uri of uris) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  });

  connection.onInitialize((params): InitializeResult => {
    const locale = localeOf(params.locale);
    pullDiagnostics = Boolean(params.capabilities.textDocument?.diagnostic);
    settings.configure(Boolean(params.capabilities.workspace?.configuration));
    client = clientFeatures(params.capabilities);
    /**
     * Shell-aware rules need the shell parser (WebAssembly, loaded once) before the first lint.
     * It loads while the client finishes initializing; a failure is logged, and the rules that
     * need it fail alone (each logged once) rather than every diagnostic.
     */
    const shellReady = initShell().catch((error: unknown) => log(`the shell parser failed to load: ${error instanceof Error ? error.message : String(error)}`));
    analysis = newAnalysis(locale, shellReady);
    context = contextFor(analysis, locale);
    return {
      capabilities: {
        ...editorCapabilities(),
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'layerwise' },
    };
  });

  connection.onInitialized(() =>
    settings.watch(() => {
      refreshAll();
      large.settingsChanged();
      // Code lenses and inlay hints follow settings; the client asks again when told to.
      if (client.refreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
      if (client.refreshInlayHints) void connection.languages.inlayHint.refresh();
    }),
  );

  function refreshAll(): void {
    analysis.refreshAll();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  }

  /** A broken .hadolint.yaml shows its problems on the file itself, at their lines. */
  function publishConfigProblems(): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const { config } of analysis.projects.loaded()) {
      for (const problem of config.problems) {
        const position = { line: problem.line - 1, character: problem.column - 1 };
        const diagnostics = byFile.get(problem.file) ?? [];
        diagnostics.push({ range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: 'layerwise', message: problem.message });
        byFile.set(problem.file, diagnostics);
      }
    }
    const summary = JSON.stringify([...byFile]);
    if (summary === lastConfigProblems) return;
    lastConfigProblems = summary;
    for (const file of configFilesWithProblems) {
      if (!byFile.has(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
    }
    for (const [file, diagnostics] of byFile) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
    configFilesWithProblems = new Set(byFile.keys());
  }

  connection.onDidChangeWatchedFiles(() => {
    analysis.projects.clear();
    refreshAll();
    large.filesChanged();
  });

  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
    if (belongsInWorker(text)) large.open(uri, languageId, version, text);
    else analysis.open(uri, languageId, version, text);
  });

  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    if (large.has(uri)) return large.change(uri, version, contentChanges);
    const entry = analysis.documents.get(uri);
    if (entry && mayBelongInWorker(entry.document, contentChanges)) {
      // A paste that makes the document large: it moves to the worker before any of it is parsed here.
      const document = TextDocument.update(entry.document, contentChanges, version);
      analysis.close(uri);
      if (belongsInWorker(document.getText())) large.open(uri, document.languageId, version, document.getText());
      else analysis.open(uri, document.languageId, version, document.getText());
      return;
    }
    analysis.change(uri, version, contentChanges);
  });

  connection.onDidSaveTextDocument(({ textDocument: { uri } }) => {
    if (large.has(uri)) large.save(uri);
    else analysis.save(uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    large.close(uri);
    analysis.close(uri);
    settings.forget(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // Requests on one document: forwarded when the worker holds it, answered from the table here otherwise.
  for (const [method, request] of Object.entries(DOCUMENT_REQUESTS)) {
    connection.onRequest(method, (params: unknown, token) => {
      const uri = requestUri(params);
      if (uri !== undefined && large.has(uri)) return large.request(method, params, token);
      // The build commands send the text of a Dockerfile that is not open.
      if (method === BUILD_PLAN_METHOD && typeof (params as { text?: unknown }).text === 'string') return buildPlan(parse((params as { text: string }).text));
      const entry = uri === undefined ? undefined : analysis.documents.get(uri);
      return entry ? request.handle(entry, params, context, token) : request.none;
    });
  }
  connection.onCompletionResolve(resolveCompletion);

  connection.listen();
}

/**
 * Whether `changes` could make the document belong in the worker: an upper
 * bound on its length (what they insert, not what they remove), or a long
 * line among what they insert. (A line typed to that length a character at a
 * time stays here until the document is opened again.)
 */
function mayBelongInWorker(document: TextDocument, changes: TextDocumentContentChangeEvent[]): boolean {
  let length = document.getText().length;
  for (const change of changes) {
    length = 'range' in change ? length + change.text.length : change.text.length;
    if (hasLineOf(change.text, LONG_LINE_CHARS)) return true;
  }
  return length >= LARGE_DOCUMENT_CHARS;
}
