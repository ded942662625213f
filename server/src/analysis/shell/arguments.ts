/**
 * Reads a command's arguments as options and operands, getopt-style:
 * clustered short flags (`-qy` is `-q -y`), `--name=value` and `--name value`,
 * `-oValue`, and `--` ending the options. Which options take a value is
 * per command: pass an `OptionSpec`, or rely on `KNOWN_OPTIONS`.
 */
import { memoOn } from './memo.js';
import { programName } from './script-source.js';
import type { ShellCommand, ShellWord } from './types.js';

export interface OptionSpec {
  /** Options that take a value (`-o`, `--target-release`): the next word, or the rest after `=` / after the letter. */
  valueOptions?: readonly string[];
}

export type ParsedArgument =
  | { kind: 'flag'; flag: string; word: ShellWord; value?: string; valueWord?: ShellWord }
  | { kind: 'operand'; word: ShellWord };

const PIP_OPTIONS: OptionSpec = { valueOptions: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--cache-dir', '--progress-bar', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--log', '--proxy', '--retries', '--timeout'] };

/** Value-taking options of commands that rules read often; a rule can pass its own spec instead. */
export const KNOWN_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'apt-get': { valueOptions: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'] },
  apt: { valueOptions: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'] },
  apk: { valueOptions: ['-X', '--repository', '-p', '--root', '-t', '--virtual', '--arch', '--cache-dir', '--keys-dir', '--repositories-file'] },
  dnf: { valueOptions: ['-c', '--config', '--setopt', '--enablerepo', '--disablerepo', '--repo', '--releasever', '--installroot', '-x', '--exclude', '-d', '--debuglevel', '-e', '--errorlevel'] },
  yum: { valueOptions: ['-c', '--config', '--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-x', '--exclude', '-d', '--debuglevel', '-e', '--errorlevel'] },
  microdnf: { valueOptions: ['--config', '--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot'] },
  zypper: { valueOptions: ['-r', '--repo', '--root', '-R', '--reposd-dir', '-C', '--cache-dir'] },
  pip: PIP_OPTIONS,
  pip3: PIP_OPTIONS,
  pip2: PIP_OPTIONS,
  npm: { valueOptions: ['--prefix', '--registry', '-w', '--workspace', '--cache', '--omit', '--include', '--loglevel'] },
  gem: { valueOptions: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '--platform'] },
};

/** The spec of a command with no value-taking options: one object, so its parses are cached under one key. */
const NO_OPTIONS: OptionSpec = Object.freeze({});

export function optionsFor(command: ShellCommand): OptionSpec {
  return KNOWN_OPTIONS[programName(command.name)] ?? NO_OPTIONS;
}

/**
 * A command's parses, by the value-taking options they were read with: rules
 * ask the same questions of the same commands (a corpus pass parsed each
 * command's arguments dozens of times). Callers only read the result.
 */
const PARSES = Symbol('parses');
/** Specs by identity to their options as one string; specs written inline in a call are collected with their entry. */
const specKeys = new WeakMap<OptionSpec, string>();

interface Parse {
  parsed: readonly ParsedArgument[];
  /** Its operands, once asked for. */
  operands?: ShellWord[];
}

export function parseArguments(command: ShellCommand, spec: OptionSpec = optionsFor(command)): readonly ParsedArgument[] {
  return parseOf(command, spec).parsed;
}

function parseOf(command: ShellCommand, spec: OptionSpec): Parse {
  let key = specKeys.get(spec);
  if (key === undefined) specKeys.set(spec, (key = (spec.valueOptions ?? []).join(' ')));
  const parses = memoOn(command, PARSES, newParseList);
  let parse = parses.get(key);
  if (!parse) parses.set(key, (parse = { parsed: parseWithSpec(command, spec) }));
  return parse;
}

function newParseList(): Map<string, Parse> {
  return new Map();
}

function parseWithSpec(command: ShellCommand, spec: OptionSpec): ParsedArgument[] {
  const valueOptions = new Set(spec.valueOptions ?? []);
  const parsed: ParsedArgument[] = [];
  const args = command.args;
  for (let index = 0; index < args.length; index++) {
    const word = args[index];
    const text = word.value;
    if (text === '--') {
      // A loop, not push(...): a command may have more operands than a call takes as arguments.
      for (const operand of args.slice(index + 1)) parsed.push({ kind: 'operand', word: operand });
      break;
    }
    if (!text.startsWith('-') || text === '-') {
      parsed.push({ kind: 'operand', word });
    } else if (text.startsWith('--')) {
      index = readLongOption(args, index, valueOptions, parsed);
    } else {
      index = readShortCluster(args, index, valueOptions, parsed);
    }
  }
  return parsed;
}

