import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, SlicedParse } from '../../../server/src/parser/index.js';
import { realDockerfiles } from '../../support/corpus.js';
import { seededRandom } from '../../support/seeded-random.js';

/** Runs a sliced parse to the end with `pause` as its only say, and counts the steps. */
function parseSliced(text: string, pause: () => boolean): { tree: ReturnType<typeof parse>; steps: number } {
  const sliced = new SlicedParse(text);
  let steps = 1;
  while (!sliced.step(pause)) steps++;
  return { tree: sliced.tree(), steps };
}

const EDGE_CASES = ['', '\uFEFF', '\uFEFF# escape=`\nFROM a\nRUN b `\n  c\n', 'RUN <<EOF\nbody\nEOF\n# c\nFROM x', '# syntax=x\n# escape=`\n\nFROM a\r\nRUN a `\r\n b\r\n', 'FROM a\\\n\\\n'];

describe('sliced parse', () => {
  it('gives the tree parse gives when it pauses after every line', () => {
    for (const text of [...EDGE_CASES, ...realDockerfiles().map(([, text]) => text)]) {
      assert.deepStrictEqual(parseSliced(text, () => true).tree, parse(text), JSON.stringify(text.slice(0, 80)));
    }
  });

  it('gives the tree parse gives when it pauses at random lines', () => {
    const next = seededRandom(7);
    for (const [name, text] of realDockerfiles('real-extra')) {
      assert.deepStrictEqual(parseSliced(text, () => next() < 0.2).tree, parse(text), name);
    }
  });

  it('goes on by at least one line a step, so a pause that is always due cannot stall it', () => {
    const text = 'FROM a\nRUN b\n\n# c\nRUN d \\\n  e\n';
    assert.equal(parseSliced(text, () => true).steps, 5);
  });
});
