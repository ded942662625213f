import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildArguments, runnerArguments, runnerEnvironment } from '../../../client/src/build/build-args.js';
import { ReportChannel } from '../../../client/src/build/channel.js';
import { descendants } from '../../../client/src/build/process-tree.js';
import { stepTable } from '../../../client/src/build/progress.js';
import type { RunnerMessage } from '../../../client/src/build/protocol.js';
import { buildPlan } from '../../../server/src/features/build-plan.js';
import { parse } from '../../../server/src/parser/index.js';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'build');
const FAKE = join(ROOT, 'test', 'support', 'fake-container-cli.cjs');
const RUNNER = join(ROOT, 'client', 'src', 'build', 'runner.ts');
const temp = mkdtempSync(join(tmpdir(), 'layerwise-runner-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** The package.json problem matcher, as VS Code compiles it. */
function problemMatcher(): (line: string) => { file: string; line: number; severity: string; message: string } | undefined {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((entry: { name: string }) => entry.name === 'layerwise-build');
  const pattern = new RegExp(matcher.pattern.regexp);
  return (line) => {
    const match = pattern.exec(line);
    return match ? { file: match[matcher.pattern.file], line: Number(match[matcher.pattern.line]), severity: match[matcher.pattern.severity], message: match[matcher.pattern.message] } : undefined;
  };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  messages: RunnerMessage[];
}

/** Runs the task runner (from source, through tsx) around the fake CLI, with a report channel. */
async function runRunner(options: {
  output?: string;
  exit?: number;
  hang?: boolean;
  dockerfile?: string;
  target?: number;
  operation?: 'build' | 'push';
  /** Each message, with the channel and the CLI's pid once the runner reported it. */
  onMessage?: (message: RunnerMessage, channel: ReportChannel, cliPid: number | undefined) => void;
}): Promise<Run> {
  const channel = await ReportChannel.open();
  const messages: RunnerMessage[] = [];
  let cliPid: number | undefined;
  channel.onMessage((message) => {
    messages.push(message);
    if (message.type === 'started') cliPid = message.pid;
    options.onMessage?.(message, channel, cliPid);
  });
  const dockerfile = options.dockerfile ? join(FIXTURES, options.dockerfile) : undefined;
  const steps = dockerfile ? stepTable(buildPlan(parse(readFileSync(dockerfile, 'utf8'))), options.target ?? 0) : undefined;
  const argv = runnerArguments(RUNNER, { operation: options.operation ?? 'build', report: channel.path, dockerfile, steps }, { command: process.execPath, kind: 'podman' }, [FAKE, 'build', '--tag', 'x;rm -rf /tmp/never']);
  const argvFile = join(temp, `argv-${Date.now()}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', ...argv], {
    cwd: ROOT,
    env: { ...process.env, FAKE_OUTPUT: options.output ? join(FIXTURES, options.output) : '', FAKE_EXIT: String(options.exit ?? 0), FAKE_HANG: options.hang ? '1' : '', FAKE_ARGV_FILE: argvFile },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  await channel.finished(2_000);
  channel.close();
  assert.deepEqual(JSON.parse(readFileSync(argvFile, 'utf8')), ['build', '--tag', 'x;rm -rf /tmp/never'], 'the CLI gets its arguments exactly, no shell in between');
  return { code, stdout, stderr, messages };
}

describe('task runner', () => {
  it('passes the output through, reports steps, and exits with the CLI\'s code', async () => {
    const run = await runRunner({ output: 'podman-multi-stage.txt', dockerfile: 'multi-stage.Dockerfile', target: 2 });
    assert.equal(run.code, 0);
    assert.ok(run.stdout.includes('[3/3] STEP 4/6: RUN dd if=/dev/zero of=/app/blob bs=1024 count=100'));
    const steps = run.messages.filter((message) => message.type === 'step');
    assert.equal(steps.length, 12);
    assert.deepEqual(steps[3], { type: 'step', text: '[1] STEP 4/4: RUN echo second', step: 4, total: 4 });
    const finished = run.messages.at(-1);
    assert.deepEqual(finished, { type: 'finished', exitCode: 0, signal: null, cancelled: false, credentialsWanted: false });
  });

  it('prints the line the problem matcher turns into a diagnostic on the failing RUN (podman)', async () => {
    const run = await runRunner({ output: 'podman-failing-run.txt', exit: 3, dockerfile: 'failing-run.Dockerfile', target: 1 });
    assert.equal(run.code, 3);
    const match = problemMatcher();
    const problems = run.stdout.split('\n').flatMap((line) => match(line) ?? []);
    const dockerfile = join(FIXTURES, 'failing-run.Dockerfile');
    const runLine = readFileSync(dockerfile, 'utf8').split('\n').findIndex((line) => line.startsWith('RUN echo "level')) + 1;
    assert.deepEqual(problems, [{ file: dockerfile, line: runLine, severity: 'error', message: 'RUN failed: exit status 3' }]);
    const finished = run.messages.at(-1);
    assert.ok(finished?.type === 'finished');
    assert.deepEqual(finished.failure, { line: runLine - 1, message: 'RUN failed: exit status 3' });
  });

  it('prints the matcher\'s line for BuildKit\'s `Dockerfile:N` too', async () => {
    const run = await runRunner({ output: 'buildkit-failing-run.txt', exit: 1, dockerfile: 'failing-run.Dockerfile', target: 1 });
    const problems = run.stdout.split('\n').flatMap((line) => problemMatcher()(line) ?? []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 6);
    assert.match(problems[0].message, /^process "\/bin\/sh -c echo \\"level \$LEVEL\\" && exit 3" did not complete successfully: exit code: 3$/);
  });

  it('gives build-arg values to the CLI in its environment; argv and the printed command carry names only (issue 7)', async () => {
    const secret = 'ghp_S3cret';
    const built = buildArguments({ dockerfile: '/ws/Dockerfile', context: '/ws', tag: 'app:1', buildArgs: { TOKEN: secret } });
    assert.ok(built.ok);
    const argv = runnerArguments(RUNNER, { operation: 'build' }, { command: process.execPath, kind: 'podman' }, [FAKE, ...built.args]);
    assert.ok(argv.every((arg) => !arg.includes(secret)), 'what `ps` shows of the runner');
    const argvFile = join(temp, 'secret-argv.json');
    const envFile = join(temp, 'secret-env.json');
    const child = spawn(process.execPath, ['--import', 'tsx', ...argv], {
      cwd: ROOT,
      env: { ...process.env, ...runnerEnvironment(built.buildArgValues), FAKE_OUTPUT: '', FAKE_EXIT: '0', FAKE_ARGV_FILE: argvFile, FAKE_ENV_FILE: envFile },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { output += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { output += chunk; });
    assert.equal(await new Promise<number | null>((resolve) => child.once('close', resolve)), 0);
    assert.match(output, /--build-arg TOKEN /);
    assert.ok(!output.includes(secret), output);
    assert.ok((JSON.parse(readFileSync(argvFile, 'utf8')) as string[]).every((arg) => !arg.includes(secret)), 'what `ps` shows of the CLI');
    const cliEnv = JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>;
    assert.equal(cliEnv.TOKEN, secret);
    assert.deepEqual(Object.keys(cliEnv).filter((name) => name.startsWith('LAYERWISE_BUILD_ARG_')), []);
  });

  it('reports a registry that wants credentials on push', async () => {
    const run = await runRunner({ output: 'podman-push-unauthorized.txt', exit: 125, operation: 'push' });
    const finished = run.messages.at(-1);
    assert.ok(finished?.type === 'finished');
    assert.equal(finished.credentialsWanted, true);
    assert.equal(finished.failure, undefined);
    assert.match(finished.lastError ?? '', /^Error: trying to reuse blob .*: unauthorized: authentication required$/);
    assert.equal(problemMatcherLines(run.stdout), 0);
  });

  it('ends the whole process tree on cancel', async () => {
    let tree: number[] = [];
    const run = await runRunner({
      hang: true,
      onMessage: (message, channel, cliPid) => {
        if (message.type !== 'step') return;
        // Once the fake CLI has started its shell and sleep: look at the tree, then cancel.
        setTimeout(async () => {
          tree = cliPid ? [cliPid, ...(await descendants(cliPid))] : [];
          channel.cancel();
        }, 500);
      },
    });
    assert.equal(run.code, 130);
    assert.ok(tree.length >= 3, `the fake CLI, its shell and sleep: ${JSON.stringify(tree)}`);
    const alive = tree.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    assert.deepEqual(alive, [], 'every process of the tree has ended');
    const finished = run.messages.at(-1);
    assert.ok(finished?.type === 'finished' && finished.cancelled);
  });
});

function problemMatcherLines(stdout: string): number {
  return stdout.split('\n').filter((line) => problemMatcher()(line)).length;
}
