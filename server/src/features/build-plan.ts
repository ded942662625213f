import { fromImageText } from '../analysis/from-image.js';
import { parentStage } from '../analysis/stages.js';
import { VariableResolver } from '../analysis/variables.js';
import { LineIndex, type DockerfileTree, type Instruction } from '../parser/index.js';
import type { BuildPlan, BuildPlanArg, BuildPlanInstruction } from './build-plan-protocol.js';

/** The stages, instructions and ARGs of a Dockerfile, with lines, for the client's build commands. */
export function buildPlan(tree: DockerfileTree): BuildPlan {
  const lines = new LineIndex(tree.text);
  const variables = new VariableResolver(tree);
  const instruction = (node: Instruction): BuildPlanInstruction => {
    const end = lines.positionAt(node.end);
    return {
      keyword: node.keyword,
      line: lines.positionAt(node.start).line,
      endLine: end.line,
      endCharacter: end.character,
      arguments: node.args.value,
    };
  };
  const args: BuildPlanArg[] = [];
  const addArgs = (node: Instruction, global: boolean): void => {
    if (node.keyword !== 'ARG') return;
    for (const pair of node.pairs ?? []) {
      args.push({ name: pair.key.value, defaultValue: pair.value?.value, line: lines.positionAt(pair.start).line, global });
    }
  };
  for (const node of tree.globalArgs) addArgs(node, true);
  const stages = tree.stages.map((stage) => {
    for (const node of stage.instructions) addArgs(node, false);
    const parent = parentStage(tree, stage);
    return {
      index: stage.index,
      name: stage.name,
      image: parent ? undefined : fromImageText(stage.from, variables, tree.escapeChar),
      parent: parent?.index,
      instructions: [stage.from, ...stage.instructions].map(instruction),
    };
  });
  return { globalArgs: tree.globalArgs.map(instruction), stages, args };
}
