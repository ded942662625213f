import type { DockerfileTree, Instruction, Span, Stage } from '../parser/index.js';
import { knownValueAt } from './known-value.js';
import { StageScan } from './stage-scan.js';
import { ancestorStages, parentStage } from './stages.js';
import type { VariableResolver } from './variables.js';

/**
 * The stage a `--from` value names among the stages before index `before`:
 * by name (BuildKit compares names case-insensitively) or by position.
 */
export function earlierStage(tree: DockerfileTree, reference: string, before: number): Stage | undefined {
  const name = reference.toLowerCase();
  if (/^\d+$/.test(name)) {
    const index = Number(name);
    return index < before ? tree.stages[index] : undefined;
  }
  const { scan, named } = stagesNamed(tree);
  scan.through(before);
  const stages = named.get(name);
  if (!stages) return undefined;
  // The nearest one above wins, as in BuildKit's name table.
  for (let position = stages.length - 1; position >= 0; position--) {
    if (stages[position].index < before) return stages[position];
  }
  return undefined;
}

const byName = new WeakMap<DockerfileTree, { scan: StageScan<void>; named: Map<string, Stage[]> }>();

/** The stages of each name, in order, among the stages `scan` has visited. */
function stagesNamed(tree: DockerfileTree): { scan: StageScan<void>; named: Map<string, Stage[]> } {
  let names = byName.get(tree);
  if (!names) {
    const named = new Map<string, Stage[]>();
    const scan = new StageScan(tree.stages, (stage) => {
      if (!stage.name) return;
      const stages = named.get(stage.name);
      if (stages) stages.push(stage);
      else named.set(stage.name, [stage]);
    });
    names = { scan, named };
    byName.set(tree, names);
  }
  return names;
}

/** The stage names a COPY --from or RUN --mount from= of this instruction gives, as written. */
export function fromReferences(instruction: Instruction): string[] {
  const references: string[] = [];
  for (const flag of instruction.flags) {
    if (flag.name === 'from' && flag.value && instruction.keyword === 'COPY') references.push(flag.value.value);
    if (flag.name === 'mount' && instruction.keyword === 'RUN') {
      for (const option of flag.options ?? []) if (option.key.value === 'from' && option.value) references.push(option.value.value);
    }
  }
  return references;
}

const usedStages = new WeakMap<DockerfileTree, Set<Stage>>();

/**
 * Stages that later stages build on or copy from: building blocks rather than
 * images of their own. The last stage (the default target) is never one.
 */
export function stagesUsedByOthers(tree: DockerfileTree): Set<Stage> {
  let used = usedStages.get(tree);
  if (used) return used;
  used = new Set<Stage>();
  usedStages.set(tree, used);
  for (const stage of tree.stages) {
    const parent = parentStage(tree, stage);
    if (parent) used.add(parent);
    for (const instruction of stage.instructions) {
      for (const reference of fromReferences(instruction)) {
        const source = earlierStage(tree, reference, stage.index);
        if (source) used.add(source);
      }
    }
  }
  used.delete(tree.stages[tree.stages.length - 1]);
  return used;
}

/** A COPY's --from value, variables expanded; undefined without one or when a build argument decides it. */
export function copyFromName(instruction: Instruction, variables: VariableResolver, escape: string): { name: string; span: Span } | undefined {
  const flag = instruction.flags.find((candidate) => candidate.name === 'from');
  if (!flag?.value) return undefined;
  const name = knownValueAt(flag.value.value, instruction.start, variables, escape);
  return name === undefined ? undefined : { name, span: flag.value };
}

/**
 * The stages that are images of their own (not only building blocks for
 * others) where neither the stage nor any stage it builds on `has` something:
 * a label, a HEALTHCHECK.
 */
export function imageStagesWithout(tree: DockerfileTree, has: (stage: Stage) => boolean): Stage[] {
  const used = stagesUsedByOthers(tree);
  return tree.stages.filter((stage) => !used.has(stage) && ![stage, ...ancestorStages(tree, stage)].some(has));
}
