import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DocumentFormattingRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionOf, TestClient } from '../../support/lsp-client.js';

const OPTIONS = { tabSize: 4, insertSpaces: true };

const MESSY = [
  '# syntax=docker/dockerfile:1   ',
  '  from alpine:3.20   AS   build',
  'run    apk add --no-cache \\',
  '  curl \\',
  '      git   ',
  'Copy --chmod=755 <<EOF /usr/local/bin/hello',
  '#!/bin/sh   ',
  '  echo "hello"',
  'EOF',
  'RUN echo "two   \\',
  'spaces kept" && \\',
  '  echo done',
  'onbuild   run make',
  '',
].join('\n');

const FORMATTED = [
  '# syntax=docker/dockerfile:1',
  'FROM alpine:3.20   AS   build',
  'RUN apk add --no-cache \\',
  '    curl \\',
  '        git',
  'COPY --chmod=755 <<EOF /usr/local/bin/hello',
  '#!/bin/sh   ',
  '  echo "hello"',
  'EOF',
  'RUN echo "two   \\',
  'spaces kept" && \\',
  '    echo done',
  'ONBUILD RUN make',
  '',
].join('\n');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

async function formatted(client: TestClient, uri: string, text: string): Promise<string> {
  await client.open(uri, text);
  const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
  return apply(text, edits);
}

describe('language server: formatting', () => {
  it('formats a document: keywords, spacing, continuation indent, trailing blanks; heredocs and quoted text as written', async () => {
    const client = new TestClient();
    const result = await client.initialize();
    assert.equal(result.capabilities.documentFormattingProvider, true);
    assert.equal(await formatted(client, 'file:///ws/format/a/Dockerfile', MESSY), FORMATTED);
    assert.equal(await formatted(client, 'file:///ws/format/b/Dockerfile', FORMATTED), FORMATTED, 'a second pass changes nothing');
    await client.close();
  });

  it('keeps escapes aligned in a column where they were', async () => {
    const client = new TestClient();
    await client.initialize();
    const text = 'FROM alpine:3.20\nRUN  apk add \\\n  curl       \\\n  git\n';
    assert.equal(await formatted(client, 'file:///ws/format/c/Dockerfile', text), 'FROM alpine:3.20\nRUN apk add  \\\n    curl     \\\n    git\n');
    await client.close();
  });

  it('follows layerwise.format.continuationIndent and the escape directive', async () => {
    const client = new TestClient({ settings: { format: { continuationIndent: 2 } } });
    await client.initialize();
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n        Write-Host hi; `\n        Write-Host there\n';
    assert.equal(
      await formatted(client, 'file:///ws/format/d/Dockerfile', text),
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n  Write-Host hi; `\n  Write-Host there\n',
    );
    await client.close();
  });

  it('formats only the instructions a range touches', async () => {
    const client = new TestClient();
    await client.initialize();
    const uri = 'file:///ws/format/e/Dockerfile';
    const text = 'from alpine:3.20\nrun   true\nrun   false\n';
    await client.open(uri, text);
    const range = { start: positionOf(text, 'run   true'), end: positionOf(text, 'run   true', 10) };
    const edits = (await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, range, options: OPTIONS })) as TextEdit[];
    assert.equal(apply(text, edits), 'from alpine:3.20\nRUN true\nrun   false\n');
    await client.close();
  });

  it('indents the line after a continuation as you type, and tidies the finished line', async () => {
    const client = new TestClient();
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\n' });
    const uri = 'file:///ws/format/f/Dockerfile';
    const text = 'FROM alpine:3.20\nrun apk add \\\n\n';
    await client.open(uri, text);
    const position = { line: 2, character: 0 };
    const edits = (await client.connection.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument: { uri }, position, ch: '\n', options: OPTIONS })) as TextEdit[];
    assert.equal(apply(text, edits), 'FROM alpine:3.20\nRUN apk add \\\n    \n');
    const nested = 'FROM alpine:3.20\nRUN apk add \\\n      curl \\\n\n';
    await client.open('file:///ws/format/g/Dockerfile', nested);
    const more = (await client.connection.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument: { uri: 'file:///ws/format/g/Dockerfile' }, position: { line: 3, character: 0 }, ch: '\n', options: OPTIONS })) as TextEdit[];
    assert.equal(apply(nested, more), 'FROM alpine:3.20\nRUN apk add \\\n      curl \\\n      \n', 'a nested continuation keeps its depth');
    await client.close();
  });
});
