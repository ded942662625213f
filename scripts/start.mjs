// `npm start`: builds the extension and opens it on examples/ in a real VS Code.
//   npm start                     code-server on 127.0.0.1: prints the URL to open in a browser
//   npm start -- --port 8080      a chosen port (default: 8080 when free, else any free one)
//   npm start -- --desktop        the desktop `code` on PATH, with this folder as a development extension
// Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { ensureCodeServer, freePort, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureNodeModules } from './ensure.mjs';

const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const portArgument = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;
const examples = join(repoRoot, 'examples');

process.chdir(repoRoot);
ensureNodeModules();
console.log('$ node scripts/build.mjs');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (desktop) openDesktop();
else await serve();

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function openDesktop() {
  if (!onPath('code')) {
    console.error('npm start -- --desktop: there is no desktop VS Code here (no `code` on PATH).');
    console.error('Install VS Code and its `code` command, or run `npm start` for VS Code in the browser (code-server).');
    process.exit(1);
  }
  console.log(`Opening VS Code on examples/ with the extension from ${repoRoot}; close that window (or Ctrl-C) to stop.`);
  const code = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, examples], { stdio: 'inherit' });
  const stop = () => code.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  code.on('exit', (status) => process.exit(status ?? 0));
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function serve() {
  ensureCodeServer();
  const port = portArgument ?? ((await portIsFree(8080)) ? 8080 : await freePort());
  // Kept between runs, so that the workbench remembers layout and open files.
  const state = join(repoRoot, '.cache', 'start');
  const userDataDir = join(state, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'git.openRepositoryInParentFolders': 'never' }, null, 2));
  const log = createWriteStream(join(state, 'code-server.log'));

  let server;
  let stopping = false;
  const stop = async (code) => {
    stopping = true;
    await server?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => { console.log('\nStopping code-server.'); stop(0); });
  process.on('SIGTERM', () => stop(0));

  try {
    server = await startCodeServer({
      port,
      userDataDir,
      extensionsDir: join(state, 'extensions'),
      folder: examples,
      onOutput: (line) => log.write(`${line}\n`),
    });
  } catch (error) {
    console.error(`${error.message}; see .cache/start/code-server.log`);
    process.exit(1);
  }
  const url = workbenchUrl(server.url, examples, [['extensionDevelopmentPath', repoRoot]]);
  console.log(`
Layerwise is running in code-server (VS Code 1.100.3 in the browser) on examples/.
Open this URL in a browser:

  ${url}

From another machine, forward the port first: ssh -L ${port}:127.0.0.1:${port} <this host>
After changing the extension, run \`npm run build\` and reload the browser tab.
code-server's log: .cache/start/code-server.log. Ctrl-C stops everything.`);
  const { code, signal } = await server.exited;
  if (stopping) return;
  console.error(`code-server stopped (exit code ${code}${signal ? `, signal ${signal}` : ''}); see .cache/start/code-server.log`);
  await stop(1);
}
