/** Package-manager commands that several rules recognize the same way. */
import { operands, programName, type ShellCommand, type ShellWord } from './shell/index.js';

const PIP = /^pip[0-9.]*$/;
const PYTHON = /^python[0-9.]*$/;

/**
 * `pip install` (pip3, pip3.12, a venv's pip) or `python -m pip install`: the
 * command with pip's own arguments (after `-m pip`), and the `install` word.
 * pipx and pipenv are other tools.
 */
export function pipInstall(command: ShellCommand): { pip: ShellCommand; install: ShellWord } | undefined {
  const name = programName(command.name);
  let pip = command;
  if (PYTHON.test(name)) {
    const module = command.args.findIndex((word, index) => word.value === '-m' && PIP.test(command.args[index + 1]?.value ?? ''));
    if (module < 0) return undefined;
    pip = { ...command, args: command.args.slice(module + 2) };
  } else if (!PIP.test(name)) {
    return undefined;
  }
  const install = operands(pip)[0];
  return install?.value === 'install' ? { pip, install } : undefined;
}

/** Whether the command is pip itself (for `pip cache purge`). */
export function isPip(command: ShellCommand): boolean {
  return PIP.test(programName(command.name));
}
