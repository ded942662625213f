import type { DockerfileTree, Stage } from '../parser/index.js';

/** The earlier stage a FROM builds on (`FROM build AS next`); BuildKit matches stage names case-insensitively. */
export function parentStage(tree: DockerfileTree, stage: Stage): Stage | undefined {
  const image = stage.from.from?.image.value.toLowerCase();
  if (!image) return undefined;
  let found: Stage | undefined;
  for (const candidate of tree.stages) {
    if (candidate.index >= stage.index) break;
    // A later stage of the same name replaces an earlier one, as in BuildKit's name table.
    if (candidate.name === image) found = candidate;
  }
  return found;
}

/** The stages a stage builds on, nearest first, itself excluded. */
export function ancestorStages(tree: DockerfileTree, stage: Stage): Stage[] {
  const ancestors: Stage[] = [];
  for (let parent = parentStage(tree, stage); parent; parent = parentStage(tree, parent)) ancestors.push(parent);
  return ancestors;
}
