// Runs every test: types, the bundle, unit and protocol tests (node's test runner).
// `--unit` stops after the node tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages, ensureNodeModules } from './ensure.mjs';

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

ensureNodeModules();
// ShellCheck is optional for users (the shellcheck rule needs it); the tests need it.
ensureDebianPackages(['shellcheck']);
run('npx', ['tsc', '-p', 'tsconfig.json']);
run('node', ['scripts/build.mjs']);
// One process for all unit and protocol test files (test/support/run-all.mjs): a process per file
// would load TypeScript and the shell parser ~100 times over.
const testFiles = ['test/unit', 'server/src'].flatMap(findTests).sort();
run('node', ['--import', 'tsx', '--import', './test/support/setup.mjs', '--test-reporter=spec', 'test/support/run-all.mjs', ...testFiles]);
if (!process.argv.includes('--unit')) run('node', ['scripts/test-vscode.mjs']);
