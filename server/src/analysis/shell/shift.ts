/**
 * Moves a parsed script by `delta` characters: when an edit above an
 * instruction shifts it, its script is the same text at new offsets, and
 * copying the words is far cheaper than parsing the script again.
 */
import type { Span } from '../../parser/types.js';
import type { ShellAssignment, ShellCommand, ShellRedirect, ShellScript, ShellWord } from './types.js';

export function shiftScript(script: ShellScript, delta: number, document: string | undefined): ShellScript {
  const source = { ...script.source, map: { logical: script.source.map.logical, source: script.source.map.source.map((offset) => offset + delta) } };
  if (document !== undefined) source.document = document;
  return {
    source,
    commands: script.commands.map((command) => shiftCommand(command, delta)),
    hasErrors: script.hasErrors,
    errors: script.errors.map((error) => shiftSpan(error, delta)),
  };
}

function shiftSpan<T extends Span>(span: T, delta: number): T {
  return { ...span, start: span.start + delta, end: span.end + delta };
}

function shiftWord(word: ShellWord, delta: number): ShellWord {
  return shiftSpan(word, delta);
}

function shiftAssignment(assignment: ShellAssignment, delta: number): ShellAssignment {
  const shifted = shiftSpan(assignment, delta);
  if (assignment.value) shifted.value = shiftWord(assignment.value, delta);
  return shifted;
}

function shiftRedirect(redirect: ShellRedirect, delta: number): ShellRedirect {
  const shifted = shiftSpan(redirect, delta);
  if (redirect.target) shifted.target = shiftWord(redirect.target, delta);
  if (redirect.heredocBody) shifted.heredocBody = shiftSpan(redirect.heredocBody, delta);
  return shifted;
}

function shiftCommand(command: ShellCommand, delta: number): ShellCommand {
  return {
    ...shiftSpan(command, delta),
    nameWord: shiftWord(command.nameWord, delta),
    args: command.args.map((word) => shiftWord(word, delta)),
    assignments: command.assignments.map((assignment) => shiftAssignment(assignment, delta)),
    redirects: command.redirects.map((redirect) => shiftRedirect(redirect, delta)),
    wrappers: command.wrappers.map((word) => shiftWord(word, delta)),
  };
}
