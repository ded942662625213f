// Documents from LARGE_DOCUMENT_CHARS on live in the document worker (server/src/workspace/large-documents.ts).
// The other protocol tests also run with every document there (scripts/test.mjs), so here: what only large ones do.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
// The server's own copy of the protocol library (vscode-languageserver bundles a newer one than the tests' client).
import { CancellationToken, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { belongsInWorker, hasLineOf, LARGE_DOCUMENT_CHARS, LargeDocuments, LONG_LINE_CHARS } from '../../../server/src/workspace/large-documents.js';
import { DEFAULT_SETTINGS } from '../../../server/src/workspace/settings.js';
import { positionOf, TestClient } from '../../support/lsp-client.js';

/** A large Dockerfile with one `latest` tag at its top, so its diagnostics are easy to find. */
const HEAD = 'FROM alpine:latest\n';
const BODY = 'RUN echo "a line of the large file"\n';
const LARGE = HEAD + BODY.repeat(Math.ceil(LARGE_DOCUMENT_CHARS / BODY.length) + 10);

/** The threads of a process (Linux): a worker thread brings a few of its own. */
function threadsOf(pid: number): number {
  return Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

async function hoverAt(client: TestClient, uri: string, text: string, marker: string): Promise<string> {
  const result = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, marker, 1) })) as Hover | null;
  return JSON.stringify(result?.contents ?? null);
}

async function untilThreads(pid: number, done: (threads: number) => boolean): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const threads = threadsOf(pid);
    if (done(threads) || Date.now() > deadline) return threads;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('which documents the worker holds', () => {
  it('takes long documents and documents with one long line, and leaves the rest', () => {
    assert.equal(belongsInWorker('FROM a\n'.repeat(LARGE_DOCUMENT_CHARS / 7 + 1)), true);
    assert.equal(belongsInWorker('FROM a\n'.repeat(LARGE_DOCUMENT_CHARS / 7 - 100)), false);
    assert.equal(belongsInWorker(`FROM a\nRUN echo ${'x'.repeat(LONG_LINE_CHARS)}\nFROM b\n`), true);
    assert.equal(belongsInWorker(`FROM a\nRUN echo ${'x'.repeat(LONG_LINE_CHARS - 20)}\nFROM b\n`), false);
  });

  it('finds a long line at the start, the middle and the end, and counts a CR-only file as one line', () => {
    const long = 'y'.repeat(100);
    for (const text of [`${long}\na`, `a\n${long}\nb`, `a\n${long}`, `${long}`, 'a\r'.repeat(50)]) assert.equal(hasLineOf(text, 100), true, JSON.stringify(text.slice(0, 12)));
    for (const text of [`${long.slice(1)}\n${long.slice(1)}`, '', 'a\n'.repeat(200)]) assert.equal(hasLineOf(text, 100), false, JSON.stringify(text.slice(0, 12)));
  });
});

