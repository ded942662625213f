import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdit, parse, type DockerfileTree, type TextEdit } from '../../../server/src/parser/index.js';
import { realDockerfiles } from '../../support/corpus.js';
import { seededRandom as random } from '../../support/seeded-random.js';

// Fragments that change structure: continuations, comments, heredocs, quotes, new instructions.
const FRAGMENTS = ['\\', '\\\n', '\n', ' ', 'x', '#', '# c\n', 'RUN a\n', '<<EOF', '\nEOF\n', '"', "'", '[', ']', '${A:-', '}', '`', '\r\n', 'ONBUILD ', '--mount=type=cache '];

function randomEdit(text: string, next: () => number): TextEdit {
  const start = Math.floor(next() * (text.length + 1));
  const length = next() < 0.5 ? 0 : Math.floor(next() * 12);
  const insert = next() < 0.3 ? '' : FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
  return { start, end: Math.min(text.length, start + length), text: insert };
}

function assertSameTree(actual: DockerfileTree, expected: DockerfileTree, context: string): void {
  assert.deepStrictEqual(actual, expected, context);
}

describe('incremental parsing', () => {
  it('equals a full parse after chains of random edits over the real corpus', () => {
    const next = random(20261123);
    let edits = 0;
    for (const [name, original] of realDockerfiles('real')) {
      let tree = parse(original);
      for (let step = 0; step < 12; step++) {
        const edit = randomEdit(tree.text, next);
        const text = tree.text.slice(0, edit.start) + edit.text + tree.text.slice(edit.end);
        tree = applyEdit(tree, edit);
        assertSameTree(tree, parse(text), `${name}, edit ${step}: ${JSON.stringify(edit)}`);
        edits++;
      }
    }
    assert.ok(edits > 3000);
  });

  it('reparses only from the edited instruction on', () => {
    const text = 'FROM a\nRUN one\nRUN two\nRUN three\n';
    const tree = parse(text);
    const [from, , , third] = tree.instructions;
    const at = text.indexOf('two');
    const updated = applyEdit(tree, { start: at, end: at + 3, text: 'deux' });
    assert.equal(updated.instructions[0], from, 'instructions before the edit are reused');
    assert.equal(updated.instructions[3], third, 'instructions after the edit are reused');
    assert.equal(updated.instructions[2].args.value, 'deux');
    assert.equal(third.start, text.indexOf('RUN three') + 1, 'and shifted by the edit');
  });

  it('turns following lines into a continuation when a line gains a trailing escape', () => {
    const text = 'FROM a\nRUN one\nRUN two\n';
    const at = text.indexOf('one') + 3;
    const updated = applyEdit(parse(text), { start: at, end: at, text: ' \\' });
    assert.deepEqual(updated.instructions.map((instruction) => instruction.args.value), ['a', 'one RUN two']);
  });
});
