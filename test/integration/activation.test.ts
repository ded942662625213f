import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { layerwise, openWorkspaceFile, runKind, workspaceFile } from './helpers.js';

// Activation happens once per extension host, so each run proves a different file
// activates it: the development run opens a Dockerfile first, the .vsix run a Containerfile.
const [first, second] = runKind === 'vsix' ? ['Containerfile', 'Dockerfile'] : ['Dockerfile', 'Containerfile'];

describe('activation', () => {
  it(`activates when a ${first} opens`, async () => {
    const extension = layerwise();
    assert.equal(extension.isActive, false, 'nothing should activate the extension before a Dockerfile opens');
    const started = performance.now();
    const document = await openWorkspaceFile(first);
    assert.equal(document.languageId, 'dockerfile');
    // Only the opened document may activate it (onLanguage:dockerfile): never call activate() here.
    while (!extension.isActive) {
      if (performance.now() - started > 10_000) assert.fail(`opening a ${first} did not activate the extension within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const elapsed = performance.now() - started;
    console.log(`activation: ${elapsed.toFixed(1)} ms from opening ${first} until the extension was active (${runKind} build)`);
  });

  it(`gives a ${second} the dockerfile language`, async () => {
    const document = await openWorkspaceFile(second);
    assert.equal(document.languageId, 'dockerfile');
  });

  it('gives Dockerfile.*, *.dockerfile and Containerfile.* files the dockerfile language', async () => {
    for (const name of ['Dockerfile.dev', 'web.dockerfile', 'Containerfile.prod']) {
      const document = await vscode.workspace.openTextDocument(workspaceFile(name));
      assert.equal(document.languageId, 'dockerfile', name);
    }
  });

  if (runKind === 'vsix') {
    it('runs from the installed .vsix, not from the development folder', () => {
      const extensionsDir = process.env.LAYERWISE_TEST_EXTENSIONS_DIR;
      assert.ok(extensionsDir, 'the runner sets LAYERWISE_TEST_EXTENSIONS_DIR for the .vsix run');
      const extensionPath = layerwise().extensionPath;
      assert.ok(extensionPath.startsWith(extensionsDir), `${extensionPath} should be inside ${extensionsDir}`);
    });
  }
});
