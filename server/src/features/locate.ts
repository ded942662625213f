import { flagVariables } from '../analysis/flag-variables.js';
import { canonicalMountKey } from '../analysis/mounts.js';
import { earlierStage } from '../analysis/stage-references.js';
import { PRAGMAS } from '../lint/suppressions.js';
import type { Comment, Directive, DockerfileTree, Flag, FlagOption, Instruction, KeyValue, Span, Stage, VariableRef, Word } from '../parser/index.js';

/** What sits at an offset of a Dockerfile: the one lookup hover, completion and references share. */
export type Target =
  | { kind: 'keyword'; instruction: Instruction; span: Span }
  | { kind: 'flag-name'; instruction: Instruction; flag: Flag; span: Span }
  | { kind: 'flag-value'; instruction: Instruction; flag: Flag; span: Span }
  | { kind: 'mount-key'; instruction: Instruction; flag: Flag; option: FlagOption; key: string; span: Span }
  | { kind: 'mount-value'; instruction: Instruction; flag: Flag; option: FlagOption; key: string; span: Span }
  | { kind: 'variable'; instruction: Instruction; variable: VariableRef; span: Span }
  | { kind: 'definition'; instruction: Instruction; pair: KeyValue; span: Span }
  | { kind: 'stage-name'; instruction: Instruction; stage: Stage; span: Span }
  | { kind: 'stage-reference'; instruction: Instruction; stage: Stage; span: Span }
  | { kind: 'image'; instruction: Instruction; word: Word; span: Span }
  | { kind: 'arguments'; instruction: Instruction; span: Span }
  | { kind: 'directive'; directive: Directive; part: 'name' | 'value'; span: Span }
  | { kind: 'check-name'; name: string; span: Span }
  | { kind: 'pragma-rule'; comment: Comment; name: string; span: Span }
  | { kind: 'comment'; comment: Comment; span: Span };

