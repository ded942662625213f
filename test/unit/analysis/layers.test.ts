import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMountedAway, layersShip, mountTargets } from '../../../server/src/analysis/layers.js';
import { parse } from '../../../server/src/parser/index.js';

describe('layers: which stages ship', () => {
  const shipping = (text: string) => {
    const tree = parse(text);
    return tree.stages.map((stage) => layersShip(tree, stage));
  };

  it('ships the last stage and the stages it is built on', () => {
    assert.deepEqual(shipping('FROM a AS base\nFROM base AS build\nFROM b AS tools\nFROM scratch\nCOPY --from=build /x /x\n'), [false, false, false, true]);
    assert.deepEqual(shipping('FROM a AS Base\nFROM base AS mid\nFROM mid\n'), [true, true, true]);
  });

  it('counts instructions before any FROM as shipped', () => {
    assert.equal(layersShip(parse('RUN x\n'), undefined), true);
  });
});

describe('layers: mounts', () => {
  const run = (text: string) => parse(text).instructions[1];

  it('reads the targets of every mount, by any of its names', () => {
    const instruction = run('FROM a\nRUN --mount=type=cache,target=/root/.cache/ --mount=type=tmpfs,dst=/tmp --mount=source=x,destination=/src --mount=type=cache,id=x make\n');
    assert.deepEqual(mountTargets(instruction), [
      { type: 'cache', target: '/root/.cache' },
      { type: 'tmpfs', target: '/tmp' },
      { type: 'bind', target: '/src' },
    ]);
  });

  it('keeps paths in cache and tmpfs mounts out of the layer, not in bind mounts', () => {
    const instruction = run('FROM a\nONBUILD RUN --mount=type=cache,target=/var/cache --mount=target=/src make\n');
    assert.ok(isMountedAway(instruction, '/var/cache/apt'));
    assert.ok(!isMountedAway(instruction, '/var/cachet'));
    assert.ok(!isMountedAway(instruction, '/src/x'));
  });
});
