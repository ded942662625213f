// dockerfile-utils' CLI lints one file per process, so the lint section runs
// this instead: its `validate` over every file named, in one node process,
// printing the diagnostics as JSON (what a CLI would do with them).
const { readFileSync } = require('node:fs');
const { validate } = require('dockerfile-utils');

const results = process.argv.slice(2).map((file) => ({ file, diagnostics: validate(readFileSync(file, 'utf8')) }));
process.stdout.write(`${JSON.stringify(results)}\n`);
