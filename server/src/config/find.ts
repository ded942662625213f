/** Finds and reads the configuration that applies to a Dockerfile: the only part of config/ that touches the file system. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Rule } from '../lint/types.js';
import { parseConfig, type LayerwiseConfig } from './load.js';

/** The names hadolint looks for in a folder, in its order. */
export const CONFIG_FILE_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/**
 * The configuration file for a Dockerfile: in its folder or the nearest folder
 * above it that has one, not above `stopAt` (e.g. the workspace root) when given.
 */
export function findConfigFile(dockerfile: string, stopAt?: string): string | undefined {
  const boundary = stopAt === undefined ? undefined : resolve(stopAt);
  let folder = dirname(resolve(dockerfile));
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder || folder === boundary) return undefined;
    folder = parent;
  }
}

export interface FoundConfig extends LayerwiseConfig {
  /** The file read; undefined when none applies (then everything is the default). */
  file?: string;
}

/** The configuration for a Dockerfile; a file that cannot be read is a problem, not an exception. */
export function loadConfigFor(dockerfile: string, options: { rules?: readonly Rule[]; stopAt?: string } = {}): FoundConfig {
  const file = findConfigFile(dockerfile, options.stopAt);
  if (!file) return { severities: {}, settings: {}, problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    return { file, severities: {}, settings: {}, problems: [{ file, line: 1, column: 1, message: `cannot read the configuration: ${reason}` }] };
  }
  return { file, ...parseConfig(text, { file, rules: options.rules }) };
}
