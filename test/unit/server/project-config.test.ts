import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../../support/lsp-client.js';

const TWO_CMDS = 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-server-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const codes = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((diagnostic) => String(diagnostic.code));

describe('language server: project configuration', () => {
  it('applies the .hadolint.yaml above the Dockerfile and re-reads it when it changes', async () => {
    const root = project({ '.hadolint.yaml': 'ignored: [DL4003]\n', 'app/Dockerfile': TWO_CMDS });
    const uri = pathToFileURL(join(root, 'app/Dockerfile')).href;
    const client = new TestClient();
    await client.initialize();
    await client.open(uri, TWO_CMDS);
    assert.ok(!codes((await client.diagnosticsFor(uri, 1)).diagnostics).includes('multiple-cmd'));
    writeFileSync(join(root, '.hadolint.yaml'), 'ignored: []\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(root, '.hadolint.yaml')).href, type: FileChangeType.Changed }],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(codes((await client.diagnosticsFor(uri)).diagnostics).includes('multiple-cmd'));
    await client.close();
  });

  it('shows a broken .hadolint.yaml as a diagnostic on the file itself, at its line', async () => {
    const root = project({ '.hadolint.yaml': 'ignored:\n  - DL4003\nfailure-threshold: sometimes\n', Dockerfile: TWO_CMDS });
    const client = new TestClient();
    await client.initialize();
    await client.open(pathToFileURL(join(root, 'Dockerfile')).href, TWO_CMDS);
    const config = await client.diagnosticsFor(pathToFileURL(join(root, '.hadolint.yaml')).href);
    assert.equal(config.diagnostics.length, 1);
    assert.equal(config.diagnostics[0].range.start.line, 2);
    assert.match(String(config.diagnostics[0].message), /sometimes/);
    await client.close();
  });
});
