// `npm run fuzz -- --runs N [--seed S] [--server-runs M] [--only in-process|server] [--path P]`
// Runs the in-process properties N times and the language-server properties M
// times (default N / 100); prints the seed and a shrunk counterexample on failure.
import fc from 'fast-check';
import { initShell } from '../../server/src/analysis/shell/index.js';
import { realDockerfiles } from '../support/corpus.js';
import type { LintSettings } from '../../server/src/lint/types.js';
import type { RelativeEdit } from './arbitraries.js';
import { failureOf, inProcessProperty } from './in-process.js';
import { reduceText } from './reduce.js';
import { serverProperty, ServerSession, type ServerRunInput } from './server.js';

interface Options {
  runs: number;
  serverRuns: number;
  seed: number;
  path?: string;
  only?: 'in-process' | 'server';
}

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const parsed = Number(text);
    if (!Number.isSafeInteger(parsed)) {
      console.error(`${name} needs a whole number, not ${JSON.stringify(text)}`);
      process.exit(2);
    }
    return parsed;
  };
  const runs = number('--runs', 1000);
  const only = value('--only');
  if (only !== undefined && only !== 'in-process' && only !== 'server') {
    console.error('--only takes in-process or server');
    process.exit(2);
  }
  return {
    runs,
    serverRuns: number('--server-runs', Math.max(1, Math.ceil(runs / 100))),
    seed: number('--seed', Date.now() ^ (Math.random() * 0x100000000)),
    path: value('--path'),
    only,
  };
}

/** A line every so often, so a long run in the background shows it is alive. */
function progress(label: string, total: number): () => void {
  const started = Date.now();
  let done = 0;
  let nextReport = started + 30_000;
  return () => {
    done++;
    const now = Date.now();
    if (now < nextReport) return;
    nextReport = now + 60_000;
    const rate = done / ((now - started) / 1000);
    console.log(`${label}: ${done} property calls for ${total} runs (shrinking adds calls) (${rate.toFixed(0)}/s, ${((total - done) / rate / 60).toFixed(0)} min left)`);
  };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/** The in-process counterexample's text, reduced while the same invariant still breaks. */
function minimalCounterexample(counterexample: unknown): string | undefined {
  if (!Array.isArray(counterexample) || typeof counterexample[0] !== 'string') return undefined;
  const [text, settings, edits] = counterexample as [string, LintSettings, RelativeEdit[]];
  const invariant = failureOf(text, settings, edits)?.split(':')[0];
  if (invariant === undefined) return undefined;
  return reduceText(text, (candidate) => failureOf(candidate, settings, edits)?.split(':')[0] === invariant);
}

/** The server counterexample's text, reduced while its first problem stays the same kind (same request, same invariant). */
async function reduceServerCounterexample(session: ServerSession, input: ServerRunInput): Promise<void> {
  const kind = (message: string | undefined) => message?.split('\n')[0].replace(/\d+/g, 'N').split(':').slice(0, 2).join(':');
  const failure = async (text: string) => {
    try {
      await session.run({ ...input, text });
      return undefined;
    } catch (error) {
      return kind((error as Error).message);
    }
  };
  const expected = await failure(input.text);
  if (expected === undefined) return;
  // Server runs are slow: lines only, not characters as in-process.
  const lines = input.text.match(/[^\n]*\n|[^\n]+/g) ?? [];
  let kept: string[] = lines;
  for (let size = Math.max(1, lines.length >> 1); size >= 1; size = size === 1 ? 0 : size >> 1) {
    for (let start = 0; start < kept.length; ) {
      const candidate = [...kept.slice(0, start), ...kept.slice(start + size)];
      if ((await failure(candidate.join(''))) === expected) kept = candidate;
      else start += size;
    }
  }
  console.log(`\nsmallest failing text found by dropping lines (same edits, targets and settings):\n${JSON.stringify({ ...input, text: kept.join('') })}`);
}

function report<T>(label: string, details: fc.RunDetails<T>, seconds: number): boolean {
  if (details.failed) {
    console.log(`\n${label}: FAILED after ${details.numRuns} runs (${seconds.toFixed(0)} s)`);
    // The counterexample can be a whole corpus file: the reduced text below is the one to read.
    const message = fc.defaultReportMessage(details) ?? '';
    console.log(message.length > 3000 ? `${message.slice(0, 3000)}… (${message.length} characters)` : message);
    console.log(`\nerror: ${describeError(details.errorInstance)}`);
    const minimal = minimalCounterexample(details.counterexample);
    if (minimal !== undefined) console.log(`\nsmallest failing text found by dropping lines and characters:\n${JSON.stringify(minimal)}`);
    console.log(`\nreplay: npm run fuzz -- --only ${label} --seed ${details.seed} --path "${details.counterexamplePath}" --runs 1`);
    return false;
  }
  console.log(`${label}: ${details.numRuns} runs, 0 failures, ${details.numSkips} skipped, seed ${details.seed}, ${seconds.toFixed(0)} s`);
  return true;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  await initShell();
  const files = ['real', 'real-extra'].flatMap((folder) => realDockerfiles(folder).map(([, text]) => text));
  console.log(`fuzz: seed ${options.seed}, ${files.length} corpus files`);
  const parameters = { seed: options.seed, path: options.path, endOnFailure: false };
  let ok = true;

  if (options.only !== 'server') {
    const started = Date.now();
    const details = fc.check(inProcessProperty(files, progress('in-process', options.runs)), { ...parameters, numRuns: options.runs });
    ok = report('in-process', details, (Date.now() - started) / 1000) && ok;
  }
  if (options.only !== 'in-process') {
    const started = Date.now();
    const session = await ServerSession.start();
    try {
      const details = await fc.check(serverProperty(session, files, progress('server', options.serverRuns)), { ...parameters, numRuns: options.serverRuns });
      ok = report('server', details, (Date.now() - started) / 1000) && ok;
      if (details.failed && details.counterexample) await reduceServerCounterexample(session, details.counterexample[0]);
    } finally {
      await session.close();
    }
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
