import { expandWord } from './expand.js';
import type { VariableDefinition } from './variables.js';

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
