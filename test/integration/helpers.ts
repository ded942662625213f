// What every check in the real-VS Code suite needs: the extension under test, the
// test workspace's files, and waiting for the language server's diagnostics.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'layerwise.layerwise';
export const DIAGNOSTIC_SOURCE = 'layerwise';

/** The run the runner started: 'development' loads the repo folder, 'vsix' the installed package. */
export const runKind: 'development' | 'vsix' = process.env.LAYERWISE_TEST_RUN === 'vsix' ? 'vsix' : 'development';

export function layerwise(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension;
}

/** A file of the test workspace (test/integration/fixtures/workspace, copied by the runner). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder: the runner opens test/integration/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

export function layerwiseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** Resolves with the server's diagnostics for `uri` once `accept` takes them; rejects after `timeoutMs`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = layerwiseDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = layerwiseDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; last seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const code = diagnosticCode(diagnostic);
  const severity = vscode.DiagnosticSeverity[diagnostic.severity];
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${severity} ${diagnostic.message} [${code}]`;
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}
