import { lintInSlices, lintReusing, type LintOptions, type LintResult } from '../lint/engine.js';
import type { LintMemo } from '../lint/memo.js';
import type { Finding, Locale, Rule } from '../lint/types.js';
import type { DockerfileTree } from '../parser/index.js';
import { yieldToRequests } from './yield-to-requests.js';
import { allRules } from '../rules/index.js';
import { shellcheckFindings } from '../shellcheck/run.js';
import type { ProjectConfig } from './project-config.js';
import type { ServerSettings } from './settings.js';

/**
 * Lints trees and remembers the result per tree, so diagnostics, code actions
 * and fix-all on the same version share one lint; and per document, so the
 * lint of its next version reuses what an edit did not touch.
 */
export class LintRunner {
  private readonly results = new WeakMap<DockerfileTree, { options: LintOptions; findings: Finding[]; withExternal?: Finding[] }>();
  /** The memo of the latest lint of each document, by URI. */
  private readonly latestMemo = new Map<string, LintMemo>();
  /** One options object per (settings, project) pair, so cached findings are found again by identity. */
  private readonly optionsCache = new WeakMap<ServerSettings, WeakMap<ProjectConfig, LintOptions>>();

  /** Rule failures already logged: a broken rule fails on every keystroke, but says so once. */
  private readonly reportedFailures = new Set<string>();

  /** `log` hears of a rule that throws (it is left out, the others still report). */
  constructor(
    private readonly locale: Locale,
    private readonly log: (message: string) => void = () => {},
  ) {}

  private readonly onRuleError = (rule: Rule, error: unknown): void => {
    const message = `rule ${rule.meta.id} failed and was skipped: ${error instanceof Error ? error.message : String(error)}`;
    if (this.reportedFailures.has(message)) return;
    this.reportedFailures.add(message);
    this.log(`${message}${error instanceof Error && error.stack ? `\n${error.stack}` : ''}`);
  };

  /** The editor's `layerwise.rules` win over the project's .hadolint.yaml. */
  options(settings: ServerSettings, project: ProjectConfig): LintOptions {
    let byProject = this.optionsCache.get(settings);
    if (!byProject) {
      byProject = new WeakMap();
      this.optionsCache.set(settings, byProject);
    }
    let options = byProject.get(project);
    if (!options) {
      options = {
        rules: allRules,
        locale: this.locale,
        severities: { ...project.config.severities, ...settings.rules },
        settings: { ...project.config.settings, dockerignore: project.dockerignore },
        onRuleError: this.onRuleError,
      };
      byProject.set(project, options);
    }
    return options;
  }

  /** The rules' findings, with ShellCheck's once they have arrived for this tree; `uri` names the document whose latest lint may be reused. */
  findings(tree: DockerfileTree, options: LintOptions, uri?: string): Finding[] {
    const cached = this.results.get(tree);
    if (cached && cached.options === options) return cached.withExternal ?? cached.findings;
    return this.remember(tree, options, uri, lintReusing(tree, options, this.previous(uri)));
  }

  /** As `findings`, linting in slices that let other requests through; undefined when `cancelled()` stopped it. */
  async findingsInSlices(tree: DockerfileTree, options: LintOptions, cancelled: () => boolean, uri?: string): Promise<Finding[] | undefined> {
    const cached = this.results.get(tree);
    if (cached && cached.options === options) return cached.withExternal ?? cached.findings;
    const result = await lintInSlices(tree, options, { cancelled, previous: this.previous(uri), pause: yieldToRequests });
    return result && this.remember(tree, options, uri, result);
  }

  /** Forgets a closed document's latest lint. */
  forget(uri: string): void {
    this.latestMemo.delete(uri);
  }

  private previous(uri: string | undefined): LintMemo | undefined {
    return uri === undefined ? undefined : this.latestMemo.get(uri);
  }

  private remember(tree: DockerfileTree, options: LintOptions, uri: string | undefined, { findings, memo }: LintResult): Finding[] {
    this.results.set(tree, { options, findings });
    if (uri !== undefined) {
      if (memo) this.latestMemo.set(uri, memo);
      else this.latestMemo.delete(uri);
    }
    return findings;
  }

  /**
   * Runs ShellCheck (slow: a process per changed script) after the rules;
   * resolves to the merged findings, or undefined when the tree or options changed meanwhile.
   */
  async withShellcheck(tree: DockerfileTree, options: LintOptions): Promise<Finding[] | undefined> {
    const external = await shellcheckFindings(tree, options);
    const cached = this.results.get(tree);
    if (!cached || cached.options !== options) return undefined;
    if (external.length === 0) return cached.findings;
    cached.withExternal = [...cached.findings, ...external].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    return cached.withExternal;
  }
}

/** The client's locale, narrowed to the ones we have docs and messages in. */
export function localeOf(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
