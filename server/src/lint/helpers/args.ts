import { toSourceSpan, type DockerfileTree, type Instruction, type Span } from '../../parser/index.js';

/** Where `args.value` starts in the instruction's logical line. */
function argsLogicalStart(instruction: Instruction): number {
  const { logical, source } = instruction.argsMap;
  const offset = instruction.args.start;
  let piece = 0;
  while (piece + 1 < source.length && source[piece + 1] <= offset) piece++;
  return logical[piece] + offset - source[piece];
}

/** The source span of `[start, end)` of `instruction.args.value`, across continuation lines. */
export function argsSpan(instruction: Instruction, start: number, end: number): Span {
  const base = argsLogicalStart(instruction);
  return toSourceSpan(instruction.argsMap, base + start, base + end);
}

/** Whether the parser found an error inside the instruction (a rule reporting the same spot would say it twice). */
export function hasParseError(tree: DockerfileTree, instruction: Instruction): boolean {
  return tree.errors.some((error) => error.severity === 'error' && error.start >= instruction.start && error.start <= instruction.end);
}
