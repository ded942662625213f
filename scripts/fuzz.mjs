// `npm run fuzz -- --runs N [--seed S] [--server-runs M] [--only in-process|server] [--path P]`:
// builds dist/ (the server properties drive dist/server.js), bundles test/fuzz/main.ts
// with esbuild and runs the bundle: under tsx every import is a getter, ~7 % of a run.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const only = args[args.indexOf('--only') + 1];
if (!(args.includes('--only') && only === 'in-process')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// Same depth as test/fuzz/, so the corpus path (test/support/corpus.ts) still resolves from __dirname.
const bundle = '.cache/fuzz/main.cjs';
await build({ entryPoints: ['test/fuzz/main.ts'], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', external: ['vscode'] });
// A larger young generation: the runs allocate many short-lived trees, and scavenges were ~8 % of the time.
const result = spawnSync(process.execPath, ['--enable-source-maps', '--max-semi-space-size=32', bundle, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
