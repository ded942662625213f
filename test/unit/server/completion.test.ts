import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, CompletionResolveRequest, InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../../support/lsp-client.js';

const CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: { completion: { completionItem: { snippetSupport: true } } },
};

/** Completion at the `|` of a fixture (the `|` is not part of the text). */
async function complete(client: TestClient, withCursor: string): Promise<CompletionItem[]> {
  const text = withCursor.replace('|', '');
  const uri = `file:///ws/completion/${Math.random().toString(36).slice(2)}/Dockerfile`;
  await client.open(uri, text);
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(withCursor, '|') });
  return (Array.isArray(result) ? result : result?.items) ?? [];
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);

describe('language server: completion', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ capabilities: CAPABILITIES });
    const result = await client.initialize();
    assert.equal(result.capabilities.completionProvider?.resolveProvider, true);
  });
  after(() => client.close());

  it('offers every instruction at the start of a line, as snippets, with docs on resolve', async () => {
    const items = await complete(client, 'FROM alpine:3.20\n|\n');
    assert.deepEqual(labels(items).sort(), ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
    const copy = items.find((item) => item.label === 'COPY')!;
    assert.equal(copy.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((copy.textEdit as TextEdit).newText, 'COPY ${1:source} ${2:destination}');
    const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, copy);
    assert.match((resolved.documentation as MarkupContent).value, /^\*\*COPY\*\* \(instruction\)/);
    const maintainer = items.find((item) => item.label === 'MAINTAINER')!;
    assert.deepEqual(maintainer.tags, [1], 'MAINTAINER is marked deprecated');
  });

  it('completes a keyword being typed, replacing what is typed', async () => {
    const items = await complete(client, 'FROM alpine:3.20\nwor|\n');
    const workdir = items.find((item) => item.label === 'WORKDIR')!;
    assert.deepEqual((workdir.textEdit as TextEdit).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  });

  it('offers the instructions an ONBUILD may register', async () => {
    const items = await complete(client, 'FROM alpine:3.20\nONBUILD |\n');
    assert.ok(labels(items).includes('RUN'));
    assert.deepEqual(labels(items).filter((label) => ['ONBUILD', 'FROM', 'MAINTAINER'].includes(label)), []);
  });

  it('offers the flags of each instruction', async () => {
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nRUN --|\n')).sort(), ['--device', '--mount', '--network', '--security']);
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nCOPY --link --|\n')).sort(), ['--chmod', '--chown', '--exclude', '--from', '--parents']);
    assert.deepEqual(labels(await complete(client, '|'.replace('|', 'FROM --|'))), ['--platform']);
  });

  it('completes --mount: its types, then the option keys of that type', async () => {
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nRUN --mount=type=|\n')), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
    const keys = await complete(client, 'FROM alpine:3.20\nRUN --mount=type=cache,|\n');
    assert.deepEqual(labels(keys), ['id', 'target', 'readonly', 'sharing', 'from', 'source', 'mode', 'uid', 'gid']);
    assert.equal((keys[1].textEdit as TextEdit).newText, 'target=');
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.npm,sharing=|\n')), ['shared', 'private', 'locked']);
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nRUN --mount=type=secret,|\n')), ['id', 'target', 'env', 'required', 'mode', 'uid', 'gid']);
  });

  it('completes flag values: --platform, --chmod, --network', async () => {
    const platforms = labels(await complete(client, 'FROM --platform=| alpine:3.20\n'));
    assert.deepEqual(platforms.slice(0, 4), ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64']);
    assert.ok(labels(await complete(client, 'FROM alpine:3.20\nCOPY --chmod=| a /a\n')).includes('755'));
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nRUN --network=|\n')), ['default', 'none', 'host']);
  });

  it('offers earlier stage names for COPY --from, mount from= and FROM, nearest first', async () => {
    const text = 'FROM golang:1.23 AS build\nFROM node:22 AS assets\nFROM alpine:3.20\nCOPY --from=| /out /out\n';
    assert.deepEqual(labels(await complete(client, text)), ['assets', 'build']);
    assert.deepEqual(labels(await complete(client, 'FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=from=|\n')), ['build']);
    assert.deepEqual(labels(await complete(client, 'FROM golang:1.23 AS build\nFROM |\n')), ['build', 'scratch']);
    assert.deepEqual(labels(await complete(client, 'FROM golang:1.23 AS build\nFROM build |\n')), ['AS']);
  });

  it('offers the variables in scope after $ and ${, with their values', async () => {
    const text = 'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nENV APP_HOME=/srv/app\nRUN echo ${|\n';
    const items = await complete(client, text);
    const home = items.find((item) => item.label === 'APP_HOME')!;
    assert.equal(home.detail, '/srv/app');
    assert.equal((home.textEdit as TextEdit).newText, 'APP_HOME}', 'closes the brace');
    assert.equal(items.find((item) => item.label === 'VERSION')?.detail, '1.0');
    assert.ok(!labels(items).includes('TARGETARCH'), 'a platform ARG is in scope only once declared');
    const plain = await complete(client, 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nWORKDIR $|\n');
    assert.equal((plain.find((item) => item.label === 'APP_HOME')!.textEdit as TextEdit).newText, 'APP_HOME');
  });

  it('offers global ARGs and the platform ARGs after ARG in a stage', async () => {
    const items = labels(await complete(client, 'ARG VERSION=1.0\nARG REGISTRY=docker.io\nFROM alpine:3.20\nARG VERSION\nARG |\n'));
    assert.deepEqual(items.slice(0, 2), ['REGISTRY', 'TARGETPLATFORM'], 'VERSION is declared already');
    assert.ok(items.includes('BUILDPLATFORM'));
  });

  it('completes parser directives and the check names of check=skip', async () => {
    assert.deepEqual(labels(await complete(client, '# |\nFROM alpine:3.20\n')).slice(0, 3), ['syntax', 'escape', 'check']);
    assert.deepEqual(labels(await complete(client, '# syntax=|\nFROM alpine:3.20\n')), ['docker/dockerfile:1', 'docker/dockerfile:1-labs']);
    const checks = labels(await complete(client, '# check=skip=StageNameCasing,|\nFROM alpine:3.20\n'));
    assert.ok(checks.includes('JSONArgsRecommended') && checks.includes('all'), checks.join(', '));
    assert.ok(!checks.some((name) => name.startsWith('DL')), 'only BuildKit check names');
  });

  it('completes rule ids in ignore pragmas: hadolint codes for hadolint, our ids everywhere', async () => {
    const hadolint = labels(await complete(client, 'FROM alpine:3.20\n# hadolint ignore=|\nRUN true\n'));
    assert.ok(hadolint.includes('DL3006') && hadolint.includes('untagged-image'));
    const ours = labels(await complete(client, 'FROM alpine:3.20\n# layerwise-ignore |\nRUN true\n'));
    assert.ok(ours.includes('multiple-cmd') && !ours.includes('DL4003'));
    assert.ok(labels(await complete(client, 'FROM alpine:3.20\n# |\n')).includes('layerwise-ignore'), 'pragma templates after #');
  });

  it('offers HEALTHCHECK its CMD and NONE, STOPSIGNAL its signals, and nothing inside plain arguments', async () => {
    assert.deepEqual(labels(await complete(client, 'FROM alpine:3.20\nHEALTHCHECK --interval=5s |\n')), ['CMD', 'NONE']);
    assert.ok(labels(await complete(client, 'FROM alpine:3.20\nSTOPSIGNAL |\n')).includes('SIGQUIT'));
    assert.deepEqual(await complete(client, 'FROM alpine:3.20\nRUN apt-get upd|\n'), []);
  });
});

describe('language server: completion without snippet support', () => {
  it('inserts the keyword and a space', async () => {
    const client = new TestClient();
    await client.initialize();
    const items = await complete(client, 'FROM alpine:3.20\n|\n');
    const run = items.find((item) => item.label === 'RUN')!;
    assert.equal((run.textEdit as TextEdit).newText, 'RUN ');
    assert.equal(run.insertTextFormat, InsertTextFormat.PlainText);
    await client.close();
  });
});
