// One pathological document through the language server, over stdio as VS Code
// drives it: open it beside a small document, time its first diagnostics, and
// hover the small document every few milliseconds meanwhile: the longest of
// those hovers is how long the big document kept the server from answering.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const TIMEOUT_MS = 180_000;
const SMALL = 'FROM alpine:3.20\nRUN echo small\n';

function peakRss(pid) {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : undefined;
}

export async function serverRoundTrip(root, serverPath, text) {
  const protocol = createRequire(join(root, 'package.json'))('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', ({ items }) => items.map(() => ({})));
  const arrived = new Map();
  const waiters = [];
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    if (!arrived.has(params.uri)) arrived.set(params.uri, performance.now());
    for (const wake of waiters.splice(0)) wake();
  });
  connection.listen();
  const diagnosticsOf = (uri) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      const check = () => (arrived.has(uri) ? (clearTimeout(timer), resolve(arrived.get(uri))) : waiters.push(check));
      check();
    });
  try {
    await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } });
    await connection.sendNotification(protocol.InitializedNotification.type, {});
    const small = 'untitled:small.Dockerfile';
    const big = 'untitled:big.Dockerfile';
    await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'dockerfile', version: 1, text: SMALL } });
    await diagnosticsOf(small);
    const hover = () => connection.sendRequest(protocol.HoverRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 1 } });
    await hover();

    const opened = performance.now();
    await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri: big, languageId: 'dockerfile', version: 1, text } });
    let longestHoverMs = 0;
    let hovers = 0;
    let done = false;
    const bigDiagnostics = diagnosticsOf(big).finally(() => (done = true));
    while (!done) {
      const sent = performance.now();
      await hover();
      longestHoverMs = Math.max(longestHoverMs, performance.now() - sent);
      hovers++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const diagnosticsMs = (await bigDiagnostics) - opened;
    const hoverStart = performance.now();
    await connection.sendRequest(protocol.HoverRequest.type, { textDocument: { uri: big }, position: { line: 1, character: 1 } });
    const bigHoverMs = performance.now() - hoverStart;
    const rss = peakRss(child.pid);
    await connection.sendRequest(protocol.ShutdownRequest.type);
    await connection.sendNotification(protocol.ExitNotification.type);
    return { diagnosticsMs, bigHoverMs, longestHoverMs, hovers, peakRssBytes: rss };
  } finally {
    setTimeout(() => child.kill(), 2000).unref();
    connection.dispose();
  }
}
