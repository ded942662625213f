import { execFile } from 'node:child_process';

/**
 * Which container CLI runs: `layerwise.containerCommand` names one (`docker`,
 * `podman`, `nerdctl` or a path to one), or `auto` picks docker when its
 * daemon answers and podman otherwise. No vscode import: unit-tested.
 */

export type EngineKind = 'docker' | 'podman' | 'nerdctl';

export interface Engine {
  /** What to execute: a name on PATH or a path. */
  command: string;
  /** The CLI's dialect, from the command's file name; a path with another name is read as docker's. */
  kind: EngineKind;
}

export type EngineChoice = { ok: true; engine: Engine; reason: string } | { ok: false; problem: 'none-found' | 'not-found'; command: string };

/** Runs a program with arguments (never a shell) and says whether it exited 0 in time. */
export type Probe = (command: string, args: readonly string[]) => Promise<boolean>;

const PROBE_TIMEOUT_MS = 5_000;

export function kindOf(command: string): EngineKind {
  // Either separator: a Windows path set in settings synced from another machine still names its CLI.
  const name = (command.split(/[\\/]/).pop() ?? command).toLowerCase().replace(/\.exe$/, '');
  if (name.startsWith('podman')) return 'podman';
  if (name.startsWith('nerdctl')) return 'nerdctl';
  return 'docker';
}

/** `docker version --format {{.Server.Version}}` fails fast when no daemon answers (DOCKER_HOST included). */
export const DAEMON_PROBE = ['version', '--format', '{{.Server.Version}}'] as const;
const PRESENCE_PROBE = ['--version'] as const;

export async function chooseEngine(setting: string, probe: Probe = runProbe): Promise<EngineChoice> {
  const wanted = setting.trim() === '' ? 'auto' : setting.trim();
  if (wanted !== 'auto') {
    if (!(await probe(wanted, PRESENCE_PROBE))) return { ok: false, problem: 'not-found', command: wanted };
    return { ok: true, engine: { command: wanted, kind: kindOf(wanted) }, reason: 'setting' };
  }
  if (await probe('docker', DAEMON_PROBE)) return { ok: true, engine: { command: 'docker', kind: 'docker' }, reason: 'docker-daemon-answers' };
  if (await probe('podman', PRESENCE_PROBE)) return { ok: true, engine: { command: 'podman', kind: 'podman' }, reason: 'podman-installed' };
  return { ok: false, problem: 'none-found', command: 'auto' };
}

export function runProbe(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      execFile(command, [...args], { timeout: PROBE_TIMEOUT_MS, env, windowsHide: true }, (error) => resolve(!error));
    } catch {
      resolve(false);
    }
  });
}

/** Environment the engine runs with: BuildKit prints plain step lines (`#5 [2/4] RUN ...`) that the progress parser reads. */
export function engineEnvironment(engine: Engine): Record<string, string> {
  return engine.kind === 'podman' ? {} : { BUILDKIT_PROGRESS: 'plain' };
}
