// Language server section (issue 5): our server and dockerfile-language-server-nodejs
// (docker-langserver) driven the same way over stdio (bench/lib/lsp-harness.mjs)
// on the generated large Dockerfile, each in several fresh processes.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cpuProfile } from './lib/cpu-profile.mjs';
import { loadLargeDockerfile } from './lib/inputs.mjs';
import { driveServer } from './lib/lsp-harness.mjs';
import { buildProductBundles } from './lib/our-bundles.mjs';
import { loadOurLinter } from './lib/our-linter.mjs';
import { formatBytes, formatGoal, formatMs } from './lib/report.mjs';

export const title = 'Language server';

const ROUNDS = 5;
const EDITS = 20;
const REQUESTS = 20;
const NOT_YET = 'n/a (not implemented yet)';

/** Goals of issue 5, and what the issue measured for docker-langserver with its harness. */
const METRICS = [
  { key: 'initializeMs', label: 'initialize (spawn → response)', goal: 100, issue: '165 ms' },
  { key: 'openMs', label: 'didOpen → diagnostics', goal: 30, issue: '306 ms' },
  { key: 'changeMs', label: `didChange → diagnostics (${EDITS} one-character edits)`, goal: 5, issue: '196 ms' },
  { key: 'completionMs', label: `completion (${REQUESTS} requests)`, goal: 2, issue: '62 ms' },
  { key: 'hoverMs', label: `hover (${REQUESTS} requests)`, goal: 2, issue: '61 ms' },
  { key: 'peakRssBytes', label: 'peak RSS of the server process (VmHWM)', goal: 60e6, issue: '121 MB', bytes: true },
];

/** VS Code answers `getConfiguration(section)` with the defaults a manifest contributes: `layerwise.lint.run` → `{ layerwise: { lint: { run } } }`. */
function contributedDefaults(root) {
  const { contributes } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const settings = {};
  for (const block of [contributes.configuration].flat()) {
    for (const [key, property] of Object.entries(block.properties)) {
      const path = key.split('.');
      let target = settings;
      for (const part of path.slice(0, -1)) target = target[part] ??= {};
      target[path.at(-1)] = property.default;
    }
  }
  return settings;
}

/**
 * ShellCheck runs as separate processes 250 ms after typing pauses and sends
 * its findings as a second publishDiagnostics; it is off here, as in the lint
 * section, so that its processes do not compete with the requests being timed.
 */
function withShellcheckOff(settings) {
  return { ...settings, layerwise: { ...settings.layerwise, rules: { ...settings.layerwise?.rules, shellcheck: 'off' } } };
}

/** docker-langserver's settings as its VS Code client sends them: every check at its default severity, warning. */
const DOCKER_LANGSERVER_SETTINGS = {
  docker: {
    languageserver: {
      diagnostics: Object.fromEntries(
        ['deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing', 'instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple', 'instructionJSONInSingleQuotes', 'instructionWorkdirRelative'].map((name) => [name, 'warning']),
      ),
      formatter: { ignoreMultilineInstructions: false },
    },
  },
};

/** Where the harness types, completes and hovers: the RUN nearest the middle of the file. */
function positions(text) {
  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (!lines[line].startsWith('RUN ')) line++;
  return { edit: { line, character: 4 }, completion: { line, character: 2 }, hover: { line, character: 1 } };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Per metric over all rounds: per-process figures (initialize, open, RSS) have one value per round; the others pool every sample. */
function summarize(rounds, key) {
  if (rounds.some((round) => round[key] === undefined)) return undefined;
  const values = rounds.flatMap((round) => round[key]);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), count: values.length };
}

function formatCell(summary, metric) {
  if (!summary) return NOT_YET;
  const format = metric.bytes ? formatBytes : formatMs;
  return `${format(summary.median)} (${format(summary.min)} – ${format(summary.max)})`;
}

async function driveRounds(root, server, document) {
  const rounds = [];
  for (let index = 0; index < ROUNDS; index++) rounds.push(await driveServer(root, server, document, { edits: EDITS, requests: REQUESTS }));
  return rounds;
}

function profileRows(entries) {
  return entries.map((entry) => [entry.name, formatMs(entry.ms), `${(entry.share * 100).toFixed(1)} %`]);
}

