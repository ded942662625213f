// Run with --expose-gc: opens a 3 MB Dockerfile (30,000 stages) the way the server does
// (document store, lint runner, editor-feature caches, edits), closes it, and
// prints the heap before, while open, after close and after a second cycle, in bytes, as JSON.
import { initShell } from '../../server/src/analysis/shell/index.js';
import { variablesOf } from '../../server/src/features/tree-cache.js';
import { DocumentStore } from '../../server/src/workspace/documents.js';
import { LintRunner } from '../../server/src/workspace/lint-runner.js';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings.js';

const gc = globalThis.gc!;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

(async () => {
  await initShell();
  const documents = new DocumentStore();
  const runner = new LintRunner('en');
  const project = { config: { severities: {}, settings: {}, problems: [] } };
  // Warm: load every module and rule once, so the baseline is the server at rest.
  runner.findings(documents.add('untitled:warm', 'dockerfile', 1, 'FROM alpine\nRUN echo\n').tree, runner.options(DEFAULT_SETTINGS, project));
  documents.remove('untitled:warm');
  const before = heap();

  // In a function of its own, so nothing but the server's structures can keep the document alive.
  const openEditClose = () => {
    const stage = (i: number) => `FROM alpine:3.20 AS s${i}\nARG V${i}=1\nRUN apk add --no-cache curl && echo $V${i}\nCOPY . /app\n`;
    const text = Array.from({ length: 30_000 }, (_, i) => stage(i)).join('');
    const uri = 'untitled:big.Dockerfile';
    runner.findings(documents.add(uri, 'dockerfile', 1, text).tree, runner.options(DEFAULT_SETTINGS, project));
    variablesOf(documents.get(uri)!.tree);
    for (let version = 2; version < 6; version++) {
      documents.change(uri, version, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
      runner.findings(documents.get(uri)!.tree, runner.options(DEFAULT_SETTINGS, project));
    }
    const open = heap();
    documents.remove(uri);
    return { chars: text.length, open };
  };
  // Twice: the first cycle also leaves compiled code behind (V8 optimizes what a big file ran); a leak grows every cycle.
  const { chars, open } = openEditClose();
  const after = heap();
  openEditClose();
  const afterSecond = heap();
  process.stdout.write(JSON.stringify({ chars, before, open, after, afterSecond }));
})();
