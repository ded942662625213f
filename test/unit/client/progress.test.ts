import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BuildLog, describeStep, lineOfFailure, parseStep, stepTable, type Step } from '../../../client/src/build/progress.js';
import { buildPlan } from '../../../server/src/features/build-plan.js';
import { parse } from '../../../server/src/parser/index.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'build');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const planOf = (name: string) => buildPlan(parse(fixture(name)));

function readAll(output: string, dockerfileName = 'Dockerfile'): { log: BuildLog; steps: Step[] } {
  const log = new BuildLog(dockerfileName);
  const steps: Step[] = [];
  for (const line of output.split('\n')) {
    const step = log.read(line);
    if (step) steps.push(step);
  }
  return { log, steps };
}

/** The zero-based line of each step's instruction in the Dockerfile, by its text there. */
function lineOf(dockerfile: string, text: string): number {
  const index = fixture(dockerfile).split('\n').findIndex((line) => line.startsWith(text));
  assert.ok(index >= 0, `${text} is in ${dockerfile}`);
  return index;
}

describe('build progress: step lines', () => {
  it('reads podman steps, with and without the [stage/stages] prefix', () => {
    assert.deepEqual(parseStep('[2/3] STEP 3/7: RUN make'), { format: 'podman', stageIndex: 1, step: 3, total: 7, instruction: 'RUN make' });
    assert.deepEqual(parseStep('STEP 1/2: FROM localhost/x:1'), { format: 'podman', stageIndex: undefined, step: 1, total: 2, instruction: 'FROM localhost/x:1' });
  });

  it('reads BuildKit steps: named stages, stage-N, none, and steps padded to the width of the total', () => {
    assert.deepEqual(parseStep('#5 [builder 2/4] RUN make'), { format: 'buildkit', vertex: 5, stageIndex: undefined, stageName: 'builder', step: 2, total: 4, instruction: 'RUN make' });
    assert.deepEqual(parseStep('#9 [stage-2 3/6] COPY --from=tested /src/out /app/out'), { format: 'buildkit', vertex: 9, stageIndex: 2, stageName: undefined, step: 3, total: 6, instruction: 'COPY --from=tested /src/out /app/out' });
    assert.deepEqual(parseStep('#7 [ 2/12] WORKDIR /app'), { format: 'buildkit', vertex: 7, stageIndex: undefined, stageName: undefined, step: 2, total: 12, instruction: 'WORKDIR /app' });
    assert.equal(parseStep('#1 [internal] load build definition from Dockerfile'), undefined);
    assert.equal(parseStep('#6 0.215 300+0 records in'), undefined);
  });

  it('reads a BuildKit step line of 100,000 spaces: a step after them, none when a word follows them instead', () => {
    const spaces = ' '.repeat(100_000);
    assert.deepEqual(parseStep(`#5 [builder${spaces}2/4] RUN make`), { format: 'buildkit', vertex: 5, stageIndex: undefined, stageName: 'builder', step: 2, total: 4, instruction: 'RUN make' });
    assert.equal(parseStep(`#0 [[ ${spaces}x`), undefined);
  });

  it('reads the legacy builder and ignores colour codes', () => {
    assert.deepEqual(parseStep('Step 3/7 : RUN make'), { format: 'legacy', step: 3, total: 7, instruction: 'RUN make' });
    assert.equal(parseStep('\x1b[1mSTEP 1/2: FROM x\x1b[0m')?.instruction, 'FROM x');
  });

  it('follows a real podman multi-stage build step by step, each step on its instruction\'s line', () => {
    const { steps, log } = readAll(fixture('podman-multi-stage.txt'));
    assert.deepEqual(steps.map(describeStep).slice(0, 3), ['[1] STEP 1/4: FROM localhost/layerwise-test-base:1 AS builder', '[1] STEP 2/4: WORKDIR /src', '[1] STEP 3/4: RUN dd if=/dev/zero of=/src/big bs=1024 count=300 && echo built > /src/out']);
    assert.equal(steps.length, 12);
    const table = stepTable(planOf('multi-stage.Dockerfile'), 2);
    const lines = steps.filter((step) => !step.instruction.startsWith('FROM')).map((step) => lineOfFailure({ step, message: '' }, table));
    const dockerfile = fixture('multi-stage.Dockerfile').split('\n');
    assert.deepEqual(lines.map((line) => dockerfile[line!].split(' ')[0]), ['WORKDIR', 'RUN', 'RUN', 'RUN', 'LABEL', 'COPY', 'RUN', 'ENV', 'CMD']);
    assert.equal(log.failure, undefined);
  });

  it('maps podman\'s first-stage-only build (no prefix) to the target stage', () => {
    const { steps } = readAll(fixture('podman-target.txt'));
    const table = stepTable(planOf('multi-stage.Dockerfile'), 1);
    const last = steps.at(-1)!;
    assert.equal(lineOfFailure({ step: last, message: '' }, table), lineOf('multi-stage.Dockerfile', 'RUN echo tested'));
    const single = stepTable(planOf('multi-stage.Dockerfile'), 0);
    assert.equal(lineOfFailure({ step: parseStep('STEP 3/4: RUN dd')!, message: '' }, single), lineOf('multi-stage.Dockerfile', 'RUN dd if=/dev/zero of=/src/big'));
  });

  it('follows a BuildKit multi-stage build: stage names and stage-N to lines', () => {
    const { steps } = readAll(fixture('buildkit-multi-stage.txt'));
    assert.deepEqual(steps.map(describeStep), [
      '#4 [builder 1/4] FROM localhost/layerwise-test-base:1',
      '#5 [builder 2/4] WORKDIR /src',
      '#6 [builder 3/4] RUN dd if=/dev/zero of=/src/big bs=1024 count=300 && echo built > /src/out',
      '#7 [builder 4/4] RUN echo second',
      '#8 [tested 2/2] RUN echo tested > /tested',
      '#9 [stage-2 3/6] COPY --from=tested /src/out /app/out',
      '#10 [stage-2 4/6] RUN dd if=/dev/zero of=/app/blob bs=1024 count=100',
    ]);
    const table = stepTable(planOf('multi-stage.Dockerfile'), 2);
    const dockerfile = fixture('multi-stage.Dockerfile').split('\n');
    for (const step of steps) {
      const line = lineOfFailure({ step, message: '' }, table)!;
      assert.ok(dockerfile[line].startsWith(step.instruction.split(' ')[0]), `${describeStep(step)} -> line ${line + 1}: ${dockerfile[line]}`);
      if (step.instruction.startsWith('RUN')) assert.equal(dockerfile[line], step.instruction);
    }
  });
});

