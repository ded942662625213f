import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildArguments, pushArguments, runnerArguments, runnerEnvironment, tagArguments, type Arguments, type RunnerOptions } from './build-args.js';
import type { ReportChannel } from './channel.js';
import { buildSettings } from './config.js';
import { chooseEngine, engineEnvironment, type Engine } from './engine.js';
import { repositoryNameFor } from './target-reference.js';
import { argumentProblemMessage, engineProblemMessage } from './messages.js';
import type { PlanSource } from './plan.js';
import { stepTable } from './progress.js';
import type { RunnerMessage } from './protocol.js';

/**
 * `layerwise` tasks: every build, tag and push runs as a VS Code task whose
 * ProcessExecution is an argument array (the task runner, then the CLI and its
 * arguments), never a shell command line. The same definitions work in
 * tasks.json through the task provider.
 */

export const TASK_TYPE = 'layerwise';
export const PROBLEM_MATCHER = '$layerwise-build';

export interface LayerwiseTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  command: 'build' | 'push' | 'tag';
  /** build: the Dockerfile, relative to the workspace folder or absolute. */
  dockerfile?: string;
  /** build: the context folder; default the Dockerfile's folder. */
  context?: string;
  /** build: the tag to build; push: the image to push; tag: the new tag. */
  tag?: string;
  /** tag: the existing image. */
  source?: string;
  /** build: the stage (`--target`). */
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
}

export interface PreparedTask {
  task: vscode.Task;
  engine: Engine;
  definition: LayerwiseTaskDefinition;
  /** build: the absolute Dockerfile path and the index of the stage built. */
  dockerfile?: string;
  targetIndex?: number;
}

export type Prepared = { ok: true; prepared: PreparedTask } | { ok: false; message: string };

export interface TaskEnvironment {
  runnerScript: string;
  plans: PlanSource;
}

function folderPath(scope: vscode.WorkspaceFolder | undefined): string | undefined {
  return scope?.uri.scheme === 'file' ? scope.uri.fsPath : undefined;
}

function resolvePath(value: string, base: string | undefined): string {
  return path.isAbsolute(value) ? path.normalize(value) : path.resolve(base ?? process.cwd(), value);
}

/** Turns a definition into a runnable task; refuses, with a message, anything the checks reject before anything runs. */
export async function prepareTask(
  definition: LayerwiseTaskDefinition,
  scope: vscode.WorkspaceFolder | undefined,
  environment: TaskEnvironment,
  report?: ReportChannel,
  chosen?: Engine,
): Promise<Prepared> {
  if (!vscode.workspace.isTrusted) return { ok: false, message: vscode.l10n.t('Layerwise builds and pushes are disabled in an untrusted workspace.') };
  const base = folderPath(scope);
  let args: Arguments;
  const options: RunnerOptions = { operation: definition.command, report: report?.path };
  let dockerfile: string | undefined;
  let targetIndex: number | undefined;
  if (definition.command === 'build') {
    if (!definition.dockerfile) return { ok: false, message: vscode.l10n.t('A layerwise build task needs "dockerfile".') };
    dockerfile = resolvePath(definition.dockerfile, base);
    const plan = await environment.plans.planFor(vscode.Uri.file(dockerfile));
    if (!plan) return { ok: false, message: vscode.l10n.t('Cannot read {0}.', dockerfile) };
    targetIndex = plan.stages.length - 1;
    if (definition.target !== undefined) {
      const wanted = definition.target.toLowerCase();
      const index = plan.stages.findIndex((stage) => stage.name === wanted);
      targetIndex = index >= 0 ? index : /^\d+$/.test(wanted) ? Number(wanted) : -1;
      if (targetIndex < 0 || targetIndex >= plan.stages.length) return { ok: false, message: vscode.l10n.t('{0} has no stage "{1}".', dockerfile, definition.target) };
    }
    args = buildArguments({
      dockerfile,
      context: resolvePath(definition.context ?? path.dirname(dockerfile), base),
      tag: definition.tag ?? '',
      target: definition.target,
      buildArgs: definition.buildArgs ?? {},
      platform: definition.platform,
    });
    options.dockerfile = dockerfile;
    options.steps = stepTable(plan, targetIndex);
  } else if (definition.command === 'push') {
    args = pushArguments(definition.tag ?? '');
  } else {
    args = tagArguments(definition.source ?? '', definition.tag ?? '');
  }
  if (!args.ok) return { ok: false, message: argumentProblemMessage(args.problem) };

  let engine = chosen;
  if (!engine) {
    const choice = await chooseEngine(buildSettings(scope).containerCommand);
    if (!choice.ok) return { ok: false, message: engineProblemMessage(choice) };
    engine = choice.engine;
  }
  const execution = new vscode.ProcessExecution(process.execPath, runnerArguments(environment.runnerScript, options, engine, args.args), {
    cwd: base ?? (dockerfile ? path.dirname(dockerfile) : undefined),
    // The runner is a Node script; in desktop VS Code process.execPath is Electron, which this makes act as Node.
    // Build argument values travel here, not in the arguments VS Code shows and `ps` lists.
    env: { ELECTRON_RUN_AS_NODE: '1', ...engineEnvironment(engine), ...runnerEnvironment(args.buildArgValues) },
  });
  const task = new vscode.Task(definition, scope ?? vscode.TaskScope.Workspace, taskName(definition), TASK_TYPE, execution, definition.command === 'build' ? [PROBLEM_MATCHER] : []);
  // No echo: VS Code's "Executing task" line is the whole runner command; the runner prints the CLI's own line instead.
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true, showReuseMessage: false, echo: false };
  if (definition.command === 'build') task.group = vscode.TaskGroup.Build;
  return { ok: true, prepared: { task, engine, definition, dockerfile, targetIndex } };
}

