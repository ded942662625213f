import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { flagVariables } from '../analysis/flag-variables.js';
import type { DockerfileTree, VariableRef } from '../parser/index.js';
import { variablesOf } from './tree-cache.js';

/** Longest value shown in full; longer ones are cut, the tooltip has the rest. */
const MAX_LABEL = 40;

/** After each variable of a FROM line (image or --platform), the value the global ARGs give it. */
export function inlayHints(tree: DockerfileTree, document: TextDocument, range: Range, enabled: boolean): InlayHint[] {
  if (!enabled) return [];
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const resolver = variablesOf(tree);
  const hints: InlayHint[] = [];
  for (const stage of tree.stages) {
    const from = stage.from;
    if (from.end < start) continue;
    if (from.start > end) break;
    const references: VariableRef[] = [...from.variables];
    for (const flag of from.flags) if (flag.value?.value.includes('$')) references.push(...flagVariables(tree, flag));
    for (const reference of references) {
      const definition = resolver.resolve(reference.name, from.start);
      if (definition?.value === undefined || !definition.instruction) continue;
      const value = definition.value;
      hints.push({
        position: document.positionAt(reference.end),
        label: `= ${value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value}`,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: `ARG ${tree.text.slice(definition.pair!.start, definition.pair!.end)}`,
      });
    }
  }
  return hints;
}