/** `--name=value`, or `--name value` when `--name` takes a value; returns the last index it used. */
function readLongOption(args: ShellWord[], index: number, valueOptions: Set<string>, parsed: ParsedArgument[]): number {
  const word = args[index];
  const equals = word.value.indexOf('=');
  if (equals >= 0) {
    parsed.push({ kind: 'flag', flag: word.value.slice(0, equals), word, value: word.value.slice(equals + 1) });
    return index;
  }
  const valueWord = valueOptions.has(word.value) ? args[index + 1] : undefined;
  parsed.push({ kind: 'flag', flag: word.value, word, value: valueWord?.value, valueWord });
  return valueWord ? index + 1 : index;
}

/** `-qy` is `-q` and `-y`; a value-taking letter takes the rest of the word (`-oFoo`) or the next word. */
function readShortCluster(args: ShellWord[], index: number, valueOptions: Set<string>, parsed: ParsedArgument[]): number {
  const word = args[index];
  const letters = word.value.slice(1);
  for (let position = 0; position < letters.length; position++) {
    const flag = `-${letters[position]}`;
    if (!valueOptions.has(flag)) {
      parsed.push({ kind: 'flag', flag, word });
      continue;
    }
    const attached = letters.slice(position + 1);
    if (attached.length > 0) {
      parsed.push({ kind: 'flag', flag, word, value: attached.startsWith('=') ? attached.slice(1) : attached });
      return index;
    }
    const valueWord = args[index + 1];
    parsed.push({ kind: 'flag', flag, word, value: valueWord?.value, valueWord });
    return valueWord ? index + 1 : index;
  }
  return index;
}

function flagNames(flags: string | readonly string[]): readonly string[] {
  return typeof flags === 'string' ? [flags] : flags;
}

/** The occurrences of any of `flags` (`'-y'` or `['-y', '--yes', '--assume-yes']`). */
export function findFlags(command: ShellCommand, flags: string | readonly string[], spec?: OptionSpec): Array<Extract<ParsedArgument, { kind: 'flag' }>> {
  const wanted = flagNames(flags);
  return parseArguments(command, spec).filter(
    (argument): argument is Extract<ParsedArgument, { kind: 'flag' }> =>
      argument.kind === 'flag' && (wanted.includes(argument.flag) || wanted.some((flag) => isSingleDashLong(flag, argument.word))),
  );
}

/** `find -name x`, `java -jar x`: a single-dash option longer than a letter is matched as a whole word. */
function isSingleDashLong(flag: string, word: ShellWord): boolean {
  return flag.length > 2 && flag[1] !== '-' && (word.value === flag || word.value.startsWith(`${flag}=`));
}

export function hasFlag(command: ShellCommand, flags: string | readonly string[], spec?: OptionSpec): boolean {
  return findFlags(command, flags, spec).length > 0;
}

/** The value of the last occurrence of any of `flags` (`--flag=value`, `--flag value`, `-fvalue`). */
export function flagValue(command: ShellCommand, flags: string | readonly string[], spec?: OptionSpec): string | undefined {
  return findFlags(command, flags, spec).at(-1)?.value;
}

/** The arguments that are not options or option values; callers only read the list. */
export function operands(command: ShellCommand, spec: OptionSpec = optionsFor(command)): ShellWord[] {
  const parse = parseOf(command, spec);
  return (parse.operands ??= parse.parsed.flatMap((argument) => (argument.kind === 'operand' ? [argument.word] : [])));
}

/** The first operand: `install` in `apt-get -y install curl`. */
export function subcommand(command: ShellCommand, spec?: OptionSpec): ShellWord | undefined {
  return operands(command, spec)[0];
}

/** The operands after the first operand equal to `word`: the packages of `apt-get install -y a b`. */
export function argsAfter(command: ShellCommand, word: string, spec?: OptionSpec): ShellWord[] {
  const all = operands(command, spec);
  const at = all.findIndex((operand) => operand.value === word);
  return at < 0 ? [] : all.slice(at + 1);
}
