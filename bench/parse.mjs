// Parser section: throughput over the real-world corpus and time per parse of
// the large generated file, for our parser, dockerfile-ast (the parser behind
// dockerfile-language-server-nodejs) and the floor (split into lines plus one
// pass); then our incremental one-line edit and the heap each tree retains.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadLargeDockerfile, loadRealCorpus } from './lib/inputs.mjs';
import { measure, retainedHeap } from './lib/measure.mjs';
import { loadOurParser } from './lib/our-parser.mjs';
import { formatBytes, formatGoal, formatMs, formatRate, formatRatio } from './lib/report.mjs';

export const title = 'Parser';

const GOALS = {
  largeParseMs: 2.5,
  speedupOverPeer: 20,
  costOverFloor: 10,
  editMs: 0.5,
};

/** The floor: what any parser must at least do. Counting comment lines keeps the pass from being optimized away. */
function splitAndScan(text) {
  const lines = text.split('\n');
  let comments = 0;
  for (const line of lines) if (line.charCodeAt(0) === 0x23) comments++;
  return comments;
}

function loadParsers(root, ours) {
  const require = createRequire(join(root, 'package.json'));
  const { DockerfileParser } = require('dockerfile-ast');
  const peerVersion = require('dockerfile-ast/package.json').version;
  return [
    { name: 'Layerwise (esbuild bundle)', parse: (text) => ours.parse(text) },
    { name: `dockerfile-ast ${peerVersion}`, parse: (text) => DockerfileParser.parse(text), instructionCount: (text) => DockerfileParser.parse(text).getInstructions().length },
    { name: 'floor: split + one pass', parse: splitAndScan },
  ];
}

// ---- sanity: a parser that skips work or throws could look fast ----

function checkOurParserOnEveryFile(ours, files) {
  const failed = [];
  for (const file of files) {
    try {
      const tree = ours.parse(file.text);
      if (!Array.isArray(tree?.instructions)) failed.push(`${file.name}: no instructions array`);
    } catch (error) {
      failed.push(`${file.name}: ${error.message}`);
    }
  }
  return failed;
}

/** Files on which our parser and the peer disagree on the number of top-level instructions. */
function compareInstructionCounts(ours, peer, files) {
  const differing = [];
  for (const file of files) {
    try {
      const ourCount = ours.parse(file.text).instructions.length;
      const peerCount = peer.instructionCount(file.text);
      if (ourCount !== peerCount) differing.push(`${file.name} (Layerwise ${ourCount}, ${peer.name} ${peerCount})`);
    } catch (error) {
      differing.push(`${file.name} (${error.message})`);
    }
  }
  return differing;
}

// ---- timing ----

function timeCorpus(parser, files) {
  return measure(() => {
    let count = 0;
    for (const file of files) count += parser.parse(file.text) ? 1 : 0;
    return count;
  });
}

function timeOneText(parser, text) {
  return measure(() => parser.parse(text));
}

/**
 * Where the edit goes: just after the keyword of the RUN nearest the middle of
 * the file, i.e. typing into its arguments.
 */
function middleRunArgumentOffset(tree) {
  const instructions = tree.instructions;
  for (let index = instructions.length >> 1; index < instructions.length; index++) {
    if (instructions[index].keyword === 'RUN') return instructions[index].keywordToken.end + 1;
  }
  return instructions[instructions.length >> 1].keywordToken.end + 1;
}

/**
 * Chains edits on the returned tree (applyEdit consumes the old one): insert
 * one character, then delete it, so the text returns to the original every
 * second edit. Returns the timing and the final tree, for the sanity check.
 */
function timeIncrementalEdit(ours, text) {
  let tree = ours.parse(text);
  const offset = middleRunArgumentOffset(tree);
  let inserted = false;
  const editOnce = () => {
    tree = ours.applyEdit(tree, inserted ? { start: offset, end: offset + 1, text: '' } : { start: offset, end: offset, text: 'x' });
    inserted = !inserted;
    return tree;
  };
  const timing = measure(editOnce, { warmupRuns: 200, minRuns: 200 });
  if (inserted) editOnce();
  return { timing, tree, line: text.slice(0, offset).split('\n').length };
}

/** The incremental result must equal a fresh parse of the same text; compared as JSON. */
function incrementalMatchesFreshParse(ours, tree, originalText) {
  if (tree.text !== originalText) return false;
  return JSON.stringify(tree) === JSON.stringify(ours.parse(originalText));
}

// ---- tables ----

function throughputRows(results, bytes) {
  const ours = results[0].timing.median;
  return results.map(({ parser, timing }) => [
    parser.name,
    formatMs(timing.median),
    formatMs(timing.p95),
    String(timing.runs),
    formatRate(bytes / 1e6 / (timing.median / 1e3)),
    formatRatio(timing.median / ours),
  ]);
}

