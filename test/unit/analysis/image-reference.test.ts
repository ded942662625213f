import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReference, isDockerHub, normalizedName, parseReference, splitReference, type ReferenceProblemKind } from '../../../server/src/analysis/image-reference.js';

const SHA256 = `sha256:${'a'.repeat(64)}`;

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
  ['[::1]/app', '[::1]', 'app', undefined, undefined],
  ['Docker.io/library/app', 'Docker.io', 'library/app', undefined, undefined],
  ['MyRegistry/app', 'MyRegistry', 'app', undefined, undefined],
  ['app:Latest', undefined, 'app', 'Latest', undefined],
  [`app@${SHA256}`, undefined, 'app', undefined, SHA256],
  [`app:1@${SHA256}`, undefined, 'app', '1', SHA256],
  [`app@sha512:${'0'.repeat(128)}`, undefined, 'app', undefined, `sha512:${'0'.repeat(128)}`],
  [`app:${'t'.repeat(128)}`, undefined, 'app', 't'.repeat(128), undefined],
];

/** [reference, kind, the part the problem points at]. */
const INVALID: Array<[string, ReferenceProblemKind, string]> = [
  ['', 'empty', ''],
  ['x;rm -rf /', 'invalid-name', 'x;rm -rf /'],
  ['app:latest;reboot', 'invalid-tag', 'latest;reboot'],
  ['$(id)', 'invalid-name', '$(id)'],
  ['app name', 'invalid-name', 'app name'],
  ['--help', 'invalid-name', '--help'],
  ['app:-x', 'invalid-tag', '-x'],
  ['app:.x', 'invalid-tag', '.x'],
  [`app:${'t'.repeat(129)}`, 'invalid-tag', 't'.repeat(129)],
  ['App', 'uppercase', 'App'],
  ['team/App:1', 'uppercase', 'team/App'],
  ['registry.example.com/Team/app', 'uppercase', 'Team/app'],
  ['app:', 'invalid-tag', ''],
  ['app@', 'invalid-digest', ''],
  [':1', 'invalid-name', ''],
  ['app/', 'invalid-name', 'app/'],
  ['/app', 'invalid-name', '/app'],
  ['a//b', 'invalid-name', 'a//b'],
  ['app_', 'invalid-name', 'app_'],
  ['host:port/app', 'invalid-name', 'host:port/app'],
  ['-host.com/app', 'invalid-name', '-host.com/app'],
  ['app\nreboot', 'invalid-name', 'app\nreboot'],
  ['app@sha256:abc', 'invalid-digest', 'sha256:abc'],
  ['localhost:1234/node@sha25:x', 'invalid-digest', 'sha25:x'],
  ['a'.repeat(256), 'too-long', 'a'.repeat(256)],
];

describe('image references: one grammar (distribution reference, as ParseNormalizedNamed reads it)', () => {
  for (const [text, domain, path, tag, digest] of VALID) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseReference(text), { ok: true, reference: { domain, path, tag, digest } });
      assert.equal(formatReference({ domain, path, tag, digest }), text);
    });
  }
  for (const [text, kind, part] of INVALID) {
    it(`refuses ${JSON.stringify(text).slice(0, 40)}: ${kind} at ${JSON.stringify(part).slice(0, 40)}`, () => {
      const result = parseReference(text);
      assert.ok(!result.ok);
      assert.equal(result.problem.kind, kind);
      assert.equal(text.slice(result.problem.start, result.problem.end), part);
    });
  }

  // Where the three former grammars disagreed, distribution decides.
  it('reads a first component with capitals as a registry host, since a path may not have capitals (splitDockerDomain)', () => {
    assert.deepEqual(splitReference('MyRegistry/app:1'), { domain: 'MyRegistry', path: 'app', tag: '1', digest: undefined });
    assert.equal(isDockerHub(splitReference('MyRegistry/app')), false);
  });

  it('checks a digest as go-digest does: a known algorithm and exactly its length of lower-case hex', () => {
    const kind = (digest: string) => {
      const result = parseReference(`app@${digest}`);
      return result.ok ? 'ok' : result.problem.kind;
    };
    assert.equal(kind(SHA256), 'ok');
    assert.equal(kind(`sha384:${'a'.repeat(96)}`), 'ok');
    assert.equal(kind(`sha256:${'a'.repeat(63)}`), 'invalid-digest', 'one digit short');
    assert.equal(kind(`sha256:${'a'.repeat(65)}`), 'invalid-digest', 'one digit over (the regexp alone allows 32 or more)');
    assert.equal(kind(`sha256:${'A'.repeat(64)}`), 'invalid-digest', 'upper-case hex');
    assert.equal(kind(`md5:${'a'.repeat(32)}`), 'invalid-digest', 'an algorithm nothing can verify');
    assert.equal(kind(`constructor:${'a'.repeat(64)}`), 'invalid-digest', 'not an own property lookup');
  });

  it('measures the 255-character limit on the normalized name, docker.io/library/ included', () => {
    const longest = 'a'.repeat(255 - 'docker.io/library/'.length);
    assert.equal(normalizedName({ path: longest }).length, 255);
    assert.equal(parseReference(longest).ok, true);
    assert.equal(parseReference(`${longest}a`).ok, false);
    assert.equal(parseReference(`registry.example.com/${'a'.repeat(234)}`).ok, true);
  });

  it('refuses an image id (64 hex digits) as a repository name (ParseNormalizedNamed)', () => {
    const result = parseReference('f'.repeat(64));
    assert.ok(!result.ok);
    assert.equal(result.problem.kind, 'invalid-name');
  });

  it('normalizes Docker Hub names the way distribution does', () => {
    assert.equal(normalizedName(splitReference('debian')), 'docker.io/library/debian');
    assert.equal(normalizedName(splitReference('index.docker.io/debian')), 'docker.io/library/debian');
    assert.equal(normalizedName(splitReference('team/app')), 'docker.io/team/app');
    assert.equal(normalizedName(splitReference('quay.io/app')), 'quay.io/app');
    assert.ok(isDockerHub(splitReference('debian')));
    assert.ok(isDockerHub(splitReference('Docker.io/team/app')));
  });

  it('splits what it cannot parse, for features that read what the user wrote', () => {
    assert.deepEqual(splitReference('Alpine:latest'), { domain: undefined, path: 'Alpine', tag: 'latest', digest: undefined });
    assert.deepEqual(splitReference('localhost:5000/app'), { domain: 'localhost:5000', path: 'app', tag: undefined, digest: undefined });
  });
});
