import { copyArguments } from '../../analysis/copy.js';
import { knownValueAt } from '../../analysis/known-value.js';
import type { Instruction, Token } from '../../parser/index.js';
import type { RuleContext } from '../types.js';

export interface CopyDestination {
  token: Token;
  /** The path with variables expanded; undefined when a build argument or the base image decides it. */
  path: string | undefined;
  /** How many sources the COPY or ADD has, heredocs included. */
  sources: number;
}

/** The destination of a COPY or ADD, as BuildKit will see it. */
export function copyDestination(context: RuleContext, instruction: Instruction): CopyDestination | undefined {
  const { sources, destination } = copyArguments(instruction, context.tree.escapeChar);
  if (!destination) return undefined;
  const raw = context.text.slice(destination.start, destination.end);
  const path = knownValueAt(raw, instruction.start, context.variables, context.tree.escapeChar);
  return { token: destination, path, sources: sources.length + instruction.heredocs.length };
}
