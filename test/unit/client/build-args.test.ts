import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildArguments,
  cliEnvironment,
  displayCommand,
  historyArguments,
  loginArguments,
  parseRunnerArguments,
  pushArguments,
  runnerArguments,
  runnerEnvironment,
  tagArguments,
  type BuildRequest,
} from '../../../client/src/build/build-args.js';

const BASE: BuildRequest = { dockerfile: '/ws/app/Dockerfile', context: '/ws/app', tag: 'app:latest', buildArgs: {} };

/** Values a shell would act on; each must reach the CLI unchanged. */
const HOSTILE_VALUES = ['a b', 'x;rm -rf /', '$(id)', '`id`', "it's", '"q"', 'a\\b', '--privileged', '&& reboot', '| tee /etc/passwd', '> /dev/sda', '*', '~root', '$HOME', 'line\nbreak'];

describe('build arguments: one element per user value', () => {
  it('builds with file, tag, target, build-arg names, platform and the context last; the values apart', () => {
    const result = buildArguments({ ...BASE, target: 'builder', buildArgs: { VERSION: '1.2', EMPTY: '' }, platform: 'linux/arm64' });
    assert.deepEqual(result, {
      ok: true,
      args: ['build', '--file', '/ws/app/Dockerfile', '--tag', 'app:latest', '--target', 'builder', '--build-arg', 'VERSION', '--build-arg', 'EMPTY', '--platform', 'linux/arm64', '/ws/app'],
      buildArgValues: { VERSION: '1.2', EMPTY: '' },
    });
  });

  for (const value of HOSTILE_VALUES) {
    it(`passes the build-arg value ${JSON.stringify(value)} unchanged, in the environment only`, () => {
      const result = buildArguments({ ...BASE, buildArgs: { VALUE: value } });
      assert.ok(result.ok);
      assert.deepEqual(result.args.slice(5, 7), ['--build-arg', 'VALUE']);
      assert.equal(result.args.length, 8);
      assert.deepEqual(cliEnvironment(runnerEnvironment(result.buildArgValues)), { VALUE: value });
    });
  }

  it('never puts a build-arg value in argv, the runner\'s argv or the printed command line (issue 7)', () => {
    const secret = 'ghp_S3cretToken/with=signs';
    const result = buildArguments({ ...BASE, buildArgs: { TOKEN: secret, OTHER: 'also-private' } });
    assert.ok(result.ok);
    const runnerArgv = runnerArguments('/ext/dist/task-runner.js', { operation: 'build' }, { command: 'docker', kind: 'docker' }, result.args);
    for (const text of [...result.args, ...runnerArgv, displayCommand('docker', result.args)]) {
      assert.ok(!text.includes(secret) && !text.includes('also-private'), text);
    }
    assert.equal(displayCommand('docker', result.args), 'docker build --file /ws/app/Dockerfile --tag app:latest --build-arg TOKEN --build-arg OTHER /ws/app');
  });

  it('carries the values to the runner under its own names, and gives them to the CLI under theirs', () => {
    const runnerEnv = runnerEnvironment({ TOKEN: 'secret', NODE_OPTIONS: '--max-old-space-size=4096' });
    assert.deepEqual(runnerEnv, { LAYERWISE_BUILD_ARG_TOKEN: 'secret', LAYERWISE_BUILD_ARG_NODE_OPTIONS: '--max-old-space-size=4096' }, 'the runner\'s own NODE_OPTIONS stays as it was');
    assert.deepEqual(cliEnvironment({ PATH: '/usr/bin', TOKEN: 'from VS Code', ...runnerEnv }), { PATH: '/usr/bin', TOKEN: 'secret', NODE_OPTIONS: '--max-old-space-size=4096' });
    assert.deepEqual(runnerEnvironment(undefined), {}, 'tag and push carry none');
  });

  it('refuses a build-arg name the CLI reads for itself: its value would redirect the CLI', () => {
    for (const name of ['PATH', 'DOCKER_HOST', 'docker_host', 'CONTAINER_HOST', 'LD_PRELOAD', 'BUILDKIT_PROGRESS']) {
      const result = buildArguments({ ...BASE, buildArgs: { [name]: 'x' } });
      assert.deepEqual(result, { ok: false, problem: { kind: 'build-arg-reserved', value: name } }, name);
    }
    for (const name of ['HTTP_PROXY', 'BUILDKIT_INLINE_CACHE', 'DOCKER_PASSWORD', 'NODE_OPTIONS']) assert.equal(buildArguments({ ...BASE, buildArgs: { [name]: 'x' } }).ok, true, name);
  });

  it('keeps paths with spaces and shell characters as one element each', () => {
    const dockerfile = "/ws/my app; rm -rf ~/it's/Dockerfile";
    const context = '/ws/$(id)/`x`';
    const result = buildArguments({ ...BASE, dockerfile, context });
    assert.ok(result.ok);
    assert.deepEqual(result.args, ['build', '--file', dockerfile, '--tag', 'app:latest', context]);
    assert.deepEqual(result.buildArgValues, {});
  });

  it('refuses before anything runs: a tag that is not a reference', () => {
    for (const tag of ['x;rm -rf /', '--help', '-t', 'app:latest && reboot', '$(id)', '', 'App']) {
      const result = buildArguments({ ...BASE, tag });
      assert.equal(result.ok, false, tag);
      assert.equal(!result.ok && result.problem.kind, 'reference', tag);
    }
  });

  it('refuses build-arg names, platforms, targets and paths that could be read as something else', () => {
    const problem = (request: Partial<BuildRequest>) => {
      const result = buildArguments({ ...BASE, ...request });
      return result.ok ? undefined : result.problem.kind;
    };
    assert.equal(problem({ buildArgs: { '--privileged': 'x' } }), 'build-arg-name');
    assert.equal(problem({ buildArgs: { 'A=B': 'x' } }), 'build-arg-name');
    assert.equal(problem({ buildArgs: { '': 'x' } }), 'build-arg-name');
    assert.equal(problem({ platform: 'linux/amd64;id' }), 'platform');
    assert.equal(problem({ platform: '--help' }), 'platform');
    assert.equal(problem({ platform: 'linux/amd64,linux/arm64/v8' }), undefined);
    assert.equal(problem({ target: '--no-cache' }), 'target');
    assert.equal(problem({ target: '2' }), undefined);
    assert.equal(problem({ context: '--file=/etc/passwd' }), 'path');
    assert.equal(problem({ dockerfile: '/a\nb' }), 'path');
  });

  it('tags, pushes, reads history and logs in with checked references only', () => {
    assert.deepEqual(tagArguments('app:1', '127.0.0.1:5000/team/app:1'), { ok: true, args: ['tag', 'app:1', '127.0.0.1:5000/team/app:1'] });
    assert.equal(tagArguments('app:1', 'x;rm -rf /').ok, false);
    assert.deepEqual(pushArguments('127.0.0.1:5000/team/app:1'), { ok: true, args: ['push', '127.0.0.1:5000/team/app:1'] });
    assert.equal(pushArguments('--all-tags').ok, false);
    assert.deepEqual(historyArguments({ command: 'podman', kind: 'podman' }, 'app:1'), { ok: true, args: ['history', '--no-trunc', '--format', 'json', 'app:1'] });
    assert.deepEqual(historyArguments({ command: '/usr/bin/docker', kind: 'docker' }, 'app:1'), { ok: true, args: ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', 'app:1'] });
    assert.deepEqual(loginArguments('127.0.0.1:5000'), { ok: true, args: ['login', '127.0.0.1:5000'] });
    assert.equal(loginArguments('registry;id').ok, false);
    assert.equal(loginArguments('--password=x').ok, false);
    assert.equal(loginArguments('a/b').ok, false);
  });

  it('wraps the CLI in the task runner as an argument array, and reads it back', () => {
    const steps = { lines: [[0, 2]], names: [null], target: 0, fileLines: [0, 2] };
    const argv = runnerArguments('/ext/dist/task-runner.js', { operation: 'build', report: '/tmp/x.sock', dockerfile: '/ws/Dockerfile', steps }, { command: 'podman', kind: 'podman' }, ['build', '--tag', 'a b']);
    assert.deepEqual(argv, ['/ext/dist/task-runner.js', '--operation', 'build', '--report', '/tmp/x.sock', '--dockerfile', '/ws/Dockerfile', '--steps', JSON.stringify(steps), '--', 'podman', 'build', '--tag', 'a b']);
    assert.deepEqual(parseRunnerArguments(argv.slice(1)), {
      options: { operation: 'build', report: '/tmp/x.sock', dockerfile: '/ws/Dockerfile', steps },
      command: 'podman',
      args: ['build', '--tag', 'a b'],
    });
    assert.equal(parseRunnerArguments(['--operation', 'build']), undefined);
    assert.equal(parseRunnerArguments(['--evil', 'x', '--', 'podman']), undefined);
  });

  it('shows the command line quoted the way a shell would need it (display only)', () => {
    assert.equal(displayCommand('podman', ['build', '--build-arg', "A=it's; id"]), `podman build --build-arg 'A=it'\\''s; id'`);
  });
});
