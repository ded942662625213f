#!/usr/bin/env node
// A stand-in for a container CLI in the task runner's unit tests: prints a recorded
// output (FAKE_OUTPUT, a file; lines starting with "!" go to stderr), records its argv
// (FAKE_ARGV_FILE) and environment (FAKE_ENV_FILE), and either exits with FAKE_EXIT or, with FAKE_HANG=1, starts a
// child shell that starts a `sleep` (a process tree to cancel) and waits.
const { spawn } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');

if (process.env.FAKE_ARGV_FILE) writeFileSync(process.env.FAKE_ARGV_FILE, JSON.stringify(process.argv.slice(2)));
if (process.env.FAKE_ENV_FILE) writeFileSync(process.env.FAKE_ENV_FILE, JSON.stringify(process.env));
if (process.env.FAKE_OUTPUT) {
  for (const line of readFileSync(process.env.FAKE_OUTPUT, 'utf8').split('\n')) {
    if (line.startsWith('!')) process.stderr.write(`${line.slice(1)}\n`);
    else process.stdout.write(`${line}\n`);
  }
}
if (process.env.FAKE_HANG === '1') {
  const child = spawn('sh', ['-c', 'sleep 300 & echo "tree $$ $!"; wait'], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.stdout.write(`STEP 2/2: RUN sleep 300\nfake pid ${process.pid} child ${child.pid}\n`);
  // Like a CLI that does not pass SIGTERM on to its children, so that only a tree kill ends them.
  process.on('SIGTERM', () => {});
  setInterval(() => {}, 1000);
} else {
  process.exitCode = Number(process.env.FAKE_EXIT ?? 0);
}
