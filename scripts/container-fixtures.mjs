// The real container parts the build/tag/push tests run against (shared/TEST-ENVIRONMENT.md):
// podman with its own storage in a temp folder (vfs, RUN steps with chroot isolation), a
// busybox base image built once per run (nothing can be pulled), podman's Docker-compatible
// API on a unix socket for the docker CLI, and two Debian docker-registry instances on free
// loopback ports, one open and one that wants htpasswd credentials. `stop()` ends every
// process this started, on every path; the caller registers it as a cleanup.
//
//   node scripts/container-fixtures.mjs   starts them, prints the environment, stops on Ctrl-C
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './code-server.mjs';
import { ensureDebianPackages } from './ensure.mjs';

export const BASE_IMAGE = 'localhost/layerwise-test-base:1';
export const CONTAINER_DEBIAN_PACKAGES = ['podman', 'buildah', 'docker-registry', 'busybox-static', 'apache2-utils'];
const AUTH_USER = 'layerwise';
const BUSYBOX_TOOLS = ['sh', 'ls', 'cat', 'echo', 'true', 'false', 'sleep', 'dd', 'mkdir', 'rm', 'env', 'id'];

function onPath(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' }).status === 0;
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A long-running process in its own group, with its output kept for when something fails. */
function background(label, command, args, env) {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk) => output.push(chunk));
  let exited = false;
  const done = new Promise((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  child.once('error', (error) => output.push(String(error)));
  return {
    label,
    pid: child.pid,
    output,
    get exited() { return exited; },
    async stop() {
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

async function waitFor(what, check, process, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process?.exited) throw new Error(`${what}: exited early:\n${process.output.join('')}`);
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s\n${process?.output.join('') ?? ''}`);
}

function registryConfig(root, port, htpasswd) {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(root, 'data')}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
    ...(htpasswd ? ['auth:', '  htpasswd:', '    realm: layerwise-test', `    path: ${htpasswd}`] : []),
    '',
  ].join('\n');
}

/**
 * Starts everything; resolves with `env` (for code-server, so that tasks and the
 * extension host see the same podman, registries and DOCKER_HOST) and `stop()`.
 */
export async function startContainerFixtures({ log = console.log } = {}) {
  const started = Date.now();
  ensureDebianPackages(CONTAINER_DEBIAN_PACKAGES);
  if (!onPath('docker')) ensureDebianPackages(['docker.io']);
  const root = mkdtempSync(join(tmpdir(), 'layerwise-containers-'));
  const processes = [];
  const stop = async () => {
    for (const child of processes.reverse()) await child.stop().catch(() => {});
    // vfs layers are plain folders; podman may have left some read-only.
    spawnSync('chmod', ['-R', 'u+w', root]);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [registryPort, authRegistryPort] = [await freePort(), await freePort()];
    const registry = `127.0.0.1:${registryPort}`;
    const authRegistry = `127.0.0.1:${authRegistryPort}`;
    writeFileSync(join(root, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${join(root, 'storage')}"\nrunroot = "${join(root, 'run')}"\n`);
    writeFileSync(join(root, 'containers.conf'), `[engine]\ntmp_dir = "${join(root, 'tmp')}"\nevents_logger = "none"\n`);
    // Plain HTTP to the loopback registries, for the podman CLI and for podman's API alike.
    writeFileSync(join(root, 'registries.conf'), [registry, authRegistry].map((location) => `[[registry]]\nlocation = "${location}"\ninsecure = true\n`).join('\n'));
    // podman's credentials for this run only; it refuses a REGISTRY_AUTH_FILE that does not exist.
    writeFileSync(join(root, 'auth.json'), '{"auths": {}}\n');
    const socket = join(root, 'podman.sock');
    const env = {
      CONTAINERS_STORAGE_CONF: join(root, 'storage.conf'),
      CONTAINERS_CONF: join(root, 'containers.conf'),
      CONTAINERS_REGISTRIES_CONF: join(root, 'registries.conf'),
      // RUN steps need chroot isolation here: the default OCI runtime fails on cgroups.
      BUILDAH_ISOLATION: 'chroot',
      DOCKER_HOST: `unix://${socket}`,
      // docker login/push keep their config here, not in ~/.docker.
      DOCKER_CONFIG: join(root, 'docker-config'),
      REGISTRY_AUTH_FILE: join(root, 'auth.json'),
      LAYERWISE_TEST_REGISTRY: registry,
      LAYERWISE_TEST_AUTH_REGISTRY: authRegistry,
      LAYERWISE_TEST_BASE_IMAGE: BASE_IMAGE,
    };
    const childEnv = { ...process.env, ...env };

    // The base image: busybox, FROM scratch.
    const base = join(root, 'base');
    mkdirSync(join(base, 'rootfs', 'bin'), { recursive: true });
    mkdirSync(join(base, 'rootfs', 'tmp'), { recursive: true });
    copyFileSync('/bin/busybox', join(base, 'rootfs', 'bin', 'busybox'));
    chmodSync(join(base, 'rootfs', 'bin', 'busybox'), 0o755);
    for (const tool of BUSYBOX_TOOLS) if (!existsSync(join(base, 'rootfs', 'bin', tool))) symlinkSync('busybox', join(base, 'rootfs', 'bin', tool));
    writeFileSync(join(base, 'Dockerfile'), 'FROM scratch\nCOPY rootfs/ /\nCMD ["sh"]\n');
    run('podman', ['build', '--quiet', '--tag', BASE_IMAGE, base], childEnv);

    const service = background('podman system service', 'podman', ['system', 'service', '--time=0', `unix://${socket}`], childEnv);
    processes.push(service);
    await waitFor('podman API', () => spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { env: childEnv }).status === 0, service);

    // distribution reads REGISTRY_* variables as configuration: podman's REGISTRY_AUTH_FILE must not reach it.
    const registryEnv = { ...childEnv };
    for (const key of Object.keys(registryEnv)) if (key.startsWith('REGISTRY_')) delete registryEnv[key];
    mkdirSync(join(root, 'registry'), { recursive: true });
    writeFileSync(join(root, 'registry', 'config.yml'), registryConfig(join(root, 'registry'), registryPort));
    const open = background('docker-registry (open)', 'docker-registry', ['serve', join(root, 'registry', 'config.yml')], registryEnv);
    processes.push(open);
    mkdirSync(join(root, 'auth-registry'), { recursive: true });
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    writeFileSync(join(root, 'auth-registry', 'htpasswd'), run('htpasswd', ['-Bbn', AUTH_USER, password], childEnv));
    writeFileSync(join(root, 'auth-registry', 'config.yml'), registryConfig(join(root, 'auth-registry'), authRegistryPort, join(root, 'auth-registry', 'htpasswd')));
    const withAuth = background('docker-registry (htpasswd)', 'docker-registry', ['serve', join(root, 'auth-registry', 'config.yml')], registryEnv);
    processes.push(withAuth);
    await waitFor('registry', async () => (await fetch(`http://${registry}/v2/`)).status === 200, open);
    await waitFor('registry with credentials', async () => (await fetch(`http://${authRegistry}/v2/`)).status === 401, withAuth);

    log(`  containers: podman storage in ${root}, ${BASE_IMAGE} built, API on ${socket}, registries ${registry} (open) and ${authRegistry} (htpasswd), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { env, root, registry, authRegistry, credentials: { user: AUTH_USER, password }, stop, processes };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fixtures = await startContainerFixtures();
  for (const [key, value] of Object.entries(fixtures.env)) console.log(`export ${key}=${value}`);
  console.log('Ctrl-C stops them.');
  const quit = async () => { await fixtures.stop(); process.exit(0); };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
