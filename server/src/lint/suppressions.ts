import type { Comment, DockerfileTree, Instruction, Stage } from '../parser/index.js';
import type { Rule } from './types.js';

export interface SuppressionOptions {
  /** False under hadolint's `disable-ignore-pragma`: ignore comments no longer work (`# check=skip` still does). */
  commentPragmas?: boolean;
  /** The `BUILDKIT_DOCKERFILE_CHECK` build argument: it replaces the file's `# check=` directive, as in BuildKit. */
  checkOverride?: string;
}

/**
 * Ignore pragmas, in every form users already write:
 * `# hadolint ignore=DL3008,DL3009` and `# layerwise-ignore rule-id` for the next instruction,
 * `# hadolint stage ignore=...` for the stage of the next instruction,
 * `# hadolint global ignore=...` and `# layerwise-ignore-file rule-id` for the file,
 * and BuildKit's `# check=skip=A,B` (or `skip=all`) directive, which also works as a
 * comment right above one instruction (`# check=skip=A // why`) for that instruction.
 */
export class Suppressions {
  private readonly everywhere = new Set<string>();
  private skipAll = false;
  private readonly byInstruction = new Map<Instruction, Set<string>>();
  private readonly byStage = new Map<Stage, Set<string>>();

  constructor(private readonly tree: DockerfileTree, options: SuppressionOptions = {}) {
    const directive = tree.directives.find((candidate) => candidate.name === 'check');
    const check = options.checkOverride ?? directive?.value.value;
    if (check !== undefined) this.readCheckDirective(check);
    this.readCheckComments();
    if (options.commentPragmas === false) return;
    let next = 0;
    for (const { comment, pragma } of ignorePragmas(tree)) {
      if (pragma.scope === 'file') {
        for (const name of pragma.names) this.everywhere.add(name);
        continue;
      }
      while (next < tree.instructions.length && tree.instructions[next].start < comment.end) next++;
      const instruction = tree.instructions[next];
      if (!instruction) continue;
      if (pragma.scope === 'stage') {
        const stage = stageAt(tree.stages, instruction.start);
        if (stage) addAll(this.byStage, stage, pragma.names);
      } else {
        addAll(this.byInstruction, instruction, pragma.names);
      }
    }
  }

  skipsRuleEverywhere(rule: Rule): boolean {
    return (this.skipAll && rule.meta.aliases.some(isBuildkitCheckName)) || namesOf(rule).some((name) => this.everywhere.has(name));
  }

  /** Whether a finding of `rule` at `offset` sits in an instruction whose pragma ignores it. */
  suppresses(rule: Rule, offset: number): boolean {
    if (this.byInstruction.size === 0 && this.byStage.size === 0) return false;
    const instruction = instructionAt(this.tree.instructions, offset);
    const names = instruction && this.byInstruction.get(instruction);
    const stage = this.byStage.size > 0 ? stageAt(this.tree.stages, offset) : undefined;
    const stageNames = stage && this.byStage.get(stage);
    if (names?.has(ALL_CHECKS) && rule.meta.aliases.some(isBuildkitCheckName)) return true;
    return namesOf(rule).some((name) => !!names?.has(name) || !!stageNames?.has(name));
  }

  /** BuildKit reads the first `# check=` among the comments just above an instruction (an empty `#` starts them over). */
  private readCheckComments(): void {
    const instructions = this.tree.instructions;
    let next = 0;
    let target: Instruction | undefined;
    let value: string | undefined;
    const flush = () => {
      if (!target || value === undefined) return;
      const { skipAll, names } = readCheckOptions(value);
      addAll(this.byInstruction, target, skipAll ? [ALL_CHECKS, ...names] : names);
    };
    for (const comment of this.tree.comments) {
      if (comment.inContinuation) continue;
      while (next < instructions.length && instructions[next].start < comment.end) next++;
      if (instructions[next] !== target) {
        flush();
        target = instructions[next];
        value = undefined;
      }
      if (comment.text === '') value = undefined;
      else value ??= /^check[\t ]*=[\t ]*(\S*)/i.exec(comment.text)?.[1];
    }
    flush();
  }

  private readCheckDirective(value: string): void {
    const { skipAll, names } = readCheckOptions(value);
    if (skipAll) this.skipAll = true;
    for (const name of names) this.everywhere.add(name);
  }
}

/** Stands for `skip=all` in an instruction's names: every BuildKit check. */
const ALL_CHECKS = '*';

/** `skip=A,B;error=true`: the checks it skips, lower-cased. */
function readCheckOptions(value: string): { skipAll: boolean; names: string[] } {
  let skipAll = false;
  const names: string[] = [];
  for (const part of value.split(';')) {
    const [key, list = ''] = part.split('=', 2).map((text) => text.trim());
    if (key.toLowerCase() !== 'skip') continue;
    for (const name of list.split(',').map((text) => text.trim().toLowerCase()).filter(Boolean)) {
      if (name === 'all') skipAll = true;
      else names.push(name);
    }
  }
  return { skipAll, names };
}

/** BuildKit's check names are PascalCase words, unlike hadolint's DLxxxx codes. */
function isBuildkitCheckName(alias: string): boolean {
  return /^[A-Z][A-Za-z]+$/.test(alias) && !/^(DL|SC)\d/.test(alias);
}

function namesOf(rule: Rule): string[] {
  return [rule.meta.id, ...rule.meta.aliases].map((name) => name.toLowerCase());
}

/** Where an ignore pragma applies: the next instruction, that instruction's stage, or the whole file. */
export type PragmaScope = 'instruction' | 'stage' | 'file';

export const PRAGMAS: Array<{ pattern: RegExp; scope: PragmaScope }> = [
  { pattern: /^hadolint\s+global\s+ignore\s*=\s*(.+)$/i, scope: 'file' },
  { pattern: /^hadolint\s+stage\s+ignore\s*=\s*(.+)$/i, scope: 'stage' },
  { pattern: /^hadolint\s+ignore\s*=\s*(.+)$/i, scope: 'instruction' },
  { pattern: /^layerwise-ignore-file\s+(.+)$/i, scope: 'file' },
  { pattern: /^layerwise-ignore\s+(.+)$/i, scope: 'instruction' },
];

export interface IgnorePragma {
  scope: PragmaScope;
  /** Lower-cased rule ids and aliases. */
  names: string[];
}

function readPragma(text: string): IgnorePragma | undefined {
  for (const { pattern, scope } of PRAGMAS) {
    const match = pattern.exec(text);
    if (match) return { scope, names: match[1].split(/[\s,]+/).map((name) => name.toLowerCase()).filter(Boolean) };
  }
  return undefined;
}

/** Every ignore-pragma comment of a file, in order. */
export function ignorePragmas(tree: DockerfileTree): Array<{ comment: Comment; pragma: IgnorePragma }> {
  const found: Array<{ comment: Comment; pragma: IgnorePragma }> = [];
  for (const comment of tree.comments) {
    const pragma = readPragma(comment.text);
    if (pragma) found.push({ comment, pragma });
  }
  return found;
}

function addAll<Key>(map: Map<Key, Set<string>>, key: Key, names: string[]): void {
  const set = map.get(key) ?? new Set<string>();
  for (const name of names) set.add(name);
  map.set(key, set);
}

function stageAt(stages: Stage[], offset: number): Stage | undefined {
  let found: Stage | undefined;
  for (const stage of stages) {
    if (stage.from.start <= offset) found = stage;
    else break;
  }
  return found;
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
