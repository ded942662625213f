// Bundles the extension, the language server and the CLI into dist/ with esbuild; tsc only checks types.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The language client library, loaded after activation (client/src/extension.ts).
  build({ ...common, entryPoints: ['client/src/language-client.ts'], outfile: 'dist/language-client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // What a `layerwise` task's ProcessExecution runs: the container CLI, its progress and failures (client/src/build/runner.ts).
  build({ ...common, entryPoints: ['client/src/build/runner.ts'], outfile: 'dist/task-runner.js' }),
]);

// The shell parser loads these at run time from beside the bundles (server/src/analysis/shell/runtime.ts).
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  copyFileSync(require.resolve(wasm), `dist/${basename(wasm)}`);
}
