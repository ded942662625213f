// Drives a language server over stdio the way VS Code does, and times it:
// spawn → initialize response, didOpen → first publishDiagnostics, one-character
// didChange edits → the publishDiagnostics that follows each, completion and
// hover requests, and the server's peak RSS. Every server is driven the same way.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What VS Code's language client declares, less pull diagnostics: both servers must push, so the harness times publishDiagnostics. */
const CLIENT_CAPABILITIES = {
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      contextSupport: true,
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], deprecatedSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } } },
  },
  window: { workDoneProgress: true, showMessage: {} },
};

const DIAGNOSTICS_TIMEOUT_MS = 30_000;

function now() {
  return performance.now();
}

/** `section` of a settings object, as VS Code's `getConfiguration(section)` answers: dotted path, `null` when absent. */
function settingsSection(settings, section) {
  let value = settings;
  for (const key of (section ?? '').split('.').filter(Boolean)) value = value?.[key];
  return value ?? null;
}

/** The peak resident set of a process so far (Linux: VmHWM), in bytes. */
function peakRss(pid) {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : undefined;
}

/**
 * One session with a fresh server process. `server`: `{ command, args, settings }`
 * (settings: the object VS Code would answer `workspace/configuration` from).
 * `document`: `{ text, edit: { line, character }, completion: position, hover: position }`.
 * Returns times in ms; `completion`/`hover` are undefined when the server does
 * not declare the provider.
 */
export async function driveServer(root, server, document, { edits = 20, requests = 20 } = {}) {
  const protocol = createRequire(join(root, 'package.json'))('vscode-languageserver-protocol/node');
  const uri = pathToFileURL(join(root, '.cache', 'bench', 'large.Dockerfile')).href;
  const started = now();
  const child = spawn(server.command, server.args, { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));

  // Requests from the server, answered as VS Code would.
  connection.onRequest(protocol.ConfigurationRequest.type, ({ items }) => items.map((item) => settingsSection(server.settings, item.section)));
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'window/showMessageRequest']) {
    connection.onRequest(method, () => null);
  }

  // The next publishDiagnostics for the document at or after a version. A
  // server that sends no version (docker-langserver) is matched by arrival:
  // edits are sent one at a time, each after the previous one's diagnostics.
  let waiting;
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri || !waiting) return;
    if (params.version !== undefined && params.version !== null && params.version < waiting.version) return;
    const { resolve } = waiting;
    waiting = undefined;
    resolve({ at: now(), count: params.diagnostics.length, versioned: params.version !== undefined && params.version !== null });
  });
  const diagnosticsFor = (version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${server.name}: no diagnostics for version ${version} within ${DIAGNOSTICS_TIMEOUT_MS} ms`)), DIAGNOSTICS_TIMEOUT_MS);
      waiting = { version, resolve: (result) => (clearTimeout(timer), resolve(result)) };
    });
  connection.listen();

  try {
    const initialized = await connection.sendRequest(protocol.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code' },
      locale: 'en',
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'workspace' }],
      capabilities: CLIENT_CAPABILITIES,
    });
    const initializeMs = now() - started;
    await connection.sendNotification(protocol.InitializedNotification.type, {});

    let version = 1;
    let sent = now();
    let arrived = diagnosticsFor(version);
    await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version, text: document.text } });
    const open = await arrived;
    const openMs = open.at - sent;

    // Type one character into a RUN in the middle, then delete it, and so on.
    const changeMs = [];
    let last = open;
    const { line, character } = document.edit;
    for (let index = 0; index < edits; index++) {
      version++;
      const insert = index % 2 === 0;
      const range = { start: { line, character }, end: { line, character: insert ? character : character + 1 } };
      arrived = diagnosticsFor(version);
      sent = now();
      await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
      last = await arrived;
      changeMs.push(last.at - sent);
    }

    const capabilities = initialized.capabilities;
    // The last answer of each kind is kept, so the report can show that the server answered something.
    const answers = {};
    const timeRequests = async (type, params) => {
      const times = [];
      for (let index = 0; index < requests; index++) {
        const start = now();
        answers[type.method] = await connection.sendRequest(type, params);
        times.push(now() - start);
      }
      return times;
    };
    const textDocument = { uri };
    const completionMs = capabilities.completionProvider ? await timeRequests(protocol.CompletionRequest.type, { textDocument, position: document.completion, context: { triggerKind: 1 } }) : undefined;
    const hoverMs = capabilities.hoverProvider ? await timeRequests(protocol.HoverRequest.type, { textDocument, position: document.hover }) : undefined;

    const peakRssBytes = peakRss(child.pid);
    await connection.sendRequest(protocol.ShutdownRequest.type);
    await connection.sendNotification(protocol.ExitNotification.type);
    return {
      serverInfo: initialized.serverInfo,
      initializeMs,
      openMs,
      changeMs,
      completionMs,
      hoverMs,
      peakRssBytes,
      diagnostics: { open: open.count, last: last.count, versioned: open.versioned },
      completionItems: completionMs ? (answers[protocol.CompletionRequest.method]?.items ?? answers[protocol.CompletionRequest.method] ?? []).length : undefined,
      hoverCharacters: hoverMs ? JSON.stringify(answers[protocol.HoverRequest.method]?.contents ?? null).length - (answers[protocol.HoverRequest.method] ? 0 : 4) : undefined,
    };
  } finally {
    const killer = setTimeout(() => child.kill(), 2000);
    await exited;
    clearTimeout(killer);
    connection.dispose();
  }
}
