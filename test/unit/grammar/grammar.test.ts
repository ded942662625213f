import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { INSTRUCTION_KEYWORDS, renderGrammar, SCOPE_NAME } from '../../../syntaxes/dockerfile.grammar.js';
import { checkExpectations, parseFixture } from './fixtures.js';
import { GRAMMAR_PATH, hasScope, ROOT, tokenize } from './textmate.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'grammar');

describe('grammar: generated file and contribution', () => {
  it('syntaxes/dockerfile.tmLanguage.json is generated from the current source (run `npm run grammar`)', () => {
    assert.equal(readFileSync(GRAMMAR_PATH, 'utf8'), renderGrammar());
  });

  it('package.json contributes the grammar for the dockerfile language, shell mapped to shellscript', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const grammars = manifest.contributes.grammars as Array<Record<string, unknown>>;
    const ours = grammars.find((grammar) => grammar.scopeName === SCOPE_NAME);
    assert.ok(ours, `no contributes.grammars entry for ${SCOPE_NAME}`);
    assert.equal(ours.language, 'dockerfile');
    assert.ok(existsSync(join(ROOT, String(ours.path))), `${ours.path} exists`);
    assert.deepEqual(ours.embeddedLanguages, { 'source.shell': 'shellscript' });
  });
});

describe('grammar: token fixtures (test/fixtures/grammar)', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.Dockerfile')).sort();
  it('has fixtures', () => assert.ok(files.length >= 6));
  for (const name of files) {
    it(name, async () => {
      const { source, expectations } = parseFixture(readFileSync(join(FIXTURES, name), 'utf8'));
      assert.ok(expectations.length > 0, 'a fixture states expectations');
      const failures = checkExpectations(await tokenize(source), expectations);
      assert.deepEqual(failures, [], `\n${failures.join('\n')}`);
    });
  }
});

describe('grammar: every instruction keyword', () => {
  for (const keyword of INSTRUCTION_KEYWORDS) {
    it(`${keyword}, in any case`, async () => {
      const variants = [keyword, keyword.toLowerCase(), keyword[0] + keyword.slice(1).toLowerCase()];
      const lines = await tokenize(variants.map((spelling) => `${spelling} x`).join('\n'));
      for (const [index, spelling] of variants.entries()) {
        const token = lines[index].tokens[0];
        assert.equal(token.text, spelling);
        assert.ok(hasScope(token.scopes, 'keyword.other.instruction.dockerfile'), `${spelling}: ${token.scopes.join(' ')}`);
      }
    });
  }
});
