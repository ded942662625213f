// Shell section: what the shell layer (web-tree-sitter + tree-sitter-bash,
// server/src/analysis/shell) costs. Cold figures come from fresh node
// processes (load, init, first parses before V8 has tiered the WebAssembly
// up); warm figures are in process, over every RUN script of corpus/real/.
// Runs as a section of `npm run bench -- shell`, or alone: `node --expose-gc bench/shell.mjs`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { loadRealCorpus } from './lib/inputs.mjs';
import { measure, retainedHeap } from './lib/measure.mjs';
import { loadOurParser } from './lib/our-parser.mjs';
import { formatBytes, formatMs } from './lib/report.mjs';

export const title = 'Shell parser';

const WASM_FILES = ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'];
const COLD_PROCESSES = 7;

/** Bundles the shell layer as scripts/build.mjs bundles the server, with the wasm files beside it, as in dist/. */
async function loadShellBundle(root, cacheDir) {
  const outfile = join(cacheDir, 'shell.js');
  await build({
    entryPoints: [join(root, 'server/src/analysis/shell/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const require = createRequire(join(root, 'package.json'));
  for (const wasm of WASM_FILES) copyFileSync(require.resolve(wasm), join(cacheDir, basename(wasm)));
  return { outfile, shell: createRequire(import.meta.url)(outfile) };
}

/** Every RUN of the corpus (ONBUILD RUN too) whose script is shell, with the SHELL in effect. */
function runScripts(parser, shell, corpus) {
  const sources = [];
  for (const file of corpus) {
    const tree = parser.parse(file.text);
    for (const instruction of tree.instructions) {
      if ((instruction.trigger ?? instruction).keyword !== 'RUN') continue;
      const source = shell.shellScriptOf(instruction, { shell: shell.shellInEffect(tree, instruction), document: file.text });
      if (source) sources.push(source);
    }
  }
  return sources;
}

// ---- cold: fresh processes ----

/** Runs in a fresh node: load the bundle, init, parse one typical script, then every script once. */
const COLD_PROBE = `
const [bundle, scriptsFile] = process.argv.slice(1);
const sources = JSON.parse(require('fs').readFileSync(scriptsFile, 'utf8'));
const typical = sources.slice().sort((a, b) => a.text.length - b.text.length)[sources.length >> 1];
const rssAtStart = process.memoryUsage().rss;
const t0 = performance.now();
const shell = require(bundle);
const t1 = performance.now();
shell.initShell().then(() => {
  const t2 = performance.now();
  const rssAfterInit = process.memoryUsage().rss;
  shell.parseShell(typical);
  const t3 = performance.now();
  for (const source of sources) shell.parseShell(source);
  const t4 = performance.now();
  console.log(JSON.stringify({ load: t1 - t0, init: t2 - t1, firstParse: t3 - t2, firstPass: t4 - t3,
    initRss: rssAfterInit - rssAtStart, peakRss: process.resourceUsage().maxRSS * 1024 - rssAtStart }));
});
`;

function coldRuns(outfile, scriptsFile) {
  const runs = [];
  for (let index = 0; index < COLD_PROCESSES; index++) {
    const output = execFileSync(process.execPath, ['-e', COLD_PROBE, outfile, scriptsFile], { encoding: 'utf8' });
    runs.push(JSON.parse(output));
  }
  return runs;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

// ---- warm: in process ----

/** Each script timed alone (median of 5 calls), after a warm pass: the distribution over scripts. */
function perScriptTimes(shell, sources) {
  for (const source of sources) shell.parseShell(source);
  const times = sources.map((source) => {
    const samples = [];
    for (let index = 0; index < 5; index++) {
      const start = process.hrtime.bigint();
      shell.parseShell(source);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
  });
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] };
}

/** tree-sitter alone (parse and delete the tree), to show what our copy and walk add. */
async function loadBareTreeSitter(root) {
  const require = createRequire(join(root, 'package.json'));
  const { Parser, Language } = require('web-tree-sitter');
  await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  return (text) => {
    const tree = parser.parse(text);
    tree.delete();
    return 1;
  };
}

function fileSize(path) {
  return statSync(path).size;
}

export async function run({ root, cacheDir }) {
  const parser = await loadOurParser(root, cacheDir);
  const { outfile, shell } = await loadShellBundle(root, cacheDir);
  const corpus = loadRealCorpus(root);
  const sources = runScripts(parser, shell, corpus);
  const scriptsFile = join(cacheDir, 'shell-scripts.json');
  writeFileSync(scriptsFile, JSON.stringify(sources.map(({ document, ...source }) => source)));
  const characters = sources.reduce((sum, source) => sum + source.text.length, 0);

  const cold = coldRuns(outfile, scriptsFile);
  await shell.initShell();
  const failures = [];
  let withErrors = 0;
  for (const source of sources) {
    try {
      if (shell.parseShell(source).hasErrors) withErrors++;
    } catch (error) {
      failures.push(error.message);
    }
  }
  const warmPass = measure(() => sources.reduce((count, source) => count + shell.parseShell(source).commands.length, 0));
  const bare = await loadBareTreeSitter(root);
  const barePass = measure(() => sources.reduce((count, source) => count + bare(source.text), 0));
  const perScript = perScriptTimes(shell, sources);
  const heap = retainedHeap(() => sources.map((source) => shell.parseShell(source)));

  const coldRow = (label, key) => [label, formatMs(median(cold.map((run) => run[key]))), formatMs(Math.min(...cold.map((run) => run[key]))), formatMs(Math.max(...cold.map((run) => run[key])))];
  const warnings = failures.map((message) => `parseShell threw: ${message}`);
  return {
    title,
    tables: [
      {
        title: `Cold start: a fresh node process each time (${COLD_PROCESSES} processes)`,
        columns: ['step', 'median', 'min', 'max'],
        rows: [
          coldRow('load the bundled module (web-tree-sitter JS)', 'load'),
          coldRow('initShell(): runtime + bash grammar wasm', 'init'),
          coldRow('first parseShell (a median-length RUN)', 'firstParse'),
          coldRow(`first pass over all ${sources.length} RUN scripts`, 'firstPass'),
        ],
      },
      {
        title: `Warm: ${sources.length} RUN scripts of ${corpus.length} files of corpus/real/, ${(characters / 1e3).toFixed(0)} K characters`,
        columns: ['what', 'median', 'p95', 'runs'],
        rows: [
          ['parseShell, all scripts (one pass)', formatMs(warmPass.median), formatMs(warmPass.p95), String(warmPass.runs)],
          ['tree-sitter parse alone, all scripts (one pass)', formatMs(barePass.median), formatMs(barePass.p95), String(barePass.runs)],
          ['parseShell, per script', formatMs(perScript.median), formatMs(perScript.p95), `max ${formatMs(perScript.max)}`],
        ],
      },
      {
        title: 'Memory and size',
        columns: ['what', 'size'],
        rows: [
          ['RSS added by load + initShell (median)', formatBytes(median(cold.map((run) => run.initRss)))],
          ['peak RSS added, through the first pass (median)', formatBytes(median(cold.map((run) => run.peakRss)))],
          ['JS heap retained by the parsed scripts of the corpus', formatBytes(heap)],
          ['web-tree-sitter.wasm', formatBytes(fileSize(join(cacheDir, 'web-tree-sitter.wasm')))],
          ['tree-sitter-bash.wasm', formatBytes(fileSize(join(cacheDir, 'tree-sitter-bash.wasm')))],
          ['JS bundle of the shell layer (web-tree-sitter included)', formatBytes(fileSize(outfile))],
        ],
      },
    ],
    notes: [
      `Sanity: ${sources.length - failures.length} of ${sources.length} scripts parsed without an exception; ${withErrors} have syntax errors (templates, Windows scripts without SHELL).`,
      'Scripts are read with the SHELL in effect (PowerShell RUNs are left out); a heredoc RUN counts its body.',
      'The first pass is slower than the warm one because V8 compiles WebAssembly in tiers: baseline first, optimized after it runs.',
    ],
    warnings,
  };
}

// Standalone: print the section without touching BENCHMARKS.md.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const { mkdirSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const { printSection } = await import('./lib/report.mjs');
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const cacheDir = join(root, '.cache', 'bench');
  mkdirSync(cacheDir, { recursive: true });
  printSection(await run({ root, cacheDir }));
}
