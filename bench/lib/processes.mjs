// Whole-process timing: each command run many times as a fresh process, output
// discarded. hyperfine (Debian's package) when it installs, else our own loop.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages } from '../../scripts/ensure.mjs';

function hyperfineAvailable() {
  try {
    ensureDebianPackages(['hyperfine']);
    return true;
  } catch (error) {
    console.log(`hyperfine unavailable (${error.message}): timing processes with our own loop`);
    return false;
  }
}

/** hyperfine runs the command without a shell (-N) and splits it into words: quote what needs it. */
function shellWord(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function withHyperfine(commands, { runs, warmup, cwd, cacheDir }) {
  const exportFile = join(cacheDir, 'hyperfine.json');
  const args = ['-N', '--ignore-failure', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', exportFile];
  for (const { name, argv } of commands) args.push('--command-name', name, argv.map(shellWord).join(' '));
  // stderr only shows on failure (execFileSync's error carries it): it is otherwise one warning per non-zero exit.
  execFileSync('hyperfine', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const version = execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim();
  const { results } = JSON.parse(readFileSync(exportFile, 'utf8'));
  return {
    tool: `${version} -N, ${warmup} warm-up + ${runs} runs each`,
    timings: results.map((result) => ({ median: result.median * 1e3, min: result.min * 1e3, max: result.max * 1e3, runs: result.times.length, cpu: (result.user + result.system) * 1e3 })),
  };
}

function withOwnLoop(commands, { runs, warmup, cwd }) {
  const timings = commands.map(({ argv }) => {
    const samples = [];
    for (let index = 0; index < warmup + runs; index++) {
      const start = process.hrtime.bigint();
      spawnSync(argv[0], argv.slice(1), { cwd, stdio: 'ignore' });
      if (index >= warmup) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return { median: samples[samples.length >> 1], min: samples[0], max: samples[samples.length - 1], runs };
  });
  return { tool: `spawnSync loop, ${warmup} warm-up + ${runs} runs each`, timings };
}

/**
 * Times each `{ name, argv }` (argv[0] an executable path) from `cwd`.
 * Returns `{ tool, timings }`, timings in ms (`median`, `min`, `max`, `runs`, and with
 * hyperfine `cpu`: mean user + system time, which other work on the machine inflates less) in the commands' order.
 */
export function timeProcesses(commands, options) {
  return hyperfineAvailable() ? withHyperfine(commands, options) : withOwnLoop(commands, options);
}
