import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globMatches } from '../../../server/src/analysis/filesystem-effects.js';
import { shellPatternMatches, wildcardMatches } from '../../../server/src/analysis/glob.js';

/** 100,000 `a`s: against `*a*a*a*b`, a RegExp built from the glob backtracks to the fourth degree. */
const LONG_RUN = 'a'.repeat(100_000);

describe('wildcard patterns: `*` and literal characters', () => {
  it('takes `*` for any run of characters, the empty one too', () => {
    assert.ok(wildcardMatches('*', ''));
    assert.ok(wildcardMatches('*.gcr.io', 'eu.gcr.io'));
    assert.ok(wildcardMatches('*.gcr.io', 'a.b.gcr.io'));
    assert.ok(!wildcardMatches('*.gcr.io', 'gcr.io'));
    assert.ok(wildcardMatches('registry.*.example.com', 'registry..example.com'));
    assert.ok(wildcardMatches('a*b*c', 'abbc'));
    assert.ok(!wildcardMatches('a*b*c', 'acb'));
  });

  it('takes every other character as itself: `?`, `[`, `.` and `\\`', () => {
    assert.ok(wildcardMatches('a?[.]\\', 'a?[.]\\'));
    assert.ok(!wildcardMatches('a?', 'ab'));
    assert.ok(!wildcardMatches('[ab]', 'a'));
    assert.ok(!wildcardMatches('a.c', 'abc'));
  });

  it('answers for 100,000 characters that almost match', () => {
    assert.equal(wildcardMatches('*a*a*a*b', LONG_RUN), false);
    assert.equal(wildcardMatches('*a*a*a*b', `${LONG_RUN}b`), true);
  });
});

describe('shell patterns: `*`, `?` and bracket classes', () => {
  it('takes `?` for one character and `*` for any run', () => {
    assert.ok(shellPatternMatches('?.sh', 'a.sh'));
    assert.ok(!shellPatternMatches('?.sh', '.sh'));
    assert.ok(shellPatternMatches('*.sh', '.sh'));
    assert.ok(shellPatternMatches('lib*.so.*', 'libc.so.6'));
  });

  it('reads classes: members, ranges, `!` negation; `^`, `-` at an end, `*`, `?` and a first `]` as members', () => {
    assert.ok(shellPatternMatches('[0-9]*', '3.1.0'));
    assert.ok(!shellPatternMatches('[0-9]*', 'x3'));
    assert.ok(shellPatternMatches('[!0-9]*', 'x3'));
    assert.ok(!shellPatternMatches('[!0-9]*', '3x'));
    assert.ok(shellPatternMatches('[a-c-e]', '-'));
    assert.ok(!shellPatternMatches('[a-c-e]', 'd'));
    assert.ok(shellPatternMatches('[^x]', '^'));
    assert.ok(!shellPatternMatches('[^x]', 'y'));
    assert.ok(shellPatternMatches('[a-]', '-'));
    assert.ok(shellPatternMatches('[*?]', '?'));
    assert.ok(!shellPatternMatches('[*?]', 'a'));
    assert.ok(shellPatternMatches('[]a]', ']'));
    assert.ok(shellPatternMatches('[!]a]', 'b'));
  });

  it('matches a pattern whose bracket does not parse only to itself', () => {
    assert.ok(shellPatternMatches('a[b', 'a[b'));
    assert.ok(shellPatternMatches('*[', '*['));
    assert.ok(!shellPatternMatches('*[', 'x['));
    assert.ok(shellPatternMatches('[#- ]*', '[#- ]*'), 'a range that runs backwards');
    assert.ok(!shellPatternMatches('[#- ]*', '#'));
  });

  it('answers for 100,000 characters that almost match', () => {
    assert.equal(shellPatternMatches('*a*?*[a]*b', LONG_RUN), false);
    assert.equal(shellPatternMatches('*a*?*[a]*b', `${LONG_RUN}b`), true);
  });

  it('is what filesystem effects glob a path with: 100,000 characters in one segment', () => {
    assert.equal(globMatches('/tmp/*a*a*a*b', `/tmp/${LONG_RUN}`), false);
    assert.equal(globMatches('/tmp/*a*a*a*b', `/tmp/${LONG_RUN}b`), true);
  });
});
