// Lint section (issue 4): the CLI over all of corpus/real/ as one process,
// beside dockerfilelint and dockerfile-utils on the same files and `node -e 0`;
// the engine warm in process on the large file and per corpus pass, beside
// dockerfile-utils' validate; findings per rule. When a goal is missed: where
// the time goes (cost per rule, CPU profiles of the CLI, size of the bundle).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { bundleAreas, cpuProfile } from './lib/cpu-profile.mjs';
import { corpusRoot, loadLargeDockerfile, loadRealCorpus } from './lib/inputs.mjs';
import { measure } from './lib/measure.mjs';
import { buildProductBundles } from './lib/our-bundles.mjs';
import { everyRuleOn, loadOurLinter } from './lib/our-linter.mjs';
import { timeProcesses } from './lib/processes.mjs';
import { formatBytes, formatGoal, formatMs, formatRatio } from './lib/report.mjs';

export const title = 'Lint engine and CLI';

const GOALS = { processMs: 100, overDockerfilelint: 3, overDockerfileUtils: 10, largeLintMs: 5 };
const PROCESS_RUNS = { warmup: 2, runs: 10 };
/** A pass over the corpus calls every function thousands of times: fewer warm-up passes suffice. */
const CORPUS_PASSES = { warmupRuns: 5 };
/** The goals leave ShellCheck aside: it runs as separate `shellcheck` processes (the `shellcheck` rule), off here. */
const SHELLCHECK = 'shellcheck';
/** Per-rule costs are many small series: fewer samples each (medians of 7). */
const QUICK = { warmupRuns: 3, warmupMs: 0, minRuns: 7, minMs: 0 };

// ---- whole process ----

/**
 * The CLI's "every rule on": a config file turning on the rules that are off
 * by default, at their own severity, and ShellCheck off. Returns its path, relative to the repository.
 */
function writeEveryRuleConfig(root, allRules) {
  const path = join('.cache', 'bench', 'every-rule-on.yaml');
  const lines = allRules.filter((rule) => rule.meta.defaultOff).map((rule) => `    ${rule.meta.id}: ${rule.meta.severity}`);
  writeFileSync(join(root, path), `# Written by bench/lint.mjs: every rule on at its own severity, ShellCheck aside.\nlayerwise:\n  rules:\n${lines.join('\n')}\n    ${SHELLCHECK}: off\n`);
  return path;
}

function processCommands(files, dev, production, config) {
  const node = process.execPath;
  const lint = (cli) => [node, cli, 'lint', '--format', 'json', '--config', config, ...files];
  return [
    { name: 'Layerwise CLI', shown: `node ${dev.cli} lint --format json --config ${config} FILES`, issue: '', argv: lint(dev.cli) },
    { name: 'Layerwise CLI, production bundle', shown: `node ${production.cli} lint --format json --config ${config} FILES`, issue: '', argv: lint(production.cli) },
    { name: 'dockerfilelint CLI', shown: 'node node_modules/dockerfilelint/bin/dockerfilelint -j FILES', issue: '350 ms', argv: [node, 'node_modules/dockerfilelint/bin/dockerfilelint', '-j', ...files] },
    { name: 'dockerfile-utils validate', shown: 'node bench/lib/dockerfile-utils-lint.cjs FILES', issue: '1,100 ms', argv: [node, 'bench/lib/dockerfile-utils-lint.cjs', ...files] },
    { name: 'Layerwise start-up only', shown: `node ${dev.cli} --version`, issue: '', argv: [node, dev.cli, '--version'] },
    { name: 'Layerwise start-up only, production bundle', shown: `node ${production.cli} --version`, issue: '', argv: [node, production.cli, '--version'] },
    { name: 'floor: node alone', shown: 'node -e 0', issue: '40 to 70 ms', argv: [node, '-e', '0'] },
  ];
}

/**
 * Runs each command once and reads its JSON output: what each tool found, so
 * none can look fast by skipping files. Output goes to a file, not a pipe:
 * dockerfilelint calls process.exit() right after writing, which cuts a piped
 * stdout short (a file is written synchronously).
 */
function outputCounts(commands, root, cacheDir) {
  const read = (argv) => {
    const path = join(cacheDir, 'lint-output.json');
    const fd = openSync(path, 'w');
    spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', fd, 'ignore'] });
    closeSync(fd);
    return JSON.parse(readFileSync(path, 'utf8'));
  };
  const ours = read(commands[0].argv);
  const dockerfilelint = read(commands[2].argv);
  const dockerfileUtils = read(commands[3].argv);
  return {
    ours: { files: new Set(ours.map((finding) => finding.file)).size, findings: ours.length },
    dockerfilelint: { files: dockerfilelint.files.length, findings: dockerfilelint.files.reduce((sum, file) => sum + file.issues.length, 0) },
    dockerfileUtils: { files: dockerfileUtils.length, findings: dockerfileUtils.reduce((sum, file) => sum + file.diagnostics.length, 0) },
  };
}

