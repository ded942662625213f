/**
 * The shell layer that shell-aware rules share: `await initShell()` once, then
 * read a RUN with `parseInstructionScript(tree, instruction)` (or
 * `parseShell(shellScriptOf(instruction, options))`) and ask with the helpers below.
 */
export type * from './types.js';
export { initShell, isShellReady } from './runtime.js';
export { shellScriptOf, scriptFromText, isPosixShell, programName, DEFAULT_SHELL, type ShellScriptOptions } from './script-source.js';
export { shellInEffect, shellPragma } from './shell-in-effect.js';
export { parseShell, parseInstructionScript } from './parse.js';
export { unwrapCommand } from './wrappers.js';
export {
  parseArguments,
  findFlags,
  hasFlag,
  flagValue,
  operands,
  subcommand,
  argsAfter,
  optionsFor,
  KNOWN_OPTIONS,
  type OptionSpec,
  type ParsedArgument,
} from './arguments.js';
export { commandsNamed, unwrappedCommands, matchesCommand, commandAfter, runsAfter, type CommandMatcher } from './queries.js';
