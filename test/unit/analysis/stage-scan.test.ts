import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StageScan } from '../../../server/src/analysis/stage-scan.js';
import { parentStage } from '../../../server/src/analysis/stages.js';
import { VariableResolver } from '../../../server/src/analysis/variables.js';
import { shellInEffect } from '../../../server/src/analysis/shell/shell-in-effect.js';
import { parse } from '../../../server/src/parser/index.js';

const STAGES = Array.from({ length: 100 }, (_, i) => `FROM alpine AS s${i}\nRUN echo ${i}\n`).join('');

describe('stage scan: per-stage tables filled only as far as asked', () => {
  it('visits the stages up to the one asked about, each once, in order', () => {
    const tree = parse(STAGES);
    const visited: number[] = [];
    const scan = new StageScan(tree.stages, (stage) => {
      visited.push(stage.index);
      return stage.name;
    });
    assert.equal(scan.at(2), 's2');
    assert.deepEqual(visited, [0, 1, 2]);
    assert.equal(scan.at(1), 's1');
    scan.upTo(tree.stages[4].from.start);
    assert.deepEqual(visited, [0, 1, 2, 3, 4]);
    scan.through(1_000);
    assert.equal(visited.length, 100);
  });

  it('gives the answers a whole-file pass gives, asked in any order', () => {
    const tree = parse('FROM alpine AS a\nSHELL ["/bin/bash", "-c"]\nFROM a AS b\nRUN x\nFROM b AS a\nFROM a\nRUN y\n');
    const [, b, , last] = tree.stages;
    assert.equal(parentStage(tree, last)?.index, 2, 'a later stage of the same name replaces an earlier one');
    assert.equal(parentStage(tree, b)?.index, 0);
    assert.deepEqual(shellInEffect(tree, b.instructions[0]), ['/bin/bash', '-c'], 'the shell comes down from the base stage');
  });

  it('takes variables and SHELL from the latest stage of a repeated name, as the parent is found everywhere', () => {
    const tree = parse('FROM alpine AS a\nENV X=1\nFROM alpine AS a\nENV X=2\nSHELL ["/bin/bash", "-c"]\nFROM a\nRUN echo $X\n');
    const run = tree.stages[2].instructions[0];
    assert.equal(new VariableResolver(tree).resolve('X', run.start)?.value, '2');
    assert.deepEqual(shellInEffect(tree, run), ['/bin/bash', '-c']);
  });
});
