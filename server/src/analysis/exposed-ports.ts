import type { Instruction, Word } from '../parser/index.js';
import { knownValue } from './known-value.js';
import type { VariableResolver } from './variables.js';

export interface ExposedPort {
  word: Word;
  /** The word's value (quotes removed, variables expanded): `[ip:][host:]port[/proto]`. */
  value: string;
  /** True when the value is the source text itself, so an edit can change it in place. */
  literal: boolean;
  /** Where `/proto` starts in the value, or -1. */
  slash: number;
}

/** The words of an EXPOSE whose value is known from the Dockerfile. */
export function exposedPorts(instruction: Instruction, variables: VariableResolver, escape: string): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const word of instruction.words) {
    const scope = word.value.includes('$') ? variables.scopeAt(instruction.start) : new Map();
    const value = knownValue(word.value, scope, escape);
    if (value === undefined || value === '') continue;
    ports.push({ word, value, literal: value === word.value, slash: value.indexOf('/') });
  }
  return ports;
}