// ---- in process ----

function timeInProcess(ours, options, validate, texts, settings = {}) {
  const parsedTrees = () => texts.map((text) => ours.parse(text));
  const lintAll = (trees) => trees.reduce((count, tree) => count + ours.lint(tree, options).length, 0);
  return {
    full: measure(() => texts.reduce((count, text) => count + ours.lint(ours.parse(text), options).length, 0), settings),
    lintOnly: measure(lintAll, { ...settings, setup: parsedTrees }),
    parseOnly: measure(parsedTrees, settings),
    peer: measure(() => texts.reduce((count, text) => count + validate(text).length, 0), settings),
  };
}

/**
 * Cost of each part of a lint over the corpus. Several analyses are cached on
 * the tree (the shell parse of each RUN, shells in effect, WORKDIRs, stage
 * references, layers) and built by the first rule that asks, so rules are timed
 * on trees linted once before, and the cached analyses as the difference
 * between every rule on fresh trees and on those.
 */
function costBreakdown(ours, options, texts, freshMs) {
  const trees = texts.map((text) => ours.parse(text));
  for (const tree of trees) ours.lint(tree, options);
  const time = (rules) => measure(() => trees.reduce((count, tree) => count + ours.lint(tree, { ...options, rules }).length, 0), QUICK).median;
  const engine = time([]);
  const everyRule = time(options.rules);
  const rules = options.rules.map((rule) => ({ id: rule.meta.id, ms: time([rule]) - engine }));
  rules.sort((a, b) => b.ms - a.ms);
  const shellParse = measure(
    (fresh) => fresh.reduce((count, tree) => count + tree.instructions.filter((instruction) => instruction.keyword === 'RUN' && ours.parseInstructionScript(tree, instruction)).length, 0),
    { ...QUICK, setup: () => texts.map((text) => ours.parse(text)) },
  ).median;
  return { engine, cached: freshMs - everyRule, shellParse, rules };
}

// ---- findings ----

