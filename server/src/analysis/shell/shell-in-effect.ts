/**
 * The SHELL that a stage's RUN, CMD and ENTRYPOINT use: the last SHELL before
 * the instruction in its stage, else the one its base stage ended with
 * (`FROM build AS test`), else the shell a `# hadolint shell=` comment above
 * names, else `/bin/sh -c`. A base image's own SHELL (or Windows' `cmd /S /C`)
 * cannot be known from the Dockerfile.
 */
import type { DockerfileTree, Instruction } from '../../parser/types.js';
import { StageScan } from '../stage-scan.js';
import { parentStage } from '../stages.js';
import { DEFAULT_SHELL } from './script-source.js';

/** Every instruction's shell, worked out once per tree as far as asked: rules ask for each RUN, many times. */
const shellsByTree = new WeakMap<DockerfileTree, ShellTable>();

interface ShellTable {
  shells: Map<Instruction, readonly string[]>;
  /** Each stage's value is the SHELL it ends with, where the stages built on it start. */
  scan: StageScan<readonly string[] | undefined>;
}

export function shellInEffect(tree: DockerfileTree, instruction: Instruction): readonly string[] {
  let table = shellsByTree.get(tree);
  if (!table) {
    table = shellTable(tree);
    shellsByTree.set(tree, table);
  }
  table.scan.upTo(instruction.start);
  return table.shells.get(instruction) ?? shellPragma(tree, instruction.start) ?? DEFAULT_SHELL;
}

function shellTable(tree: DockerfileTree): ShellTable {
  const shells = new Map<Instruction, readonly string[]>();
  const pragmas = pragmaShells(tree);
  const fallbackAt = (offset: number) => lastBefore(pragmas, offset) ?? DEFAULT_SHELL;
  // A fragment with no FROM yet (hadolint's test snippets): the last SHELL above counts.
  let current: readonly string[] | undefined;
  const firstFrom = tree.stages[0]?.from;
  for (const instruction of tree.instructions) {
    if (instruction === firstFrom) break;
    shells.set(instruction, current ?? fallbackAt(instruction.start));
    current = shellOf(instruction) ?? current;
  }
  const scan: StageScan<readonly string[] | undefined> = new StageScan(tree.stages, (stage) => {
    const base = parentStage(tree, stage);
    let shell = base ? scan.at(base.index) : undefined;
    shells.set(stage.from, shell ?? fallbackAt(stage.from.start));
    for (const instruction of stage.instructions) {
      shells.set(instruction, shell ?? fallbackAt(instruction.start));
      shell = shellOf(instruction) ?? shell;
    }
    return shell;
  });
  return { shells, scan };
}

function shellOf(instruction: Instruction): readonly string[] | undefined {
  return instruction.keyword === 'SHELL' && instruction.exec ? instruction.exec.elements.map((element) => element.value) : undefined;
}

const PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/i;

function pragmaShells(tree: DockerfileTree): Array<{ offset: number; shell: readonly string[] }> {
  const found: Array<{ offset: number; shell: readonly string[] }> = [];
  for (const comment of tree.comments) {
    const match = PRAGMA.exec(comment.text);
    if (match) found.push({ offset: comment.start, shell: [match[1]] });
  }
  return found;
}

function lastBefore(pragmas: Array<{ offset: number; shell: readonly string[] }>, offset: number): readonly string[] | undefined {
  let found: readonly string[] | undefined;
  for (const pragma of pragmas) {
    if (pragma.offset >= offset) break;
    found = pragma.shell;
  }
  return found;
}

/**
 * The shell named by the last `# hadolint shell=<shell>` comment before
 * `offset` (hadolint's way to say a file's RUNs are PowerShell, for a
 * Windows base image whose SHELL the Dockerfile does not set).
 */
export function shellPragma(tree: DockerfileTree, offset: number): readonly string[] | undefined {
  return lastBefore(pragmaShells(tree), offset);
}
