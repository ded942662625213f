// Profiles a node process (`--cpu-prof`) and sums self time per function and
// per source module. In an esbuild bundle each module starts with a comment
// naming its source file (`// server/src/rules/x/index.ts`): a function's
// module is the last such comment above its line.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The source file of each line of a bundle: [[firstLine, path], ...] in order. */
function bundleModules(bundlePath) {
  const modules = [];
  readFileSync(bundlePath, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = /^\/\/ ((?:server|client|node_modules)\/\S+)$/.exec(line);
      if (match) modules.push([index, match[1]]);
    });
  return modules;
}

/** A bundle's bytes per package or folder of server/src/: what loading it has to compile. Returns `{ totalBytes, areas }`. */
export function bundleAreas(bundlePath, limit) {
  const text = readFileSync(bundlePath, 'utf8');
  const lines = text.split('\n');
  const modules = bundleModules(bundlePath);
  const bytes = new Map();
  lines.forEach((line, index) => {
    const where = area(moduleAt(modules, index)).replace(/^(server\/src\/[^/]+)\/.+/, '$1/');
    bytes.set(where, (bytes.get(where) ?? 0) + Buffer.byteLength(line) + 1);
  });
  const totalBytes = Buffer.byteLength(text);
  const areas = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, size]) => ({ name, bytes: size, share: size / totalBytes }));
  return { totalBytes, areas };
}

function moduleAt(modules, line) {
  let found = '(esbuild runtime)';
  for (const [first, path] of modules) {
    if (first > line) break;
    found = path;
  }
  return found;
}

/** A short name for where the time went: a rule folder, a source file, a package, or node itself. */
function area(module) {
  return module
    .replace(/^(server\/src\/rules\/[^/]+)\/.*/, '$1')
    .replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, 'node_modules/$1');
}

function sortedShares(map, total, limit) {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, micros]) => ({ name, ms: micros / 1e3, share: micros / total }));
}

/** Sums a profile's self time per function and per area; see `cpuProfile`. */
function summarize(profile, bundle, limit) {
  const modules = bundleModules(bundle);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  const byArea = new Map();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index];
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      return;
    }
    const inBundle = url.endsWith(`/${basename(bundle)}`);
    const module = inBundle ? moduleAt(modules, lineNumber) : url;
    const name = `${functionName || '(anonymous)'} — ${inBundle ? module : url || 'native'}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const where = inBundle ? area(module) : url.startsWith('node:') ? 'node built-in modules (JS)' : url.startsWith('wasm:') ? 'WebAssembly (tree-sitter)' : url || (functionName.startsWith('(') ? functionName : 'node native code');
    byArea.set(where, (byArea.get(where) ?? 0) + micros);
    total += micros;
  });
  return { busyMs: total / 1e3, idleMs: idle / 1e3, functions: sortedShares(byFunction, total, limit), areas: sortedShares(byArea, total, limit) };
}

/**
 * Profiles one node process: `run(flags)` starts it with the node `flags`
 * given (`--cpu-prof ...`) and resolves when it has exited. `bundle` is the
 * bundle its functions live in. Returns `{ busyMs, idleMs, functions, areas }`,
 * the top `limit` of each by self time, `share` a fraction of the busy (not idle) samples.
 */
export async function cpuProfile(cwd, bundle, run, limit = 12) {
  const dir = mkdtempSync(join(cwd, '.cache', 'bench', 'cpu-prof-'));
  try {
    await run(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    return summarize(JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8')), bundle, limit);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
