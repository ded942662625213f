/**
 * The SHELL that a stage's RUN, CMD and ENTRYPOINT use: the last SHELL before
 * the instruction in its stage, else the one its base stage ended with
 * (`FROM build AS test`), else the shell a `# hadolint shell=` comment above
 * names, else `/bin/sh -c`. A base image's own SHELL (or Windows' `cmd /S /C`)
 * cannot be known from the Dockerfile.
 */
import type { DockerfileTree, Instruction, Stage } from '../../parser/types.js';
import { DEFAULT_SHELL } from './script-source.js';

export function shellInEffect(tree: DockerfileTree, instruction: Instruction): readonly string[] {
  const stage = tree.stages.find((candidate) => candidate.from === instruction || candidate.instructions.includes(instruction));
  const fallback = shellPragma(tree, instruction.start) ?? DEFAULT_SHELL;
  if (!stage) return shellBeforeAnyStage(tree, instruction) ?? fallback;
  const before = stage.instructions.indexOf(instruction);
  return shellOfStage(tree, stage, before < 0 ? 0 : before, new Set()) ?? fallback;
}

const PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/i;

/**
 * The shell named by the last `# hadolint shell=<shell>` comment before
 * `offset` (hadolint's way to say a file's RUNs are PowerShell, for a
 * Windows base image whose SHELL the Dockerfile does not set).
 */
export function shellPragma(tree: DockerfileTree, offset: number): readonly string[] | undefined {
  let shell: string | undefined;
  for (const comment of tree.comments) {
    if (comment.start >= offset) break;
    const match = PRAGMA.exec(comment.text);
    if (match) shell = match[1];
  }
  return shell === undefined ? undefined : [shell];
}

/** The last SHELL of the stage before position `before`, or of the stages it builds on; undefined when none sets one. */
/** A fragment with no FROM yet (hadolint's test snippets): the last SHELL above. */
function shellBeforeAnyStage(tree: DockerfileTree, instruction: Instruction): readonly string[] | undefined {
  const shells = tree.instructions.filter((earlier) => earlier.keyword === 'SHELL' && earlier.exec && earlier.end <= instruction.start);
  return shells[shells.length - 1]?.exec?.elements.map((element) => element.value);
}

function shellOfStage(tree: DockerfileTree, stage: Stage, before: number, seen: Set<Stage>): readonly string[] | undefined {
  for (let index = before - 1; index >= 0; index--) {
    const instruction = stage.instructions[index];
    if (instruction.keyword === 'SHELL' && instruction.exec) return instruction.exec.elements.map((element) => element.value);
  }
  seen.add(stage);
  const base = baseStage(tree, stage);
  return base && !seen.has(base) ? shellOfStage(tree, base, base.instructions.length, seen) : undefined;
}

/** The earlier stage that `FROM <name>` builds on, if the image names one. */
function baseStage(tree: DockerfileTree, stage: Stage): Stage | undefined {
  const image = stage.from.from?.image.value.toLowerCase();
  if (image === undefined) return undefined;
  return tree.stages.find((candidate) => candidate.index < stage.index && candidate.name === image);
}
