import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerBuildCommands } from './commands.js';
import { buildSettings } from './config.js';
import { chooseEngine } from './engine.js';
import { LayerHints } from './layer-hints.js';
import { collectLayerSizes, type BuildServices } from './operations.js';
import { ServerPlans } from './plan.js';
import { RecentTags } from './prompts.js';
import { LayerwiseTaskProvider, TASK_TYPE, type LayerwiseTaskDefinition } from './tasks.js';

/** Registers the build, tag and push commands, the `layerwise` task type and the layer-size hints. */
export function registerBuild(context: vscode.ExtensionContext, client: () => Promise<BaseLanguageClient>): BuildServices {
  const hints = new LayerHints();
  const services: BuildServices = {
    plans: new ServerPlans(client),
    hints,
    recent: new RecentTags(context.workspaceState),
    runnerScript: context.asAbsolutePath(path.join('dist', 'task-runner.js')),
    ownExecutions: new WeakSet(),
  };
  context.subscriptions.push(
    hints,
    ...registerBuildCommands(services),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new LayerwiseTaskProvider({ runnerScript: services.runnerScript, plans: services.plans })),
    vscode.languages.registerInlayHintsProvider({ language: 'dockerfile' }, hints),
    vscode.tasks.onDidEndTaskProcess((event) => void followTasksJsonBuild(services, event)),
  );
  return services;
}

/** A build from tasks.json gets its layer sizes too; the commands' own builds do that themselves. */
async function followTasksJsonBuild(services: BuildServices, event: vscode.TaskProcessEndEvent): Promise<void> {
  const definition = event.execution.task.definition as LayerwiseTaskDefinition;
  if (definition.type !== TASK_TYPE || definition.command !== 'build' || event.exitCode !== 0) return;
  if (services.ownExecutions.has(event.execution.task) || !definition.dockerfile || !definition.tag) return;
  const scope = event.execution.task.scope;
  const base = typeof scope === 'object' ? scope.uri.fsPath : undefined;
  const uri = vscode.Uri.file(path.isAbsolute(definition.dockerfile) ? definition.dockerfile : path.resolve(base ?? '', definition.dockerfile));
  const settings = buildSettings(uri);
  if (!settings.showLayerSizes) return;
  const plan = await services.plans.planFor(uri);
  const choice = await chooseEngine(settings.containerCommand);
  if (!plan || !choice.ok) return;
  const wanted = definition.target?.toLowerCase();
  const named = wanted === undefined ? -1 : plan.stages.findIndex((stage) => stage.name === wanted);
  const target = wanted === undefined ? plan.stages.length - 1 : named >= 0 ? named : Number(wanted);
  if (!Number.isInteger(target) || !plan.stages[target]) return;
  const sizes = await collectLayerSizes(choice.engine, definition.tag, plan, target);
  if (sizes) services.hints.show(uri, definition.tag, plan, sizes);
}
