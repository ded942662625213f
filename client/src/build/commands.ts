import * as vscode from 'vscode';
import { build, buildAndPush, push, tag, type BuildServices, type Outcome } from './operations.js';

/**
 * The build command family as a table from command id to a small function
 * (as rust-analyzer's client does); package.json contributes the same ids.
 */
export const BUILD_COMMANDS: Record<string, (services: BuildServices, ...args: unknown[]) => Promise<Outcome>> = {
  /** (uri?): from the explorer's context menu, the editor title, or the palette on the active Dockerfile. */
  'layerwise.buildImage': (services, uri) => build(services, uri),
  /** (documentUri, stageName, stageIndex): the code lens above each FROM; from the palette, a stage is picked. */
  'layerwise.buildStage': async (services, documentUri, stageName, stageIndex) => {
    if (typeof stageIndex === 'number') return build(services, documentUri, { name: typeof stageName === 'string' ? stageName : undefined, index: stageIndex });
    const picked = await pickStage(services, documentUri);
    return picked ? build(services, picked.uri, picked.stage) : { status: 'cancelled' };
  },
  /** (source?, target?) */
  'layerwise.tagImage': (services, source, target) => tag(services, source, target),
  /** (image?) */
  'layerwise.pushImage': (services, image) => push(services, image),
  /** (uri?) */
  'layerwise.buildAndPush': (services, uri) => buildAndPush(services, uri),
};

async function pickStage(services: BuildServices, target: unknown): Promise<{ uri: vscode.Uri; stage: { name?: string; index: number } } | undefined> {
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const plan = await services.plans.planFor(uri);
  if (!plan) return undefined;
  const chosen = await vscode.window.showQuickPick(
    plan.stages.map((stage) => ({
      label: stage.name ?? vscode.l10n.t('stage {0}', stage.index + 1),
      description: vscode.l10n.t('line {0}', stage.instructions[0].line + 1),
      stage: { name: stage.name, index: stage.index },
    })),
    { title: vscode.l10n.t('Build stage'), placeHolder: vscode.l10n.t('The stage to build (--target)') },
  );
  return chosen ? { uri, stage: chosen.stage } : undefined;
}

export function registerBuildCommands(services: BuildServices): vscode.Disposable[] {
  return Object.entries(BUILD_COMMANDS).map(([id, run]) => vscode.commands.registerCommand(id, (...args: unknown[]) => run(services, ...args)));
}
