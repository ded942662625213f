// Build, tag and push through the commands, against real podman, the docker CLI on
// podman's API and local registries that scripts/container-fixtures.mjs starts for
// the run (it passes their addresses and podman's configuration in the environment).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { layerwise, workspaceFile } from './helpers.js';

interface Outcome {
  status: 'succeeded' | 'failed' | 'cancelled' | 'refused';
  tag?: string;
  engine?: string;
  message?: string;
  line?: number;
  credentialsWanted?: boolean;
  registry?: string;
  layerSizes?: { layers: Array<{ line: number; keyword: string; size: number }>; base: { size: number; rows: number } };
}

const registry = process.env.LAYERWISE_TEST_REGISTRY;
const authRegistry = process.env.LAYERWISE_TEST_AUTH_REGISTRY;
const SETTINGS = ['containerCommand', 'build.defaultTag', 'build.context', 'build.args', 'build.platform'];

function command(id: string, ...args: unknown[]): Promise<Outcome> {
  return vscode.commands.executeCommand<Outcome>(id, ...args) as Promise<Outcome>;
}

async function configure(values: Record<string, unknown>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('layerwise');
  for (const key of SETTINGS) {
    const value = key in values ? values[key] : undefined;
    if (configuration.inspect(key)?.workspaceValue !== value) await configuration.update(key, value, vscode.ConfigurationTarget.Workspace);
  }
}

/** Settings for a build that asks nothing: tag, the Dockerfile's folder as context, no build args, the engine's platform. */
function settingsFor(folder: string, engine: string, tag: string): Record<string, unknown> {
  return { containerCommand: engine, 'build.defaultTag': tag, 'build.context': folder, 'build.args': {}, 'build.platform': '' };
}

