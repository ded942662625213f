import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostic, openWorkspaceFile, waitForDiagnostics } from './helpers.js';

// The suite checks that the server's findings reach the editor, not their wording:
// each rule's own tests pin messages and codes.
function errorsOnLine(document: vscode.TextDocument, text: string) {
  const line = document.getText().split(/\r?\n/).indexOf(text);
  assert.ok(line >= 0, `the fixture has no line ${JSON.stringify(text)}`);
  return (found: vscode.Diagnostic[]) => found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === line);
}

describe('diagnostics', () => {
  afterEach(async () => {
    // Leave no edited buffer behind, whatever happened: later tests and runs open the same files.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('shows the server\'s error for a broken ENV in a Dockerfile', async () => {
    const document = await openWorkspaceFile('Dockerfile');
    const onEnvLine = errorsOnLine(document, 'ENV APP_HOME');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => onEnvLine(found).length > 0);
    const [error] = onEnvLine(diagnostics);
    assert.equal(error.source, 'layerwise');
    assert.ok(error.message.length > 0);
    console.log(`diagnostics: Dockerfile ${describeDiagnostic(error)}`);
  });

  it('shows the server\'s error for a broken LABEL in a Containerfile', async () => {
    const document = await openWorkspaceFile('Containerfile');
    const onLabelLine = errorsOnLine(document, 'LABEL org.opencontainers.image.title');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => onLabelLine(found).length > 0);
    console.log(`diagnostics: Containerfile ${describeDiagnostic(onLabelLine(diagnostics)[0])}`);
  });

  it('clears the error once an edit fixes it, and brings it back when the edit is reversed', async () => {
    const document = await openWorkspaceFile('Dockerfile');
    const onEnvLine = errorsOnLine(document, 'ENV APP_HOME');
    await waitForDiagnostics(document.uri, (found) => onEnvLine(found).length > 0);
    const end = document.lineAt(document.getText().split(/\r?\n/).indexOf('ENV APP_HOME')).range.end;
    const fix = new vscode.WorkspaceEdit();
    fix.insert(document.uri, end, '=/srv/app');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(document.uri, (found) => onEnvLine(found).length === 0);
    const reverse = new vscode.WorkspaceEdit();
    reverse.delete(document.uri, new vscode.Range(end, end.translate(0, '=/srv/app'.length)));
    assert.ok(await vscode.workspace.applyEdit(reverse));
    await waitForDiagnostics(document.uri, (found) => onEnvLine(found).length > 0);
  });
});
