import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatReference } from '../../../server/src/analysis/image-reference.js';
import type { BuildPlan } from '../../../server/src/features/build-plan-protocol.js';
import { historyArguments, loginArguments, pushArguments } from './build-args.js';
import { ReportChannel } from './channel.js';
import { buildSettings } from './config.js';
import { chooseEngine, engineEnvironment, type Engine } from './engine.js';
import { parseTargetReference, registryOf, repositoryNameFor, tagFor } from './target-reference.js';
import type { LayerHints } from './layer-hints.js';
import { layerSizes, parseHistory, type LayerSizes } from './layer-sizes.js';
import { argumentProblemMessage, engineProblemMessage, referenceProblemMessage } from './messages.js';
import type { PlanSource } from './plan.js';
import { askBuildArgs, askContext, askPlatform, askTag, type RecentTags } from './prompts.js';
import { prepareTask, runTask, TASK_TYPE, type LayerwiseTaskDefinition, type PreparedTask } from './tasks.js';

/**
 * The build, tag and push flows behind the commands: gather what settings
 * leave open, check it, run the task with a cancellable progress
 * notification, then follow up (layer sizes, the login offer). Each returns
 * an outcome, which the command hands back to its caller (tests read it).
 */

export interface BuildServices {
  plans: PlanSource;
  hints: LayerHints;
  recent: RecentTags;
  runnerScript: string;
  /** Executions the commands run themselves, so that the tasks.json follow-up leaves them alone. */
  ownExecutions: WeakSet<vscode.Task>;
}

export type Outcome =
  | { status: 'succeeded'; tag: string; engine: string; layerSizes?: LayerSizes }
  | { status: 'failed'; tag: string; engine: string; exitCode?: number; message: string; line?: number; credentialsWanted?: boolean; registry?: string }
  | { status: 'cancelled'; tag?: string }
  | { status: 'refused'; message: string };

function refuse(message: string): Outcome {
  void vscode.window.showErrorMessage(message);
  return { status: 'refused', message };
}

function untrusted(): Outcome | undefined {
  return vscode.workspace.isTrusted ? undefined : refuse(vscode.l10n.t('Layerwise builds and pushes are disabled in an untrusted workspace.'));
}

