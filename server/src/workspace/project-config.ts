import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFor, type FoundConfig } from '../config/index.js';
import { allRules } from '../rules/index.js';

/** What a Dockerfile's folder says about linting it: the .hadolint.yaml that applies and the .dockerignore beside it. */
export interface ProjectConfig {
  config: FoundConfig;
  dockerignore?: string;
}

const NONE: ProjectConfig = { config: { severities: {}, settings: {}, problems: [] } };

/**
 * Project configuration per folder, read once and kept until a watched file
 * (.hadolint.yaml, .dockerignore) changes. Untitled and non-file documents get none.
 */
export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig>();

  forDocument(uri: string): ProjectConfig {
    const path = filePath(uri);
    if (!path) return NONE;
    const folder = dirname(path);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = { config: loadConfigFor(path, { rules: allRules }), dockerignore: readDockerignore(path) };
      this.byFolder.set(folder, found);
    }
    return found;
  }

  /** Every configuration read so far, for reporting their problems. */
  loaded(): ProjectConfig[] {
    return [...this.byFolder.values()];
  }

  clear(): void {
    this.byFolder.clear();
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** BuildKit reads `<Dockerfile>.dockerignore` first, then the context's `.dockerignore`; the context is taken to be the Dockerfile's folder. */
function readDockerignore(dockerfile: string): string | undefined {
  for (const candidate of [`${dockerfile}.dockerignore`, join(dirname(dockerfile), '.dockerignore')]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // Not there: try the next.
    }
  }
  return undefined;
}
