// Runs the given test files in this one process: starting a process per file
// (and loading TypeScript and the shell parser in each) costs more than most tests.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