/** What a stage build is asked for: the code lens passes all three. */
export interface StageChoice {
  name?: string;
  index: number;
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') return value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

function activeDockerfile(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && (document.languageId === 'dockerfile' || /(?:^|[./])(?:Dockerfile|Containerfile)|\.dockerfile$/i.test(path.basename(document.uri.path))) ? document.uri : undefined;
}

export async function build(services: BuildServices, target: unknown, stage?: StageChoice): Promise<Outcome> {
  const refused = untrusted();
  if (refused) return refused;
  const uri = toUri(target) ?? activeDockerfile();
  if (!uri || uri.scheme !== 'file') return refuse(vscode.l10n.t('Open a Dockerfile to build it.'));
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  const plan = await services.plans.planFor(uri);
  if (!plan || plan.stages.length === 0) return refuse(vscode.l10n.t('{0} has no FROM to build.', uri.fsPath));

  const settings = buildSettings(uri);
  const choice = await chooseEngine(settings.containerCommand);
  if (!choice.ok) return refuse(engineProblemMessage(choice));
  const engine = choice.engine;

  const last = plan.stages.length - 1;
  let targetIndex = last;
  let targetArgument: string | undefined;
  if (stage) {
    targetIndex = stage.name !== undefined ? plan.stages.findIndex((candidate) => candidate.name === stage.name!.toLowerCase()) : stage.index;
    if (targetIndex < 0 || targetIndex > last) return refuse(vscode.l10n.t('{0} has no stage "{1}".', uri.fsPath, stage.name ?? String(stage.index)));
    const name = plan.stages[targetIndex].name;
    // BuildKit can only target a named stage; podman also takes the index. The last stage needs no --target.
    if (name !== undefined) targetArgument = name;
    else if (targetIndex !== last) {
      if (engine.kind !== 'podman') return refuse(vscode.l10n.t('Stage {0} has no name: add "AS <name>" to its FROM to build it on its own.', targetIndex + 1));
      targetArgument = String(targetIndex);
    }
  }

  const folderName = path.basename(path.dirname(uri.fsPath));
  const stageLabel = stage ? tagFor(plan.stages[targetIndex].name ?? `stage-${targetIndex}`) : undefined;
  let tag: string | undefined;
  if (settings.defaultTag.set) {
    tag = settings.defaultTag.value;
    const parsed = parseTargetReference(tag);
    if (stageLabel && parsed.ok) tag = formatReference({ ...parsed.reference, tag: stageLabel });
  } else {
    const suggestion = `${repositoryNameFor(folderName)}:${stageLabel ?? 'latest'}`;
    tag = await askTag(stage ? vscode.l10n.t('Tag for stage {0}', stageLabel ?? '') : vscode.l10n.t('Tag for the image'), [suggestion, ...services.recent.list()]);
    if (tag === undefined) return { status: 'cancelled' };
  }
  const checked = parseTargetReference(tag);
  if (!checked.ok) return refuse(referenceProblemMessage(tag, checked.problem));

  const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
  let context: string | undefined;
  if (settings.context.set) context = path.resolve(workspaceFolder?.uri.fsPath ?? path.dirname(uri.fsPath), settings.context.value);
  else context = await askContext(uri);
  if (context === undefined) return { status: 'cancelled', tag };
  const buildArgs = settings.args.set ? settings.args.value : await askBuildArgs(plan);
  if (buildArgs === undefined) return { status: 'cancelled', tag };
  const platform = settings.platform.set ? settings.platform.value : await askPlatform();
  if (platform === undefined) return { status: 'cancelled', tag };

  const definition: LayerwiseTaskDefinition = { type: TASK_TYPE, command: 'build', dockerfile: uri.fsPath, context, tag, buildArgs, platform };
  if (targetArgument !== undefined) definition.target = targetArgument;
  const title = vscode.l10n.t('Building {0}', tag);
  const outcome = await runWithProgress(services, definition, workspaceFolder, engine, title);
  if (outcome.status !== 'succeeded') return outcome;
  await services.recent.remember(tag);
  if (settings.showLayerSizes) {
    const sizes = await collectLayerSizes(engine, tag, plan, targetIndex);
    if (sizes) {
      services.hints.show(uri, tag, plan, sizes);
      return { ...outcome, layerSizes: sizes };
    }
  }
  return outcome;
}

export async function tag(services: BuildServices, sourceArgument: unknown, targetArgument: unknown): Promise<Outcome> {
  const refused = untrusted();
  if (refused) return refused;
  const recent = services.recent.list();
  const source = typeof sourceArgument === 'string' ? sourceArgument : await askTag(vscode.l10n.t('Image to tag'), recent);
  if (source === undefined) return { status: 'cancelled' };
  const target = typeof targetArgument === 'string' ? targetArgument : await askTag(vscode.l10n.t('New tag for {0}', source), recent.filter((known) => known !== source));
  if (target === undefined) return { status: 'cancelled', tag: source };
  for (const value of [source, target]) {
    const checked = parseTargetReference(value);
    if (!checked.ok) return refuse(referenceProblemMessage(value, checked.problem));
  }
  const choice = await chooseEngine(buildSettings().containerCommand);
  if (!choice.ok) return refuse(engineProblemMessage(choice));
  const outcome = await runWithProgress(services, { type: TASK_TYPE, command: 'tag', source, tag: target }, vscode.workspace.workspaceFolders?.[0], choice.engine, vscode.l10n.t('Tagging {0} as {1}', source, target));
  if (outcome.status === 'succeeded') await services.recent.remember(target);
  return outcome;
}

export async function push(services: BuildServices, tagArgument: unknown): Promise<Outcome> {
  const refused = untrusted();
  if (refused) return refused;
  const settings = buildSettings();
  const suggestions = [...(settings.defaultTag.set ? [settings.defaultTag.value] : []), ...services.recent.list()];
  const image = typeof tagArgument === 'string' ? tagArgument : await askTag(vscode.l10n.t('Image to push'), suggestions);
  if (image === undefined) return { status: 'cancelled' };
  const checked = pushArguments(image);
  if (!checked.ok) return refuse(argumentProblemMessage(checked.problem));
  const choice = await chooseEngine(settings.containerCommand);
  if (!choice.ok) return refuse(engineProblemMessage(choice));
  const engine = choice.engine;
  const outcome = await runWithProgress(services, { type: TASK_TYPE, command: 'push', tag: image }, vscode.workspace.workspaceFolders?.[0], engine, vscode.l10n.t('Pushing {0}', image));
  if (outcome.status === 'failed' && outcome.credentialsWanted) {
    const reference = parseTargetReference(image);
    const registry = reference.ok ? registryOf(reference.reference) : image;
    const message = vscode.l10n.t('{0} asks for credentials to push {1}. Log in (with "{2} login {0}" in a terminal), then push again.', registry, image, path.basename(engine.command));
    const logIn = vscode.l10n.t('Log In');
    void vscode.window.showWarningMessage(message, logIn).then((answer) => {
      if (answer === logIn) openLoginTerminal(engine, registry);
    });
    return { ...outcome, message, registry };
  }
  return outcome;
}

export async function buildAndPush(services: BuildServices, target: unknown): Promise<Outcome> {
  const built = await build(services, target);
  if (built.status !== 'succeeded') return built;
  return push(services, built.tag);
}

/** `<engine> login <registry>` as the terminal's own process: the password goes from the keyboard to the CLI, nowhere else. */
export function openLoginTerminal(engine: Engine, registry: string): vscode.Terminal | undefined {
  const login = loginArguments(registry);
  if (!login.ok) {
    void vscode.window.showErrorMessage(argumentProblemMessage(login.problem));
    return undefined;
  }
  const terminal = vscode.window.createTerminal({
    name: `${path.basename(engine.command)} login ${registry}`,
    shellPath: engine.command,
    shellArgs: login.args,
    env: engineEnvironment(engine),
  });
  terminal.show();
  return terminal;
}

async function runWithProgress(services: BuildServices, definition: LayerwiseTaskDefinition, folder: vscode.WorkspaceFolder | undefined, engine: Engine, title: string): Promise<Outcome> {
  const image = definition.tag ?? '';
  const channel = await ReportChannel.open();
  try {
    const prepared = await prepareTask(definition, folder, { runnerScript: services.runnerScript, plans: services.plans }, channel, engine);
    if (!prepared.ok) return refuse(prepared.message);
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      channel.onMessage((message) => {
        if (message.type === 'step') progress.report({ message: message.text });
      });
      let execution: vscode.TaskExecution | undefined;
      let fallback: ReturnType<typeof setTimeout> | undefined;
      token.onCancellationRequested(() => {
        channel.cancel();
        // A runner that does not answer (it never connected, or hangs) is ended with its terminal.
        fallback = setTimeout(() => execution?.terminate(), 8_000);
      });
      const result = await runTask(prepared.prepared.task, channel, (started) => {
        execution = started;
        services.ownExecutions.add(started.task);
        if (token.isCancellationRequested) channel.cancel();
      });
      clearTimeout(fallback);
      return outcomeOf(prepared.prepared, result.exitCode, result.finished, image);
    });
  } finally {
    channel.close();
  }
}