function taskName(definition: LayerwiseTaskDefinition): string {
  switch (definition.command) {
    case 'build':
      return `build ${definition.tag ?? ''}${definition.target ? ` (${definition.target})` : ''}`.trim();
    case 'push':
      return `push ${definition.tag ?? ''}`.trim();
    case 'tag':
      return `tag ${definition.source ?? ''} ${definition.tag ?? ''}`.trim();
  }
}

export interface TaskResult {
  exitCode: number | undefined;
  /** The runner's report: steps seen, failure, credentials. */
  finished: Extract<RunnerMessage, { type: 'finished' }> | undefined;
}

/** Runs a prepared task and waits for its process to end; `onExecution` gets the execution as soon as it starts. */
export async function runTask(task: vscode.Task, report: ReportChannel | undefined, onExecution?: (execution: vscode.TaskExecution) => void): Promise<TaskResult> {
  let execution: vscode.TaskExecution | undefined;
  const ended = new Promise<number | undefined>((resolve) => {
    const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution === execution || (execution && event.execution.task === execution.task)) {
        subscription.dispose();
        resolve(event.exitCode);
      }
    });
  });
  execution = await vscode.tasks.executeTask(task);
  onExecution?.(execution);
  const exitCode = await ended;
  const finished = report ? await report.finished(2_000) : undefined;
  return { exitCode: finished?.exitCode ?? exitCode, finished };
}

/** Lets tasks.json hold `"type": "layerwise"` tasks, and offers a build task for each Dockerfile in the workspace. */
export class LayerwiseTaskProvider implements vscode.TaskProvider {
  constructor(private readonly environment: TaskEnvironment) {}

  async provideTasks(): Promise<vscode.Task[]> {
    if (!vscode.workspace.isTrusted) return [];
    const choice = await chooseEngine(buildSettings().containerCommand);
    if (!choice.ok) return [];
    const files = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.dockerfile,Dockerfile.*,Containerfile.*}', '**/node_modules/**', 20);
    const tasks: vscode.Task[] = [];
    for (const file of files) {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      const settings = buildSettings(file);
      const dockerfile = folder ? path.relative(folder.uri.fsPath, file.fsPath) : file.fsPath;
      const tag = settings.defaultTag.set ? settings.defaultTag.value : `${repositoryNameFor(path.basename(path.dirname(file.fsPath)))}:latest`;
      const prepared = await prepareTask({ type: TASK_TYPE, command: 'build', dockerfile, tag }, folder, this.environment, undefined, choice.engine);
      if (prepared.ok) tasks.push(prepared.prepared.task);
    }
    return tasks;
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    const definition = task.definition as LayerwiseTaskDefinition;
    const scope = typeof task.scope === 'object' ? task.scope : undefined;
    const prepared = await prepareTask(definition, scope, this.environment);
    if (!prepared.ok) {
      void vscode.window.showErrorMessage(prepared.message);
      return undefined;
    }
    // The definition must stay the one tasks.json holds, so that VS Code matches them up.
    const resolved = new vscode.Task(definition, task.scope ?? vscode.TaskScope.Workspace, task.name, TASK_TYPE, prepared.prepared.task.execution, task.problemMatchers.length > 0 ? task.problemMatchers : prepared.prepared.task.problemMatchers);
    resolved.presentationOptions = prepared.prepared.task.presentationOptions;
    resolved.group = task.group ?? prepared.prepared.task.group;
    return resolved;
  }
}
