// Every regular expression in server/src, client/src and scripts/, checked for
// catastrophic backtracking (ReDoS) by recheck: a vulnerable one fails the test
// unless it is listed below with why its input cannot grow large; a pattern
// built at run time cannot be checked here and must be listed with what bounds it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSync } from 'recheck';
import { regexUses, type RegexUse } from '../../support/regex-literals.js';

// recheck runs offline: its native checker (the recheck-linux-x64 package) when installed, else its
// JavaScript one (RECHECK_SYNC_BACKEND=pure forces that: same verdicts, about 4× slower here).

const ROOT = join(__dirname, '..', '..', '..');
const FOLDERS = ['server/src', 'client/src', 'scripts'];

/** `file: /source/flags` for literals, `file: text` for patterns built at run time; the value says what bounds the input. */
const ACCEPTED: Record<string, string> = {
  // ---- vulnerable literals whose input is bounded ----
  'server/src/lint/suppressions.ts: /^hadolint\\s+global\\s+ignore\\s*=\\s*(.+)$/i': 'a comment\'s text: one line, so `(.+)$` always matches to its end; the quadratic case needs a line terminator',
  'server/src/lint/suppressions.ts: /^hadolint\\s+stage\\s+ignore\\s*=\\s*(.+)$/i': 'a comment\'s text, one line (as above)',
  'server/src/lint/suppressions.ts: /^hadolint\\s+ignore\\s*=\\s*(.+)$/i': 'a comment\'s text, one line (as above)',
  'server/src/lint/suppressions.ts: /^layerwise-ignore-file\\s+(.+)$/i': 'a comment\'s text, one line (as above)',
  'server/src/lint/suppressions.ts: /^layerwise-ignore\\s+(.+)$/i': 'a comment\'s text, one line (as above)',
  'client/src/build/target-reference.ts: /^[._-]+|[._-]+$/g': 'a folder name, cut to 237 characters first',
  'client/src/build/progress.ts: /(?:^|\\/)(?:[\\w.-]*\\.)?(?:Dockerfile|Containerfile|dockerfile)(?:\\.[\\w.-]+)?$/': 'a file path from a build error (PATH_MAX, 4096)',
  'scripts/test-vscode.mjs: /^\\s*(\\d+)\\s+(\\d+)\\s+(.*)$/': 'a line of `ps` output in a development script, never shipped',
  // ---- built at run time ----
  'server/src/lint/helpers/shell-edits.ts: new RegExp(`^(?:[ \\\\t]|${escape}\\\\r?\\\\n)*(?:&&|;)(?:\\\\s|${escape}\\\\r?\\\\n)*`)': 'the escape is `\\` or a backtick: two fixed patterns, both checked below',
  'server/src/rules/label-not-email/index.ts: new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`)': 'constant fragments (RFC 5322 addr-spec); a LABEL value',
};

/** Patterns built from a small set of values: each value's pattern is checked. */
const EXPANDED: Array<{ source: string; flags: string }> = ['\\\\', '`'].map((escape) => ({
  source: `^(?:[ \\t]|${escape}\\r?\\n)*(?:&&|;)(?:\\s|${escape}\\r?\\n)*`,
  flags: '',
}));

function keyOf(use: RegexUse): string {
  if (use.source === undefined || use.flags === undefined) return `${use.file}: ${use.text.split('\n')[0]}`;
  return `${use.file}: /${use.source}/${use.flags}`;
}

function check(source: string, flags: string): { status: string; detail: string } {
  // Flags recheck does not model (d, g, y) do not change backtracking.
  const result = checkSync(source, flags.replace(/[dgy]/g, ''), { timeout: 10_000 });
  if (result.status === 'vulnerable') return { status: 'vulnerable', detail: `${result.complexity.summary}, e.g. ${result.attack.pattern.slice(0, 80)}` };
  if (result.status === 'unknown') return { status: 'unknown', detail: result.error.kind };
  return { status: 'safe', detail: '' };
}

describe('regular expressions: no catastrophic backtracking (recheck)', () => {
  const uses = regexUses(ROOT, FOLDERS);

  it('finds the expressions of server/src, client/src and scripts/', () => {
    assert.ok(uses.length > 200, `found ${uses.length}`);
  });

  it('every literal is safe, or listed with what bounds its input', () => {
    const failures: string[] = [];
    for (const use of uses) {
      if (use.source === undefined || use.flags === undefined) continue;
      const { status, detail } = check(use.source, use.flags);
      if (status === 'vulnerable' && !(keyOf(use) in ACCEPTED)) failures.push(`${use.file}:${use.line} /${use.source}/${use.flags}: ${detail}`);
    }
    assert.deepEqual(failures, []);
  });

  it('every pattern built at run time is listed with what bounds it', () => {
    const unlisted = uses.filter((use) => (use.source === undefined || use.flags === undefined) && !(keyOf(use) in ACCEPTED)).map((use) => `${use.file}:${use.line} ${keyOf(use)}`);
    assert.deepEqual(unlisted, []);
  });

  it('the expanded run-time patterns are safe', () => {
    for (const { source, flags } of EXPANDED) assert.equal(check(source, flags).status, 'safe', source);
  });

  it('lists nothing that is gone or no longer vulnerable', () => {
    const present = new Map(uses.map((use) => [keyOf(use), use]));
    const stale = Object.keys(ACCEPTED).filter((key) => {
      const use = present.get(key);
      if (!use) return true;
      return use.source !== undefined && use.flags !== undefined && check(use.source, use.flags).status !== 'vulnerable';
    });
    assert.deepEqual(stale, []);
  });
});
