import { writeFileSync } from 'node:fs';
import { ruleDocsUrl } from '../lint/docs-url.js';
import { lint, type LintOptions } from '../lint/engine.js';
import { fixAll } from '../lint/fix.js';
import { LOCALES, type Finding, type Locale, type Severity } from '../lint/types.js';
import { LineIndex, parse } from '../parser/index.js';
import { allRules } from '../rules/index.js';
import { findDockerfiles } from './files.js';
import { FORMATTERS } from './formats/index.js';
import type { FileResult } from './formats/model.js';
import { lastValue, parseOptions, readDockerfile } from './input.js';
import { packageVersion } from './version.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
/** hadolint's threshold names; `style` is our `hint`. */
const THRESHOLDS: Record<string, number> = { error: 3, warning: 2, info: 1, style: 0, hint: 0, none: Infinity };

export const LINT_USAGE = `lint [FILE|DIR|-]... [--format ${Object.keys(FORMATTERS).join('|')}] [--failure-threshold error|warning|info|style|none]
                  [--fix] [--ignore RULE]... [--locale en|zh-cn]   lint Dockerfiles (a folder: every Dockerfile inside)`;

/** `layerwise lint`: exit 1 when a finding reaches the failure threshold, 2 on a usage or read error. */
export function lintCommand(args: string[]): number {
  const parsed = parseOptions(args, { values: ['format', 'failure-threshold', 'ignore', 'locale'], switches: ['fix'] });
  const format = lastValue(parsed, 'format') ?? 'tty';
  const threshold = lastValue(parsed, 'failure-threshold') ?? 'info';
  const locale = (lastValue(parsed, 'locale') ?? 'en').toLowerCase();
  const problem =
    parsed.error ??
    (parsed.positional.length === 0 ? 'name at least one FILE, DIR or -' : undefined) ??
    (FORMATTERS[format] ? undefined : `unknown format '${format}'`) ??
    (threshold in THRESHOLDS ? undefined : `unknown failure threshold '${threshold}'`) ??
    (LOCALES.includes(locale as Locale) ? undefined : `unknown locale '${locale}'`) ??
    (parsed.switches.has('fix') && parsed.positional.includes('-') ? '--fix cannot rewrite standard input' : undefined);
  if (problem) {
    process.stderr.write(`layerwise lint: ${problem}\nUsage: layerwise ${LINT_USAGE}\n`);
    return 2;
  }
  const options: LintOptions = {
    rules: allRules,
    locale: locale as Locale,
    severities: Object.fromEntries((parsed.values.get('ignore') ?? []).map((rule) => [rule, 'off' as const])),
  };
  const results: FileResult[] = [];
  let unreadable = 0;
  for (const path of findDockerfiles(parsed.positional)) {
    const result = lintFile(path, options, parsed.switches.has('fix'));
    if (result) results.push(result);
    else unreadable++;
  }
  process.stdout.write(FORMATTERS[format](results, { rules: allRules, version: packageVersion(), docsUrl: ruleDocsUrl }));
  if (unreadable > 0) return 2;
  const failing = results.some(({ findings }) => findings.some((finding) => RANK[finding.severity] >= THRESHOLDS[threshold]));
  return failing ? 1 : 0;
}

function lintFile(path: string, options: LintOptions, fix: boolean): FileResult | undefined {
  let text: string;
  try {
    text = readDockerfile(path);
  } catch (cause) {
    process.stderr.write(`layerwise lint: cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}\n`);
    return undefined;
  }
  let findings: Finding[];
  if (fix) {
    const fixed = fixAll(text, options);
    if (fixed.text !== text) writeFileSync(path, fixed.text);
    text = fixed.text;
    findings = fixed.findings;
  } else {
    findings = lint(parse(text), options);
  }
  return { path, lines: new LineIndex(text), findings };
}
