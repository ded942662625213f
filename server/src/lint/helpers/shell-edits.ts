import type { ShellCommand, ShellScript } from '../../analysis/shell/index.js';
import type { DockerfileTree, Instruction } from '../../parser/index.js';
import type { TextEdit } from '../types.js';
import { indentationAt, lineEndOf } from './edits.js';

/** What may follow a script's last command and still take `&& more`: closers of compound commands, and white space. */
const CLOSING_TAIL = /^(?:\s|[\\`]\r?\n|\)|\}|;(?=(?:\s|[\\`]\r?\n)*(?:fi|done|esac|\}))|\b(?:fi|done|esac)\b)*$/;

/** Where a shell-form RUN's script ends, when a command can be chained after it; undefined otherwise (heredocs, exec form, a trailing comment, `&` or `;`). */
export function scriptEnd(instruction: Instruction, script: ShellScript, text: string): number | undefined {
  const run = instruction.trigger ?? instruction;
  if (script.source.origin !== 'shell-form' || run.heredocs.length > 0 || script.hasErrors || script.commands.length === 0) return undefined;
  const tail = text.slice(commandEnd(lastWrittenCommand(script)), run.args.end);
  return CLOSING_TAIL.test(tail) ? run.args.end : undefined;
}

/** The command written last, with its redirections. */
function lastWrittenCommand(script: ShellScript): ShellCommand {
  return script.commands.reduce((last, command) => (commandEnd(command) > commandEnd(last) ? command : last));
}

/** Where a command ends, redirections written after it included. */
export function commandEnd(command: ShellCommand): number {
  return command.redirects.reduce((end, redirect) => Math.max(end, redirect.end), command.end);
}

/** How the RUN continues its lines: the indentation of its last line, and whether operators start the lines (`&& b`) or end them (`a && \`). */
function continuationStyle(text: string, instruction: Instruction): { multiline: boolean; indent: string; leading: boolean } {
  const run = instruction.trigger ?? instruction;
  const lastLineStart = text.lastIndexOf('\n', run.args.end - 1) + 1;
  const multiline = lastLineStart > instruction.start;
  const lastLine = text.slice(lastLineStart, run.args.end);
  const indent = multiline ? indentationAt(text, run.args.end) : `${indentationAt(text, instruction.start)}    `;
  return { multiline, indent, leading: /^\s*(&&|\|\|)/.test(lastLine) };
}

/**
 * Text that chains `command` after the end of the RUN's script, as its lines
 * are written: ` && command` on a one-line RUN, or a new continuation line
 * (always, with `newLine`), with `comments` on lines of their own before it.
 */
export function chainedCommandText(tree: DockerfileTree, instruction: Instruction, command: string, options: { newLine?: boolean; comments?: readonly string[] } = {}): string {
  const style = continuationStyle(tree.text, instruction);
  if (!style.multiline && !options.newLine) return ` && ${command}`;
  const eol = lineEndOf(tree.text);
  const comments = (options.comments ?? []).map((comment) => `${style.indent}${comment}${eol}`).join('');
  const newLine = `${tree.escapeChar}${eol}${comments}${style.indent}`;
  return style.leading ? ` ${newLine}&& ${command}` : ` && ${newLine}${command}`;
}

/** An edit that runs `command` after the RUN's script, in the same layer; undefined when the script cannot take it. */
export function appendCommand(tree: DockerfileTree, instruction: Instruction, script: ShellScript, command: string): TextEdit | undefined {
  const end = scriptEnd(instruction, script, tree.text);
  if (end === undefined) return undefined;
  return { start: end, end, text: chainedCommandText(tree, instruction, command) };
}

/**
 * An edit that deletes one top-level command of a chain with its operator:
 * `a && b && c` without b is `a && c`, without c is `a && b`. Undefined for a
 * command in a compound command, a pipeline, or joined by `||` or `&`.
 */
export function removeCommand(tree: DockerfileTree, instruction: Instruction, script: ShellScript, command: ShellCommand): TextEdit | undefined {
  const run = instruction.trigger ?? instruction;
  if (script.source.origin !== 'shell-form' || command.within.length > 0) return undefined;
  const joins = (operator: ShellCommand['next']) => operator === '&&' || operator === ';';
  const escape = tree.escapeChar === '`' ? '`' : '\\\\';
  if (command.next !== undefined) {
    if (!joins(command.next)) return undefined;
    const gap = new RegExp(`^(?:[ \\t]|${escape}\\r?\\n)*(?:&&|;)(?:\\s|${escape}\\r?\\n)*`).exec(tree.text.slice(commandEnd(command), run.args.end));
    return gap ? { start: command.start, end: commandEnd(command) + gap[0].length, text: '' } : undefined;
  }
  const previous = script.commands.filter((other) => other.within.length === 0 && commandEnd(other) <= command.start).at(-1);
  if (!previous || !joins(previous.next)) return undefined;
  return { start: commandEnd(previous), end: commandEnd(command), text: '' };
}
