import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeLensRequest, InlayHintRequest, type CodeLens, type InlayHint } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../../support/lsp-client.js';

const TEXT = [
  'ARG NODE_VERSION=22',
  'ARG DISTRO=alpine3.20',
  'ARG PLATFORM',
  'FROM node:${NODE_VERSION}-$DISTRO AS deps',
  'RUN npm ci',
  'FROM --platform=$PLATFORM golang:1.23',
  'RUN go build ./...',
  'FROM deps AS web',
  'CMD ["node", "server.js"]',
  '',
].join('\n');
const LINES = TEXT.split('\n');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } };

describe('language server: inlay hints and code lenses', () => {
  it('shows the value global ARGs give the variables of FROM lines', async () => {
    const client = new TestClient();
    const result = await client.initialize();
    assert.equal(result.capabilities.inlayHintProvider, true);
    const uri = 'file:///ws/hints/Dockerfile';
    await client.open(uri, TEXT);
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE })) as InlayHint[];
    assert.deepEqual(hints.map((hint) => [LINES[hint.position.line].slice(0, hint.position.character), hint.label, hint.tooltip]), [
      ['FROM node:${NODE_VERSION}', '= 22', 'ARG NODE_VERSION=22'],
      ['FROM node:${NODE_VERSION}-$DISTRO', '= alpine3.20', 'ARG DISTRO=alpine3.20'],
    ]);
    await client.close();
  });

  it('puts "Build stage" above each FROM, with the command and arguments the client runs', async () => {
    const client = new TestClient();
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
    const uri = 'file:///ws/lenses/Dockerfile';
    await client.open(uri, TEXT);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command!.title, lens.command!.command, lens.command!.arguments]), [
      [3, 'Build stage deps', 'layerwise.buildStage', [uri, 'deps', 0]],
      [5, 'Build stage 2', 'layerwise.buildStage', [uri, null, 1]],
      [7, 'Build stage web', 'layerwise.buildStage', [uri, 'web', 2]],
    ]);
    await client.close();
  });

  it('turns both off by setting, and speaks Chinese', async () => {
    const off = new TestClient({ settings: { inlayHints: { enabled: false }, codeLens: { buildStage: false } } });
    await off.initialize();
    await off.open('file:///ws/off/Dockerfile', TEXT);
    assert.deepEqual(await off.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: 'file:///ws/off/Dockerfile' }, range: WHOLE }), []);
    assert.deepEqual(await off.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: 'file:///ws/off/Dockerfile' } }), []);
    await off.close();
    const chinese = new TestClient({ locale: 'zh-cn' });
    await chinese.initialize();
    await chinese.open('file:///ws/zh/Dockerfile', 'FROM alpine:3.20\nRUN true\n');
    const lenses = (await chinese.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: 'file:///ws/zh/Dockerfile' } })) as CodeLens[];
    assert.deepEqual(lenses.map((lens) => [lens.command!.title, lens.command!.arguments]), [['构建第 1 个阶段', ['file:///ws/zh/Dockerfile', null, 0]]]);
    await chinese.close();
  });
});