describe('language server: large documents (the document worker)', () => {
  it('lints a large document and answers requests on it as on a small one', async () => {
    const client = new TestClient();
    await client.initialize();
    await client.open('untitled:small.Dockerfile', HEAD + BODY);
    await client.open('untitled:large.Dockerfile', LARGE);
    const small = await client.diagnosticsFor('untitled:small.Dockerfile');
    const large = await client.diagnosticsFor('untitled:large.Dockerfile', 1, 60_000);
    assert.deepEqual(large.diagnostics.filter((diagnostic) => diagnostic.code === 'latest-tag'), small.diagnostics.filter((diagnostic) => diagnostic.code === 'latest-tag'));
    assert.equal(await hoverAt(client, 'untitled:large.Dockerfile', LARGE, 'RUN'), await hoverAt(client, 'untitled:small.Dockerfile', HEAD + BODY, 'RUN'));
    await client.close();
  });

  it('moves a document that an edit makes large to the worker, and goes on linting it', async () => {
    const client = new TestClient();
    await client.initialize();
    const uri = 'untitled:grows.Dockerfile';
    await client.open(uri, 'FROM alpine:3.20\n');
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics.filter((diagnostic) => diagnostic.code === 'latest-tag'), []);
    const before = threadsOf(client.pid);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: LARGE }]);
    const after = await client.diagnosticsFor(uri, 2, 60_000);
    // Linted on either thread the findings would be the same: the worker's threads show it moved.
    assert.ok(threadsOf(client.pid) > before, `a worker thread runs after the paste (${before} threads before)`);
    assert.ok(after.diagnostics.some((diagnostic) => diagnostic.code === 'latest-tag'), 'the pasted text is linted');
    // Edits after the move reach the worker too.
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } }, text: '3.20' }]);
    const edited = await client.diagnosticsFor(uri, 3, 60_000);
    assert.ok(!edited.diagnostics.some((diagnostic) => diagnostic.code === 'latest-tag'), 'the fixed tag no longer shows');
    await client.close();
  });

  it('stops the worker when the last large document closes, and starts one again for the next', async () => {
    const client = new TestClient();
    await client.initialize();
    await client.open('untitled:small.Dockerfile', HEAD);
    await client.diagnosticsFor('untitled:small.Dockerfile');
    const before = threadsOf(client.pid);
    await client.open('untitled:large.Dockerfile', LARGE);
    await client.diagnosticsFor('untitled:large.Dockerfile', 1, 60_000);
    const during = threadsOf(client.pid);
    assert.ok(during > before, `a worker thread runs (${before} threads before, ${during} with the large document)`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:large.Dockerfile' } });
    const after = await untilThreads(client.pid, (threads) => threads <= before);
    assert.ok(after <= before, `the worker's threads are gone after the close (${after}, ${before} before)`);
    await client.open('untitled:again.Dockerfile', LARGE);
    assert.ok((await client.diagnosticsFor('untitled:again.Dockerfile', 1, 60_000)).diagnostics.length > 0);
    await client.close();
  });
});

describe('the document worker failing', () => {
  /** A worker script that fails as a crash would: on the first document it is given. */
  function crashingScript(): string {
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-worker-'));
    const script = join(dir, 'crash.cjs');
    writeFileSync(script, "require('node:worker_threads').parentPort.on('message', (message) => { if (message.type === 'open') throw new Error('boom on ' + message.uri); });\n");
    return script;
  }

  it('lets its documents and requests go with one message, and a later open starts a new worker', async () => {
    const lost: Array<{ uris: string[]; reason: string }> = [];
    const large = new LargeDocuments(crashingScript(), () => ({ locale: 'en', pullDiagnostics: false, client: { snippets: false, refreshCodeLenses: false, refreshInlayHints: false } }), {
      settingsFor: async () => DEFAULT_SETTINGS,
      diagnostics: () => assert.fail('a crashed worker publishes nothing'),
      refreshPull: () => {},
      projectUsed: () => {},
      log: () => {},
      lost: (uris, reason) => lost.push({ uris, reason }),
    });
    large.open('untitled:a.Dockerfile', 'dockerfile', 1, 'FROM a\n');
    const answer = await large.request('textDocument/hover', { textDocument: { uri: 'untitled:a.Dockerfile' } }, CancellationToken.None);
    assert.ok(answer instanceof ResponseError && answer.code === ErrorCodes.InternalError && answer.message.includes('boom on untitled:a.Dockerfile'), String(answer));
    assert.deepEqual(lost.map(({ uris }) => uris), [['untitled:a.Dockerfile']]);
    assert.match(lost[0].reason, /boom on untitled:a\.Dockerfile/);
    assert.equal(large.has('untitled:a.Dockerfile'), false);
    // Reopening tries again, in a new worker (which fails the same way here, and says so once more).
    large.open('untitled:a.Dockerfile', 'dockerfile', 2, 'FROM a\n');
    await new Promise<void>((resolve) => {
      const wait = () => (lost.length === 2 ? resolve() : setTimeout(wait, 10));
      wait();
    });
    assert.deepEqual(lost.map(({ uris }) => uris), [['untitled:a.Dockerfile'], ['untitled:a.Dockerfile']]);
  });
});
