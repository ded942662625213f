// The same suite under @vscode/test-electron, wherever VS Code can be downloaded (it
// fetches VS Code 1.100.3 into .vscode-test/ once). Our build machines cannot reach
// VS Code's downloads: there `npm run test:vscode` runs the suite in code-server instead.
// On Linux without a display: `xvfb-run -a npm run test:electron`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './ensure.mjs';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
process.chdir(repoRoot);
ensureNodeModules();
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { buildIntegrationSuite, SUITE_WORKSPACE } = await import('./integration-suite.mjs');
const { runTests } = await import('@vscode/test-electron');
const extensionTestsPath = await buildIntegrationSuite();
const temp = mkdtempSync(join(tmpdir(), 'layerwise-electron-'));
const workspace = join(temp, 'workspace');
cpSync(SUITE_WORKSPACE, workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(temp, 'user-data')],
  });
} catch (error) {
  console.error(`@vscode/test-electron: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
