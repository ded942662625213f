// `npm run package`: the production bundle, then the .vsix with @vscode/vsce. What goes
// in is .vscodeignore's allow-list; this script checks the size budget and lists the files.
// `--out FILE` writes the .vsix elsewhere (the real-VS Code tests package into a temp dir).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { ensureNodeModules } from './ensure.mjs';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The .vsix without the shell parser's WebAssembly, which is budgeted on its own. */
export const SIZE_BUDGET_BYTES = 1024 * 1024;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit code ${result.status})`);
}

/** Builds and packages; returns the .vsix path, its size, and its entries. */
export function packageExtension({ outFile } = {}) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = resolve(repoRoot, outFile ?? `${manifest.name}-${manifest.version}.vsix`);
  run(process.execPath, ['scripts/build.mjs', '--production']);
  // The production build writes no source maps; drop the development ones so they don't ship.
  for (const file of listFiles(join(repoRoot, 'dist'))) if (file.endsWith('.map')) rmSync(file);
  // The bundle holds every run-time dependency, so vsce must not add node_modules.
  run(process.execPath, [
    'node_modules/@vscode/vsce/vsce', 'package',
    '--no-dependencies', '--allow-missing-repository', '--skip-license',
    '--out', vsix,
  ]);
  const entries = readZipEntries(vsix);
  // A development build (source maps, unminified) that lands in dist/ during packaging must not ship.
  const bundle = readZipEntry(vsix, 'extension/dist/extension.js').toString('utf8');
  if (bundle.includes('sourceMappingURL=')) throw new Error('dist/ changed to a development build while packaging (did another build run?): package again');
  const size = statSync(vsix).size;
  const wasm = entries.filter((entry) => entry.name.endsWith('.wasm')).reduce((sum, entry) => sum + entry.compressedSize, 0);
  return { vsix, size, wasm, entries };
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** The entries of a zip file, from its central directory. */
export function readZipEntries(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const method = zip.readUInt16LE(offset + 10);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size, compressedSize, method, localHeader });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's contents (stored or deflated), e.g. to read the packaged package.json. */
export function readZipEntry(file, name) {
  const zip = readFileSync(file);
  const entry = readZipEntries(file).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in ${file}`);
  const start = entry.localHeader + 30 + zip.readUInt16LE(entry.localHeader + 26) + zip.readUInt16LE(entry.localHeader + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? inflateRawSync(data) : Buffer.from(data);
}

export function formatSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Prints the package's files and sizes; returns an error message when the budget is exceeded. */
export function reportPackage({ vsix, size, wasm, entries }) {
  console.log(`${relative(process.cwd(), vsix) || vsix}: ${formatSize(size)} (${entries.length} entries)`);
  for (const entry of entries) console.log(`  ${entry.name.padEnd(40)} ${formatSize(entry.size).padStart(10)}`);
  const budgeted = size - wasm;
  console.log(`size budget: ${formatSize(budgeted)} of ${formatSize(SIZE_BUDGET_BYTES)}` + (wasm ? ` (WebAssembly, apart: ${formatSize(wasm)})` : ''));
  return budgeted > SIZE_BUDGET_BYTES ? `the .vsix is ${formatSize(budgeted)} without WebAssembly, over the ${formatSize(SIZE_BUDGET_BYTES)} budget` : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.chdir(repoRoot);
  ensureNodeModules();
  const outIndex = process.argv.indexOf('--out');
  const result = packageExtension({ outFile: outIndex > 0 ? process.argv[outIndex + 1] : undefined });
  const overBudget = reportPackage(result);
  if (overBudget) {
    console.error(overBudget);
    process.exit(1);
  }
}
