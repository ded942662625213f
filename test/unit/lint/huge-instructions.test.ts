import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShell } from '../../../server/src/analysis/shell/index.js';
import { formatEdits } from '../../../server/src/features/formatting.js';
import { lint } from '../../../server/src/lint/engine.js';
import { parse } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';

// More items than a function call takes as arguments (about 125,000 here): code that
// spread them into push(...) or Math.min(...) threw RangeError on these files.
const COUNT = 200_000;
const HUGE = {
  'an ENV of 200,000 pairs': `FROM alpine\nENV ${'a=1 '.repeat(COUNT)}\nRUN echo $a\n`,
  'an ARG of 200,000 pairs': `FROM alpine\nARG ${'a=1 '.repeat(COUNT)}\nRUN echo $a\n`,
  'a RUN of 200,000 operands after --': `FROM alpine\nRUN rm -- ${'a '.repeat(COUNT)}\n`,
  '200,000 COPYs before a RUN chmod': `FROM alpine\n${'COPY a /a\n'.repeat(COUNT)}RUN chmod +x /a\n`,
};

describe('instructions with 200,000 items', () => {
  before(initShell);

  for (const [name, text] of Object.entries(HUGE)) {
    it(`${name}: every rule runs, and formatting too`, () => {
      const failures: string[] = [];
      lint(parse(text), { rules: allRules, onRuleError: (rule, error) => failures.push(`${rule.meta.id}: ${String(error)}`) });
      assert.deepEqual(failures, []);
      assert.doesNotThrow(() => formatEdits(parse(text), { continuationIndent: 4, tabSize: 4 }, 0, text.length));
    });
  }
});
