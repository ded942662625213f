import type { DockerfileTree, Stage } from '../parser/index.js';
import { StageScan } from './stage-scan.js';

/** Each stage's parent, found as far as asked, once per tree: a search per stage made 50,000 stages quadratic. */
const parents = new WeakMap<DockerfileTree, StageScan<Stage | undefined>>();

/** The earlier stage a FROM builds on (`FROM build AS next`); BuildKit matches stage names case-insensitively. */
export function parentStage(tree: DockerfileTree, stage: Stage): Stage | undefined {
  let scan = parents.get(tree);
  if (!scan) {
    // A later stage of the same name replaces an earlier one, as in BuildKit's name table.
    const latestByName = new Map<string, Stage>();
    scan = new StageScan(tree.stages, (candidate) => {
      const image = candidate.from.from?.image.value.toLowerCase();
      const parent = image ? latestByName.get(image) : undefined;
      if (candidate.name !== undefined) latestByName.set(candidate.name, candidate);
      return parent;
    });
    parents.set(tree, scan);
  }
  return scan.at(stage.index);
}

/** The stages a stage builds on, nearest first, itself excluded. */
export function ancestorStages(tree: DockerfileTree, stage: Stage): Stage[] {
  const ancestors: Stage[] = [];
  for (let parent = parentStage(tree, stage); parent; parent = parentStage(tree, parent)) ancestors.push(parent);
  return ancestors;
}
