import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticCode, openWorkspaceFile, waitForDiagnostics } from './helpers.js';

const FILE = 'multistage/Dockerfile';

/** Asks until the language server answers with something `accept` takes: it may still be starting. */
async function until<T>(ask: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await ask();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last answer: ${JSON.stringify(last)}`);
}

function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${JSON.stringify(text)} is in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

const markdownOf = (hover: vscode.Hover) =>
  hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n');

describe('editor features', () => {
  it('hover over RUN shows Layerwise\'s docs for the instruction', async () => {
    const document = await openWorkspaceFile(FILE);
    const hovers = await until(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'RUN go', 1)),
      (found) => found.some((hover) => markdownOf(hover).includes('**RUN**')),
      'a hover for RUN',
    );
    const text = hovers.map(markdownOf).find((markdown) => markdown.includes('**RUN**'))!;
    assert.match(text, /Runs a command on top of the current image/);
    assert.match(text, /\*\*Layers and cache\*\*/);
  });

  it('completion at the start of a line offers the instructions', async () => {
    const document = await openWorkspaceFile(FILE);
    const blank = document.getText().split('\n').indexOf('', 3);
    const list = await until(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(blank, 0)),
      (found) => found.items.some((item) => item.label === 'COPY'),
      'instruction completions',
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const keyword of ['FROM', 'RUN', 'COPY', 'WORKDIR', 'HEALTHCHECK']) assert.ok(labels.includes(keyword), `${keyword} in ${labels.join(', ')}`);
  });

  it('renaming a stage updates COPY --from', async () => {
    const document = await openWorkspaceFile(FILE);
    const edit = await until(
      () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'AS build', 4), 'compile'),
      (found) => !!found && found.size > 0,
      'the rename edit',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const text = document.getText();
      assert.match(text, /^FROM golang:1\.23-alpine AS compile$/m);
      assert.match(text, /^COPY --from=compile \/out\/app \/usr\/local\/bin\/app$/m);
      assert.match(text, /^RUN go build -o \/out\/app \.$/m, 'words that are not the stage name stay');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.match(document.getText(), /COPY --from=build /);
  });

  it('a Dockerfile over 256 KiB (analysed in a worker thread of the server) gets diagnostics and hovers, and other files keep theirs', async () => {
    const large = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: `FROM alpine:latest\n${'RUN echo "a line of a large file"\n'.repeat(8000)}` });
    assert.ok(large.getText().length > 256 * 1024);
    await vscode.window.showTextDocument(large);
    const diagnostics = await waitForDiagnostics(large.uri, (found) => found.some((diagnostic) => diagnosticCode(diagnostic) === 'latest-tag'), 60_000);
    console.log(`editor features: ${diagnostics.length} diagnostics on the large file`);
    await until(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', large.uri, positionOf(large, 'RUN echo', 1)),
      (found) => found.some((hover) => markdownOf(hover).includes('**RUN**')),
      'a hover for RUN in the large file',
    );
    const small = await openWorkspaceFile(FILE);
    await until(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small.uri, positionOf(small, 'RUN go', 1)),
      (found) => found.some((hover) => markdownOf(hover).includes('**RUN**')),
      'a hover for RUN in the small file',
    );
    await vscode.window.showTextDocument(large);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
