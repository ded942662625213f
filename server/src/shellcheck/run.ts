import { spawn, spawnSync } from 'node:child_process';
import { programName, shellInEffect, shellScriptOf, type ShellSource } from '../analysis/shell/index.js';
import { formatMessage, severityOf, suppressionsFor, type LintOptions } from '../lint/engine.js';
import type { Finding, Locale, Severity, TextEdit } from '../lint/types.js';
import { toSource, toSourceEnd, type DockerfileTree } from '../parser/index.js';
import shellcheckRule from '../rules/shellcheck/index.js';
import { exportHeaders } from './headers.js';

/** ShellCheck's `-s` dialects, by the base name of the shell that runs the script. */
const DIALECTS: Record<string, string> = { sh: 'sh', ash: 'sh', dash: 'dash', bash: 'bash', ksh: 'ksh', mksh: 'ksh' };
const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const TIMEOUT_MS = 10_000;
/** ShellCheck processes at once: enough to keep two cores busy without a fork storm on a large tree. */
const MAX_RUNNING = 4;
const CACHE_LIMIT = 1000;
/** Files a script sources (`. /etc/os-release`) are in the image, not beside the Dockerfile: ShellCheck cannot follow them. */
const EXCLUDED = ['SC1090', 'SC1091'];

interface Comment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix: { replacements: Array<{ line: number; column: number; endLine: number; endColumn: number; replacement: string }> } | null;
}

/** One script as ShellCheck sees it: a header line declaring the variables ARG and ENV set, then the script. */
interface Job {
  source: ShellSource;
  dialect: string;
  input: string;
}

let located: string | null | undefined;

/** The `shellcheck` program on PATH, or null; looked up once. */
export function findShellcheck(): string | null {
  if (located === undefined) {
    const result = spawnSync('shellcheck', ['--version'], { encoding: 'utf8', timeout: TIMEOUT_MS });
    located = result.status === 0 ? 'shellcheck' : null;
  }
  return located;
}

/** Results by (dialect, input): most scripts do not change between keystrokes. */
const cache = new Map<string, Promise<Comment[]>>();

/**
 * ShellCheck's findings for every RUN of a tree, mapped to document ranges,
 * with the same severities, ignore comments and settings as the other rules.
 * Resolves to [] when ShellCheck is not installed or the rule is off.
 */
export async function shellcheckFindings(tree: DockerfileTree, options: LintOptions): Promise<Finding[]> {
  if (severityOf(shellcheckRule, options.severities) === 'off' || findShellcheck() === null) return [];
  const suppressions = suppressionsFor(tree, options.settings ?? {});
  if (suppressions.skipsRuleEverywhere(shellcheckRule)) return [];
  const jobs = scriptsOf(tree);
  const results = await Promise.all(jobs.map((job) => check(job)));
  const findings: Finding[] = [];
  jobs.forEach((job, index) => {
    const offsets = new ScriptOffsets(job.source);
    for (const comment of results[index]) {
      const finding = toFinding(offsets, comment, options);
      if (!finding) continue;
      const asRule = { meta: { ...shellcheckRule.meta, aliases: [`SC${comment.code}`] } } as typeof shellcheckRule;
      if (suppressions.skipsRuleEverywhere(asRule) || suppressions.suppresses(asRule, finding.span.start)) continue;
      findings.push(finding);
    }
  });
  return findings;
}

function scriptsOf(tree: DockerfileTree): Job[] {
  const headers = exportHeaders(tree);
  const jobs: Job[] = [];
  for (const [instruction, header] of headers) {
    const source = shellScriptOf(instruction, { shell: shellInEffect(tree, instruction), document: tree.text });
    const dialect = source && DIALECTS[programName(source.shell)];
    if (!source || !dialect) continue;
    jobs.push({ source, dialect, input: `${header}${source.text}` });
  }
  return jobs;
}

function check(job: Job): Promise<Comment[]> {
  const key = `${job.dialect}\u0000${job.input}`;
  let result = cache.get(key);
  if (!result) {
    result = runShellcheck(job.dialect, job.input);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
  }
  return result;
}

let running = 0;
const waiting: Array<() => void> = [];

async function runShellcheck(dialect: string, input: string): Promise<Comment[]> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await spawnShellcheck(dialect, input);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs ShellCheck on one script through stdin: no shell, no file, no network. */
function spawnShellcheck(dialect: string, input: string): Promise<Comment[]> {
  return new Promise((resolve) => {
    // --norc: a .shellcheckrc in the user's home or above the server's folder must not change what the rule reports.
    const args = ['--norc', '--format=json1', `--shell=${dialect}`, `--exclude=${EXCLUDED.join(',')}`, '-'];
    const child = spawn('shellcheck', args, { stdio: 'pipe', timeout: TIMEOUT_MS });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', () => resolve([]));
    child.on('close', () => {
      try {
        resolve((JSON.parse(output) as { comments: Comment[] }).comments);
      } catch {
        resolve([]);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

function toFinding(offsets: ScriptOffsets, comment: Comment, options: LintOptions): Finding | undefined {
  const start = offsets.document(comment.line, comment.column, false);
  const end = offsets.document(comment.endLine, comment.endColumn, true);
  if (start === undefined || end === undefined) return undefined;
  const code = `SC${comment.code}`;
  const locale: Locale = options.locale ?? 'en';
  const messages = shellcheckRule.meta.messages[locale];
  const configured = options.severities?.[code] ?? options.severities?.[code.toLowerCase()] ?? options.severities?.shellcheck;
  if (configured === 'off') return undefined;
  const edits = comment.fix?.replacements.map((replacement): TextEdit | undefined => {
    const from = offsets.document(replacement.line, replacement.column, false);
    const to = offsets.document(replacement.endLine, replacement.endColumn, true);
    return from === undefined || to === undefined ? undefined : { start: from, end: Math.max(from, to), text: replacement.replacement };
  });
  const fixable = edits && edits.length > 0 && edits.every((edit) => edit !== undefined);
  return {
    rule: shellcheckRule.meta.id,
    aliases: [code],
    code,
    docsUrl: `https://www.shellcheck.net/wiki/${code}`,
    severity: configured ?? LEVELS[comment.level] ?? 'warning',
    span: { start, end: Math.max(start, end) },
    messageId: 'finding',
    message: formatMessage(messages.finding, { code: comment.code, message: comment.message }),
    fixes: fixable
      ? [{ messageId: 'applyFix', edits: edits as TextEdit[], safe: false, title: formatMessage(messages.applyFix, { code: comment.code }) }]
      : [],
  };
}

/** ShellCheck counts 1-based lines and characters in its input, whose first line is our header. */
class ScriptOffsets {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly source: ShellSource) {
    const text = source.text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  document(line: number, column: number, isEnd: boolean): number | undefined {
    const scriptLine = line - 2;
    if (scriptLine < 0 || scriptLine >= this.lineStarts.length) return undefined;
    const offset = Math.min(this.lineStarts[scriptLine] + column - 1, this.source.text.length);
    return isEnd ? toSourceEnd(this.source.map, offset) : toSource(this.source.map, offset);
  }
}
