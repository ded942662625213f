import { parseInstructionScript, unwrappedCommands, type ShellCommand, type ShellScript } from '../../analysis/shell/index.js';
import type { DockerfileTree, Instruction, Stage } from '../../parser/index.js';
import type { InstructionVisitor, RuleContext } from '../types.js';

/** A RUN whose script a rule reads. */
export interface RunScript {
  tree: DockerfileTree;
  /** The RUN, or the ONBUILD that holds it (what spans and edits are relative to). */
  instruction: Instruction;
  stage: Stage | undefined;
  /** Set when the RUN is the trigger of this ONBUILD. */
  onbuild?: Instruction;
  script: ShellScript;
  /**
   * The commands that parsed cleanly, wrappers (`sudo`, `env`) removed: all of
   * them, or, when the shell parser had to recover from an error, those that
   * end before the first error (what follows it may be misread).
   */
  commands: ShellCommand[];
}

/**
 * A RUN visitor that hands `visit` each RUN's script (ONBUILD triggers too,
 * unless `onbuild` is false). RUNs with no POSIX shell script (a PowerShell
 * SHELL or `# hadolint shell=` comment, a non-shell exec form) are skipped.
 */
export function runScripts(context: RuleContext, visit: (run: RunScript) => void, options: { onbuild?: boolean } = {}): InstructionVisitor {
  return (instruction, stage, onbuild) => {
    if (onbuild && options.onbuild === false) return;
    const owner = onbuild ?? instruction;
    const script = parseInstructionScript(context.tree, owner);
    if (!script) return;
    visit({ tree: context.tree, instruction: owner, stage, onbuild, script, commands: cleanCommands(script) });
  };
}

/** Every shell-aware rule reads the same commands of a script: unwrapped and filtered once per parsed script. */
const commandsOfScript = new WeakMap<ShellScript, ShellCommand[]>();

function cleanCommands(script: ShellScript): ShellCommand[] {
  let commands = commandsOfScript.get(script);
  if (!commands) {
    const firstError = script.errors.reduce((first, error) => Math.min(first, error.start), Infinity);
    commands = unwrappedCommands(script).filter((command) => command.end <= firstError);
    commandsOfScript.set(script, commands);
  }
  return commands;
}
