/** Questions rules ask of a script: which commands run, and what runs after what. */
import { subcommand } from './arguments.js';
import { memoOn } from './memo.js';
import { programName } from './script-source.js';
import type { ShellCommand, ShellScript } from './types.js';
import { unwrapCommand } from './wrappers.js';

/**
 * A command name (`'apt-get'`), a name and subcommand (`'apt-get install'`),
 * or a predicate. Names compare by base name (`/usr/bin/apt-get` is `apt-get`);
 * matching sees through wrappers (`sudo apt-get install` matches).
 */
export type CommandMatcher = string | ((command: ShellCommand) => boolean);

/** Most shell-aware rules ask for a script's unwrapped commands: once per script. */
const UNWRAPPED_COMMANDS = Symbol('unwrapped commands');

/** The commands the script runs, wrappers removed (see `unwrapCommand`); callers only read the list. */
export function unwrappedCommands(script: ShellScript): ShellCommand[] {
  return memoOn(script, UNWRAPPED_COMMANDS, unwrapAll);
}

function unwrapAll(script: ShellScript): ShellCommand[] {
  return script.commands.map(unwrapCommand);
}

/** Commands named `names`, unwrapped: `commandsNamed(script, 'apt-get')` finds `sudo apt-get` too. */
export function commandsNamed(script: ShellScript, names: string | readonly string[]): ShellCommand[] {
  const wanted = typeof names === 'string' ? [names] : names;
  return unwrappedCommands(script).filter((command) => wanted.includes(programName(command.name)));
}

export function matchesCommand(command: ShellCommand, matcher: CommandMatcher): boolean {
  const unwrapped = unwrapCommand(command);
  if (typeof matcher === 'function') return matcher(unwrapped);
  const [name, sub] = matcher.split(' ');
  if (programName(unwrapped.name) !== name) return false;
  return sub === undefined || subcommand(unwrapped)?.value === sub;
}

/**
 * The first command matching `then` that runs after the last command matching
 * `first`, in source order within the script (both unwrapped); for cleanup
 * rules: `commandAfter(script, 'apt-get install', isListsCleanup)`.
 */
export function commandAfter(script: ShellScript, first: CommandMatcher, then: CommandMatcher): ShellCommand | undefined {
  const commands = unwrappedCommands(script);
  let last = commands.length - 1;
  while (last >= 0 && !matchesCommand(commands[last], first)) last--;
  if (last < 0) return undefined;
  return commands.slice(last + 1).find((command) => matchesCommand(command, then));
}

/** Whether the script, after its last command matching `first`, runs one matching `then`. */
export function runsAfter(script: ShellScript, first: CommandMatcher, then: CommandMatcher): boolean {
  return commandAfter(script, first, then) !== undefined;
}
