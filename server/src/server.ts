import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { initShell } from './analysis/shell/index.js';
import { codeActions, FIX_ALL_KIND } from './features/code-actions.js';
import { toDiagnostics } from './features/diagnostics.js';
import { DocumentStore, type OpenDocument } from './workspace/documents.js';
import { LintRunner, localeOf } from './workspace/lint-runner.js';
import { ProjectConfigs } from './workspace/project-config.js';
import { SettingsCache } from './workspace/settings-cache.js';

// The server only wires features to the connection; each feature is a module of its own.
const connection = createConnection(ProposedFeatures.all);
const documents = new DocumentStore();
let runner = new LintRunner('en');
let locale = localeOf(undefined);
let pullDiagnostics = false;
const settings = new SettingsCache(connection);
const projects = new ProjectConfigs();
/** Configuration files whose problems are shown, to clear them once fixed, and what was last sent. */
let configFilesWithProblems = new Set<string>();
let lastConfigProblems = '';

connection.onInitialize(async (params): Promise<InitializeResult> => {
  // Shell-aware rules need the shell parser (WebAssembly, loaded once) before the first lint.
  await initShell();
  locale = localeOf(params.locale);
  runner = new LintRunner(locale);
  pullDiagnostics = Boolean(params.capabilities.textDocument?.diagnostic);
  settings.configure(Boolean(params.capabilities.workspace?.configuration));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'layerwise' },
  };
});

connection.onInitialized(() => settings.watch(() => refreshAll()));

/** The findings to show for a document: current on type, or those of the last save in `onSave` mode. */
const shown = new Map<string, { version: number; diagnostics: ReturnType<typeof toDiagnostics> }>();

async function analyse(entry: OpenDocument, reason: 'open' | 'change' | 'save'): Promise<void> {
  const current = await settings.forDocument(entry.uri);
  if (reason === 'change' && current.lint.run === 'onSave' && shown.has(entry.uri)) return;
  const findings = runner.findings(entry.tree, runner.options(current, projects.forDocument(entry.uri)));
  publishConfigProblems();
  shown.set(entry.uri, { version: entry.document.version, diagnostics: toDiagnostics(findings, entry.document) });
  if (pullDiagnostics) {
    // The client pulls on its own after changes, but not after a save.
    if (reason === 'save') void connection.languages.diagnostics.refresh();
    return;
  }
  const latest = shown.get(entry.uri)!;
  void connection.sendDiagnostics({ uri: entry.uri, version: latest.version, diagnostics: latest.diagnostics });
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
  const entry = documents.change(textDocument.uri, textDocument.version, contentChanges);
  if (entry) void analyse(entry, 'change');
});

connection.onDidSaveTextDocument(({ textDocument }) => {
  const entry = documents.get(textDocument.uri);
  if (entry) void analyse(entry, 'save');
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  documents.remove(textDocument.uri);
  shown.delete(textDocument.uri);
  settings.forget(textDocument.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async ({ textDocument }) => {
  const entry = documents.get(textDocument.uri);
  if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  if (!shown.has(entry.uri) || (await settings.forDocument(entry.uri)).lint.run === 'onType') await analyse(entry, 'open');
  return { kind: DocumentDiagnosticReportKind.Full, items: shown.get(entry.uri)?.diagnostics ?? [] };
});

connection.onCodeAction(async (params) => {
  const entry = documents.get(params.textDocument.uri);
  if (!entry) return [];
  const options = runner.options(await settings.forDocument(entry.uri), projects.forDocument(entry.uri));
  const findings = runner.findings(entry.tree, options);
  return codeActions({ params, document: entry.document, tree: entry.tree, findings, options, locale });
});

connection.listen();
