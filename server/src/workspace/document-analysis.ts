import type { CancellationToken, Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { toDiagnostics } from '../features/diagnostics.js';
import type { LintOptions } from '../lint/engine.js';
import type { Finding, Locale } from '../lint/types.js';
import type { DockerfileTree } from '../parser/index.js';
import { DocumentStore, type OpenDocument } from './documents.js';
import { LintRunner } from './lint-runner.js';
import { ProjectConfigs } from './project-config.js';
import type { ServerSettings } from './settings.js';
import { ShownFindings } from './shown-findings.js';
import { yieldToRequests } from './yield-to-requests.js';

/** Where the analysis gets settings and tells the client what it found; the language server and the document worker each give their own. */
export interface AnalysisHost {
  locale: Locale;
  pullDiagnostics: boolean;
  /** The shell parser's loading: rules that need it wait for it. */
  shellReady: Promise<void>;
  settingsFor(uri: string): Promise<ServerSettings>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** Pull mode: asks the client to pull diagnostics again (after a save or a late ShellCheck result). */
  refreshPull(): void;
  /** The project configuration of `uri` was read or used: its problems may need showing. */
  projectUsed(uri: string): void;
  log(message: string): void;
}

/** Above this many characters (about 2,000 typical lines), linting yields to other requests every few milliseconds. */
const SLICED_LINT_CHARS = 100_000;

/** ShellCheck runs a process per changed script: wait until typing pauses, then add its findings if the text is still the same. */
const SHELLCHECK_DELAY_MS = 250;

/** Above this, no ShellCheck: a process per RUN (50,000 in a 50,000-stage file) would load the machine for minutes. */
const SHELLCHECK_MAX_CHARS = 1_000_000;

/**
 * The open documents of one thread and their lint: diagnostics on open,
 * change and save, the lint code actions and pulls share, and ShellCheck
 * after typing pauses.
 */
export class DocumentAnalysis {
  readonly documents = new DocumentStore();
  readonly projects = new ProjectConfigs();
  /** The findings to show for a document: current on type, or those of the last save in `onSave` mode (moved along with edits since). */
  private readonly shown = new ShownFindings();
  private readonly runner: LintRunner;
  private readonly shellcheckTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly host: AnalysisHost) {
    this.runner = new LintRunner(host.locale, host.log);
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    void this.analyse(this.documents.add(uri, languageId, version, text), 'open');
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.documents.change(uri, version, changes, (edit) => this.shown.edited(uri, edit));
    if (entry) void this.analyse(entry, 'change');
    return entry;
  }

  save(uri: string): void {
    const entry = this.documents.get(uri);
    if (entry) void this.analyse(entry, 'save');
  }

  /** Forgets a closed document; true when it was open here. */
  close(uri: string): boolean {
    const wasOpen = this.documents.get(uri) !== undefined;
    this.documents.remove(uri);
    clearTimeout(this.shellcheckTimers.get(uri));
    this.shellcheckTimers.delete(uri);
    this.shown.delete(uri);
    this.runner.forget(uri);
    return wasOpen;
  }

  /** Settings or project files changed: every document is linted again. */
  refreshAll(): void {
    for (const entry of this.documents.all()) {
      this.shown.delete(entry.uri);
      void this.analyse(entry, 'open');
    }
  }

  /** The lint options a document's settings and project give. */
  async optionsFor(uri: string): Promise<LintOptions> {
    const options = this.runner.options(await this.host.settingsFor(uri), this.projects.forDocument(uri));
    this.host.projectUsed(uri);
    return options;
  }

  /** Pull diagnostics: linted first unless `onSave` mode shows the last save's; undefined when `token` cancelled the lint. */
  async pulled(entry: OpenDocument, token: CancellationToken): Promise<Diagnostic[] | undefined> {
    if (!this.shown.has(entry.uri) || (await this.host.settingsFor(entry.uri)).lint.run === 'onType') await this.analyse(entry, 'open', token);
    if (token.isCancellationRequested) return undefined;
    return toDiagnostics(this.shown.current(entry.uri) ?? [], entry.document);
  }

  /**
   * Lints the tree an open document has once it is parsed. A large file lints in
   * slices, so requests on other files are answered meanwhile; a newer version,
   * a close or `token` abandons it (undefined). `memoUri` lets the next lint of
   * that document reuse this one.
   */
  async lintCurrent(entry: OpenDocument, options: LintOptions, token?: CancellationToken, memoUri?: string): Promise<{ tree: DockerfileTree; findings: Finding[]; sliced: boolean; outdated: () => boolean } | undefined> {
    await this.host.shellReady;
    await entry.ready();
    if (this.documents.get(entry.uri) !== entry) return undefined;
    const tree = entry.tree;
    const sliced = tree.text.length > SLICED_LINT_CHARS;
    const outdated = () => entry.tree !== tree || this.documents.get(entry.uri) !== entry || Boolean(token?.isCancellationRequested);
    const findings = sliced ? await this.runner.findingsInSlices(tree, options, outdated, memoUri) : this.runner.findings(tree, options, memoUri);
    return findings && { tree, findings, sliced, outdated };
  }

  private async analyse(entry: OpenDocument, reason: 'open' | 'change' | 'save', token?: CancellationToken): Promise<void> {
    const current = await this.host.settingsFor(entry.uri);
    if (reason === 'change' && current.lint.run === 'onSave' && this.shown.has(entry.uri)) return;
    const options = await this.optionsFor(entry.uri);
    const linted = await this.lintCurrent(entry, options, token, entry.uri);
    if (!linted) return;
    const { findings, sliced, outdated } = linted;
    if (sliced) {
      // The lint's last slice sorted its findings; the document's line table (diagnostics' positions need it) gets one of its own.
      await yieldToRequests();
      void entry.document.lineCount;
      await yieldToRequests();
      if (outdated()) return;
    }
    this.show(entry, findings, reason === 'save');
    this.scheduleShellcheck(entry, options);
  }

  private show(entry: OpenDocument, findings: Finding[], refresh: boolean): void {
    this.shown.set(entry.uri, entry.document.version, findings);
    if (this.host.pullDiagnostics) {
      // The client pulls on its own after changes, but not after a save or a late ShellCheck result.
      if (refresh) this.host.refreshPull();
      return;
    }
    this.host.publish(entry.uri, entry.document.version, toDiagnostics(findings, entry.document));
  }

  private scheduleShellcheck(entry: OpenDocument, options: LintOptions): void {
    clearTimeout(this.shellcheckTimers.get(entry.uri));
    const tree = entry.tree;
    if (tree.text.length > SHELLCHECK_MAX_CHARS) return;
    const current = () => entry.tree === tree && this.documents.get(entry.uri) === entry;
    this.shellcheckTimers.set(entry.uri, setTimeout(() => {
      this.shellcheckTimers.delete(entry.uri);
      if (!current()) return;
      void this.runner.withShellcheck(tree, options).then((findings) => {
        if (findings && current()) this.show(entry, findings, true);
      });
    }, SHELLCHECK_DELAY_MS));
  }
}
