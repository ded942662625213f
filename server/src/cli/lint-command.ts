import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfigFor, parseConfig, type ConfigProblem, type LayerwiseConfig } from '../config/index.js';
import { initShell } from '../analysis/shell/index.js';
import { ruleDocsUrl } from '../lint/docs-url.js';
import { lint, type LintOptions } from '../lint/engine.js';
import { fixAll } from '../lint/fix.js';
import { LOCALES, type Finding, type Locale, type Severity } from '../lint/types.js';
import { LineIndex, parse, type DockerfileTree } from '../parser/index.js';
import { allRules } from '../rules/index.js';
import { shellcheckFindings } from '../shellcheck/run.js';
import { findDockerfiles } from './files.js';
import { FORMATTERS } from './formats/index.js';
import type { FileResult } from './formats/model.js';
import { lastValue, parseOptions, readDockerfile } from './input.js';
import { packageVersion } from './version.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
/** hadolint's threshold names; `style` is our `hint`. */
const THRESHOLDS: Record<string, number> = { error: 3, warning: 2, info: 1, style: 0, hint: 0, none: Infinity };

export const LINT_USAGE = `lint [FILE|DIR|-]... [--format ${Object.keys(FORMATTERS).join('|')}] [--failure-threshold error|warning|info|style|none]
                  [--config FILE] [--fix] [--ignore RULE]... [--locale en|zh-cn]
                  lint Dockerfiles (a folder: every Dockerfile inside); .hadolint.yaml applies unless --config names another`;

/** `layerwise lint`: exit 1 when a finding reaches the failure threshold, 2 on a usage or read error. */
export async function lintCommand(args: string[]): Promise<number> {
  const parsed = parseOptions(args, { values: ['format', 'failure-threshold', 'ignore', 'locale', 'config'], switches: ['fix'] });
  const format = lastValue(parsed, 'format') ?? 'tty';
  const threshold = lastValue(parsed, 'failure-threshold');
  const locale = (lastValue(parsed, 'locale') ?? 'en').toLowerCase();
  const problem =
    parsed.error ??
    (parsed.positional.length === 0 ? 'name at least one FILE, DIR or -' : undefined) ??
    (FORMATTERS[format] ? undefined : `unknown format '${format}'`) ??
    (threshold === undefined || threshold in THRESHOLDS ? undefined : `unknown failure threshold '${threshold}'`) ??
    (LOCALES.includes(locale as Locale) ? undefined : `unknown locale '${locale}'`) ??
    (parsed.switches.has('fix') && parsed.positional.includes('-') ? '--fix cannot rewrite standard input' : undefined);
  if (problem) {
    process.stderr.write(`layerwise lint: ${problem}\nUsage: layerwise ${LINT_USAGE}\n`);
    return 2;
  }
  await initShell();
  const ignored = Object.fromEntries((parsed.values.get('ignore') ?? []).map((rule) => [rule.toLowerCase(), 'off' as const]));
  const explicitConfig = lastValue(parsed, 'config');
  const configs = new ConfigLoader(explicitConfig);
  const results: FileResult[] = [];
  let unreadable = 0;
  let failing = false;
  const files = findDockerfiles(parsed.positional);
  const folderIgnores = new Map<string, string | undefined>();
  // Files are read and linted in order; ShellCheck's processes for all of them run side by side.
  const linted = await Promise.all(
    files.map((path) => {
      const config = configs.for(path);
      const options: LintOptions = {
        rules: allRules,
        locale: locale as Locale,
        severities: { ...config.severities, ...ignored },
        settings: { ...config.settings, dockerignore: readDockerignore(path, folderIgnores) },
      };
      return lintFile(path, options, parsed.switches.has('fix')).then((result) => ({ result, config }));
    }),
  );
  for (const { result, config } of linted) {
    if (!result) {
      unreadable++;
      continue;
    }
    results.push(result);
    const failAt = THRESHOLDS[threshold ?? config.failureThreshold ?? 'info'];
    if (result.findings.some((finding) => RANK[finding.severity] >= failAt)) failing = true;
  }
  process.stdout.write(FORMATTERS[format](results, { rules: allRules, version: packageVersion(), docsUrl: ruleDocsUrl }));
  for (const problem of configs.problems()) {
    process.stderr.write(`${problem.file}:${problem.line}:${problem.column}: configuration error: ${problem.message}\n`);
  }
  if (unreadable > 0 || configs.problems().length > 0) return 2;
  return failing ? 1 : 0;
}

/** Each configuration file is read once however many Dockerfiles it applies to; `--config` replaces the search. */
class ConfigLoader {
  private readonly byFolder = new Map<string, LayerwiseConfig>();
  private readonly explicit?: LayerwiseConfig;

  constructor(explicitPath: string | undefined) {
    if (explicitPath === undefined) return;
    let text = '';
    try {
      text = readFileSync(explicitPath, 'utf8');
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
      this.explicit = { severities: {}, settings: {}, problems: [{ file: explicitPath, line: 1, column: 1, message: `cannot read the configuration: ${reason}` }] };
      return;
    }
    this.explicit = parseConfig(text, { file: explicitPath, rules: allRules });
  }

  for(dockerfile: string): LayerwiseConfig {
    if (this.explicit) return this.explicit;
    const folder = dockerfile === '-' ? process.cwd() : dirname(dockerfile);
    let config = this.byFolder.get(folder);
    if (!config) {
      config = loadConfigFor(join(folder, 'Dockerfile'), { rules: allRules });
      this.byFolder.set(folder, config);
    }
    return config;
  }

  /** Every problem once, even when a file applies to many Dockerfiles. */
  problems(): ConfigProblem[] {
    const all = this.explicit ? [this.explicit] : [...this.byFolder.values()];
    const seen = new Set<string>();
    return all.flatMap((config) => config.problems).filter((problem) => {
      const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/** BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile first, then the context's `.dockerignore`; the context is taken to be the Dockerfile's folder. */
function readDockerignore(dockerfile: string, folderIgnores: Map<string, string | undefined>): string | undefined {
  if (dockerfile === '-') return undefined;
  // Most Dockerfiles have no file of their own: ask whether it exists rather than throw and catch an error per file.
  const own = `${dockerfile}.dockerignore`;
  const ownText = existsSync(own) ? readIfThere(own) : undefined;
  if (ownText !== undefined) return ownText;
  const folder = dirname(dockerfile);
  if (!folderIgnores.has(folder)) folderIgnores.set(folder, readIfThere(join(folder, '.dockerignore')));
  return folderIgnores.get(folder);
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function lintFile(path: string, options: LintOptions, fix: boolean): Promise<FileResult | undefined> {
  let text: string;
  try {
    text = readDockerfile(path);
  } catch (cause) {
    process.stderr.write(`layerwise lint: cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}\n`);
    return undefined;
  }
  let findings: Finding[];
  let tree: DockerfileTree;
  if (fix) {
    const fixed = fixAll(text, options);
    if (fixed.text !== text) writeFileSync(path, fixed.text);
    text = fixed.text;
    tree = parse(text);
    findings = fixed.findings;
  } else {
    tree = parse(text);
    findings = lint(tree, options);
  }
  const external = await shellcheckFindings(tree, options);
  if (external.length > 0) findings = [...findings, ...external].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { path, lines: new LineIndex(text), findings };
}