async function tagsIn(registryAddress: string, repository: string): Promise<string[]> {
  const response = await fetch(`http://${registryAddress}/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags?: string[] | null };
  return body.tags ?? [];
}

async function hintsOf(uri: vscode.Uri): Promise<Array<{ line: number; label: string }>> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, range)) ?? [];
  return hints.map((hint) => ({ line: hint.position.line, label: typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('') }));
}

function lineOf(document: vscode.TextDocument, prefix: string): number {
  const index = document.getText().split('\n').findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `${prefix} in ${document.uri.path}`);
  return index;
}

/** This run's `podman build` of `dockerfile` and every process below it (other runs build their own copies). */
function buildTree(dockerfile: string): Promise<Array<{ pid: number; args: string }>> {
  return new Promise((resolve) =>
    execFile('ps', ['-eo', 'pid=,ppid=,args='], (_error, stdout) => {
      const rows = (stdout ?? '').split('\n').flatMap((line) => {
        const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
        return match ? [{ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] }] : [];
      });
      const tree = rows.filter((row) => row.args.startsWith('podman build') && row.args.includes(dockerfile));
      for (let index = 0; index < tree.length; index++) tree.push(...rows.filter((row) => row.ppid === tree[index].pid));
      resolve(tree);
    }),
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Counts the `layerwise` tasks that start while `run` runs. */
async function tasksStartedDuring(run: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const subscription = vscode.tasks.onDidStartTask((event) => {
    if (event.execution.task.definition.type === 'layerwise') started += 1;
  });
  try {
    await run();
  } finally {
    subscription.dispose();
  }
  return started;
}

describe('build, tag and push with a real container engine', function () {
  this.timeout(180_000);
  let hadVscodeFolder = false;

  before(async function () {
    if (!registry || !authRegistry) {
      console.log('build: no LAYERWISE_TEST_REGISTRY (run through npm run test:vscode, which starts podman and the registries)');
      this.skip();
    }
    hadVscodeFolder = existsSync(workspaceFile('.vscode').fsPath);
    await layerwise().activate();
  });

  after(async () => {
    await configure({});
    rmSync(workspaceFile('.vscode/tasks.json').fsPath, { force: true });
    // The .vsix run uses the same workspace copy: leave it as the suite found it.
    if (!hadVscodeFolder) rmSync(workspaceFile('.vscode').fsPath, { recursive: true, force: true });
  });

  it('refuses a tag like `x;rm -rf /` before anything runs', async () => {
    const dockerfile = workspaceFile('containers/run/Dockerfile');
    await configure(settingsFor(path.dirname(dockerfile.fsPath), 'podman', 'x;rm -rf /'));
    let outcome: Outcome | undefined;
    const started = await tasksStartedDuring(async () => { outcome = await command('layerwise.buildImage', dockerfile); });
    assert.equal(outcome?.status, 'refused');
    assert.match(outcome!.message!, /is not a valid image tag/);
    assert.equal(started, 0, 'no task ran');
    const refusedPush = await command('layerwise.pushImage', '--all-tags');
    assert.equal(refusedPush.status, 'refused');
  });

  it('builds a Dockerfile with RUN through podman, tags and pushes it; the registry lists the tag', async () => {
    const dockerfile = workspaceFile('containers/run/Dockerfile');
    await configure(settingsFor(path.dirname(dockerfile.fsPath), 'podman', 'localhost/layerwise-run:1'));
    const built = await command('layerwise.buildImage', dockerfile);
    assert.equal(built.status, 'succeeded', built.message);
    assert.equal(built.engine, 'podman');

    const remote = `${registry}/team/layerwise-run:1`;
    const tagged = await command('layerwise.tagImage', 'localhost/layerwise-run:1', remote);
    assert.equal(tagged.status, 'succeeded', tagged.message);
    const pushed = await command('layerwise.pushImage', remote);
    assert.equal(pushed.status, 'succeeded', pushed.message);
    assert.deepEqual(await tagsIn(registry!, 'team/layerwise-run'), ['1']);
  });

  it('shows the size each instruction added at that instruction, until the file changes', async () => {
    const uri = workspaceFile('containers/run/Dockerfile');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const hints = await until('layer-size hints', async () => {
      const found = await hintsOf(uri);
      return found.length > 0 ? found : undefined;
    });
    const at = (prefix: string) => hints.filter((hint) => hint.line === lineOf(document, prefix)).map((hint) => hint.label);
    // The final stage FROM an external image: its own COPY and RUN; the builder stage (only copied from) has none.
    // The final stage is FROM an external image: its own COPY and RUN have sizes; the builder stage, only copied from, has none.
    assert.equal(at('RUN dd if=/dev/zero of=/app/blob').length, 1);
    assert.match(at('RUN dd if=/dev/zero of=/app/blob')[0], /^\+5\d\.\d kB$/, '50 KiB of zeros, plus the layer\'s own bytes');
    assert.equal(at('COPY --from=builder').length, 1);
    assert.match(at('COPY --from=builder')[0], /^\+[\d.]+ (?:B|kB)$/);
    assert.deepEqual(at('RUN dd if=/dev/zero of=/src/big'), []);
    const finalFrom = document.getText().split('\n').lastIndexOf('FROM localhost/layerwise-test-base:1');
    const base = hints.filter((hint) => hint.line === finalFrom).map((hint) => hint.label);
    assert.equal(base.length, 1);
    assert.match(base[0], /^base 1\.99 MB, image 2\.0\d MB$/);
    console.log(`build: layer-size hints ${JSON.stringify(hints)}`);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '# edited\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(await hintsOf(uri), [], 'an edit clears them');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the "Build stage" code lens above a FROM builds that stage (--target) and maps both stages\' layers', async () => {
    const uri = workspaceFile('containers/run/Dockerfile');
    await configure(settingsFor(path.dirname(uri.fsPath), 'podman', 'localhost/layerwise-run:1'));
    const document = await vscode.workspace.openTextDocument(uri);
    const builderFrom = lineOf(document, 'FROM localhost/layerwise-test-base:1 AS builder');
    const lenses = await until('the server\'s code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found?.some((lens) => lens.command?.command === 'layerwise.buildStage') ? found : undefined;
    }, 20_000);
    const lens = lenses.find((candidate) => candidate.command?.command === 'layerwise.buildStage' && candidate.range.start.line === builderFrom);
    assert.ok(lens?.command, 'a Build stage lens on the builder\'s FROM');
    assert.deepEqual(lens.command.arguments?.slice(1), ['builder', 0], '(documentUri, stageName, stageIndex)');
    const built = (await vscode.commands.executeCommand<Outcome>(lens.command.command, ...(lens.command.arguments ?? []))) as Outcome;
    assert.equal(built.status, 'succeeded', built.message);
    assert.equal(built.tag, 'localhost/layerwise-run:builder');
    const lines = built.layerSizes!.layers.map((layer) => `${layer.keyword}@${layer.line}`);
    assert.deepEqual(lines, [`WORKDIR@${lineOf(document, 'WORKDIR /src')}`, `RUN@${lineOf(document, 'RUN dd if=/dev/zero of=/src/big')}`]);
    assert.ok(built.layerSizes!.layers[1].size >= 200 * 1024);
  });

  it('a failing RUN lands as a diagnostic on its line (the problem matcher)', async () => {
    const uri = workspaceFile('containers/failing/Dockerfile');
    await configure(settingsFor(path.dirname(uri.fsPath), 'podman', 'localhost/layerwise-failing:1'));
    const built = await command('layerwise.buildImage', uri);
    assert.equal(built.status, 'failed');
    const document = await vscode.workspace.openTextDocument(uri);
    const runLine = lineOf(document, 'RUN echo "about to fail"');
    assert.equal(built.line, runLine);
    assert.match(built.message!, /exit status 3/);
    const diagnostic = await until('the problem matcher\'s diagnostic', async () =>
      vscode.languages.getDiagnostics(uri).find((candidate) => candidate.source === 'layerwise-build'),
    );
    assert.equal(diagnostic.range.start.line, runLine);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, 'RUN failed: exit status 3');
  });

  it('the docker CLI through podman\'s API socket (auto picks it): builds a Dockerfile without RUN and pushes it', async () => {
    const uri = workspaceFile('containers/norun/Dockerfile');
    await configure(settingsFor(path.dirname(uri.fsPath), 'auto', `${registry}/team/layerwise-norun:2`));
    const built = await command('layerwise.buildImage', uri);
    assert.equal(built.status, 'succeeded', built.message);
    assert.equal(built.engine, 'docker', 'DOCKER_HOST answers, so auto picks docker');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.deepEqual(built.layerSizes!.layers.map((layer) => layer.line), [1, 2, 3].map((index) => lineOf(document, ['COPY', 'ENV', 'CMD'][index - 1])));
    const pushed = await command('layerwise.pushImage', `${registry}/team/layerwise-norun:2`);
    assert.equal(pushed.status, 'succeeded', pushed.message);
    assert.equal(pushed.engine, 'docker');
    assert.deepEqual(await tagsIn(registry!, 'team/layerwise-norun'), ['2']);
  });

  it('a push to a registry that wants credentials says so and offers login', async () => {
    await configure({ containerCommand: 'podman' });
    const image = `${authRegistry}/team/layerwise-run:1`;
    assert.equal((await command('layerwise.tagImage', 'localhost/layerwise-run:1', image)).status, 'succeeded');
    const pushed = await command('layerwise.pushImage', image);
    assert.equal(pushed.status, 'failed');
    assert.equal(pushed.credentialsWanted, true);
    assert.equal(pushed.registry, authRegistry);
    assert.equal(pushed.message, `${authRegistry} asks for credentials to push ${image}. Log in (with "podman login ${authRegistry}" in a terminal), then push again.`);
  });

  it('a layerwise task from tasks.json builds, and its layer sizes show too', async () => {
    await configure({ containerCommand: 'podman' });
    mkdirSync(workspaceFile('.vscode').fsPath, { recursive: true });
    writeFileSync(workspaceFile('.vscode/tasks.json').fsPath, JSON.stringify({
      version: '2.0.0',
      tasks: [{ label: 'layerwise test build', type: 'layerwise', command: 'build', dockerfile: 'containers/norun/Dockerfile', tag: 'localhost/layerwise-tasks:1', problemMatcher: ['$layerwise-build'] }],
    }));
    const task = await until('the tasks.json task', async () => (await vscode.tasks.fetchTasks({ type: 'layerwise' })).find((candidate) => candidate.name === 'layerwise test build'), 20_000);
    const ended = new Promise<number | undefined>((resolve) => {
      const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.name === 'layerwise test build') {
          subscription.dispose();
          resolve(event.exitCode);
        }
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 0);
    const uri = workspaceFile('containers/norun/Dockerfile');
    const document = await vscode.workspace.openTextDocument(uri);
    const hints = await until('hints after the tasks.json build', async () => {
      const found = await hintsOf(uri);
      return found.some((hint) => hint.line === lineOf(document, 'COPY hello.txt')) ? found : undefined;
    });
    assert.ok(hints.length >= 1);
  });

  it('terminating the build ends the whole process tree', async () => {
    const uri = workspaceFile('containers/slow/Dockerfile');
    await configure(settingsFor(path.dirname(uri.fsPath), 'podman', 'localhost/layerwise-slow:1'));
    const outcome = command('layerwise.buildImage', uri);
    const tree = await until('the RUN step to start sleep 297', async () => {
      const found = await buildTree(uri.fsPath);
      return found.some((row) => row.args === 'sleep 297') ? found.map((row) => row.pid) : undefined;
    });
    const execution = vscode.tasks.taskExecutions.find((candidate) => candidate.task.definition.type === 'layerwise' && candidate.task.definition.tag === 'localhost/layerwise-slow:1');
    assert.ok(execution, 'the build runs as a layerwise task');
    execution.terminate();
    assert.equal((await outcome).status, 'cancelled');
    await until('podman build and its sleep 297 to end', async () => (tree.some(alive) ? undefined : true), 15_000);
  });
});
