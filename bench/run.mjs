// The benchmark entry: `npm run bench` runs every section, `npm run bench -- parse`
// only the named ones. Each section is a module with `title` and `run(context)`;
// its results print to stdout and replace its own block of BENCHMARKS.md.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from '../scripts/ensure.mjs';
import { machineDescription, printSection, updateBenchmarksFile } from './lib/report.mjs';

// Later sections (lint engine vs peers, language server vs peer server) add a line here.
const SECTIONS = {
  parse: () => import('./parse.mjs'),
  shell: () => import('./shell.mjs'),
  lint: () => import('./lint.mjs'),
  server: () => import('./server.mjs'),
  pathological: () => import('./pathological.mjs'),
};

function selectedSections(args) {
  const names = args.length > 0 ? args : Object.keys(SECTIONS);
  const unknown = names.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    console.error(`unknown section: ${unknown.join(', ')} (sections: ${Object.keys(SECTIONS).join(', ')})`);
    process.exit(2);
  }
  return names;
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  process.chdir(root);
  ensureNodeModules();
  const args = process.argv.slice(2);
  const names = selectedSections(args);
  const cacheDir = join(root, '.cache', 'bench');
  mkdirSync(cacheDir, { recursive: true });

  const command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
  const machine = machineDescription();
  console.log(`${command}: ${new Date().toISOString()}, ${machine}`);
  if (!globalThis.gc) console.log('WARNING: node runs without --expose-gc: memory figures are skipped and timings get no gc between series');

  const results = [];
  for (const name of names) {
    const section = await SECTIONS[name]();
    const result = await section.run({ root, cacheDir });
    printSection(result);
    results.push([name, result]);
  }
  updateBenchmarksFile(join(root, 'BENCHMARKS.md'), results, { command, machine });
  console.log('\nwrote BENCHMARKS.md');
}

await main();