/** Ends count as inside, so a word is found with the cursor right after it. */
export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Binary search over spans in source order; the last one starting at or before `offset` when it contains it. */
export function spanAt<T extends Span>(items: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = items.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle].start <= offset) {
      found = items[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found && offset <= found.end ? found : undefined;
}

/** The instruction at an offset; for ONBUILD, its trigger once the offset is past `ONBUILD`. */
export function instructionAt(tree: DockerfileTree, offset: number): Instruction | undefined {
  const instruction = spanAt(tree.instructions, offset);
  if (instruction?.trigger && offset >= instruction.trigger.keywordToken.start) return instruction.trigger;
  return instruction;
}

/** The top-level instruction holding an offset (ONBUILD rather than its trigger). */
export function outerInstructionAt(tree: DockerfileTree, offset: number): Instruction | undefined {
  return spanAt(tree.instructions, offset);
}

export function stageAt(tree: DockerfileTree, offset: number): Stage | undefined {
  let low = 0;
  let high = tree.stages.length - 1;
  let found: Stage | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tree.stages[middle].from.start <= offset) {
      found = tree.stages[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The stage a FROM image, `--from` value or mount `from=` names: an earlier
 * stage than the one holding `offset` (a FROM's own stage included).
 */
export function referencedStage(tree: DockerfileTree, name: string, offset: number): Stage | undefined {
  if (name === '' || name.includes('$')) return undefined;
  return earlierStage(tree, name, stageAt(tree, offset)?.index ?? 0);
}

export function locate(tree: DockerfileTree, offset: number): Target | undefined {
  const instruction = instructionAt(tree, offset);
  if (instruction) return locateInInstruction(tree, instruction, offset);
  const directive = spanAt(tree.directives, offset);
  if (directive) return locateInDirective(directive, offset);
  const comment = spanAt(tree.comments, offset);
  if (comment) return locateInComment(tree, comment, offset);
  return undefined;
}

function locateInInstruction(tree: DockerfileTree, instruction: Instruction, offset: number): Target {
  if (contains(instruction.keywordToken, offset)) return { kind: 'keyword', instruction, span: instruction.keywordToken };
  for (const flag of instruction.flags) {
    if (contains(flag, offset)) return locateInFlag(tree, instruction, flag, offset);
  }
  for (const variable of instruction.variables) {
    if (variable.start <= offset && offset <= variable.end) return { kind: 'variable', instruction, variable, span: variable.nameSpan };
  }
  if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
    for (const pair of instruction.pairs ?? []) {
      if (contains(pair.key, offset)) return { kind: 'definition', instruction, pair, span: pair.key };
    }
  }
  const from = instruction.from;
  if (from) {
    if (from.stageName && contains(from.stageName, offset)) {
      const stage = tree.stages.find((candidate) => candidate.from === instruction);
      if (stage) return { kind: 'stage-name', instruction, stage, span: from.stageName };
    }
    if (contains(from.image, offset)) {
      const stage = referencedStage(tree, from.image.value, instruction.start);
      if (stage) return { kind: 'stage-reference', instruction, stage, span: from.image };
      return { kind: 'image', instruction, word: from.image, span: from.image };
    }
  }
  return { kind: 'arguments', instruction, span: instruction.args };
}

function locateInFlag(tree: DockerfileTree, instruction: Instruction, flag: Flag, offset: number): Target {
  for (const variable of flagVariables(tree, flag)) {
    if (variable.start <= offset && offset <= variable.end) return { kind: 'variable', instruction, variable, span: variable.nameSpan };
  }
  if (offset <= flag.nameSpan.end) return { kind: 'flag-name', instruction, flag, span: { start: flag.start, end: flag.nameSpan.end } };
  if (flag.options) {
    for (const option of flag.options) {
      if (!contains(option, offset)) continue;
      const key = canonicalMountKey(option.key.value);
      if (contains(option.key, offset)) return { kind: 'mount-key', instruction, flag, option, key, span: option.key };
      if (option.value && contains(option.value, offset)) {
        if (key === 'from') {
          const stage = referencedStage(tree, option.value.value, instruction.start);
          if (stage) return { kind: 'stage-reference', instruction, stage, span: option.value };
        }
        return { kind: 'mount-value', instruction, flag, option, key, span: option.value };
      }
    }
  }
  const value = flag.value ?? { start: flag.end, end: flag.end };
  if (flag.name === 'from' && flag.value && instruction.keyword === 'COPY') {
    const stage = referencedStage(tree, flag.value.value, instruction.start);
    if (stage) return { kind: 'stage-reference', instruction, stage, span: flag.value };
  }
  return { kind: 'flag-value', instruction, flag, span: value };
}

function locateInDirective(directive: Directive, offset: number): Target {
  if (directive.name === 'check' && contains(directive.value, offset)) {
    const name = checkNameAt(directive.value.value, directive.value.start, offset);
    if (name) return { kind: 'check-name', ...name };
  }
  const part = offset < directive.value.start ? 'name' : 'value';
  return { kind: 'directive', directive, part, span: part === 'name' ? directive.nameSpan : directive.value };
}

function locateInComment(tree: DockerfileTree, comment: Comment, offset: number): Target {
  const text = tree.text.slice(comment.start, comment.end);
  for (const name of pragmaNames(text, comment.start)) {
    if (contains(name.span, offset)) return { kind: 'pragma-rule', comment, name: name.name, span: name.span };
  }
  const check = /^#\s*check\s*=\s*/i.exec(text);
  if (check) {
    const name = checkNameAt(text.slice(check[0].length), comment.start + check[0].length, offset);
    if (name) return { kind: 'check-name', ...name };
  }
  return { kind: 'comment', comment, span: comment };
}

/** The rule names an ignore pragma lists, with their spans; `text` is the comment from its `#`. */
export function pragmaNames(text: string, start: number): Array<{ name: string; span: Span }> {
  const body = /^#\s*/.exec(text)![0].length;
  for (const { pattern } of PRAGMAS) {
    const match = pattern.exec(text.slice(body));
    if (!match) continue;
    const listStart = body + match.index + match[0].length - match[1].length;
    return namesIn(match[1], start + listStart, /[^\s,]+/g);
  }
  return [];
}

/** The check name under `offset` in a `skip=A,B;error=true` value starting at `start`. */
function checkNameAt(value: string, start: number, offset: number): { name: string; span: Span } | undefined {
  let partStart = 0;
  for (const part of value.split(';')) {
    const skip = /^\s*skip\s*=\s*/i.exec(part);
    if (skip) {
      const names = namesIn(part.slice(skip[0].length), start + partStart + skip[0].length, /[^\s,]+/g);
      const found = names.find((name) => contains(name.span, offset));
      if (found) return found;
    }
    partStart += part.length + 1;
  }
  return undefined;
}

function namesIn(list: string, start: number, pattern: RegExp): Array<{ name: string; span: Span }> {
  const names: Array<{ name: string; span: Span }> = [];
  for (const match of list.matchAll(pattern)) {
    names.push({ name: match[0], span: { start: start + match.index, end: start + match.index + match[0].length } });
  }
  return names;
}
