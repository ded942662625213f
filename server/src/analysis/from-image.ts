import type { Instruction } from '../parser/index.js';
import { knownValueAt } from './known-value.js';
import type { VariableResolver } from './variables.js';

/** The image a FROM names, global ARGs expanded; undefined when a build argument decides it. */
export function fromImageText(instruction: Instruction, variables: VariableResolver, escape: string): string | undefined {
  const image = instruction.from?.image;
  return image && knownValueAt(image.value, instruction.start, variables, escape);
}
