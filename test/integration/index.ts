// The suite's entry point, as @vscode/test-electron and the code-server runner both
// load it: run() runs every `*.test.js` beside this file with mocha and rejects when
// any test fails. Its last line is `N passed, N failed`, which the runners read.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Plain lines through console.log: the workbench forwards them without applying format strings. */
class PlainReporter {
  constructor(runner: Mocha.Runner) {
    let depth = 0;
    runner.on('suite', (suite) => {
      if (suite.title) console.log(`${'  '.repeat(depth)}${suite.title}`);
      depth += 1;
    });
    runner.on('suite end', () => { depth -= 1; });
    runner.on('pass', (test) => console.log(`${'  '.repeat(depth)}✓ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on('fail', (test, error: Error) => {
      console.log(`${'  '.repeat(depth)}✗ ${test.title}`);
      console.log(String(error.stack ?? error.message).split('\n').map((line) => `${'  '.repeat(depth + 2)}${line}`).join('\n'));
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: PlainReporter as unknown as typeof Mocha.reporters.Base, color: false, timeout: 30_000 });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0 || passed === 0) reject(new Error(passed === 0 ? 'no test ran' : `${failed} of ${passed + failed} tests failed`));
      else resolve();
    });
    runner.on('pass', () => { passed += 1; });
    runner.on('fail', () => { failed += 1; });
  });
}
