import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostic, diagnosticCode, openWorkspaceFile, waitForDiagnostics } from './helpers.js';

describe('diagnostics', () => {
  it('shows the server\'s parse error for a broken Dockerfile', async () => {
    const document = await openWorkspaceFile('Dockerfile');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => diagnosticCode(d) === 'missing-key-value'));
    const error = diagnostics.find((d) => diagnosticCode(d) === 'missing-key-value')!;
    assert.equal(error.message, 'ENV must have two arguments');
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(error.source, 'layerwise');
    assert.equal(document.lineAt(error.range.start.line).text, 'ENV APP_HOME', describeDiagnostic(error));
  });

  it('shows it for a Containerfile too', async () => {
    const document = await openWorkspaceFile('Containerfile');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length > 0);
    assert.deepEqual(diagnostics.map(diagnosticCode), ['missing-key-value'], diagnostics.map(describeDiagnostic).join('\n'));
  });

  it('clears the error once an edit fixes it, and brings it back when the edit is reversed', async () => {
    const document = await openWorkspaceFile('Dockerfile');
    await waitForDiagnostics(document.uri, (found) => found.length > 0);
    const line = document.lineAt(document.getText().split('\n').indexOf('ENV APP_HOME'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, line.range.end, ' /srv/app');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(document.uri, (found) => found.length === 0);
    const reverse = new vscode.WorkspaceEdit();
    reverse.delete(document.uri, new vscode.Range(line.range.end, line.range.end.translate(0, ' /srv/app'.length)));
    assert.ok(await vscode.workspace.applyEdit(reverse));
    await waitForDiagnostics(document.uri, (found) => found.some((d) => diagnosticCode(d) === 'missing-key-value'));
    assert.equal(document.lineAt(line.lineNumber).text, 'ENV APP_HOME');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