function outcomeOf(prepared: PreparedTask, exitCode: number | undefined, finished: Awaited<ReturnType<typeof runTask>>['finished'], image: string): Outcome {
  const engine = prepared.engine.command;
  if (finished?.cancelled) return { status: 'cancelled', tag: image };
  if (exitCode === 0) return { status: 'succeeded', tag: image, engine };
  const failure = finished?.failure;
  const code = exitCode ?? undefined;
  let message: string;
  if (failure?.line !== undefined) message = vscode.l10n.t('{0} failed at line {1}: {2}', operationLabel(prepared), failure.line + 1, failure.message);
  else if (failure) message = vscode.l10n.t('{0} failed: {1}', operationLabel(prepared), failure.message);
  else if (finished?.lastError) message = vscode.l10n.t('{0} failed: {1}', operationLabel(prepared), finished.lastError);
  else message = vscode.l10n.t('{0} failed (exit code {1}); see the task terminal.', operationLabel(prepared), String(code ?? '?'));
  if (!finished?.credentialsWanted) void vscode.window.showErrorMessage(message);
  return { status: 'failed', tag: image, engine, exitCode: code, message, line: failure?.line, credentialsWanted: finished?.credentialsWanted };
}

function operationLabel(prepared: PreparedTask): string {
  const image = prepared.definition.tag ?? '';
  switch (prepared.definition.command) {
    case 'build':
      return vscode.l10n.t('The build of {0}', image);
    case 'push':
      return vscode.l10n.t('The push of {0}', image);
    case 'tag':
      return vscode.l10n.t('Tagging {0}', image);
  }
}

/** `history` of the built image, matched to the plan's instructions (see layer-sizes.ts). */
export async function collectLayerSizes(engine: Engine, image: string, plan: BuildPlan, targetIndex: number): Promise<LayerSizes | undefined> {
  const args = historyArguments(engine, image);
  if (!args.ok) return undefined;
  const output = await new Promise<string | undefined>((resolve) => {
    execFile(engine.command, args.args, { env: { ...process.env, ...engineEnvironment(engine) }, maxBuffer: 32 * 1024 * 1024, timeout: 60_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
  if (output === undefined) return undefined;
  try {
    return layerSizes(plan, targetIndex, parseHistory(output));
  } catch {
    return undefined;
  }
}