const THROUGHPUT_COLUMNS = ['parser', 'median', 'p95', 'runs', 'MB/s', 'time vs Layerwise'];

function goalRows(large, edit) {
  const [ours, peer, floor] = large.map((result) => result.timing.median);
  const speedup = peer / ours;
  const overFloor = ours / floor;
  const editMs = edit.timing.median;
  return [
    ['large file, warm parse (median)', `≤ ${GOALS.largeParseMs} ms`, formatMs(ours), formatGoal(ours <= GOALS.largeParseMs)],
    ['speed-up over dockerfile-ast (large file)', `≥ ${GOALS.speedupOverPeer}×`, formatRatio(speedup), formatGoal(speedup >= GOALS.speedupOverPeer)],
    ['cost over the floor (large file)', `≤ ${GOALS.costOverFloor}×`, formatRatio(overFloor), formatGoal(overFloor <= GOALS.costOverFloor)],
    ['incremental one-line edit (median)', `≤ ${GOALS.editMs} ms`, formatMs(editMs), formatGoal(editMs <= GOALS.editMs)],
  ];
}

export async function run({ root, cacheDir }) {
  const ours = await loadOurParser(root, cacheDir);
  const parsers = loadParsers(root, ours);
  const corpus = loadRealCorpus(root);
  const large = loadLargeDockerfile();
  const corpusBytes = corpus.reduce((sum, file) => sum + file.bytes, 0);
  const warnings = [];

  const failures = checkOurParserOnEveryFile(ours, [...corpus, large]);
  for (const failure of failures) warnings.push(`Layerwise failed on ${failure}`);
  const differing = compareInstructionCounts(ours, parsers[1], [...corpus, large]);
  for (const difference of differing) warnings.push(`instruction counts differ on ${difference}`);

  const corpusResults = parsers.map((parser) => ({ parser, timing: timeCorpus(parser, corpus) }));
  const largeResults = parsers.map((parser) => ({ parser, timing: timeOneText(parser, large.text) }));
  const edit = timeIncrementalEdit(ours, large.text);
  if (!incrementalMatchesFreshParse(ours, edit.tree, large.text)) {
    warnings.push('after the timed edits, the incremental tree differs from a fresh parse of the same text');
  }
  const heap = {
    ours: retainedHeap(() => ours.parse(large.text)),
    peer: retainedHeap(() => parsers[1].parse(large.text)),
  };

  const kilobytes = (large.bytes / 1e3).toFixed(0);
  return {
    title,
    tables: [
      {
        title: `Corpus: ${corpus.length} files of corpus/real/, ${(corpusBytes / 1e6).toFixed(2)} MB (times per pass over all files)`,
        columns: THROUGHPUT_COLUMNS,
        rows: throughputRows(corpusResults, corpusBytes),
      },
      {
        title: `Large file: generated, ${large.lines} lines, ${kilobytes} KB, ${large.stages} stages (times per parse)`,
        columns: THROUGHPUT_COLUMNS,
        rows: throughputRows(largeResults, large.bytes),
      },
      {
        title: `Incremental one-line edit on the large file (one character typed into, then deleted from, the RUN at line ${edit.line})`,
        columns: ['parser', 'median', 'p95', 'runs'],
        rows: [
          ['Layerwise applyEdit', formatMs(edit.timing.median), formatMs(edit.timing.p95), String(edit.timing.runs)],
          [`${parsers[1].name} (no incremental parse: full reparse)`, formatMs(largeResults[1].timing.median), formatMs(largeResults[1].timing.p95), '(as above)'],
        ],
      },
      {
        title: 'Memory: heap retained by the tree of the large file (gc before and after, median of 5)',
        columns: ['parser', 'retained heap', 'vs file size'],
        rows: [
          [parsers[0].name, formatBytes(heap.ours), heap.ours === undefined ? 'n/a' : formatRatio(heap.ours / large.bytes)],
          [parsers[1].name, formatBytes(heap.peer), heap.peer === undefined ? 'n/a' : formatRatio(heap.peer / large.bytes)],
        ],
      },
      {
        title: 'Goals (issue 2)',
        columns: ['goal', 'target', 'measured', 'status'],
        rows: goalRows(largeResults, edit),
      },
    ],
    notes: [
      `Sanity: Layerwise parsed ${corpus.length + 1 - failures.length} of ${corpus.length + 1} files (corpus and large file) without an exception; instruction counts agree with dockerfile-ast on ${corpus.length + 1 - differing.length} of ${corpus.length + 1}; the incremental tree ${warnings.some((warning) => warning.startsWith('after the timed edits')) ? 'does not match' : 'matches'} a fresh parse.`,
      'MB = 10^6 bytes of UTF-8 file content; MB/s = bytes / median time of a pass.',
    ],
    warnings,
  };
}
