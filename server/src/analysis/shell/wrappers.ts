/**
 * Commands that run another command: `sudo -u app make`, `env A=1 make`,
 * `command make`, `gosu app make`. `unwrapCommand` gives the command they
 * run, and keeps the wrapper words in `wrappers` so a rule can still see them.
 */
import { memoOn } from './memo.js';
import { programName } from './script-source.js';
import type { ShellAssignment, ShellCommand, ShellWord } from './types.js';

interface WrapperSpec {
  /** Options whose value is the next word. */
  valueOptions?: readonly string[];
  /** Options after which the words are not a command to run (`command -v x`, `sudo -l`). */
  notRunning?: readonly string[];
  /** Operands before the command (`gosu USER cmd`, `timeout 10 cmd`). */
  leadingOperands?: number;
  /** `env NAME=value cmd`, `sudo NAME=value cmd`. */
  takesAssignments?: boolean;
}

const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    valueOptions: ['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user'],
    notRunning: ['-l', '--list', '-v', '--validate', '-k', '--reset-timestamp', '-K', '--remove-timestamp', '-e', '--edit', '-V', '--version'],
    takesAssignments: true,
  },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'], notRunning: ['-S', '--split-string'], takesAssignments: true },
  command: { notRunning: ['-v', '-V'] },
  exec: { valueOptions: ['-a'] },
  nohup: {},
  time: { valueOptions: ['-f', '--format', '-o', '--output'] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], leadingOperands: 1 },
  gosu: { leadingOperands: 1 },
  'su-exec': { leadingOperands: 1 },
  eatmydata: {},
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Rules unwrap the same commands again and again (hundreds of thousands of
 * calls a corpus pass): once per command object. Only for parsed scripts,
 * whose commands have their final `index`.
 */
const UNWRAPPED = Symbol('unwrapped');

/** The command that `command` runs through its wrappers, or `command` itself when it wraps nothing; callers only read it. */
export function unwrapCommand(command: ShellCommand): ShellCommand {
  return memoOn(command, UNWRAPPED, unwrapWhileParsing);
}

/** `unwrapCommand` for a command still being collected, whose `index` is not known yet: not cached. */
export function unwrapWhileParsing(command: ShellCommand): ShellCommand {
  let current = command;
  for (;;) {
    const next = unwrapOnce(current);
    if (next === current) return current;
    current = next;
  }
}

function unwrapOnce(command: ShellCommand): ShellCommand {
  const spec = WRAPPERS[programName(command.name)];
  if (!spec) return command;
  const args = command.args;
  const assignments: ShellAssignment[] = [];
  let index = 0;
  for (; index < args.length; index++) {
    const text = args[index].value;
    if (text === '--') {
      index++;
      break;
    }
    if (spec.takesAssignments && ASSIGNMENT.test(text)) {
      assignments.push(assignmentOfWord(args[index]));
    } else if (text.startsWith('-') && text.length > 1) {
      if (isAnyOf(text, spec.notRunning)) return command;
      if (takesNextWord(text, spec.valueOptions)) index++;
    } else {
      break;
    }
  }
  index += spec.leadingOperands ?? 0;
  const inner = args[index];
  if (!inner) return command;
  return {
    ...command,
    name: inner.value,
    nameWord: inner,
    args: args.slice(index + 1),
    assignments: [...command.assignments, ...assignments],
    wrappers: [...command.wrappers, command.nameWord, ...args.slice(0, index)],
  };
}

/** `-u` or `--user`, also as the last letter of a cluster (`-Eu`); `--user=x` carries its value. */
function takesNextWord(text: string, valueOptions: readonly string[] = []): boolean {
  if (text.startsWith('--')) return valueOptions.includes(text);
  return valueOptions.includes(`-${text[text.length - 1]}`);
}

function isAnyOf(text: string, flags: readonly string[] = []): boolean {
  if (text.startsWith('--')) return flags.includes(text.split('=')[0]);
  return [...text.slice(1)].some((letter) => flags.includes(`-${letter}`));
}

function assignmentOfWord(word: ShellWord): ShellAssignment {
  const equals = word.value.indexOf('=');
  const rawEquals = word.raw.indexOf('=');
  const valueText = word.value.slice(equals + 1);
  const value: ShellWord | undefined =
    valueText.length === 0
      ? undefined
      : { ...word, start: word.start + rawEquals + 1, raw: word.raw.slice(rawEquals + 1), value: valueText };
  return { start: word.start, end: word.end, name: word.value.slice(0, equals), value, raw: word.raw };
}
