import * as vscode from 'vscode';

/**
 * The client's settings, typed, read in one place (as rust-analyzer's
 * `config.ts`). The manifest declares them; this module is the only reader.
 */

/** `auto`, `docker`, `podman`, `nerdctl` or a path to one of them. */
export type ContainerCommandSetting = string;

/** A setting the user may leave unset, in which case the build asks. */
export type Asked<T> = { set: true; value: T } | { set: false };

export interface BuildSettings {
  containerCommand: ContainerCommandSetting;
  /** The tag to build; unset or empty: ask, suggesting recent tags and `<folder>:latest`. */
  defaultTag: Asked<string>;
  /** The build context folder; unset or empty: ask. */
  context: Asked<string>;
  /** `--build-arg` values; unset: ask for the Dockerfile's ARGs. */
  args: Asked<Record<string, string>>;
  /** `--platform`; unset: ask; set to "": the engine's default. */
  platform: Asked<string>;
  showLayerSizes: boolean;
}

const SECTION = 'layerwise';

export function buildSettings(scope?: vscode.ConfigurationScope): BuildSettings {
  const configuration = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    containerCommand: containerCommand(configuration),
    defaultTag: nonEmpty(asked(configuration, 'build.defaultTag', isString)),
    context: nonEmpty(asked(configuration, 'build.context', isString)),
    args: asked(configuration, 'build.args', isStringRecord),
    platform: asked(configuration, 'build.platform', isString),
    showLayerSizes: configuration.get<boolean>('build.showLayerSizes', true) !== false,
  };
}

/**
 * In an untrusted workspace the workspace cannot choose which program runs:
 * only the user's own (global) value or the default counts.
 */
function containerCommand(configuration: vscode.WorkspaceConfiguration): string {
  const fallback = 'auto';
  if (vscode.workspace.isTrusted) {
    const value = configuration.get<unknown>('containerCommand', fallback);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
  }
  const inspected = configuration.inspect<unknown>('containerCommand');
  const value = inspected?.globalValue ?? inspected?.defaultValue;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/** A value counts as set when any scope (user, workspace, folder) sets it, whatever the value. */
function asked<T>(configuration: vscode.WorkspaceConfiguration, key: string, valid: (value: unknown) => value is T): Asked<T> {
  const inspected = configuration.inspect<unknown>(key);
  const explicit = [inspected?.workspaceFolderValue, inspected?.workspaceValue, inspected?.globalValue].some((value) => value !== undefined);
  if (!explicit) return { set: false };
  const value = configuration.get<unknown>(key);
  return valid(value) ? { set: true, value } : { set: false };
}

function nonEmpty(setting: Asked<string>): Asked<string> {
  return setting.set && setting.value.trim() !== '' ? { set: true, value: setting.value.trim() } : { set: false };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
}

export function affectsBuildSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.containerCommand`) || event.affectsConfiguration(`${SECTION}.build`);
}
