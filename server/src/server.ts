import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { initShell } from './analysis/shell/index.js';
import { buildPlan } from './features/build-plan.js';
import { BUILD_PLAN_METHOD, type BuildPlanParams } from './features/build-plan-protocol.js';
import { clientFeatures, editorCapabilities, type ClientFeatures } from './features/capabilities.js';
import { codeActions, FIX_ALL_KIND } from './features/code-actions.js';
import { codeLenses } from './features/code-lens.js';
import { completion, resolveCompletion } from './features/completion.js';
import { toDiagnostics } from './features/diagnostics.js';
import type { LintOptions } from './lint/engine.js';
import type { Finding } from './lint/types.js';
import { foldingRanges } from './features/folding.js';
import { formatDocument, formatOnType, formatRange, formatSettings } from './features/formatting.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlay-hints.js';
import { documentLinks } from './features/links.js';
import { definition, documentHighlight, prepareRename, references, rename } from './features/references.js';
import { semanticTokens } from './features/semantic-tokens.js';
import { signatureHelp } from './features/signature-help.js';
import { documentSymbols } from './features/symbols.js';
import { parse, type DockerfileTree } from './parser/index.js';
import { DocumentStore, type OpenDocument } from './workspace/documents.js';
import { LintRunner, localeOf } from './workspace/lint-runner.js';
import { ProjectConfigs } from './workspace/project-config.js';
import { ShownFindings } from './workspace/shown-findings.js';
import { SettingsCache } from './workspace/settings-cache.js';
import { yieldToRequests } from './workspace/yield-to-requests.js';

// The server only wires features to the connection; each feature is a module of its own.
const connection = createConnection(ProposedFeatures.all);
const documents = new DocumentStore();
let runner = new LintRunner('en');
let locale = localeOf(undefined);
let pullDiagnostics = false;
let client: ClientFeatures = clientFeatures({});
const settings = new SettingsCache(connection);
const projects = new ProjectConfigs();
/** Configuration files whose problems are shown, to clear them once fixed, and what was last sent. */
let configFilesWithProblems = new Set<string>();
let lastConfigProblems = '';

/**
 * Shell-aware rules need the shell parser (WebAssembly, loaded once) before the first lint.
 * It loads while the client finishes initializing; a failure is logged, and the rules that
 * need it fail alone (each logged once) rather than every diagnostic.
 */
let shellReady: Promise<void> = Promise.resolve();

connection.onInitialize((params): InitializeResult => {
  shellReady = initShell().catch((error: unknown) => connection.console.error(`the shell parser failed to load: ${error instanceof Error ? error.message : String(error)}`));
  locale = localeOf(params.locale);
  runner = new LintRunner(locale, (message) => connection.console.error(message));
  pullDiagnostics = Boolean(params.capabilities.textDocument?.diagnostic);
  settings.configure(Boolean(params.capabilities.workspace?.configuration));
  client = clientFeatures(params.capabilities);
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
    // Code lenses and inlay hints follow settings; the client asks again when told to.
    if (client.refreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    if (client.refreshInlayHints) void connection.languages.inlayHint.refresh();
  }),
);

/** The findings to show for a document: current on type, or those of the last save in `onSave` mode (moved along with edits since). */
const shown = new ShownFindings();

async function analyse(entry: OpenDocument, reason: 'open' | 'change' | 'save', token?: CancellationToken): Promise<void> {
  const current = await settings.forDocument(entry.uri);
  if (reason === 'change' && current.lint.run === 'onSave' && shown.has(entry.uri)) return;
  const options = runner.options(current, projects.forDocument(entry.uri));
  publishConfigProblems();
  const linted = await lintCurrent(entry, options, token, entry.uri);
  if (!linted) return;
  const { findings, sliced, outdated } = linted;
  if (sliced) {
    // The lint's last slice sorted its findings; the document's line table (diagnostics' positions need it) gets one of its own.
    await yieldToRequests();
    void entry.document.lineCount;
    await yieldToRequests();
    if (outdated()) return;
  }
  show(entry, findings, reason === 'save');
  scheduleShellcheck(entry, options);
}

/** Above this many characters (about 2,000 typical lines), linting yields to other requests every few milliseconds. */
const SLICED_LINT_CHARS = 100_000;

/**
 * Lints the tree an open document has once it is parsed. A large file lints in
 * slices, so requests on other files are answered meanwhile; a newer version,
 * a close or `token` abandons it (undefined). `memoUri` lets the next lint of
 * that document reuse this one.
 */
