import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileTree } from '../parser/index.js';

/** Parse errors as LSP diagnostics; rule findings join them once the lint engine lands. */
export function parseDiagnostics(tree: DockerfileTree, document: TextDocument): Diagnostic[] {
  return tree.errors.map((error) => ({
    range: { start: document.positionAt(error.start), end: document.positionAt(Math.max(error.end, error.start)) },
    severity: error.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: error.code,
    source: 'layerwise',
    message: error.message,
  }));
}
