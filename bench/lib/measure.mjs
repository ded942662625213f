// Warm in-process timing and retained-heap measurement, shared by every section.

/** Results go here so the optimizer cannot drop a call whose result is unused. */
let sink = 0;

export function consume(value) {
  sink = (sink + (typeof value === 'number' ? value : 1)) | 0;
}

export function sinkValue() {
  return sink;
}

const DEFAULTS = {
  // Enough calls for V8 to optimize the hot functions before we start timing.
  warmupRuns: 20,
  warmupMs: 500,
  // A stable median needs many samples, but a slow peer must not take minutes.
  minRuns: 15,
  minMs: 2000,
  maxRuns: 2000,
};

function elapsedMs(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(sorted, fraction) {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/**
 * Times `run()` after a warm-up: repeats it until both `minRuns` and `minMs`
 * are reached (at most `maxRuns`), each call timed on its own.
 * `setup()`, when given, runs before each call outside the timed region.
 * Returns milliseconds: `{ median, p95, runs }`.
 */
export function measure(run, options = {}) {
  const { warmupRuns, warmupMs, minRuns, minMs, maxRuns, setup } = { ...DEFAULTS, ...options };
  const warmupStart = process.hrtime.bigint();
  for (let i = 0; i < maxRuns && (i < warmupRuns || elapsedMs(warmupStart) < warmupMs); i++) {
    const input = setup?.();
    consume(run(input));
  }
  globalThis.gc?.();

  const samples = [];
  const start = process.hrtime.bigint();
  while (samples.length < maxRuns && (samples.length < minRuns || elapsedMs(start) < minMs)) {
    const input = setup?.();
    const before = process.hrtime.bigint();
    const result = run(input);
    samples.push(elapsedMs(before));
    consume(result);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs: samples.length };
}

/** Holds the measured result across the gc, where the optimizer cannot see it die. */
let retained;

/**
 * Heap still in use after `build()` returns, with what it returned kept alive:
 * gc before and after, so only what the result retains is counted. Median of
 * a few repetitions, in bytes; undefined when node runs without --expose-gc.
 */
export function retainedHeap(build, repetitions = 5) {
  const gc = globalThis.gc;
  if (!gc) return undefined;
  const sizes = [];
  for (let i = 0; i < repetitions; i++) {
    retained = undefined;
    gc();
    const before = process.memoryUsage().heapUsed;
    retained = build();
    gc();
    sizes.push(process.memoryUsage().heapUsed - before);
  }
  retained = undefined;
  sizes.sort((a, b) => a - b);
  return percentile(sizes, 0.5);
}
