import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Dockerfile, Dockerfile.*, *.dockerfile, Containerfile, Containerfile.* */
export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Expands folder arguments into the Dockerfiles inside them, recursively and in a stable order. */
export function findDockerfiles(paths: string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    if (path === '-' || !statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      found.push(path);
      continue;
    }
    walk(path, found);
  }
  return found;
}

function walk(folder: string, found: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && isDockerfileName(basename(path))) {
      found.push(path);
    }
  }
}
