/**
 * Layers: which stages' layers end up in an image, and which folders a RUN
 * keeps out of its layer by mounting something over them.
 */
import type { DockerfileTree, Instruction, Stage } from '../parser/index.js';
import { isWithin, normalizePath } from './filesystem-effects.js';
import { parentStage } from './stages.js';

const shippingStages = new WeakMap<DockerfileTree, Set<Stage>>();

/**
 * Whether a stage's layers become part of the image a plain `docker build`
 * produces: the last stage and the stages it is built on through FROM, nearest
 * first. A stage that other stages only `COPY --from` leaves its layers
 * behind, and so does one nothing uses. Instructions before any FROM count as shipped.
 */
export function layersShip(tree: DockerfileTree, stage: Stage | undefined): boolean {
  if (!stage) return true;
  let shipping = shippingStages.get(tree);
  if (!shipping) {
    shipping = new Set();
    let current: Stage | undefined = tree.stages[tree.stages.length - 1];
    while (current && !shipping.has(current)) {
      shipping.add(current);
      current = parentStage(tree, current);
    }
    shippingStages.set(tree, shipping);
  }
  return shipping.has(stage);
}

export interface MountTarget {
  /** `bind` (BuildKit's default), `cache`, `tmpfs`, `secret`, `ssh`. */
  type: string;
  /** The normalized absolute target folder. */
  target: string;
}

/** The `--mount` targets of a RUN (ONBUILD: of its trigger); relative or missing targets are left out. */
export function mountTargets(instruction: Instruction): MountTarget[] {
  const run = instruction.trigger ?? instruction;
  const targets: MountTarget[] = [];
  for (const flag of run.flags) {
    if (flag.name !== 'mount') continue;
    let type = 'bind';
    let target: string | undefined;
    for (const option of flag.options ?? []) {
      const key = option.key.value.toLowerCase();
      if (key === 'type' && option.value) type = option.value.value.toLowerCase();
      if ((key === 'target' || key === 'dst' || key === 'destination') && option.value) target = normalizePath(option.value.value);
    }
    if (target) targets.push({ type, target });
  }
  return targets;
}

/** Whether `path` sits in a cache or tmpfs mount of the RUN, so what is written there stays out of the layer. */
export function isMountedAway(instruction: Instruction, path: string): boolean {
  return mountTargets(instruction).some((mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && isWithin(path, mount.target));
}
