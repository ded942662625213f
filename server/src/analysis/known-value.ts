import { expandWord } from './expand.js';
import type { VariableDefinition, VariableResolver } from './variables.js';

/**
 * A word's value when every variable it uses has a value known here (from the
 * Dockerfile alone); undefined when one does not, e.g. an ENV of the base image.
 */
export function knownValue(raw: string, scope: ReadonlyMap<string, VariableDefinition>, escape: string): string | undefined {
  let unknown = false;
  const value = expandWord(
    raw,
    (name) => {
      const known = scope.get(name)?.value;
      if (known === undefined) unknown = true;
      return known;
    },
    escape,
  );
  return unknown ? undefined : value;
}

const NO_VARIABLES: ReadonlyMap<string, VariableDefinition> = new Map();

/** `knownValue` at a document offset; builds the scope only when the word uses a variable. */
export function knownValueAt(raw: string, offset: number, variables: VariableResolver, escape: string): string | undefined {
  return knownValue(raw, raw.includes('$') ? variables.scopeAt(offset) : NO_VARIABLES, escape);
}
