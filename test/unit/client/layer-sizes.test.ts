import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeRow, formatSize, layerSizes, parseHistory, parseSize } from '../../../client/src/build/layer-sizes.js';
import { buildPlan } from '../../../server/src/features/build-plan.js';
import { parse } from '../../../server/src/parser/index.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'build');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Each matched instruction as `<line text>: <bytes>`, oldest first, and the base. */
function shown(dockerfile: string, target: number, history: string) {
  const text = fixture(dockerfile);
  const lines = text.split('\n');
  const sizes = layerSizes(buildPlan(parse(text)), target, parseHistory(fixture(history)));
  return {
    layers: sizes.layers.map((layer) => `${lines[layer.line]}: ${layer.size}`),
    base: { line: lines[sizes.base.line], size: sizes.base.size, rows: sizes.base.rows },
    total: sizes.total,
  };
}

describe('layer sizes from history', () => {
  it('reads podman\'s JSON array and docker\'s JSON lines, sizes in bytes or human', () => {
    assert.equal(parseHistory(fixture('podman-history-multi.json')).length, 7);
    const docker = parseHistory(fixture('docker-history-norun.jsonl'));
    assert.equal(docker.length, 7);
    assert.equal(docker.at(-1)!.size, 1989632);
    assert.equal(parseSize('2.05kB'), 2050);
    assert.equal(parseSize('1.99 MB'), 1990000);
    assert.equal(parseSize(108544), 108544);
  });

  it('reads what each row ran, as podman, the legacy builder and BuildKit write it', () => {
    assert.deepEqual(describeRow('/bin/sh -c #(nop) COPY file:55e9 in /app/out '), { keyword: 'COPY' });
    assert.deepEqual(describeRow('/bin/sh -c #(nop)  ENV A=1'), { keyword: 'ENV' });
    assert.deepEqual(describeRow('|2 M=7 N=5 /bin/sh -c echo $N > /n'), { keyword: 'RUN', command: 'echo $N > /n' });
    assert.deepEqual(describeRow('RUN /bin/sh -c apt-get update # buildkit'), { keyword: 'RUN', command: 'apt-get update' });
    assert.deepEqual(describeRow('RUN |1 X=1 /bin/sh -c make # buildkit'), { keyword: 'RUN', command: 'make' });
    assert.deepEqual(describeRow('COPY . /app # buildkit'), { keyword: 'COPY' });
    assert.deepEqual(describeRow('WORKDIR /app'), { keyword: 'WORKDIR' });
  });

  it('reads rows with 100,000 characters of white space or build arguments', () => {
    const spaces = ' '.repeat(100_000);
    assert.deepEqual(describeRow(`RUN /bin/sh -c echo${spaces}x # buildkit`), { keyword: 'RUN', command: 'echo x' });
    assert.deepEqual(describeRow(`|1 A=${'='.repeat(100_000)} /bin/sh -c make`), { keyword: 'RUN', command: 'make' });
    // No `name=value ` follows `|0 `: the command is the rest.
    const equalSigns = '='.repeat(100_001);
    assert.deepEqual(describeRow(`|0 ${equalSigns}`), { keyword: 'RUN', command: equalSigns });
  });

  it('podman, multi-stage: the final stage\'s own instructions, FROM an external image (its two rows are the base)', () => {
    assert.deepEqual(shown('multi-stage.Dockerfile', 2, 'podman-history-multi.json'), {
      layers: [
        'LABEL org.example.stage=final: 0',
        'COPY --from=tested /src/out /app/out: 2560',
        'RUN dd if=/dev/zero of=/app/blob bs=1024 count=100: 108544',
        'ENV MODE=production: 0',
        'CMD ["cat", "/app/out"]: 0',
      ],
      base: { line: 'FROM localhost/layerwise-test-base:1', size: 1989632, rows: 2 },
      total: 2100736,
    });
  });

  it('podman, a stage FROM another stage: the rows of both stages, each on its own line', () => {
    assert.deepEqual(shown('multi-stage.Dockerfile', 1, 'podman-history-tested.json'), {
      layers: [
        'WORKDIR /src: 0',
        'RUN dd if=/dev/zero of=/src/big bs=1024 count=300 && echo built > /src/out: 314368',
        'RUN echo second: 1024',
        'RUN echo tested > /tested: 2048',
      ],
      base: { line: 'FROM ${BASE} AS builder', size: 1989632, rows: 2 },
      total: 2307072,
    });
  });

  it('podman, ONBUILD: the trigger\'s row in the child stage matches no instruction and shifts nothing', () => {
    const result = shown('onbuild.Dockerfile', 1, 'podman-history-onbuild.json');
    assert.deepEqual(result.layers, [
      'ARG N=5: 0',
      'ARG M: 0',
      'RUN echo $N > /n: 6144',
      'ONBUILD RUN echo hi: 0',
      'SHELL ["/bin/sh", "-c"]: 0',
      'EXPOSE 80: 0',
      'VOLUME /data: 0',
      'STOPSIGNAL SIGTERM: 0',
      'HEALTHCHECK CMD true: 0',
      'ADD f.txt /f.txt: 2048',
      'COPY --chown=0:0 f.txt /g.txt: 2048',
      'MAINTAINER me: 0',
      'ENTRYPOINT ["sh"]: 0',
      'RUN echo child: 1024',
    ]);
    assert.deepEqual(result.base, { line: 'FROM localhost/lw-base:1 AS a', size: 1989632, rows: 2 });
    assert.equal(result.total, 1989632 + 6144 + 2048 + 2048 + 1536 + 1024, 'the trigger\'s 1.5 kB counts in the total');
  });

  it('docker through podman\'s API (legacy rows)', () => {
    const result = shown('norun.Dockerfile', 0, 'docker-history-norun.jsonl');
    assert.deepEqual(result.layers, ['LABEL x=y: 0', 'COPY hello.txt /hello.txt: 2048', 'ENV A=1: 0', 'WORKDIR /w: 0', 'CMD ["cat","/hello.txt"]: 0']);
    assert.equal(result.base.rows, 2);
  });

  it('BuildKit rows: metadata by keyword, RUN by its command, COPY --from in its own stage', () => {
    const result = shown('multi-stage.Dockerfile', 2, 'buildkit-history-multi.jsonl');
    assert.deepEqual(result.layers, [
      'LABEL org.example.stage=final: 0',
      'COPY --from=tested /src/out /app/out: 6',
      'RUN dd if=/dev/zero of=/app/blob bs=1024 count=100: 102400',
      'ENV MODE=production: 0',
      'CMD ["cat", "/app/out"]: 0',
    ]);
    assert.equal(result.base.rows, 2);
  });

  it('formats sizes the way docker history does', () => {
    assert.equal(formatSize(0), '0 B');
    assert.equal(formatSize(999), '999 B');
    assert.equal(formatSize(2560), '2.56 kB');
    assert.equal(formatSize(108544), '109 kB');
    assert.equal(formatSize(1989632), '1.99 MB');
    assert.equal(formatSize(12_345_678), '12.3 MB');
  });
});
