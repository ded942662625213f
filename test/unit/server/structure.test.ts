import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type SemanticTokensLegend,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../../support/lsp-client.js';

const TEXT = [
  '# syntax=docker/dockerfile:1',
  '# Build the binary in a full toolchain image,',
  '# then copy it into a small one.',
  'ARG GO_VERSION=1.23',
  'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build',
  'ENV CGO_ENABLED=0',
  'RUN --mount=type=cache,target=/root/.cache \\',
  '    go build -o /out/app .',
  'COPY <<EOF /etc/app.conf',
  'port=8080',
  'EOF',
  '',
  'FROM quay.io/prometheus/busybox:latest',
  'LABEL org.opencontainers.image.source="https://github.com/example/app"',
  'ADD https://example.com/tool.tar.gz /opt/',
  '# hadolint ignore=DL3006',
  'COPY --from=build /out/app /app',
  'maintainer someone',
  '',
].join('\n');

const URI = 'file:///ws/structure/Dockerfile';
const LINES = TEXT.split('\n');

describe('language server: symbols, folding, semantic tokens, links', () => {
  let client: TestClient;
  let legend: SemanticTokensLegend;
  before(async () => {
    client = new TestClient();
    const result = await client.initialize();
    legend = result.capabilities.semanticTokensProvider!.legend;
    await client.open(URI, TEXT);
  });
  after(() => client.close());

  it('outlines global ARGs, then each stage with its instructions', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail]), [
      ['ARG GO_VERSION', undefined],
      ['build', 'FROM golang:${GO_VERSION}'],
      ['quay.io/prometheus/busybox:latest', 'FROM quay.io/prometheus/busybox:latest'],
    ]);
    assert.deepEqual(symbols[1].children!.map((child) => child.name), ['ENV CGO_ENABLED', 'RUN', 'COPY']);
    assert.equal(symbols[1].children![1].detail, 'go build -o /out/app .');
    assert.deepEqual([symbols[1].range.start.line, symbols[1].range.end.line], [4, 10], 'the stage runs to its heredoc\'s end');
  });

  it('folds stages, multi-line instructions, heredoc bodies and comment blocks', async () => {
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } })) as FoldingRange[];
    assert.deepEqual(ranges.map((range) => [range.startLine, range.endLine, range.kind ?? '']), [
      [0, 2, 'comment'],
      [4, 10, ''],
      [6, 7, ''],
      [8, 10, ''],
      [12, 17, ''],
    ]);
  });

  it('gives semantic tokens to what the grammar cannot tell apart', async () => {
    const { data } = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: URI } }))!;
    const tokens = decode(data, legend);
    const find = (text: string, line: number) => tokens.find((token) => token.text === text && token.line === line);
    assert.deepEqual(find('syntax', 0)?.type, 'macro');
    assert.deepEqual(find('--platform', 4)?.type, 'parameter');
    assert.deepEqual(find('BUILDPLATFORM', 4), { line: 4, text: 'BUILDPLATFORM', type: 'variable', modifiers: ['defaultLibrary'] });
    assert.deepEqual(find('GO_VERSION', 3), { line: 3, text: 'GO_VERSION', type: 'variable', modifiers: ['declaration'] });
    assert.deepEqual(find('build', 4), { line: 4, text: 'build', type: 'class', modifiers: ['declaration'] });
    assert.deepEqual(find('target', 6)?.type, 'property');
    assert.deepEqual(find('quay.io/prometheus/busybox:latest', 12)?.type, 'namespace');
    assert.deepEqual(find('build', 16)?.type, 'class', 'COPY --from names a stage');
    assert.deepEqual(find('maintainer', 17), { line: 17, text: 'maintainer', type: 'keyword', modifiers: ['deprecated'] });
    const range = await client.connection.sendRequest(SemanticTokensRangeRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 16, character: 0 }, end: { line: 17, character: 0 } },
    });
    assert.deepEqual(decode(range!.data, legend).map((token) => token.text), ['COPY', '--from', 'build']);
  });

  it('links images to their registry pages, the syntax frontend, URLs and rule ids', async () => {
    const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: URI } })) as DocumentLink[];
    assert.deepEqual(links.map((link) => [LINES[link.range.start.line].slice(link.range.start.character, link.range.end.character), link.target]), [
      ['docker/dockerfile:1', 'https://hub.docker.com/r/docker/dockerfile'],
      ['golang:${GO_VERSION}', 'https://hub.docker.com/_/golang'],
      ['quay.io/prometheus/busybox:latest', 'https://quay.io/repository/prometheus/busybox'],
      ['https://github.com/example/app', 'https://github.com/example/app'],
      ['https://example.com/tool.tar.gz', 'https://example.com/tool.tar.gz'],
      ['DL3006', 'https://github.com/layerwise/layerwise/blob/main/docs/rules.md#untagged-image'],
    ]);
  });
});

/** Semantic tokens back to (line, text, type, modifiers). */
function decode(data: number[], legend: SemanticTokensLegend) {
  const tokens: Array<{ line: number; text: string; type: string; modifiers: string[] }> = [];
  let line = 0;
  let character = 0;
  for (let index = 0; index < data.length; index += 5) {
    const [deltaLine, deltaStart, length, type, bits] = data.slice(index, index + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = legend.tokenModifiers.filter((_, bit) => bits & (1 << bit));
    tokens.push({ line, text: LINES[line].slice(character, character + length), type: legend.tokenTypes[type], modifiers });
  }
  return tokens;
}
