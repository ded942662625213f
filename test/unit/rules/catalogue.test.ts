import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatedFiles } from '../../../scripts/generate-rules.js';
import { applyEdits } from '../../../server/src/lint/fix.js';
import { LOCALES, SEVERITIES } from '../../../server/src/lint/types.js';
import { parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';
import { shellcheckFindings } from '../../../server/src/shellcheck/run.js';
import { assertFixIsClean, findingsOf } from '../../support/rule-tester.js';

const RULES_DIR = join(__dirname, '..', '..', '..', 'server', 'src', 'rules');
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

// The project's conventions for rules, checked for every rule so no rule can drift.
describe('rule catalogue', () => {
  it('has unique kebab-case ids, each the name of its folder with its own tests', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      assert.ok(existsSync(join(RULES_DIR, id, 'rule.test.ts')), `${id} has rule.test.ts`);
    }
  });

  it('gives each hadolint code to one rule only', () => {
    const codes = allRules.flatMap((rule) => rule.meta.aliases.filter((alias) => /^(DL|SC)\d+$/.test(alias)));
    assert.equal(new Set(codes).size, codes.length);
  });

  it('keeps generated files in step with the rule modules (run `npm run generate`)', () => {
    for (const [path, content] of generatedFiles(allRules)) {
      assert.equal(readFileSync(path, 'utf8'), content, `${path} is current`);
    }
  });

  for (const rule of allRules) {
    const { meta } = rule;
    describe(meta.id, () => {
      it('has docs and messages in every locale, with the same placeholders', () => {
        assert.ok(SEVERITIES.includes(meta.severity));
        for (const locale of LOCALES) {
          const docs = meta.docs[locale];
          assert.ok(docs.summary.trim() && docs.why.trim(), `${locale} docs say what and why`);
          assert.equal(Boolean(docs.fix), Boolean(meta.fixable), `${locale} docs describe the fix exactly when there is one`);
          assert.deepEqual(Object.keys(meta.messages[locale]).sort(), Object.keys(meta.messages.en).sort());
          for (const [id, message] of Object.entries(meta.messages[locale])) {
            assert.deepEqual(placeholders(message), placeholders(meta.messages.en[id]), `${locale} ${id}`);
          }
        }
      });

      // ShellCheck's findings come from the shellcheck program, run after the rules.
      const own = async (code: string) =>
        meta.external ? shellcheckFindings(parse(code), { rules: allRules, settings: meta.examples.settings }) : findingsOf(rule, code, meta.examples.settings);

      it('reports its bad example and not its good one', async () => {
        assert.ok((await own(meta.examples.bad)).length > 0, 'the bad example is reported');
        assert.deepEqual((await own(meta.examples.good)).map((finding) => finding.message), [], 'the good example is clean');
        assert.deepEqual(parse(meta.examples.good).errors, [], 'the good example parses');
      });

      if (meta.fixable && meta.external) {
        it('fixes its bad example', async () => {
          const before = await own(meta.examples.bad);
          const fix = before.flatMap((finding) => finding.fixes)[0];
          assert.ok(fix, 'a fixable rule offers a fix on its bad example');
          const after = applyEdits(meta.examples.bad, fix.edits).text;
          assert.deepEqual(parse(after).errors, [], 'the fixed file parses');
          assert.ok((await own(after)).length < before.length, 'the fix removes a finding');
        });
      } else if (meta.fixable) {
        it('fixes its bad example cleanly', () => {
          const findings = findingsOf(rule, meta.examples.bad, meta.examples.settings);
          const fixes = findings.flatMap((finding) => finding.fixes);
          assert.ok(fixes.length > 0, 'a fixable rule offers a fix on its bad example');
          for (const fix of fixes) assertFixIsClean(rule, meta.examples.bad, applyEdits(meta.examples.bad, fix.edits).text, meta.examples.settings);
        });
      }
    });
  }
});
