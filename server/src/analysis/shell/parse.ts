/** `parseShell`: a script in, its commands out (synchronous, once `initShell()` has finished). */
import type { DockerfileTree, Instruction } from '../../parser/types.js';
import { CommandCollector } from './collect.js';
import { shellCursorBinding, shellParser } from './runtime.js';
import { scriptFromText, shellScriptOf } from './script-source.js';
import { shellInEffect } from './shell-in-effect.js';
import { copyTree, type SyntaxNode } from './syntax-node.js';
import { shiftScript } from './shift.js';
import type { ShellScript, ShellSource } from './types.js';

/** Parses a script; a plain string is read as a script whose offsets are its own. */
export function parseShell(source: ShellSource | string): ShellScript {
  const script = typeof source === 'string' ? scriptFromText(source) : source;
  const collector = new CommandCollector(parseToSyntax);
  collector.collect({ text: script.text, base: 0, map: script.map, document: script.document }, []);
  // Nested heredoc scripts are walked after the line that starts them; source order puts them where they are written.
  const commands = collector.commands.sort((first, second) => first.start - second.start);
  commands.forEach((command, index) => (command.index = index));
  return { source: script, commands, hasErrors: collector.errors.length > 0, errors: collector.errors };
}

function parseToSyntax(text: string): SyntaxNode {
  const tree = shellParser().parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree for a shell script');
  return copyTree(tree, shellCursorBinding());
}

const parsedScripts = new WeakMap<Instruction, { shell: readonly string[]; start: number; script: ShellScript | undefined }>();

/**
 * The parsed script of one of `tree`'s RUN, CMD or ENTRYPOINT instructions,
 * read with the SHELL in effect and the document's text; parsed once per
 * instruction for all rules. An instruction object the incremental parser
 * reuses has the same text: when it only moved, its script is shifted, not
 * parsed again; when its shell changed, it is parsed again.
 */
export function parseInstructionScript(tree: DockerfileTree, instruction: Instruction): ShellScript | undefined {
  const shell = shellInEffect(tree, instruction);
  const cached = parsedScripts.get(instruction);
  if (cached && sameShell(cached.shell, shell)) {
    if (cached.start === instruction.start) return cached.script;
    const script = cached.script && shiftScript(cached.script, instruction.start - cached.start, tree.text);
    parsedScripts.set(instruction, { shell, start: instruction.start, script });
    return script;
  }
  const source = shellScriptOf(instruction, { shell, document: tree.text });
  const script = source && source.text.length <= MAX_SCRIPT_CHARS ? parseShell(source) : undefined;
  parsedScripts.set(instruction, { shell, start: instruction.start, script });
  return script;
}

/** Rules ask for each RUN's script dozens of times: compare the shells without building a key each time. */
function sameShell(first: readonly string[], second: readonly string[]): boolean {
  return first === second || (first.length === second.length && first.every((word, index) => word === second[index]));
}

/**
 * Scripts longer than this are not read as shell (the rules that need a script
 * skip them): a 10 MB heredoc made millions of syntax nodes, 2 GB and 110 s.
 * No real RUN comes near it.
 */
const MAX_SCRIPT_CHARS = 1_000_000;
