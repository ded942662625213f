import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/parser/index.js';
import { expandSnippet } from './snippet-syntax.js';

const ROOT = join(__dirname, '..', '..', '..');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'dockerfile.json'), 'utf8')) as Record<string, Snippet>;

describe('snippets/dockerfile.json', () => {
  it('is contributed for the dockerfile language', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'dockerfile', path: './snippets/dockerfile.json' }]);
  });

  it('has distinct prefixes', () => {
    const prefixes = Object.values(snippets).flatMap((snippet) => snippet.prefix);
    assert.deepEqual(prefixes.filter((prefix, index) => prefixes.indexOf(prefix) !== index), []);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name}: prefix, body and description, and a body our parser accepts`, () => {
      assert.ok(snippet.prefix && (typeof snippet.prefix === 'string' || snippet.prefix.length > 0), 'prefix');
      assert.equal(typeof snippet.description, 'string');
      assert.ok(snippet.description.length >= 20, 'a description that says what the snippet is for');
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      assert.ok(body.trim().length > 0, 'body');
      const text = expandSnippet(body);
      const tree = parse(text);
      assert.deepEqual(
        tree.errors.map(({ code, severity, message }) => ({ code, severity, message })),
        [],
        `the expanded body:\n${text}`,
      );
      assert.ok(tree.instructions.length > 0);
    });
  }
});

describe('expandSnippet', () => {
  const cases: Array<[string, string]> = [
    ['FROM ${1:alpine} AS ${2:build}', 'FROM alpine AS build'],
    ['RUN ${1:git clone ${2:repo}}$0', 'RUN git clone repo'],
    ['--sharing=${1|locked,shared|}', '--sharing=locked'],
    ['FROM --platform=\\$BUILDPLATFORM \\${${1:BASE}}', 'FROM --platform=$BUILDPLATFORM ${BASE}'],
    ['${1:a \\} b}', 'a } b'],
  ];
  for (const [body, expected] of cases) {
    it(JSON.stringify(body), () => assert.equal(expandSnippet(body), expected));
  }
  it('refuses an unescaped $NAME (VS Code would drop the $)', () => {
    assert.throws(() => expandSnippet('ENV PATH=$PATH'), /unescaped/);
    assert.throws(() => expandSnippet('${TM_FILENAME}'), /variable/);
  });
});
