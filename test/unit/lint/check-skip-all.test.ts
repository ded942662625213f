import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShell } from '../../../server/src/analysis/shell/index.js';
import { lint } from '../../../server/src/lint/engine.js';
import { parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';

describe('# check=skip=all', () => {
  // foreground-process reads the CMD's shell script.
  before(initShell);

  it('skips every BuildKit check, JSONArgsRecommended (all capitals at the start) too, and nothing else', () => {
    const rules = (text: string) => lint(parse(text), { rules: allRules }).map((finding) => finding.rule);
    const dockerfile = 'FROM alpine:3.20\nCMD node server.js\nADD app.py /app/\n';
    assert.deepEqual(rules(dockerfile), ['json-args-recommended', 'add-instead-of-copy']);
    assert.deepEqual(rules(`# check=skip=all\n${dockerfile}`), ['add-instead-of-copy']);
  });
});
