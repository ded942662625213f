import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandWord } from '../../../server/src/analysis/expand.js';
import { VariableResolver } from '../../../server/src/analysis/variables.js';
import { parse } from '../../../server/src/parser/index.js';
import { realDockerfiles } from '../../support/corpus.js';

/** Resolves `name` at the place the marker text first appears. */
function valueAt(text: string, marker: string, name: string): string | undefined {
  const tree = parse(text);
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker} is in the text`);
  return new VariableResolver(tree).resolve(name, offset)?.value;
}

describe('variable resolver', () => {
  const dockerfile = [
    'ARG VERSION=3.19',
    'ARG BASE=alpine:${VERSION}',
    'FROM ${BASE} AS build',
    'ARG VERSION',
    'ENV APP_HOME=/app PATH=/app/bin:$PATH',
    'RUN echo build',
    'ENV APP_HOME=/srv',
    'RUN echo later',
    'FROM build AS final',
    'RUN echo final',
    'FROM scratch',
    'RUN echo scratch',
  ].join('\n');

  it('evaluates global ARGs in FROM lines', () => {
    assert.equal(valueAt(dockerfile, 'FROM ${BASE}', 'BASE'), 'alpine:3.19');
  });

  it('hides global ARGs inside a stage until it declares them', () => {
    assert.equal(valueAt(dockerfile, 'ARG VERSION\n', 'VERSION'), undefined);
    assert.equal(valueAt(dockerfile, 'RUN echo build', 'VERSION'), '3.19');
    assert.equal(valueAt(dockerfile, 'RUN echo build', 'BASE'), undefined);
  });

  it('follows ENV in order, the later one winning', () => {
    assert.equal(valueAt(dockerfile, 'RUN echo build', 'APP_HOME'), '/app');
    assert.equal(valueAt(dockerfile, 'RUN echo later', 'APP_HOME'), '/srv');
  });

  it('inherits ENV and ARG from the parent stage, as BuildKit does', () => {
    assert.equal(valueAt(dockerfile, 'RUN echo final', 'APP_HOME'), '/srv');
    assert.equal(valueAt(dockerfile, 'RUN echo final', 'VERSION'), '3.19');
    assert.equal(valueAt(dockerfile, 'RUN echo scratch', 'APP_HOME'), undefined);
  });

  it('says where a variable was set', () => {
    const tree = parse(dockerfile);
    const definition = new VariableResolver(tree).resolve('APP_HOME', dockerfile.indexOf('RUN echo later'));
    assert.equal(definition?.kind, 'env');
    assert.equal(definition?.instruction?.start, dockerfile.indexOf('ENV APP_HOME=/srv'));
  });

  it('knows the platform ARGs in FROM lines', () => {
    const text = 'FROM --platform=$BUILDPLATFORM alpine\n';
    assert.equal(new VariableResolver(parse(text)).resolve('BUILDPLATFORM', 10)?.kind, 'builtin');
  });
});

describe('word expansion', () => {
  const lookup = (name: string) => ({ SET: 'value', EMPTY: '' })[name];
  const cases: Array<[string, string | undefined]> = [
    ['plain', 'plain'],
    ['"double quoted $SET"', 'double quoted value'],
    ["'single $SET'", 'single $SET'],
    ['a\\ b', 'a b'],
    ['${SET}', 'value'],
    ['${UNSET:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${SET:+alt}', 'alt'],
    ['${UNSET:+alt}', ''],
    ['${UNSET:-${SET}}', 'value'],
    ['$UNSET', ''],
    ['${SET#x}', undefined],
  ];
  for (const [raw, expected] of cases) {
    it(`expands ${raw}`, () => assert.equal(expandWord(raw, lookup), expected));
  }

  it('gives up, without overflowing the stack, on 10,000 nested defaults', () => {
    const raw = `${'${A:-'.repeat(10_000)}x${'}'.repeat(10_000)}`;
    assert.equal(expandWord(raw, lookup), undefined);
  });
});

describe('variable resolver: scopes built on from the last one', () => {
  it('answers every offset of the real corpus as a fresh resolver does, asked forwards or backwards', () => {
    for (const [name, text] of realDockerfiles()) {
      const tree = parse(text);
      const offsets = tree.instructions.flatMap((instruction) => [instruction.start, instruction.end]);
      for (const order of [offsets, [...offsets].reverse()]) {
        const shared = new VariableResolver(tree);
        for (const offset of order) assert.deepEqual(shared.scopeAt(offset), new VariableResolver(tree).scopeAt(offset), `${name} at ${offset}`);
      }
    }
  });
});
