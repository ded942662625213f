import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShell } from '../../analysis/shell/index.js';
import type { LintOptions } from '../../lint/engine.js';
import { applyEdits } from '../../lint/fix.js';
import { parse } from '../../parser/index.js';
import { findShellcheck, shellcheckFindings } from '../../shellcheck/run.js';
import { readCorpus } from '../../../../test/support/corpus.js';
import { allRules } from '../index.js';

const options: LintOptions = { rules: allRules };

async function codes(text: string, extra: Partial<LintOptions> = {}): Promise<string[]> {
  return (await shellcheckFindings(parse(text), { ...options, ...extra })).map((finding) => finding.code ?? '');
}

describe('rule shellcheck', () => {
  before(async () => {
    await initShell();
    // npm test installs Debian's shellcheck; without it these tests would prove nothing.
    assert.ok(findShellcheck(), 'the shellcheck program is installed');
  });

  it('maps a finding to its exact range, across continuation lines', async () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update \\\n  && echo $1 `pwd`\n';
    const findings = await shellcheckFindings(parse(text), options);
    const byCode = new Map(findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]));
    assert.equal(byCode.get('SC2006'), '`pwd`');
    assert.equal(byCode.get('SC2086'), '$1');
    assert.match(findings[0].docsUrl ?? '', /^https:\/\/www\.shellcheck\.net\/wiki\/SC\d+$/);
  });

  it('knows the variables ARG and ENV define', async () => {
    assert.deepEqual(await codes('FROM debian\nARG foo=bar\nENV baz=1\nRUN echo "$foo" "$baz"\n'), []);
    assert.deepEqual(await codes('FROM debian\nRUN echo "$foo"\n'), ['SC2154']);
  });

  it('reads heredoc RUN bodies, with their lines', async () => {
    const text = 'FROM debian\nRUN <<EOF\nset -e\necho $1\nEOF\n';
    const [finding] = await shellcheckFindings(parse(text), options);
    assert.equal(text.slice(finding.span.start, finding.span.end), '$1');
  });

  it('honours ignore comments and severities by SC code', async () => {
    const text = 'FROM debian\n# hadolint ignore=SC2086\nRUN echo $1\nRUN echo $2\n';
    assert.deepEqual(await codes(text), ['SC2086'], 'only the second RUN');
    assert.deepEqual(await codes('FROM debian\nRUN echo $1\n', { severities: { SC2086: 'off' } }), []);
    assert.deepEqual(await codes('FROM debian\nRUN echo $1\n', { severities: { shellcheck: 'off' } }), []);
    const [finding] = await shellcheckFindings(parse('FROM debian\nRUN echo $1\n'), { ...options, severities: { SC2086: 'error' } });
    assert.equal(finding.severity, 'error');
  });

  it('offers ShellCheck’s own fix, as an unsafe one', async () => {
    const text = 'FROM debian\nRUN echo `date`\n';
    const finding = (await shellcheckFindings(parse(text), options)).find((candidate) => candidate.code === 'SC2006')!;
    assert.equal(finding.fixes[0].safe, false);
    assert.equal(applyEdits(text, finding.fixes[0].edits).text, 'FROM debian\nRUN echo $(date)\n');
  });

  // hadolint's ShellCheck cases: which scripts ShellCheck should see, and with which shell.
  const cases = (JSON.parse(readCorpus('hadolint-cases', 'hadolint-cases-full.json')) as Array<{ rule: string; dockerfile: string; expect: string; source: string; onbuild?: boolean; dockerfile_onbuild?: string }>)
    .filter((entry) => entry.rule === 'shellcheck');
  // Where we deliberately differ, and why; each is asserted to still differ, so the list cannot go stale.
  const differences: Record<string, string> = {
    'test/Hadolint/Rule/ShellcheckSpec.hs:99 onbuild':
      'hadolint checks an ONBUILD RUN under /bin/sh even after SHELL bash; SHELL is part of the image config the child build inherits, so we check it as bash',
  };
  it(`agrees with hadolint's ${cases.length} ShellCheck cases but for ${Object.keys(differences).length} listed`, async () => {
    assert.ok(cases.length >= 30);
    for (const entry of cases) {
      const text = `${entry.onbuild ? entry.dockerfile_onbuild : entry.dockerfile}\n`;
      const found = await codes(text);
      const differs = `${entry.source}${entry.onbuild ? ' onbuild' : ''}` in differences;
      assert.equal(found.length > 0 !== differs, entry.expect === 'fires', `${entry.source}: ${JSON.stringify(text)} gave ${found.join(', ') || 'nothing'}`);
    }
  });
});
