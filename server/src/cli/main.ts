import { LINT_USAGE, lintCommand } from './lint-command.js';
import { parseCommand } from './parse-command.js';
import { rulesCommand } from './rules-command.js';
import { packageVersion } from './version.js';

/** `layerwise <command> ...`: each command is a small module; this table is the whole dispatcher. */
const COMMANDS: Record<string, { summary: string; run: (args: string[]) => number | Promise<number> }> = {
  lint: { summary: LINT_USAGE, run: lintCommand },
  rules: { summary: 'rules [--format text|json] [--locale en|zh-cn]   list the rules', run: rulesCommand },
  parse: { summary: 'parse [--format json|buildkit] FILE|-   print the syntax tree', run: parseCommand },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  layerwise ${command.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(name && name !== '--help' ? `layerwise: unknown command '${name}'\n${usage()}` : usage());
    return name === '--help' ? 0 : 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`layerwise: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 3;
  },
);
