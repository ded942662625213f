// One pathological input at one size, in a process of its own (so its peak
// memory is its own and a hang can be killed): parse, lint with every rule on,
// format, and print the figures as JSON.
//   node --expose-gc bench/lib/pathological-worker.mjs <lint bundle> <input index> <size>
import { createRequire } from 'node:module';
import { PATHOLOGICAL_INPUTS } from './pathological-inputs.mjs';
import { everyRuleOn } from './our-linter.mjs';

const [bundle, index, size] = process.argv.slice(2);
const linter = createRequire(import.meta.url)(bundle);
await linter.initShell();
const input = PATHOLOGICAL_INPUTS[Number(index)];
const text = input.make(Number(size));
const options = everyRuleOn(linter.allRules, { except: ['shellcheck'] });

const time = (run) => {
  const start = performance.now();
  const result = run();
  return [performance.now() - start, result];
};
globalThis.gc?.();
const baseHeap = process.memoryUsage().heapUsed;
const [parseMs, tree] = time(() => linter.parse(text));
const treeHeap = process.memoryUsage().heapUsed - baseHeap;
const [lintMs, findings] = time(() => linter.lint(tree, options));
const [formatMs, edits] = time(() => linter.formatEdits(tree, { continuationIndent: 4, tabSize: 4 }, 0, text.length));
process.stdout.write(JSON.stringify({
  chars: text.length,
  parseMs,
  lintMs,
  formatMs,
  findings: findings.length,
  formatEdits: edits.length,
  parseErrors: tree.errors.length,
  treeHeapBytes: treeHeap,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
}));
