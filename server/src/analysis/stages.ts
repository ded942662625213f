import type { DockerfileTree, Stage } from '../parser/index.js';

/** Each stage's parent, found in one pass per tree: a search per stage made 50,000 stages quadratic. */
const parents = new WeakMap<DockerfileTree, Map<Stage, Stage | undefined>>();

/** The earlier stage a FROM builds on (`FROM build AS next`); BuildKit matches stage names case-insensitively. */
export function parentStage(tree: DockerfileTree, stage: Stage): Stage | undefined {
  let byStage = parents.get(tree);
  if (!byStage) {
    byStage = new Map();
    // A later stage of the same name replaces an earlier one, as in BuildKit's name table.
    const latestByName = new Map<string, Stage>();
    for (const candidate of tree.stages) {
      const image = candidate.from.from?.image.value.toLowerCase();
      byStage.set(candidate, image ? latestByName.get(image) : undefined);
      if (candidate.name !== undefined) latestByName.set(candidate.name, candidate);
    }
    parents.set(tree, byStage);
  }
  return byStage.get(stage);
}

/** The stages a stage builds on, nearest first, itself excluded. */
export function ancestorStages(tree: DockerfileTree, stage: Stage): Stage[] {
  const ancestors: Stage[] = [];
  for (let parent = parentStage(tree, stage); parent; parent = parentStage(tree, parent)) ancestors.push(parent);
  return ancestors;
}
