/**
 * The SHELL that a stage's RUN, CMD and ENTRYPOINT use: the last SHELL before
 * the instruction in its stage, else the one its base stage ended with
 * (`FROM build AS test`), else `/bin/sh -c`. A base image's own SHELL (or
 * Windows' `cmd /S /C`) cannot be known from the Dockerfile.
 */
import type { DockerfileTree, Instruction, Stage } from '../../parser/types.js';
import { DEFAULT_SHELL } from './script-source.js';

export function shellInEffect(tree: DockerfileTree, instruction: Instruction): readonly string[] {
  const stage = tree.stages.find((candidate) => candidate.from === instruction || candidate.instructions.includes(instruction));
  if (!stage) return DEFAULT_SHELL;
  const before = stage.instructions.indexOf(instruction);
  return shellOfStage(tree, stage, before < 0 ? 0 : before, new Set());
}

function shellOfStage(tree: DockerfileTree, stage: Stage, before: number, seen: Set<Stage>): readonly string[] {
  for (let index = before - 1; index >= 0; index--) {
    const instruction = stage.instructions[index];
    if (instruction.keyword === 'SHELL' && instruction.exec) return instruction.exec.elements.map((element) => element.value);
  }
  seen.add(stage);
  const base = baseStage(tree, stage);
  return base && !seen.has(base) ? shellOfStage(tree, base, base.instructions.length, seen) : DEFAULT_SHELL;
}

/** The earlier stage that `FROM <name>` builds on, if the image names one. */
function baseStage(tree: DockerfileTree, stage: Stage): Stage | undefined {
  const image = stage.from.from?.image.value.toLowerCase();
  if (image === undefined) return undefined;
  return tree.stages.find((candidate) => candidate.index < stage.index && candidate.name === image);
}
