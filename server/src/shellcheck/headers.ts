import { parentStage } from '../analysis/stages.js';
import { PROXY_ARGS } from '../analysis/variables.js';
import type { DockerfileTree, Instruction } from '../parser/index.js';

/** A name ShellCheck can take after `export`. */
const VARIABLE_NAME = /^[A-Za-z_]\w*$/;

/**
 * The names in scope as the instructions go by, and the `export` line they
 * make for ShellCheck (so it does not call them unassigned); the line is
 * built again only when an ARG or ENV adds a name, not for every RUN.
 */
class ExportHeader {
  private line: string | undefined;

  constructor(readonly names: Set<string> = new Set()) {}

  define(instruction: Instruction): void {
    if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return;
    for (const pair of instruction.pairs ?? []) {
      if (this.names.has(pair.key.value)) continue;
      this.names.add(pair.key.value);
      this.line = undefined;
    }
  }

  text(): string {
    this.line ??= `export ${[...new Set([...this.names, ...PROXY_ARGS])].filter((name) => VARIABLE_NAME.test(name)).join(' ')}\n`;
    return this.line;
  }
}

/**
 * Every RUN (and ONBUILD RUN) with the header line ShellCheck reads before
 * its script, in document order, from one pass over the instructions. A RUN
 * sees the names its stage's ARGs and ENVs define above it, after those its
 * parent stage ends with (`FROM build AS next`); a RUN before any FROM (a
 * fragment, as in hadolint's tests) sees every ARG and ENV above it; an
 * ONBUILD trigger runs in a later build, where none of these exist.
 */
export function exportHeaders(tree: DockerfileTree): Map<Instruction, string> {
  const headers = new Map<Instruction, string>();
  const trigger = new ExportHeader();
  const visit = (scope: ExportHeader, instruction: Instruction): void => {
    if (instruction.trigger) {
      if (instruction.trigger.keyword === 'RUN') headers.set(instruction, trigger.text());
    } else if (instruction.keyword === 'RUN') {
      headers.set(instruction, scope.text());
    } else {
      scope.define(instruction);
    }
  };
  const fragment = new ExportHeader();
  const firstFrom = tree.stages[0]?.from.start ?? Infinity;
  for (const instruction of tree.instructions) {
    if (instruction.start >= firstFrom) break;
    visit(fragment, instruction);
  }
  const namesAtEnd = new Map<number, Set<string>>();
  for (const stage of tree.stages) {
    const parent = parentStage(tree, stage);
    const scope = new ExportHeader(new Set(parent ? namesAtEnd.get(parent.index) : []));
    for (const instruction of stage.instructions) visit(scope, instruction);
    namesAtEnd.set(stage.index, scope.names);
  }
  return headers;
}