function findingsPerRule(ours, options, corpus) {
  const perRule = new Map();
  for (const file of corpus) {
    for (const finding of ours.lint(ours.parse(file.text), options)) {
      const entry = perRule.get(finding.rule) ?? { rule: finding.rule, aliases: finding.aliases, severity: finding.severity, count: 0, files: new Set() };
      entry.count++;
      entry.files.add(file.name);
      perRule.set(finding.rule, entry);
    }
  }
  return [...perRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

// ---- tables ----

const range = (timing) => `${formatMs(timing.min)} – ${formatMs(timing.max)}`;
const percent = (fraction) => `${(fraction * 100).toFixed(1)} %`;

function profileRows(entries) {
  return entries.map((entry) => [entry.name, formatMs(entry.ms), percent(entry.share)]);
}

export async function run({ root, cacheDir }) {
  const require = createRequire(join(root, 'package.json'));
  const { validate } = require('dockerfile-utils');
  const versions = {
    dockerfilelint: require('dockerfilelint/package.json').version,
    dockerfileUtils: require('dockerfile-utils/package.json').version,
  };
  const ours = await loadOurLinter(root, cacheDir);
  const options = everyRuleOn(ours.allRules, { except: [SHELLCHECK] });
  const corpus = loadRealCorpus(root);
  const large = loadLargeDockerfile();
  const corpusBytes = corpus.reduce((sum, file) => sum + file.bytes, 0);
  const files = corpus.map((file) => relative(root, join(corpusRoot(root), 'real', file.name)));
  const offByDefault = ours.allRules.filter((rule) => rule.meta.defaultOff).map((rule) => rule.meta.id);
  const warnings = [];

  // Whole process.
  const dev = await buildProductBundles(root);
  const production = await buildProductBundles(root, { production: true });
  const config = writeEveryRuleConfig(root, ours.allRules);
  const commands = processCommands(files, dev, production, config);
  const counts = outputCounts(commands, root, cacheDir);
  const perRule = findingsPerRule(ours, options, corpus);
  const totalFindings = perRule.reduce((sum, entry) => sum + entry.count, 0);
  if (counts.ours.findings !== totalFindings) warnings.push(`the CLI reported ${counts.ours.findings} findings, the engine in process with every rule on ${totalFindings}`);
  if (counts.dockerfilelint.files !== corpus.length || counts.dockerfileUtils.files !== corpus.length) warnings.push('a peer did not report on every file');
  const processes = timeProcesses(commands, { ...PROCESS_RUNS, cwd: root, cacheDir });
  const [cli, cliProduction, dockerfilelint, dockerfileUtils, startup, startupProduction, floor] = processes.timings;

  // Warm, in process.
  const largeTimes = timeInProcess(ours, options, validate, [large.text]);
  const corpusTimes = timeInProcess(ours, options, validate, corpus.map((file) => file.text), CORPUS_PASSES);

  const processMissed = cli.median > GOALS.processMs || dockerfilelint.median / cli.median < GOALS.overDockerfilelint || dockerfileUtils.median / cli.median < GOALS.overDockerfileUtils;
  const warmMissed = largeTimes.full.median > GOALS.largeLintMs;

  const tables = [
    {
      title: `Whole process: all ${corpus.length} files of corpus/real/ (${(corpusBytes / 1e6).toFixed(2)} MB) in one process, output discarded (${processes.tool})`,
      columns: ['tool', 'command', 'median', 'min – max', 'CPU user+sys (mean)', 'time vs Layerwise', 'issue 4 measured'],
      rows: commands.map((command, index) => {
        const timing = processes.timings[index];
        return [command.name, `\`${command.shown}\``, formatMs(timing.median), range(timing), formatMs(timing.cpu), formatRatio(timing.median / cli.median), command.issue];
      }),
    },
    {
      title: `Warm, in process: every rule on (${ours.allRules.length} rules, ShellCheck off), times per call`,
      columns: ['what', `large file (${large.lines} lines), median`, 'p95', `corpus pass (${corpus.length} files), median`, 'p95'],
      rows: [
        ['Layerwise `lint(parse(text))`', largeTimes.full, corpusTimes.full],
        ['Layerwise `lint(tree)` (tree parsed before timing)', largeTimes.lintOnly, corpusTimes.lintOnly],
        ['Layerwise `parse(text)` alone', largeTimes.parseOnly, corpusTimes.parseOnly],
        [`dockerfile-utils ${versions.dockerfileUtils} \`validate(text)\``, largeTimes.peer, corpusTimes.peer],
      ]
        .map(([label, onLarge, onCorpus]) => [label, formatMs(onLarge.median), formatMs(onLarge.p95), formatMs(onCorpus.median), formatMs(onCorpus.p95)])
        .concat([['dockerfile-utils time vs Layerwise `lint(parse(text))`', formatRatio(largeTimes.peer.median / largeTimes.full.median), '', formatRatio(corpusTimes.peer.median / corpusTimes.full.median), '']]),
    },
    {
      title: 'Goals (issue 4)',
      columns: ['goal', 'target', 'measured', 'status'],
      rows: [
        ['whole process, CLI over corpus/real/ (median)', `≤ ${GOALS.processMs} ms`, formatMs(cli.median), formatGoal(cli.median <= GOALS.processMs)],
        [`speed-up over dockerfilelint ${versions.dockerfilelint} (whole process)`, `≥ ${GOALS.overDockerfilelint}×`, formatRatio(dockerfilelint.median / cli.median), formatGoal(dockerfilelint.median / cli.median >= GOALS.overDockerfilelint)],
        [`speed-up over dockerfile-utils ${versions.dockerfileUtils} (whole process)`, `≥ ${GOALS.overDockerfileUtils}×`, formatRatio(dockerfileUtils.median / cli.median), formatGoal(dockerfileUtils.median / cli.median >= GOALS.overDockerfileUtils)],
        ['warm `lint(parse(text))`, large file (median)', `≤ ${GOALS.largeLintMs} ms`, formatMs(largeTimes.full.median), formatGoal(!warmMissed)],
      ],
    },
    {
      title: `Findings per rule over corpus/real/, every rule on: the 20 most frequent of ${perRule.length} rules that fired`,
      columns: ['rule', 'aliases', 'severity', 'findings', 'files'],
      rows: perRule.slice(0, 20).map((entry) => [entry.rule, entry.aliases.join(', '), entry.severity, String(entry.count), String(entry.files.size)]),
    },
  ];

  if (warmMissed || processMissed) {
    const breakdown = costBreakdown(ours, options, corpus.map((file) => file.text), corpusTimes.lintOnly.median);
    const full = corpusTimes.full.median;
    const ruleRows = breakdown.rules.slice(0, 12).map((rule) => [`rule ${rule.id}`, formatMs(Math.max(0, rule.ms)), percent(Math.max(0, rule.ms) / full)]);
    const rest = breakdown.rules.slice(12).reduce((sum, rule) => sum + Math.max(0, rule.ms), 0);
    tables.push({
      title: `Where the warm time goes: one pass over corpus/real/ (of ${formatMs(full)} for \`lint(parse(text))\`, every rule on)`,
      columns: ['part', 'median', 'share'],
      rows: [
        ['`parse(text)`', formatMs(corpusTimes.parseOnly.median), percent(corpusTimes.parseOnly.median / full)],
        ['engine with no rule (suppressions, walk, sort)', formatMs(breakdown.engine), percent(breakdown.engine / full)],
        ['analyses cached on the tree (shell parse of each RUN, shells in effect, WORKDIRs, stage references, layers)', formatMs(Math.max(0, breakdown.cached)), percent(Math.max(0, breakdown.cached) / full)],
        ['… of which the shell parse of each RUN alone (`parseInstructionScript`: tree-sitter and our script tree)', formatMs(breakdown.shellParse), percent(breakdown.shellParse / full)],
        ...ruleRows,
        [`the other ${breakdown.rules.length - 12} rules together`, formatMs(rest), percent(rest / full)],
      ],
    });
  }
  if (processMissed) {
    const bundlePath = join(root, dev.cli);
    const profile = (argv, limit) => cpuProfile(root, bundlePath, (flags) => spawnSync(argv[0], [...flags, ...argv.slice(1)], { cwd: root, stdio: 'ignore' }), limit);
    const lintProfile = await profile(commands[0].argv, 12);
    const startupProfile = await profile(commands[4].argv, 8);
    const bundle = bundleAreas(bundlePath, 10);
    tables.push(
      {
        title: `CPU profile of the CLI over corpus/real/ (\`node --cpu-prof\`, ${formatMs(lintProfile.busyMs)} busy): functions by self time`,
        columns: ['function — source', 'self time', 'share of busy'],
        rows: profileRows(lintProfile.functions),
      },
      {
        title: 'The same profile by source module, package or runtime part',
        columns: ['where', 'self time', 'share of busy'],
        rows: profileRows(lintProfile.areas),
      },
      {
        title: `Start-up: CPU profile of \`node ${dev.cli} --version\` (${formatMs(startupProfile.busyMs)} busy)`,
        columns: ['function — source', 'self time', 'share of busy'],
        rows: profileRows(startupProfile.functions),
      },
      {
        title: `What start-up compiles: ${dev.cli}, ${formatBytes(bundle.totalBytes)}, by source`,
        columns: ['source', 'size', 'share'],
        rows: bundle.areas.map((entry) => [entry.name, formatBytes(entry.bytes), percent(entry.share)]),
      },
    );
  }

  return {
    title,
    tables,
    notes: [
      `Whole process: the files are passed explicitly (their names are not Dockerfile names); each tool's JSON output was read once: Layerwise ${counts.ours.findings} findings in ${counts.ours.files} files (the engine in process: ${totalFindings}), dockerfilelint ${counts.dockerfilelint.findings} issues over ${counts.dockerfilelint.files} files, dockerfile-utils ${counts.dockerfileUtils.findings} diagnostics over ${counts.dockerfileUtils.files} files.`,
      `dockerfilelint's own CLI takes many files in one process. dockerfile-utils' CLI lints one file per process, so \`bench/lib/dockerfile-utils-lint.cjs\` requires its library and runs \`validate\` over every file in one process, printing JSON.`,
      `Every rule on: each rule at its own severity, the ones off by default (${offByDefault.join(', ') || 'none'}) included, through \`${config}\` for the CLI and \`severities\` in process. ShellCheck (the \`shellcheck\` rule: separate \`shellcheck\` processes) is off, as the goals leave it aside. No label schema or registry list: rules that need one have nothing to check. Shell-aware rules run (the shell parser is loaded first).`,
      `Bundles: \`${dev.dir}/\` is built from the working tree with the esbuild options of \`scripts/build.mjs\` (what it writes to dist/), \`${production.dir}/\` with \`--production\` (minified, what \`npm run package\` ships); not dist/ itself, which other work on the machine rebuilds (we saw it switch to the production build mid-run). The goals are judged on the first.`,
      `Net of node's own start (floor), the CLI takes ${formatMs(cli.median - floor.median)} (production bundle ${formatMs(cliProduction.median - floor.median)}); its start-up alone (\`--version\`: load and compile the bundle; the shell parser is loaded only by \`lint\`) ${formatMs(startup.median - floor.median)} (production ${formatMs(startupProduction.median - floor.median)}).`,
      ...(warmMissed || processMissed ? ['Where the time goes: each rule alone minus the engine with no rule, on trees linted once before (their cached analyses built); the cached analyses are every rule on fresh trees minus every rule on those. Medians of 7 passes, so small figures are noise (negative ones shown as 0); rules share one walk, so the parts add up only roughly.'] : []),
      `Load average (1, 5, 15 min) at the end of the section: ${os.loadavg().map((load) => load.toFixed(1)).join(', ')}.`,
    ],
    warnings,
  };
}
