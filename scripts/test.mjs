// Runs every test: types, the bundle, unit and protocol tests (node's test runner).
// `--unit` stops after the node tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages, ensureNodeModules } from './ensure.mjs';

/** The test runner waits for every open handle: a generous bound turns a hang into a failure. */
const RUN_TIMEOUT_MS = 30 * 60_000;

function run(command, args, env = {}) {
  const shown = Object.entries(env).map(([name, value]) => `${name}=${value} `).join('');
  console.log(`\n$ ${shown}${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, timeout: RUN_TIMEOUT_MS });
  if (result.error?.code === 'ETIMEDOUT') {
    console.error(`\n${command} did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes. A protocol test that fails before closing its client leaves a server running, which keeps the test process waiting; the failures are listed above.`);
    process.exit(1);
  }
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
const nodeTests = ['--import', 'tsx', '--import', './test/support/setup.mjs', '--test-reporter=spec', 'test/support/run-all.mjs'];
run('node', [...nodeTests, ...testFiles]);
// The protocol tests again with every document in the document worker, where large ones live: both hosts must answer alike.
const protocolTests = testFiles.filter((file) => readFileSync(file, 'utf8').includes('support/lsp-client') && !file.endsWith('large-documents.test.ts'));
run('node', [...nodeTests, ...protocolTests], { LAYERWISE_LARGE_DOCUMENT_CHARS: '0' });
if (!process.argv.includes('--unit')) run('node', ['scripts/test-vscode.mjs']);
