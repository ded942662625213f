import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseEngine, DAEMON_PROBE, engineEnvironment, kindOf, runProbe, type Probe } from '../../../client/src/build/engine.js';

/** A probe that answers from a table and records what was asked. */
function probe(answers: Record<string, boolean>): Probe & { asked: string[] } {
  const asked: string[] = [];
  const fake = async (command: string, args: readonly string[]) => {
    const key = `${command} ${args.join(' ')}`;
    asked.push(key);
    return answers[key] ?? false;
  };
  return Object.assign(fake, { asked });
}

const DOCKER_DAEMON = `docker ${DAEMON_PROBE.join(' ')}`;

describe('container engine', () => {
  it('auto: docker when its daemon answers', async () => {
    const fake = probe({ [DOCKER_DAEMON]: true, 'podman --version': true });
    assert.deepEqual(await chooseEngine('auto', fake), { ok: true, engine: { command: 'docker', kind: 'docker' }, reason: 'docker-daemon-answers' });
    assert.deepEqual(fake.asked, [DOCKER_DAEMON]);
  });

  it('auto: podman when the docker CLI is there but no daemon answers', async () => {
    assert.deepEqual(await chooseEngine('auto', probe({ 'podman --version': true })), { ok: true, engine: { command: 'podman', kind: 'podman' }, reason: 'podman-installed' });
  });

  it('auto: neither', async () => {
    assert.deepEqual(await chooseEngine('', probe({})), { ok: false, problem: 'none-found', command: 'auto' });
  });

  it('a name or a path as set, its dialect from the file name', async () => {
    assert.deepEqual(await chooseEngine('/opt/bin/nerdctl', probe({ '/opt/bin/nerdctl --version': true })), { ok: true, engine: { command: '/opt/bin/nerdctl', kind: 'nerdctl' }, reason: 'setting' });
    assert.deepEqual(await chooseEngine('podman', probe({})), { ok: false, problem: 'not-found', command: 'podman' });
    assert.equal(kindOf('C:\\Program Files\\Podman\\podman.exe'), 'podman');
    assert.equal(kindOf('/usr/local/bin/my-wrapper'), 'docker');
  });

  it('BuildKit prints plain progress for docker and nerdctl; podman needs nothing', () => {
    assert.deepEqual(engineEnvironment({ command: 'docker', kind: 'docker' }), { BUILDKIT_PROGRESS: 'plain' });
    assert.deepEqual(engineEnvironment({ command: 'podman', kind: 'podman' }), {});
  });

  it('probes by running the program with arguments, no shell', async () => {
    assert.equal(await runProbe(process.execPath, ['-e', 'process.exit(0)']), true);
    assert.equal(await runProbe(process.execPath, ['-e', 'process.exit(1)']), false);
    assert.equal(await runProbe('/nonexistent/docker; true', ['--version']), false);
  });
});