describe('build progress: failures', () => {
  it('podman: the failing STEP, mapped to its line through the step table', () => {
    const { log } = readAll(fixture('podman-failing-run.txt'));
    assert.equal(log.failure?.message, 'RUN failed: exit status 3');
    const line = lineOfFailure(log.failure!, stepTable(planOf('failing-run.Dockerfile'), 1));
    assert.equal(line, lineOf('failing-run.Dockerfile', 'RUN echo "level $LEVEL"'));
  });

  it('podman: a reason that quotes paths stays whole', () => {
    const { log } = readAll('STEP 1/2: FROM localhost/x:1\nSTEP 2/2: COPY missing.txt /x\nError: building at STEP "COPY missing.txt /x": checking on sources under "/tmp/ctx": copier: stat: "/missing.txt": no such file or directory\n');
    assert.equal(log.failure?.message, 'COPY failed: checking on sources under "/tmp/ctx": copier: stat: "/missing.txt": no such file or directory');
    assert.equal(log.failure?.step?.step, 2);
  });

  it('BuildKit: the line after `Dockerfile:N`, and the solver\'s message without its prefixes', () => {
    const { log } = readAll(fixture('buildkit-failing-run.txt'));
    assert.deepEqual(log.failure, { line: lineOf('failing-run.Dockerfile', 'RUN echo "level $LEVEL"'), message: 'process "/bin/sh -c echo \\"level $LEVEL\\" && exit 3" did not complete successfully: exit code: 3' });
  });

  it('BuildKit without a source excerpt: the failing step through the step table', () => {
    const { log } = readAll(fixture('buildkit-padded-steps.txt'));
    assert.equal(log.failure?.line, undefined);
    assert.equal(log.failure?.step?.step, 10);
    assert.equal(log.failure?.message, 'process "/bin/sh -c npm run build" did not complete successfully: exit code: 2');
    const table = { lines: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21]], names: [null], target: 0, fileLines: [] };
    assert.equal(lineOfFailure(log.failure!, table), 19);
  });

  it('BuildKit: a failing step line of 100,000 spaces names its step, and one that names none leaves the step unknown', () => {
    const spaces = ' '.repeat(100_000);
    const named = readAll(` > [builder${spaces}3/5] RUN make:\nERROR: failed to solve: boom`).log.failure;
    assert.deepEqual(named, { step: { format: 'buildkit', stageIndex: undefined, stageName: 'builder', step: 3, total: 5, instruction: 'RUN make' }, message: 'boom' });
    assert.deepEqual(readAll(` > [] ${spaces} :\nERROR: failed to solve: boom`).log.failure, { step: undefined, message: 'boom' });
  });

  it('BuildKit: a Dockerfile with another name (`-f Dockerfile.dev`)', () => {
    const output = 'Dockerfile.dev:3\n--------------------\n   3 | >>> RUN false\n--------------------\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n';
    assert.equal(readAll(output, 'Dockerfile.dev').log.failure?.line, 2);
  });

  it('the legacy builder: the global Step N, counting global ARGs', () => {
    const { log } = readAll('Step 1/4 : ARG V=1\nStep 2/4 : FROM busybox:$V\nStep 3/4 : RUN false\nThe command \'/bin/sh -c false\' returned a non-zero code: 1\n');
    assert.equal(lineOfFailure(log.failure!, { lines: [[1, 2, 3]], names: [null], target: 0, fileLines: [0, 1, 2, 3] }), 2);
  });

  it('notices a registry asking for credentials, from podman and from docker through podman\'s API', () => {
    assert.equal(readAll(fixture('podman-push-unauthorized.txt')).log.credentialsWanted, true);
    assert.equal(readAll(fixture('docker-push-unauthorized.txt')).log.credentialsWanted, true);
    assert.equal(readAll('denied: requested access to the resource is denied').log.credentialsWanted, true);
    assert.equal(readAll(fixture('podman-multi-stage.txt')).log.credentialsWanted, false);
  });
});
