// code-server (VS Code's workbench and extension host, served to a browser) for the
// real-VS Code tests and `npm start`: installed once into .cache/ without reaching
// anything but npm and Debian (the recipe in shared/TEST-ENVIRONMENT.md), and started
// on a free loopback port as a process group that its caller can always stop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './ensure.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(repoRoot, '.cache', 'code-server');
const packageDir = join(cacheDir, 'node_modules', 'code-server');
const vscodeDir = join(packageDir, 'lib', 'vscode');
const entry = join(packageDir, 'out', 'node', 'entry.js');
const marker = join(cacheDir, 'installed.json');

/** Debian packages that the install needs (native modules, ripgrep); Chromium is the tests' own. */
export const CODE_SERVER_DEBIAN_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'g++', 'make', 'python3'];

function run(command, args, cwd, extraEnv = {}) {
  console.log(`[code-server install] ${cwd.slice(repoRoot.length + 1) || '.'}$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extraEnv },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit code ${result.status})`);
}

function installedVersion() {
  if (!existsSync(marker) || !existsSync(entry)) return undefined;
  try {
    return JSON.parse(readFileSync(marker, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs code-server into .cache/code-server unless that exact version is already there; returns entry.js. */
export function ensureCodeServer() {
  ensureDebianPackages(CODE_SERVER_DEBIAN_PACKAGES);
  if (installedVersion() === CODE_SERVER_VERSION) return entry;

  const started = Date.now();
  console.log(`[code-server install] installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (once)`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'layerwise-code-server-cache', private: true }, null, 2));
  // Every install script that would download (ripgrep, VS Code's own binaries) stays off; native modules are rebuilt below.
  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], cacheDir);
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  rmSync(join(ripgrepBin, 'rg'), { force: true });
  symlinkSync('/usr/bin/rg', join(ripgrepBin, 'rg'));
  run('npm', ['rebuild'], vscodeDir, { npm_config_yes: 'true' });
  rmSync(join(vscodeDir, 'node_modules.asar'), { recursive: true, force: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  run('npm', ['install', '--omit=dev'], join(vscodeDir, 'extensions'));
  run('npm', ['rebuild', 'argon2', '--build-from-source'], cacheDir);
  writeFileSync(marker, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n');
  console.log(`[code-server install] done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return entry;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group and resolves once it
 * answers HTTP. `onOutput` receives each line it prints. The result's `stop()` ends the
 * whole group (server, extension hosts, language servers) and is safe to call twice.
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, folder, onOutput = () => {}, env = {}, extraArgs = [], workspaceTrust = false }) {
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Trust off unless a test asks for it (the untrusted-workspace check).
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    // Its own config file, so that nothing is written to ~/.config/code-server.
    '--config', join(userDataDir, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
    folder,
  ];
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let exited = false;
  const exitedPromise = new Promise((resolveExit) => child.once('exit', (code, signal) => { exited = true; resolveExit({ code, signal }); }));
  forwardLines(child.stdout, onOutput);
  forwardLines(child.stderr, onOutput);

  const stop = async () => {
    if (exited) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 3000);
    await exitedPromise;
    clearTimeout(timer);
    // The extension host and language servers may outlive the server for a moment.
    killGroup(child.pid, 'SIGKILL');
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited before it answered on port ${port}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop, exited: exitedPromise };
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 250));
  }
  await stop();
  throw new Error(`code-server did not answer on port ${port} within 60 s`);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function forwardLines(stream, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => { if (pending) onLine(pending); });
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installExtension(vsixPath, { userDataDir, extensionsDir }) {
  const result = spawnSync(process.execPath, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsixPath], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`code-server --install-extension failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

/**
 * The workbench URL for a folder; `payload` pairs (extensionDevelopmentPath,
 * extensionTestsPath) name paths on the server, which the workbench reaches as
 * vscode-remote:// URIs.
 */
export function workbenchUrl(baseUrl, folder, payload = []) {
  const authority = new URL(baseUrl).host;
  const pairs = payload.map(([key, path]) => [key, `vscode-remote://${authority}${path}`]);
  const query = `folder=${encodeURIComponent(folder)}` + (pairs.length ? `&payload=${encodeURIComponent(JSON.stringify(pairs))}` : '');
  return `${baseUrl}/?${query}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  console.log(ensureCodeServer());
  console.log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
