import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, compatibleFixes } from '../../../server/src/lint/fix.js';
import type { Fix, TextEdit } from '../../../server/src/lint/types.js';

/** The plain definition: a fix is chosen when none of its edits overlaps an edit chosen before. */
function naive(fixes: Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const overlaps = (edit: TextEdit) => taken.some((other) => (edit.start < other.end && other.start < edit.end) || (edit.start === other.start && edit.end === other.end));
  return fixes.filter((fix) => {
    if (fix.edits.some(overlaps)) return false;
    taken.push(...fix.edits);
    return true;
  });
}

const edit = fc.record({ start: fc.nat(40), length: fc.nat(4), text: fc.constantFrom('', 'x', 'yy') }).map(({ start, length, text }) => ({ start, end: start + length, text }));
// A fix's own edits do not overlap each other, as every rule's fixes are tested to hold.
const fix = fc.uniqueArray(edit, { minLength: 1, maxLength: 3, comparator: (a, b) => a.start < b.end + (a.start === a.end ? 1 : 0) && b.start < a.end + (b.start === b.end ? 1 : 0) })
  .map((edits): Fix => ({ messageId: 'fix', edits, safe: true }));

describe('compatible fixes', () => {
  it('chooses what checking every chosen edit chooses, from ordered neighbours only', () => {
    fc.assert(fc.property(fc.array(fix, { maxLength: 30 }), (fixes) => {
      assert.deepEqual(compatibleFixes(fixes), naive(fixes));
    }), { numRuns: 2000 });
  });

  it('applies edits in one pass, inserts at one point in their order', () => {
    const edits = [{ start: 3, end: 3, text: 'b' }, { start: 0, end: 1, text: 'X' }, { start: 3, end: 3, text: 'c' }, { start: 4, end: 6, text: '' }];
    assert.equal(applyEdits('abcdefg', edits).text, 'Xbcbcdg');
  });
});
