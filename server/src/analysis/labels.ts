import type { Instruction, Span } from '../parser/index.js';
import { unquote } from './expand.js';

export interface Label {
  /** The key with quotes and escapes removed. */
  name: string;
  nameSpan: Span;
  /** The value with quotes and escapes removed, `$` references left as written. */
  value: string;
  /** Where the value is written; the key's span when nothing is written after `=`. */
  valueSpan: Span;
  /** Whether the value uses variables, so that it is only known at build time. */
  dynamic: boolean;
}

/** Read once per instruction: many label rules ask for the same LABEL. */
const cache = new WeakMap<Instruction, Label[]>();

/** The labels a LABEL instruction sets, in order. */
export function labelsOf(instruction: Instruction, escape: string): Label[] {
  let labels = cache.get(instruction);
  if (!labels) {
    labels = readLabels(instruction, escape);
    cache.set(instruction, labels);
  }
  return labels;
}

function readLabels(instruction: Instruction, escape: string): Label[] {
  return (instruction.pairs ?? []).map((pair) => {
    const valueSpan = pair.value && pair.value.end > pair.value.start ? pair.value : pair.key;
    const dynamic = instruction.variables.some((variable) => variable.start >= valueSpan.start && variable.end <= valueSpan.end);
    return {
      name: unquote(pair.key.value, escape),
      nameSpan: pair.key,
      value: pair.value ? unquote(pair.value.value, escape) : '',
      valueSpan,
      dynamic: dynamic && pair.value !== undefined,
    };
  });
}
