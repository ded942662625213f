import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule } from '../../../server/src/lint/define-rule.js';
import { lint } from '../../../server/src/lint/engine.js';
import type { Rule } from '../../../server/src/lint/types.js';
import { parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';

const latestTag = allRules.find((rule) => rule.meta.id === 'latest-tag')!;

/** A rule that throws where `where` says: in create, or on its first RUN. */
function brokenRule(where: 'create' | 'visit'): Rule {
  const docs = { summary: 'fails', why: 'a test' };
  return defineRule({
    meta: {
      id: `broken-${where}`,
      aliases: [],
      category: 'correctness',
      severity: 'error',
      messages: { en: { found: 'found' }, 'zh-cn': { found: 'found' } },
      docs: { en: docs, 'zh-cn': docs },
      examples: { bad: '', good: '' },
    },
    create(context) {
      if (where === 'create') throw new Error('broken in create');
      return {
        RUN(instruction) {
          context.report({ span: instruction.keywordToken, messageId: 'found' });
          throw new Error('broken in RUN');
        },
      };
    },
  });
}

const text = 'FROM alpine:latest\nRUN one\nRUN two\n';

describe('lint: a rule that throws', () => {
  it('fails the lint when no one listens (tests and fuzzing see it)', () => {
    assert.throws(() => lint(parse(text), { rules: [brokenRule('visit'), latestTag] }), /broken in RUN/);
  });

  for (const where of ['create', 'visit'] as const) {
    it(`thrown in ${where}: is reported once and skipped; the other rules still report`, () => {
      const failures: string[] = [];
      const findings = lint(parse(text), { rules: [brokenRule(where), latestTag], onRuleError: (rule, error) => failures.push(`${rule.meta.id}: ${(error as Error).message}`) });
      assert.deepEqual(failures, [`broken-${where}: broken in ${where === 'create' ? 'create' : 'RUN'}`]);
      assert.ok(findings.some((finding) => finding.rule === 'latest-tag'));
      // What the rule reported before it threw stays; it is not called again after.
      assert.equal(findings.filter((finding) => finding.rule === 'broken-visit').length, where === 'visit' ? 1 : 0);
    });
  }
});
