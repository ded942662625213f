import type { DockerfileTree, Flag, VariableRef } from '../parser/index.js';
import { variableRefs } from '../parser/variables.js';

/** `$NAME` references in a flag's value (`--chown=$USER`, `--platform=$BUILDPLATFORM`, mount options). */
export function flagVariables(tree: DockerfileTree, flag: Flag): VariableRef[] {
  if (!flag.value || flag.value.start === flag.value.end) return [];
  return variableRefs(tree.text, flag.value.start, flag.value.end, tree.escapeChar.charCodeAt(0));
}