async function lintCurrent(entry: OpenDocument, options: LintOptions, token?: CancellationToken, memoUri?: string): Promise<{ tree: DockerfileTree; findings: Finding[]; sliced: boolean; outdated: () => boolean } | undefined> {
  await shellReady;
  await entry.ready();
  if (documents.get(entry.uri) !== entry) return undefined;
  const tree = entry.tree;
  const sliced = tree.text.length > SLICED_LINT_CHARS;
  const outdated = () => entry.tree !== tree || documents.get(entry.uri) !== entry || Boolean(token?.isCancellationRequested);
  const findings = sliced ? await runner.findingsInSlices(tree, options, outdated, memoUri) : runner.findings(tree, options, memoUri);
  return findings && { tree, findings, sliced, outdated };
}

function show(entry: OpenDocument, findings: Finding[], refresh: boolean): void {
  shown.set(entry.uri, entry.document.version, findings);
  if (pullDiagnostics) {
    // The client pulls on its own after changes, but not after a save or a late ShellCheck result.
    if (refresh) void connection.languages.diagnostics.refresh();
    return;
  }
  void connection.sendDiagnostics({ uri: entry.uri, version: entry.document.version, diagnostics: toDiagnostics(findings, entry.document) });
}

/** ShellCheck runs a process per changed script: wait until typing pauses, then add its findings if the text is still the same. */
const shellcheckTimers = new Map<string, NodeJS.Timeout>();
const SHELLCHECK_DELAY_MS = 250;

/** Above this, no ShellCheck: a process per RUN (50,000 in a 50,000-stage file) would load the machine for minutes. */
const SHELLCHECK_MAX_CHARS = 1_000_000;

function scheduleShellcheck(entry: OpenDocument, options: LintOptions): void {
  clearTimeout(shellcheckTimers.get(entry.uri));
  const tree = entry.tree;
  if (tree.text.length > SHELLCHECK_MAX_CHARS) return;
  shellcheckTimers.set(entry.uri, setTimeout(() => {
    shellcheckTimers.delete(entry.uri);
    if (entry.tree !== tree || documents.get(entry.uri) !== entry) return;
    void runner.withShellcheck(tree, options).then((findings) => {
      if (findings && entry.tree === tree && documents.get(entry.uri) === entry) show(entry, findings, true);
    });
  }, SHELLCHECK_DELAY_MS));
}

/** A broken .hadolint.yaml shows its problems on the file itself, at their lines. */
function publishConfigProblems(): void {
  const byFile = new Map<string, Diagnostic[]>();
  for (const { config } of projects.loaded()) {
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
  projects.clear();
  refreshAll();
});

function refreshAll(): void {
  for (const entry of documents.all()) {
    shown.delete(entry.uri);
    void analyse(entry, 'open');
  }
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
}

