// Builds the CLI and the server as scripts/build.mjs builds dist/ (same esbuild
// options, wasm files beside them), but into .cache/bench/: other work on the
// machine rebuilds dist/ (npm test, npm run package's production build), which
// must not swap the bundles in the middle of a measurement.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const WASM_FILES = ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'];

/**
 * `production: false` is what `node scripts/build.mjs` (and so `npm run bench`)
 * writes to dist/; `true` is `--production`, what `npm run package` ships.
 * Returns the folder, relative to the repository: `{ dir, cli, server }`.
 */
export async function buildProductBundles(root, { production = false } = {}) {
  const dir = join('.cache', 'bench', production ? 'dist-production' : 'dist');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  mkdirSync(join(root, dir), { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['server/src/server.ts'], outfile: join(dir, 'server.js') }),
    build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: join(dir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  ]);
  const require = createRequire(join(root, 'package.json'));
  for (const wasm of WASM_FILES) copyFileSync(require.resolve(wasm), join(root, dir, basename(wasm)));
  return { dir, cli: join(dir, 'cli.js'), server: join(dir, 'server.js') };
}
