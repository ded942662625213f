import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../../support/lsp-client.js';

const TEXT = [
  '# syntax=docker/dockerfile:1',
  '# check=skip=JSONArgsRecommended',
  'ARG GO_VERSION=1.23',
  'FROM golang:${GO_VERSION}-alpine AS build',
  'ARG GO_VERSION',
  'ENV CGO_ENABLED=0 APP_HOME=/src',
  'WORKDIR $APP_HOME',
  'RUN --mount=type=cache,target=/root/.cache/go-build --network=none go build -o /out/app .',
  '',
  'FROM gcr.io/distroless/static-debian12 AS runtime',
  '# hadolint ignore=DL3006',
  'COPY --from=build /out/app /app',
  'HEALTHCHECK --interval=30s CMD ["/app", "health"]',
  'CMD ["/app"]',
  '',
].join('\n');

const URI = 'file:///ws/hover/Dockerfile';

async function hoverAt(client: TestClient, marker: string, delta = 0): Promise<string | undefined> {
  const result = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(TEXT, marker, delta) })) as Hover | null;
  return result ? (result.contents as MarkupContent).value : undefined;
}

describe('language server: hover (English)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ locale: 'en' });
    const result = await client.initialize();
    assert.equal(result.capabilities.hoverProvider, true);
    await client.open(URI, TEXT);
  });
  after(() => client.close());

  it('explains an instruction: what it does, its forms, layers and cache, an example', async () => {
    const text = await hoverAt(client, 'RUN --mount', 1);
    assert.ok(text);
    assert.match(text, /^\*\*RUN\*\* \(instruction\)/);
    assert.match(text, /RUN \[OPTIONS\] <command>/, 'the syntax block');
    assert.match(text, /\*\*Layers and cache\*\*: Adds one layer/);
    assert.match(text, /\*\*Example\*\*[\s\S]*--mount=type=cache/);
  });

  it('explains a flag, a mount option and a mount type', async () => {
    assert.match((await hoverAt(client, '--network', 3))!, /^\*\*--network\*\* \(RUN flag\)\n\nThe network the command gets/);
    assert.match((await hoverAt(client, 'target=/root', 2))!, /^\*\*target\*\* \(--mount\)\n\nWhere the mount appears/);
    assert.match((await hoverAt(client, 'type=cache', 6))!, /^\*\*type=cache\*\* \(--mount\)\n\nA folder kept between builds/);
    assert.match((await hoverAt(client, '--interval', 4))!, /Time between checks; 30s by default/);
  });

  it('gives a variable its value at that point and where it was set', async () => {
    const text = (await hoverAt(client, '${GO_VERSION}', 3))!;
    assert.equal(text, '**$GO_VERSION** (global build argument)\n\nValue here: `1.23`\n\nSet on line 3: `ARG GO_VERSION=1.23`');
    const env = (await hoverAt(client, '$APP_HOME', 2))!;
    assert.equal(env, '**$APP_HOME** (environment variable)\n\nValue here: `/src`\n\nSet on line 6: `ENV APP_HOME=/src`');
  });

  it('gives an ARG or ENV name where it is set the value it sets', async () => {
    assert.equal(await hoverAt(client, 'CGO_ENABLED=0', 1), '**$CGO_ENABLED** (environment variable)\n\nValue here: `0`\n\nSet on line 6: `ENV CGO_ENABLED=0`');
    const text = 'FROM alpine:3.20 AS first\nARG LAST=1\nFROM alpine:3.20\n';
    await client.open('file:///ws/hover/last/Dockerfile', text);
    const result = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///ws/hover/last/Dockerfile' }, position: positionOf(text, 'LAST', 1) })) as Hover;
    assert.match((result.contents as MarkupContent).value, /Value here: `1`/, 'the last instruction of a stage, right before the next FROM');
  });

  it('names a stage\'s base image and line, from its name and from COPY --from', async () => {
    const expected = '**build** (stage 0)\n\nBuild stage on `golang:${GO_VERSION}-alpine`, line 4\n\n[Open in the registry](https://hub.docker.com/_/golang)';
    assert.equal(await hoverAt(client, 'AS build', 4), expected);
    assert.equal(await hoverAt(client, '--from=build', 8), expected);
  });

  it('links an image to its registry page', async () => {
    const text = (await hoverAt(client, 'golang:', 2))!;
    assert.equal(text, '**Image** `golang:1.23-alpine`\n\n[Open in the registry](https://hub.docker.com/_/golang)');
  });

  it('explains parser directives, and the rules named in check=skip and ignore pragmas', async () => {
    assert.match((await hoverAt(client, 'syntax=', 2))!, /^\*\*# syntax\*\* \(parser directive\)\n\nWhich Dockerfile frontend/);
    assert.match((await hoverAt(client, 'JSONArgsRecommended', 3))!, /^\*\*json-args-recommended\*\* \(JSONArgsRecommended, DL3025\)\n\nReports CMD and ENTRYPOINT in shell form/);
    assert.match((await hoverAt(client, 'DL3006', 2))!, /^\*\*untagged-image\*\*[\s\S]*\[Rule documentation\]\(.*#untagged-image\)$/);
  });

  it('returns nothing over plain arguments', async () => {
    assert.equal(await hoverAt(client, '/out/app /app', 6), undefined);
  });
});

describe('language server: hover (Simplified Chinese)', () => {
  it('speaks the client\'s locale: zh-cn docs for instructions, flags and variables', async () => {
    const client = new TestClient({ locale: 'zh-cn' });
    await client.initialize();
    await client.open(URI, TEXT);
    const run = (await hoverAt(client, 'RUN --mount', 1))!;
    assert.match(run, /^\*\*RUN\*\* \(指令\)\n\n在当前镜像之上执行命令/);
    assert.match(run, /\*\*镜像层与缓存\*\*: 新增一层/);
    assert.match((await hoverAt(client, '--network', 3))!, /命令可用的网络/);
    assert.equal(await hoverAt(client, '${GO_VERSION}', 3), '**$GO_VERSION** (全局构建参数)\n\n此处的值：`1.23`\n\n在第 3 行设置：`ARG GO_VERSION=1.23`');
    await client.close();
  });
});
