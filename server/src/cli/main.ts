import { readFileSync } from 'node:fs';
import { parseCommand } from './parse-command.js';

/** `layerwise <command> ...`: each command is a small module; this table is the whole dispatcher. */
const COMMANDS: Record<string, { summary: string; run: (args: string[]) => number }> = {
  parse: { summary: 'parse [--format json|buildkit] FILE|-   print the syntax tree', run: parseCommand },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  layerwise ${command.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

function main(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === '--version') {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(name && name !== '--help' ? `layerwise: unknown command '${name}'\n${usage()}` : usage());
    return name === '--help' ? 0 : 2;
  }
  return command.run(rest);
}

function readVersion(): string {
  try {
    return JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

process.exitCode = main(process.argv.slice(2));