export async function run({ root, cacheDir }) {
  const require = createRequire(join(root, 'package.json'));
  const peerVersion = require('dockerfile-language-server-nodejs/package.json').version;
  const bundles = await buildProductBundles(root);
  const large = loadLargeDockerfile();
  const document = { text: large.text, ...positions(large.text) };
  const servers = [
    { name: 'Layerwise', shown: `node ${bundles.server} --stdio`, command: process.execPath, args: [bundles.server, '--stdio'], settings: withShellcheckOff(contributedDefaults(root)) },
    {
      name: `docker-langserver ${peerVersion}`,
      shown: 'node node_modules/dockerfile-language-server-nodejs/bin/docker-langserver --stdio',
      command: process.execPath,
      args: [require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver'), '--stdio'],
      settings: DOCKER_LANGSERVER_SETTINGS,
    },
  ];
  const [ours, peer] = [await driveRounds(root, servers[0], document), await driveRounds(root, servers[1], document)];

  const linter = await loadOurLinter(root, cacheDir);
  const expected = linter.lint(linter.parse(large.text), { rules: linter.allRules, severities: servers[0].settings.layerwise.rules }).length;
  const warnings = [];
  if (ours[0].diagnostics.open !== expected) warnings.push(`Layerwise published ${ours[0].diagnostics.open} diagnostics on open; the engine in process with default settings finds ${expected}`);
  for (const [server, rounds] of [[servers[0], ours], [servers[1], peer]]) {
    if (rounds.some((round) => round.diagnostics.last !== round.diagnostics.open)) {
      warnings.push(`${server.name}: after an even number of edits (the text as opened) the diagnostics count differs from the one at open`);
    }
  }

  let missed = false;
  const rows = METRICS.map((metric) => {
    const mine = summarize(ours, metric.key);
    const theirs = summarize(peer, metric.key);
    if (mine && mine.median > metric.goal) missed = true;
    const status = mine ? formatGoal(mine.median <= metric.goal) : NOT_YET;
    const target = `≤ ${metric.bytes ? formatBytes(metric.goal) : formatMs(metric.goal)}`;
    return [metric.label, target, formatCell(mine, metric), formatCell(theirs, metric), metric.issue, status];
  });

  const tables = [
    {
      title: `Large file: generated, ${large.lines} lines, ${large.stages} stages; ${ROUNDS} fresh server processes each; median (min – max)`,
      columns: ['measure', 'goal', 'Layerwise', servers[1].name, 'issue 5 measured (docker-langserver)', 'status'],
      rows,
    },
  ];
  if (missed) {
    // One more session of our server, under the CPU profiler: where a whole session's time goes.
    const drive = (flags) => driveServer(root, { ...servers[0], args: [...flags, ...servers[0].args] }, document, { edits: EDITS, requests: REQUESTS });
    const profile = await cpuProfile(root, join(root, bundles.server), drive, 15);
    tables.push(
      {
        title: `CPU profile of one Layerwise session (initialize, open, ${EDITS} edits, requests; ${formatMs(profile.busyMs)} busy): functions by self time`,
        columns: ['function — source', 'self time', 'share of busy'],
        rows: profileRows(profile.functions),
      },
      {
        title: 'The same profile by source module, package or runtime part',
        columns: ['where', 'self time', 'share of busy'],
        rows: profileRows(profile.areas.slice(0, 10)),
      },
    );
  }

  return {
    title,
    tables,
    notes: [
      `Servers: \`${servers[0].shown}\` (built from the working tree with the esbuild options of \`scripts/build.mjs\`, into .cache/bench/ rather than dist/, which other work rebuilds) and \`${servers[1].shown}\`.`,
      `Harness (\`bench/lib/lsp-harness.mjs\`, vscode-languageserver-protocol over stdio): the client declares what VS Code does, without pull diagnostics, so both servers push \`publishDiagnostics\`. \`workspace/configuration\` is answered as VS Code would: Layerwise gets the defaults its manifest contributes, with \`layerwise.rules\` \`{ shellcheck: off }\` (ShellCheck runs as processes after typing pauses and sends a second publishDiagnostics), docker-langserver every \`docker.languageserver.diagnostics\` check at \`warning\` (its defaults).`,
      `Edits: one character typed after \`RUN \` on line ${document.edit.line + 1}, then deleted, alternately (incremental sync), each timed from sending didChange to the publishDiagnostics for that version. ${[[servers[0], ours], [servers[1], peer]].map(([server, rounds]) => `${server.name} ${rounds[0].diagnostics.versioned ? 'sends the version with its diagnostics: matched by version' : 'sends no version: matched by arrival (the next for the document after the change; edits go one at a time, each after the previous one\'s diagnostics)'}`).join('; ')}. docker-langserver ${peerVersion} does not debounce: it validates on every change.`,
      `Completion at line ${document.completion.line + 1}, character ${document.completion.character} (in the RUN keyword); hover at character ${document.hover.character}. A server that does not declare completionProvider or hoverProvider gets "${NOT_YET}"; the rows fill in by themselves once it does.`,
      `initialize, didOpen and peak RSS: one value per process (${ROUNDS}); edits and requests: every sample of every process (${ROUNDS * EDITS} edits, ${ROUNDS * REQUESTS} requests).`,
      `Answers at those positions: ${[[servers[0], ours], [servers[1], peer]].map(([server, rounds]) => `${server.name} ${rounds[0].completionItems ?? 'no'} completion items, a hover of ${rounds[0].hoverCharacters ?? 0} characters (JSON)`).join('; ')}.`,
      `Diagnostics on open: Layerwise ${ours[0].diagnostics.open} (the engine in process with default settings: ${expected}), docker-langserver ${peer[0].diagnostics.open}.`,
      `Load average (1, 5, 15 min) at the end of the section: ${os.loadavg().map((load) => load.toFixed(1)).join(', ')}.`,
    ],
    warnings,
  };
}
