import type { DockerfileTree, Instruction } from '../parser/index.js';
import type { Rule } from './types.js';

/**
 * Ignore pragmas, in every form users already write:
 * `# hadolint ignore=DL3008,DL3009` and `# layerwise-ignore rule-id` for the next instruction,
 * `# hadolint global ignore=...` and `# layerwise-ignore-file rule-id` for the file,
 * and BuildKit's `# check=skip=A,B` (or `skip=all`) directive.
 */
export class Suppressions {
  private readonly everywhere = new Set<string>();
  private skipAll = false;
  private readonly byInstruction = new Map<Instruction, Set<string>>();

  constructor(private readonly tree: DockerfileTree) {
    for (const directive of tree.directives) {
      if (directive.name === 'check') this.readCheckDirective(directive.value.value);
    }
    let next = 0;
    for (const comment of tree.comments) {
      const pragma = readPragma(comment.text);
      if (!pragma) continue;
      if (pragma.global) {
        for (const name of pragma.names) this.everywhere.add(name);
        continue;
      }
      while (next < tree.instructions.length && tree.instructions[next].start < comment.end) next++;
      const instruction = tree.instructions[next];
      if (!instruction) continue;
      const names = this.byInstruction.get(instruction) ?? new Set<string>();
      for (const name of pragma.names) names.add(name);
      this.byInstruction.set(instruction, names);
    }
  }

  skipsRuleEverywhere(rule: Rule): boolean {
    return (this.skipAll && rule.meta.aliases.some(isBuildkitCheckName)) || namesOf(rule).some((name) => this.everywhere.has(name));
  }

  /** Whether a finding of `rule` at `offset` sits in an instruction whose pragma ignores it. */
  suppresses(rule: Rule, offset: number): boolean {
    if (this.byInstruction.size === 0) return false;
    const instruction = instructionAt(this.tree.instructions, offset);
    const names = instruction && this.byInstruction.get(instruction);
    return !!names && namesOf(rule).some((name) => names.has(name));
  }

  private readCheckDirective(value: string): void {
    for (const part of value.split(';')) {
      const [key, list = ''] = part.split('=', 2).map((text) => text.trim());
      if (key.toLowerCase() !== 'skip') continue;
      for (const name of list.split(',').map((text) => text.trim().toLowerCase()).filter(Boolean)) {
        if (name === 'all') this.skipAll = true;
        else this.everywhere.add(name);
      }
    }
  }
}

/** BuildKit's check names are PascalCase words, unlike hadolint's DLxxxx codes. */
function isBuildkitCheckName(alias: string): boolean {
  return /^[A-Z][a-z]/.test(alias);
}

function namesOf(rule: Rule): string[] {
  return [rule.meta.id, ...rule.meta.aliases].map((name) => name.toLowerCase());
}

const PRAGMAS: Array<{ pattern: RegExp; global: boolean }> = [
  { pattern: /^hadolint\s+global\s+ignore\s*=\s*(.+)$/i, global: true },
  { pattern: /^hadolint\s+ignore\s*=\s*(.+)$/i, global: false },
  { pattern: /^layerwise-ignore-file\s+(.+)$/i, global: true },
  { pattern: /^layerwise-ignore\s+(.+)$/i, global: false },
];

function readPragma(text: string): { global: boolean; names: string[] } | undefined {
  for (const { pattern, global } of PRAGMAS) {
    const match = pattern.exec(text);
    if (match) return { global, names: match[1].split(/[\s,]+/).map((name) => name.toLowerCase()).filter(Boolean) };
  }
  return undefined;
}

function instructionAt(instructions: Instruction[], offset: number): Instruction | undefined {
  let low = 0;
  let high = instructions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const instruction = instructions[middle];
    if (offset < instruction.start) high = middle - 1;
    else if (offset > instruction.end) low = middle + 1;
    else return instruction;
  }
  return undefined;
}
