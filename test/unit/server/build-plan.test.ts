import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan } from '../../../server/src/features/build-plan.js';
import { parse } from '../../../server/src/parser/index.js';

describe('build plan (layerwise/buildPlan)', () => {
  it('lists stages with their instructions\' lines, parents, images and the ARGs', () => {
    const text = [
      'ARG BASE=alpine:3.20',
      'FROM ${BASE} AS build',
      'ARG VERSION=1 \\',
      '    CHANNEL',
      'RUN make \\',
      '    install',
      '',
      'FROM build AS test',
      'RUN ["make", "test"]',
      '',
      'from scratch',
      'COPY --from=build /out /',
    ].join('\n');
    const plan = buildPlan(parse(text));
    assert.deepEqual(plan.globalArgs.map((instruction) => [instruction.keyword, instruction.line]), [['ARG', 0]]);
    assert.deepEqual(
      plan.stages.map((stage) => ({ index: stage.index, name: stage.name, image: stage.image, parent: stage.parent, lines: stage.instructions.map((instruction) => `${instruction.keyword}@${instruction.line}-${instruction.endLine}`) })),
      [
        { index: 0, name: 'build', image: 'alpine:3.20', parent: undefined, lines: ['FROM@1-1', 'ARG@2-3', 'RUN@4-5'] },
        { index: 1, name: 'test', image: undefined, parent: 0, lines: ['FROM@7-7', 'RUN@8-8'] },
        { index: 2, name: undefined, image: 'scratch', parent: undefined, lines: ['FROM@10-10', 'COPY@11-11'] },
      ],
    );
    assert.equal(plan.stages[0].instructions[2].arguments.replace(/\s+/g, ' '), 'make install');
    assert.equal(plan.stages[1].instructions[1].arguments, '["make", "test"]');
    assert.deepEqual(plan.args, [
      { name: 'BASE', defaultValue: 'alpine:3.20', line: 0, global: true },
      { name: 'VERSION', defaultValue: '1', line: 2, global: false },
      { name: 'CHANNEL', defaultValue: undefined, line: 3, global: false },
    ]);
  });
});
