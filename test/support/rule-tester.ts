import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShell } from '../../server/src/analysis/shell/index.js';
import { lint } from '../../server/src/lint/engine.js';
import { applyEdits, compatibleFixes } from '../../server/src/lint/fix.js';
import type { Finding, LintSettings, Rule } from '../../server/src/lint/types.js';
import { parse } from '../../server/src/parser/index.js';
import { allRules } from '../../server/src/rules/index.js';

export interface InvalidCase {
  code: string;
  /** The source text under each finding, in order; a position is found by text, never typed as numbers. */
  findings: Array<string | { text: string; messageId: string }>;
  /** The text after applying the first fix of every finding once; omit when the rule offers none here. */
  output?: string;
  settings?: LintSettings;
  /** Why this case exists, where it is not obvious (e.g. where we differ from hadolint). */
  note?: string;
}

export type ValidCase = string | { code: string; settings?: LintSettings; note?: string };

/** One rule alone, turned on even when it is off by default. */
export function findingsOf(rule: Rule, code: string, settings?: LintSettings): Finding[] {
  return lint(parse(code), { rules: [rule], settings, severities: { [rule.meta.id]: rule.meta.severity } });
}

/** Applies the first fix of each finding, as a person clicking each quick fix once would. */
export function applyFirstFixes(code: string, findings: Finding[]): string {
  const fixes = compatibleFixes(findings.flatMap((finding) => finding.fixes.slice(0, 1)));
  return applyEdits(code, fixes.flatMap((fix) => fix.edits)).text;
}

function countByRule(code: string, rule: Rule, settings?: LintSettings): Map<string, number> {
  const counts = new Map<string, number>();
  const severities = { [rule.meta.id]: rule.meta.severity };
  for (const finding of lint(parse(code), { rules: allRules, settings, severities })) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

/** After a fix the file still parses, the finding is gone, and no rule finds anything new (under the case's settings). */
export function assertFixIsClean(rule: Rule, before: string, after: string, settings?: LintSettings): void {
  const errorsBefore = parse(before).errors.length;
  assert.ok(parse(after).errors.length <= errorsBefore, `the fixed file parses:\n${after}`);
  const countsBefore = countByRule(before, rule, settings);
  const countsAfter = countByRule(after, rule, settings);
  assert.ok((countsAfter.get(rule.meta.id) ?? 0) < (countsBefore.get(rule.meta.id) ?? 0), `the fix removes a ${rule.meta.id} finding`);
  for (const [id, count] of countsAfter) {
    assert.ok(count <= (countsBefore.get(id) ?? 0), `the fix adds no ${id} finding:\n${after}`);
  }
}

/** ESLint-style table tests for one rule. */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    before(() => initShell());
    for (const valid of cases.valid) {
      const { code, settings, note } = typeof valid === 'string' ? { code: valid, settings: undefined, note: undefined } : valid;
      it(`passes ${JSON.stringify(code)}${note ? ` (${note})` : ''}`, () => {
        assert.deepEqual(findingsOf(rule, code, settings).map((finding) => finding.message), []);
      });
    }
    for (const invalid of cases.invalid) {
      it(`reports ${JSON.stringify(invalid.code)}${invalid.note ? ` (${invalid.note})` : ''}`, () => {
        const findings = findingsOf(rule, invalid.code, invalid.settings);
        const actual = findings.map((finding) => {
          const text = invalid.code.slice(finding.span.start, finding.span.end);
          return findings.length && typeof invalid.findings[0] === 'object' ? { text, messageId: finding.messageId } : text;
        });
        assert.deepEqual(actual, invalid.findings);
        if (invalid.output !== undefined) {
          const output = applyFirstFixes(invalid.code, findings);
          assert.equal(output, invalid.output);
          assertFixIsClean(rule, invalid.code, output, invalid.settings);
        } else {
          assert.deepEqual(findings.flatMap((finding) => finding.fixes), [], 'a case with fixes states its output');
        }
      });
    }
  });
}
