import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { initShell } from '../../../server/src/analysis/shell/index.js';
import { PROXY_ARGS } from '../../../server/src/analysis/variables.js';
import { parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';
import { exportHeaders } from '../../../server/src/shellcheck/headers.js';
import { findShellcheck, shellcheckFindings } from '../../../server/src/shellcheck/run.js';

/** Per RUN (by its text), the names its header exports before the proxy ARGs. */
function namesByRun(text: string): Array<[string, string[]]> {
  const tree = parse(text);
  return [...exportHeaders(tree)].map(([instruction, header]) => {
    const names = header.trim().split(' ').slice(1);
    assert.deepEqual(names.slice(-PROXY_ARGS.length), [...PROXY_ARGS]);
    return [text.slice(instruction.start, instruction.end), names.slice(0, -PROXY_ARGS.length)];
  });
}

describe('shellcheck: the variables each RUN sees', () => {
  it('gives a RUN its stage\'s ARGs and ENVs above it, after its parent stage\'s, and none of the global ARGs', () => {
    const text = 'ARG GLOBAL=1\nFROM alpine AS base\nENV A=1\nRUN one\nARG B\nRUN two\nFROM base AS next\nENV C=1 A=2\nRUN three\nFROM alpine\nRUN four\n';
    assert.deepEqual(namesByRun(text), [
      ['RUN one', ['A']],
      ['RUN two', ['A', 'B']],
      ['RUN three', ['A', 'B', 'C']],
      ['RUN four', []],
    ]);
  });

  it('gives a RUN before any FROM every ARG and ENV above it, and an ONBUILD RUN none', () => {
    const text = 'ARG A\nRUN one\nENV B=1\nRUN two\nFROM alpine\nENV C=1\nONBUILD RUN three\n';
    assert.deepEqual(namesByRun(text), [
      ['RUN one', ['A']],
      ['RUN two', ['A', 'B']],
      ['ONBUILD RUN three', []],
    ]);
  });

  it('gives each of 10,000 RUNs in a stage, and in a fragment, its header', () => {
    // The former per-RUN scan of every definition above it was quadratic here (time is a benchmark's business, not a test's).
    const body = 'ENV PATH=/x:$PATH\nRUN true\n'.repeat(10_000);
    for (const text of [`FROM alpine\n${body}`, body]) {
      const headers = [...exportHeaders(parse(text)).values()];
      assert.equal(headers.length, 10_000);
      assert.ok(headers.every((header) => header.startsWith('export PATH ')));
    }
  });
});

describe('shellcheck: a .shellcheckrc changes nothing', () => {
  before(async () => {
    await initShell();
    assert.ok(findShellcheck(), 'the shellcheck program is installed');
  });

  it('runs with --norc, so a ~/.shellcheckrc that disables a check does not hide its findings', async () => {
    const home = mkdtempSync(join(tmpdir(), 'layerwise-shellcheckrc-'));
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    writeFileSync(join(home, '.shellcheckrc'), 'disable=SC2086\n');
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = home;
    try {
      // A script no other test checks: the results are cached by script.
      const findings = await shellcheckFindings(parse('FROM alpine\nRUN echo $1 shellcheckrc-test\n'), { rules: allRules });
      assert.deepEqual(findings.map((finding) => finding.code), ['SC2086']);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(home, { recursive: true, force: true });
    }
  });
});
