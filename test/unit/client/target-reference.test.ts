import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTargetReference, registryOf, repositoryNameFor, tagFor, type ReferenceProblem } from '../../../client/src/build/target-reference.js';

// The grammar itself is tested with its module (test/unit/analysis/image-reference.test.ts); these are the client's uses of it.

const REFUSED: Array<[string, ReferenceProblem]> = [
  ['', 'empty'],
  ['x;rm -rf /', 'invalid-name'],
  ['app:latest;reboot', 'invalid-tag'],
  ['`id`', 'invalid-name'],
  ['-t', 'invalid-name'],
  ['App', 'uppercase'],
  ['app@sha256:abc', 'invalid-digest'],
  ['a'.repeat(256), 'too-long'],
  [`app@sha256:${'a'.repeat(64)}`, 'digest-not-allowed'],
];

describe('build, tag and push targets', () => {
  for (const [text, problem] of REFUSED) {
    it(`refuses ${JSON.stringify(text).slice(0, 40)}: ${problem}`, () => {
      assert.deepEqual(parseTargetReference(text), { ok: false, problem });
    });
  }

  it('accepts a name with a tag', () => {
    assert.deepEqual(parseTargetReference('127.0.0.1:5000/team/app:1'), {
      ok: true,
      reference: { domain: '127.0.0.1:5000', path: 'team/app', tag: '1', digest: undefined },
    });
  });

  it('pushes to the domain, or to Docker Hub', () => {
    const registry = (text: string) => {
      const result = parseTargetReference(text);
      assert.ok(result.ok);
      return registryOf(result.reference);
    };
    assert.equal(registry('127.0.0.1:5000/team/app:1'), '127.0.0.1:5000');
    assert.equal(registry('team/app'), 'docker.io');
    assert.equal(registry('localhost/app'), 'localhost');
    assert.equal(registry('MyRegistry/app'), 'MyRegistry', 'capitals make a first component a host (distribution)');
  });

  it('makes a repository name from a folder name and a tag from a stage name', () => {
    assert.equal(repositoryNameFor('My App'), 'my-app');
    assert.equal(repositoryNameFor('web.api'), 'web.api');
    assert.equal(repositoryNameFor('--x--'), 'x');
    assert.equal(repositoryNameFor('日本'), 'image');
    assert.equal(repositoryNameFor('a..b'), 'a-b');
    assert.equal(repositoryNameFor('a'.repeat(300)).length, 237, 'docker.io/library/ counts towards the 255');
    for (const name of ['My App', 'a'.repeat(300), `${'a'.repeat(236)}-b`, 'web.api', '--x--', 'a..b', 'a__b', 'Ünïcode Folder (2)']) {
      assert.equal(parseTargetReference(`${repositoryNameFor(name)}:latest`).ok, true, name);
    }
    assert.equal(tagFor('builder'), 'builder');
    assert.equal(tagFor('.hidden'), 'hidden');
    assert.equal(parseTargetReference(`app:${tagFor('stage-2')}`).ok, true);
  });
});
