import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dumpBuildkit, LineIndex, parse } from '../../../server/src/parser/index.js';
import { corpusPath, readCorpus } from '../../support/corpus.js';

// BuildKit's own parser cases: our tree, dumped in BuildKit's format, must equal its expected output.
describe('BuildKit parser conformance', () => {
  const positive = readdirSync(corpusPath('buildkit-parser', 'testfiles')).sort();
  assert.ok(positive.length >= 33, 'the corpus holds BuildKit\'s 33 positive cases');
  for (const name of positive) {
    it(`parses ${name} as BuildKit does`, () => {
      const tree = parse(readCorpus('buildkit-parser', 'testfiles', name, 'Dockerfile'));
      assert.deepEqual(tree.errors.filter((error) => error.severity === 'error'), []);
      assert.equal(dumpBuildkit(tree), readCorpus('buildkit-parser', 'testfiles', name, 'result'));
    });
  }

  const expectedFailures: Record<string, string> = {
    empty_dockerfile: 'no-instructions',
    only_comments: 'no-instructions',
    env_no_value: 'missing-key-value',
    'shykes-nested-json': 'json-not-strings',
  };
  for (const name of readdirSync(corpusPath('buildkit-parser', 'testfiles-negative')).sort()) {
    it(`refuses ${name} as BuildKit does`, () => {
      const tree = parse(readCorpus('buildkit-parser', 'testfiles-negative', name, 'Dockerfile'));
      const codes = tree.errors.filter((error) => error.severity === 'error').map((error) => error.code);
      assert.deepEqual(codes, [expectedFailures[name]]);
    });
  }

  it('reports the line numbers BuildKit reports', () => {
    const text = readCorpus('buildkit-parser', 'testfile-line', 'Dockerfile');
    const expected = JSON.parse(readCorpus('buildkit-parser', 'testfile-line', 'expected.json'));
    const lines = new LineIndex(text);
    const spans = parse(text).instructions.map((instruction) => [
      lines.positionAt(instruction.start).line + 1,
      lines.positionAt(instruction.end).line + 1,
    ]);
    assert.deepEqual(spans, expected.children);
  });
});

describe('BuildKit heredoc conformance', () => {
  it('extracts every heredoc BuildKit extracts', () => {
    const tree = parse(readCorpus('buildkit-parser', 'heredoc', 'extracts-heredoc.Dockerfile'));
    const expected = JSON.parse(readCorpus('buildkit-parser', 'heredoc', 'extracts-heredoc.expected.json'));
    const actual = tree.instructions.slice(1).map((instruction) =>
      instruction.heredocs.length === 0
        ? null
        : instruction.heredocs.map(({ name, content, expand, chomp, fileDescriptor }) => ({
            name,
            content: content.value,
            expand,
            chomp,
            fileDescriptor,
          })),
    );
    assert.deepEqual(actual, expected.heredocs);
  });

  it('never finds a heredoc in JSON exec form', () => {
    const tree = parse(readCorpus('buildkit-parser', 'heredoc', 'json-not-heredoc.Dockerfile'));
    assert.deepEqual(tree.instructions.map((instruction) => instruction.heredocs.length), [0, 0, 0, 0]);
  });

  const helpers = JSON.parse(readCorpus('buildkit-parser', 'heredoc', 'heredoc-helpers.json'));
  const markerOf = (word: string) => {
    const tree = parse(`RUN ${word}\nEOF\n`);
    return { heredocs: tree.instructions[0].heredocs, errors: tree.errors.filter((error) => error.code === 'invalid-heredoc') };
  };
  for (const word of helpers.TestParseHeredocHelpers['valid (name EOF)']) {
    it(`reads ${word} as a heredoc named EOF`, () => {
      assert.deepEqual(markerOf(word).heredocs.map((heredoc) => heredoc.name), ['EOF']);
    });
  }
  for (const word of helpers.TestParseHeredocHelpers['invalid (error)']) {
    it(`reports ${word} as a broken heredoc`, () => {
      assert.equal(markerOf(word).errors.length, 1);
    });
  }
  // BuildKit's helper sees `<<EOF sh` as one word, which is no heredoc; on an
  // instruction line the same text is two words, a heredoc and an argument.
  it('reads `<<EOF sh` on an instruction line as a heredoc and an argument', () => {
    assert.deepEqual(markerOf('<<EOF sh').heredocs.map((heredoc) => heredoc.name), ['EOF']);
  });
  const singleWords = helpers.TestParseHeredocHelpers['not heredocs (nil, no error)'].filter((word: string) => word !== '<<EOF sh');
  for (const word of singleWords) {
    it(`does not read ${JSON.stringify(word)} as a heredoc`, () => {
      const { heredocs, errors } = markerOf(word);
      assert.deepEqual([heredocs.length, errors.length], [0, 0]);
    });
  }
  for (const { line, heredocNames } of helpers.TestHeredocsFromLine) {
    it(`names the heredocs of ${line}`, () => {
      const terminators = (heredocNames ?? []).map((name: string) => `${name}\n`).join('');
      const names = parse(`${line}\n${terminators}`).instructions[0].heredocs.map((heredoc) => heredoc.name);
      assert.deepEqual(names, heredocNames ?? []);
    });
  }
});
