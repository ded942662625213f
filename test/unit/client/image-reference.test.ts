import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReference, parseTargetReference, registryOf, repositoryNameFor, tagFor, type ReferenceProblem } from '../../../client/src/build/image-reference.js';

/** [reference, domain, path, tag, digest] for valid ones; distribution's reference_test.go cases and ours. */
const VALID: Array<[string, string | undefined, string, string | undefined, string | undefined]> = [
  ['app', undefined, 'app', undefined, undefined],
  ['app:latest', undefined, 'app', 'latest', undefined],
  ['team/app:1.2.3', undefined, 'team/app', '1.2.3', undefined],
  ['a__b/c-d---e.f:v_1', undefined, 'a__b/c-d---e.f', 'v_1', undefined],
  ['127.0.0.1:5000/team/app:1', '127.0.0.1:5000', 'team/app', '1', undefined],
  ['localhost/app', 'localhost', 'app', undefined, undefined],
  ['localhost:5000/app:x', 'localhost:5000', 'app', 'x', undefined],
  ['registry.example.com/a/b/c:tag', 'registry.example.com', 'a/b/c', 'tag', undefined],
  ['[::1]:5000/app:1', '[::1]:5000', 'app', '1', undefined],
  ['Docker.io/library/app', 'Docker.io', 'library/app', undefined, undefined],
  [`app@sha256:${'a'.repeat(64)}`, undefined, 'app', undefined, `sha256:${'a'.repeat(64)}`],
  [`app:${'t'.repeat(128)}`, undefined, 'app', 't'.repeat(128), undefined],
];

const INVALID: Array<[string, ReferenceProblem]> = [
  ['', 'empty'],
  ['x;rm -rf /', 'invalid-name'],
  ['app:latest;reboot', 'invalid-tag'],
  ['$(id)', 'invalid-name'],
  ['`id`', 'invalid-name'],
  ['app name', 'invalid-name'],
  ['--help', 'invalid-name'],
  ['-t', 'invalid-name'],
  ['app:-x', 'invalid-tag'],
  ['app:.x', 'invalid-tag'],
  [`app:${'t'.repeat(129)}`, 'invalid-tag'],
  ['App', 'uppercase'],
  ['team/App:1', 'uppercase'],
  ['app:', 'invalid-tag'],
  ['app/', 'invalid-name'],
  ['/app', 'invalid-name'],
  ['a//b', 'invalid-name'],
  ['app_', 'invalid-name'],
  ['app@sha256:abc', 'invalid-digest'],
  ['host:port/app', 'invalid-name'],
  ['app\nreboot', 'invalid-name'],
  [`${'a'.repeat(256)}`, 'too-long'],
];

describe('image references (distribution grammar)', () => {
  for (const [text, domain, path, tag, digest] of VALID) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseReference(text), { ok: true, reference: { domain, path, tag, digest } });
    });
  }
  for (const [text, problem] of INVALID) {
    it(`refuses ${JSON.stringify(text)}: ${problem}`, () => {
      assert.deepEqual(parseReference(text), { ok: false, problem });
    });
  }

  it('refuses a digest as a build, tag or push target', () => {
    assert.deepEqual(parseTargetReference(`app@sha256:${'a'.repeat(64)}`), { ok: false, problem: 'digest-not-allowed' });
    assert.equal(parseTargetReference('app:1').ok, true);
  });

  it('pushes to the domain, or to Docker Hub', () => {
    const registry = (text: string) => {
      const result = parseReference(text);
      assert.ok(result.ok);
      return registryOf(result.reference);
    };
    assert.equal(registry('127.0.0.1:5000/team/app:1'), '127.0.0.1:5000');
    assert.equal(registry('team/app'), 'docker.io');
    assert.equal(registry('localhost/app'), 'localhost');
  });

  it('makes a repository name from a folder name and a tag from a stage name', () => {
    assert.equal(repositoryNameFor('My App'), 'my-app');
    assert.equal(repositoryNameFor('web.api'), 'web.api');
    assert.equal(repositoryNameFor('--x--'), 'x');
    assert.equal(repositoryNameFor('日本'), 'image');
    assert.equal(repositoryNameFor('a..b'), 'a-b');
    for (const name of ['My App', 'web.api', '--x--', 'a..b', 'a__b', 'Ünïcode Folder (2)']) {
      assert.equal(parseReference(`${repositoryNameFor(name)}:latest`).ok, true, name);
    }
    assert.equal(tagFor('builder'), 'builder');
    assert.equal(tagFor('.hidden'), 'hidden');
    assert.equal(parseReference(`app:${tagFor('stage-2')}`).ok, true);
  });
});