connection.onDidOpenTextDocument(({ textDocument }) => {
  const entry = documents.add(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
  void analyse(entry, 'open');
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const entry = documents.change(textDocument.uri, textDocument.version, contentChanges, (edit) => shown.edited(textDocument.uri, edit));
  if (entry) void analyse(entry, 'change');
});

connection.onDidSaveTextDocument(({ textDocument }) => {
  const entry = documents.get(textDocument.uri);
  if (entry) void analyse(entry, 'save');
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  documents.remove(textDocument.uri);
  clearTimeout(shellcheckTimers.get(textDocument.uri));
  shellcheckTimers.delete(textDocument.uri);
  shown.delete(textDocument.uri);
  runner.forget(textDocument.uri);
  settings.forget(textDocument.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async ({ textDocument }, token) => {
  const entry = documents.get(textDocument.uri);
  if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  if (!shown.has(entry.uri) || (await settings.forDocument(entry.uri)).lint.run === 'onType') await analyse(entry, 'open', token);
  // $/cancelRequest: a large file's lint stops at its next slice, and the client hears the request was cancelled.
  if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  return { kind: DocumentDiagnosticReportKind.Full, items: toDiagnostics(shown.current(entry.uri) ?? [], entry.document) };
});

connection.onCodeAction(async (params, token) => {
  const entry = documents.get(params.textDocument.uri);
  if (!entry) return [];
  const options = runner.options(await settings.forDocument(entry.uri), projects.forDocument(entry.uri));
  const linted = await lintCurrent(entry, options, token);
  if (!linted) return documents.get(entry.uri) === entry ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : [];
  return codeActions({ params, document: entry.document, tree: linted.tree, findings: linted.findings, options, locale });
});

// The client's build commands ask for stages and lines here instead of parsing Dockerfiles themselves.
connection.onRequest(BUILD_PLAN_METHOD, (params: BuildPlanParams) => {
  const tree = params.text !== undefined ? parse(params.text) : documents.get(params.uri)?.tree;
  return tree ? buildPlan(tree) : null;
});

// Editor features: each a function of the document's cached tree (never re-parsed per request).
const open = (uri: string) => documents.get(uri);
connection.onHover(({ textDocument, position }) => {
  const entry = open(textDocument.uri);
  return entry ? hover({ tree: entry.tree, document: entry.document, position, locale }) : null;
});
connection.onCompletion(({ textDocument, position }) => {
  const entry = open(textDocument.uri);
  return entry ? completion({ tree: entry.tree, document: entry.document, position, locale, snippets: client.snippets }) : [];
});
connection.onCompletionResolve(resolveCompletion);
connection.onSignatureHelp(({ textDocument, position }) => {
  const entry = open(textDocument.uri);
  return entry ? signatureHelp({ tree: entry.tree, document: entry.document, position, locale }) : null;
});
connection.onDefinition(({ textDocument, position }) => {
  const entry = open(textDocument.uri);
  return entry ? definition({ tree: entry.tree, document: entry.document, position }) : null;
});
connection.onReferences(({ textDocument, position, context }) => {
  const entry = open(textDocument.uri);
  return entry ? references({ tree: entry.tree, document: entry.document, position }, context.includeDeclaration) : [];
});
connection.onDocumentHighlight(({ textDocument, position }) => {
  const entry = open(textDocument.uri);
  return entry ? documentHighlight({ tree: entry.tree, document: entry.document, position }) : [];
});
connection.onPrepareRename(({ textDocument, position }) => {
  const entry = open(textDocument.uri);
  return entry ? prepareRename({ tree: entry.tree, document: entry.document, position }) : null;
});
connection.onRenameRequest(({ textDocument, position, newName }) => {
  const entry = open(textDocument.uri);
  return entry ? rename({ tree: entry.tree, document: entry.document, position }, newName) : null;
});
connection.onDocumentSymbol(({ textDocument }) => {
  const entry = open(textDocument.uri);
  return entry ? documentSymbols(entry.tree, entry.document) : [];
});
connection.onFoldingRanges(({ textDocument }) => {
  const entry = open(textDocument.uri);
  return entry ? foldingRanges(entry.tree, entry.document) : [];
});
connection.languages.semanticTokens.on(({ textDocument }) => {
  const entry = open(textDocument.uri);
  return entry ? semanticTokens(entry.tree, entry.document) : { data: [] };
});
connection.languages.semanticTokens.onRange(({ textDocument, range }) => {
  const entry = open(textDocument.uri);
  return entry ? semanticTokens(entry.tree, entry.document, range) : { data: [] };
});
connection.onDocumentLinks(({ textDocument }) => {
  const entry = open(textDocument.uri);
  return entry ? documentLinks(entry.tree, entry.document) : [];
});
connection.onDocumentFormatting(async ({ textDocument, options }) => {
  const entry = open(textDocument.uri);
  if (!entry) return [];
  const current = await settings.forDocument(entry.uri);
  return formatDocument(entry.tree, entry.document, formatSettings(current.format.continuationIndent, options));
});
connection.onDocumentRangeFormatting(async ({ textDocument, range, options }) => {
  const entry = open(textDocument.uri);
  if (!entry) return [];
  const current = await settings.forDocument(entry.uri);
  return formatRange(entry.tree, entry.document, range, formatSettings(current.format.continuationIndent, options));
});
connection.onDocumentOnTypeFormatting(async ({ textDocument, position, ch, options }) => {
  const entry = open(textDocument.uri);
  if (!entry) return [];
  const current = await settings.forDocument(entry.uri);
  return formatOnType(entry.tree, entry.document, position, ch, formatSettings(current.format.continuationIndent, options));
});
connection.languages.inlayHint.on(async ({ textDocument, range }) => {
  const entry = open(textDocument.uri);
  if (!entry) return [];
  const current = await settings.forDocument(entry.uri);
  return inlayHints(entry.tree, entry.document, range, current.inlayHints.enabled);
});
connection.onCodeLens(async ({ textDocument }) => {
  const entry = open(textDocument.uri);
  if (!entry) return [];
  const current = await settings.forDocument(entry.uri);
  return codeLenses(entry.tree, entry.document, locale, current.codeLens.buildStage);
});

connection.listen();
