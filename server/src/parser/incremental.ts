import { finishTree, newState, parse, parseRange } from './parse.js';
import type { DockerfileTree, Heredoc, Instruction, KeyValue, Span, Token } from './types.js';

/** Replace [start, end) of the old text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies an edit and reparses only the instructions it touches. The old tree
 * is consumed: nodes after the edit are shifted in place and reused, as
 * tree-sitter does, so callers must drop their references to it.
 */
export function applyEdit(tree: DockerfileTree, edit: TextEdit): DockerfileTree {
  const oldText = tree.text;
  const text = oldText.slice(0, edit.start) + edit.text + oldText.slice(edit.end);
  const delta = edit.text.length - (edit.end - edit.start);
  const first = lastInstructionAtOrBefore(tree.instructions, edit.start);
  // Up to the first instruction's keyword, an edit can make or break a parser directive: parse it all.
  if (first < 0 || edit.start <= tree.instructions[0].start) return parse(text);

  // The byte-order mark is not part of the first line's text (parse starts after it).
  const reparseFrom = Math.max(lineStart(oldText, tree.instructions[first].start), tree.bom ? 1 : 0);
  const state = newState(text);
  state.escape = tree.escapeChar.charCodeAt(0);
  state.directives.done = true;
  state.directiveNodes = tree.directives;

  // Old instructions after the edit are resync points: once the reparse reaches
  // the start of one of their lines, everything from there on is unchanged.
  let next = first;
  while (next < tree.instructions.length && tree.instructions[next].start < edit.end) next++;
  const editEnd = edit.start + edit.text.length;
  const resumed = parseRange(state, reparseFrom, (pos) => {
    if (pos < editEnd) return false;
    while (next < tree.instructions.length && lineStart(oldText, tree.instructions[next].start) + delta < pos) next++;
    return next < tree.instructions.length && lineStart(oldText, tree.instructions[next].start) + delta === pos;
  });
  const resumeOld = resumed - delta;
  const reused = resumed < text.length ? tree.instructions.slice(next) : [];
  for (const instruction of reused) shiftInstruction(instruction, delta);

  state.instructions = [...tree.instructions.slice(0, first), ...state.instructions, ...reused];
  state.comments = splice(tree.comments, reparseFrom, resumeOld, state.comments, delta, resumed < text.length);
  const oldErrors = tree.errors.filter((error) => error.code !== 'no-instructions');
  state.errors = splice(oldErrors, reparseFrom, resumeOld, state.errors, delta, resumed < text.length);
  return finishTree(state, tree.bom);
}

/** Old items before `from`, the reparsed ones, then old items from `resume` on, shifted. */
function splice<T extends Span>(old: T[], from: number, resume: number, fresh: T[], delta: number, reuseTail: boolean): T[] {
  const head = old.filter((item) => item.start < from);
  const tail = reuseTail ? old.filter((item) => item.start >= resume) : [];
  for (const item of tail) shiftSpan(item, delta);
  return [...head, ...fresh, ...tail];
}

function lastInstructionAtOrBefore(instructions: Instruction[], offset: number): number {
  let low = 0;
  let high = instructions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (instructions[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function shiftSpan(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

function shiftAll(spans: readonly Span[], delta: number): void {
  for (const span of spans) shiftSpan(span, delta);
}

function shiftPair(pair: KeyValue, delta: number): void {
  shiftSpan(pair, delta);
  shiftSpan(pair.key, delta);
  if (pair.value) shiftSpan(pair.value, delta);
}

function shiftHeredoc(heredoc: Heredoc, delta: number): void {
  shiftSpan(heredoc, delta);
  shiftSpan(heredoc.marker, delta);
  shiftSpan(heredoc.content, delta);
  if (heredoc.terminator) shiftSpan(heredoc.terminator, delta);
}

/** Moves every span of an instruction; `from` holds the same objects as `words`, so it is not shifted twice. */
function shiftInstruction(instruction: Instruction, delta: number, mapShifted = false): void {
  shiftSpan(instruction, delta);
  shiftSpan(instruction.keywordToken, delta);
  shiftSpan(instruction.args, delta);
  if (!mapShifted) {
    const source = instruction.argsMap.source;
    for (let i = 0; i < source.length; i++) source[i] += delta;
  }
  for (const flag of instruction.flags) {
    shiftSpan(flag, delta);
    shiftSpan(flag.nameSpan, delta);
    if (flag.value) shiftSpan(flag.value, delta);
    for (const option of flag.options ?? []) {
      shiftSpan(option, delta);
      shiftSpan(option.key, delta);
      if (option.value) shiftSpan(option.value, delta);
    }
  }
  shiftAll(instruction.words, delta);
  if (instruction.exec) {
    shiftSpan(instruction.exec, delta);
    shiftAll(instruction.exec.elements, delta);
  }
  for (const heredoc of instruction.heredocs) shiftHeredoc(heredoc, delta);
  for (const pair of instruction.pairs ?? []) shiftPair(pair, delta);
  for (const variable of instruction.variables) {
    shiftSpan(variable, delta);
    shiftSpan(variable.nameSpan, delta);
    if (variable.operand) shiftSpan(variable.operand as Token, delta);
  }
  if (instruction.trigger) shiftInstruction(instruction.trigger, delta, instruction.trigger.argsMap === instruction.argsMap);
}
