import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildPlan } from '../../../server/src/features/build-plan-protocol.js';
import { parseTargetReference } from './target-reference.js';
import { referenceProblemMessage } from './messages.js';

/**
 * The questions a build asks when settings leave them open: tag (recent ones
 * remembered), context folder, build arguments, platform. Each resolves to
 * undefined when the person cancels it, which cancels the build.
 */

const RECENT_TAGS_KEY = 'layerwise.recentTags';
const RECENT_LIMIT = 10;

export class RecentTags {
  constructor(private readonly state: vscode.Memento) {}

  list(): string[] {
    const stored = this.state.get<unknown>(RECENT_TAGS_KEY);
    return Array.isArray(stored) ? stored.filter((tag): tag is string => typeof tag === 'string') : [];
  }

  async remember(tag: string): Promise<void> {
    await this.state.update(RECENT_TAGS_KEY, [tag, ...this.list().filter((known) => known !== tag)].slice(0, RECENT_LIMIT));
  }
}

/** A tag, picked from the suggestions or typed; a typed one must be a valid reference before it can be accepted. */
export function askTag(title: string, suggestions: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { tag?: string }>();
    const unique = [...new Set(suggestions)];
    const suggested = unique.map((tag, index) => ({ label: tag, tag, description: index === 0 ? vscode.l10n.t('suggested') : vscode.l10n.t('recent') }));
    pick.title = title;
    pick.placeholder = vscode.l10n.t('Image tag, e.g. {0}', unique[0] ?? 'app:latest');
    pick.items = suggested;
    pick.matchOnDescription = false;
    /** The typed tag the list shows first; undefined while it shows the suggestions. */
    let showing: string | undefined;
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      if (typed === '' || unique.includes(typed)) {
        // Replacing the items resets the active one: only when they change.
        if (showing !== undefined) pick.items = suggested;
        showing = undefined;
        return;
      }
      if (showing === typed) return;
      showing = typed;
      const result = parseTargetReference(typed);
      const item = result.ok
        ? { label: typed, tag: typed, description: vscode.l10n.t('new tag') }
        : { label: typed, description: vscode.l10n.t('not a valid tag'), detail: referenceProblemMessage(typed, result.problem) };
      pick.items = [item, ...suggested];
    });
    let settled = false;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      // Enter on a valid typed tag takes it even while the list is still catching up with the typing.
      const typed = pick.value.trim();
      const tag = chosen?.tag ?? (typed !== '' && parseTargetReference(typed).ok ? typed : undefined);
      if (!tag) return; // an invalid typed tag: stay open, its problem is shown under it
      settled = true;
      resolve(tag);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!settled) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** The context folder: the Dockerfile's folder, the workspace folder, or one chosen in a dialog. */
export async function askContext(dockerfile: vscode.Uri): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  const dockerfileFolder = path.dirname(dockerfile.fsPath);
  const items: Array<vscode.QuickPickItem & { folder?: string }> = [{ label: vscode.l10n.t("The Dockerfile's folder"), description: dockerfileFolder, folder: dockerfileFolder }];
  if (folder && folder.uri.fsPath !== dockerfileFolder) items.push({ label: vscode.l10n.t('The workspace folder'), description: folder.uri.fsPath, folder: folder.uri.fsPath });
  items.push({ label: vscode.l10n.t('Choose a folder…') });
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Build context'), placeHolder: vscode.l10n.t('The folder the build can read (set layerwise.build.context to stop asking)') });
  if (!chosen) return undefined;
  if (chosen.folder) return chosen.folder;
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: vscode.Uri.file(dockerfileFolder), openLabel: vscode.l10n.t('Use as build context') });
  return picked?.[0]?.fsPath;
}

/** Values for the Dockerfile's ARGs that the person picks; none when it declares none. */
export async function askBuildArgs(plan: BuildPlan): Promise<Record<string, string> | undefined> {
  const declared = new Map<string, string | undefined>();
  for (const arg of plan.args) if (!declared.has(arg.name)) declared.set(arg.name, arg.defaultValue);
  if (declared.size === 0) return {};
  const chosen = await vscode.window.showQuickPick(
    [...declared].map(([name, defaultValue]) => ({ label: name, description: defaultValue !== undefined ? vscode.l10n.t('default: {0}', defaultValue) : vscode.l10n.t('no default') })),
    { title: vscode.l10n.t('Build arguments'), placeHolder: vscode.l10n.t('Pick the ARGs to set for this build, or none (set layerwise.build.args to stop asking)'), canPickMany: true },
  );
  if (!chosen) return undefined;
  const values: Record<string, string> = {};
  for (const item of chosen) {
    const value = await vscode.window.showInputBox({ title: vscode.l10n.t('Build argument {0}', item.label), prompt: vscode.l10n.t('Value of {0}', item.label), value: declared.get(item.label) ?? '' });
    if (value === undefined) return undefined;
    values[item.label] = value;
  }
  return values;
}

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'windows/amd64'];

/** A platform, or "" for the engine's default. */
export async function askPlatform(): Promise<string | undefined> {
  const items: Array<vscode.QuickPickItem & { platform: string }> = [
    { label: vscode.l10n.t("The engine's default"), platform: '' },
    ...PLATFORMS.map((platform) => ({ label: platform, platform })),
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Platform'), placeHolder: vscode.l10n.t('The platform to build for (set layerwise.build.platform to stop asking)') });
  return chosen?.platform;
}
