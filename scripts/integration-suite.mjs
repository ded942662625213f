// Compiles the real-VS Code suite (test/integration/*.ts) for both runners, one file
// each into out/test/integration; `vscode` and `mocha` stay external (the extension
// host provides the first, the repo's node_modules the second).
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SUITE_DIR = join(repoRoot, 'out', 'test', 'integration');
export const SUITE_ENTRY = join(SUITE_DIR, 'index.js');
export const SUITE_WORKSPACE = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');

export async function buildIntegrationSuite() {
  const { build } = await import('esbuild'); // after ensureNodeModules(), on a fresh clone
  rmSync(SUITE_DIR, { recursive: true, force: true });
  const sources = join(repoRoot, 'test', 'integration');
  const entryPoints = readdirSync(sources)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(sources, name));
  await build({
    entryPoints,
    outdir: SUITE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_ENTRY;
}
