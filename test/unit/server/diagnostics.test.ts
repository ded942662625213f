import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type Diagnostic, DocumentDiagnosticRequest, DidSaveTextDocumentNotification, DidChangeConfigurationNotification, type CodeAction } from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../../support/lsp-client.js';

const TWO_CMDS = 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n';

/** The codes of the diagnostics from the rules a test is about (other rules may find more as the catalogue grows). */
const codesOf = (diagnostics: Array<{ code?: string | number }>, ...rules: string[]) =>
  diagnostics.map((diagnostic) => String(diagnostic.code)).filter((code) => rules.includes(code));

describe('language server: diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.close());

  it('publishes findings on open with the rule id as code and a link to its docs', async () => {
    await client.open('file:///ws/a/Dockerfile', TWO_CMDS);
    const { diagnostics, version } = await client.diagnosticsFor('file:///ws/a/Dockerfile', 1);
    assert.equal(version, 1);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.source]), [['multiple-cmd', 1, 'layerwise']], 'a clean file but for the two CMDs');
    assert.match(diagnostics[0].codeDescription!.href, /docs\/rules\.md#multiple-cmd$/);
  });

  it('updates on each incremental change', async () => {
    const uri = 'file:///ws/b/Dockerfile';
    await client.open(uri, TWO_CMDS);
    await client.diagnosticsFor(uri, 1);
    const start = positionOf(TWO_CMDS, 'CMD ["a"]');
    await client.change(uri, 2, [{ range: { start, end: { line: start.line + 1, character: 0 } }, text: '' }]);
    assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
    await client.change(uri, 3, [{ range: { start, end: start }, text: 'ADD app.py /app/\n' }]);
    assert.deepEqual(codesOf((await client.diagnosticsFor(uri, 3)).diagnostics, 'add-instead-of-copy', 'multiple-cmd'), ['add-instead-of-copy']);
  });

  it('offers the quick fix, fix-all for the rule, and ignore pragmas', async () => {
    const text = 'FROM alpine:3.20\nADD a.py /app/\nADD b.py /app/\n';
    const uri = 'file:///ws/c/Dockerfile';
    await client.open(uri, text);
    const diagnostics = (await client.diagnosticsFor(uri, 1)).diagnostics.filter((diagnostic) => diagnostic.code === 'add-instead-of-copy');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as CodeAction[];
    const forAdd = actions.filter((action) => action.diagnostics?.[0]?.code !== undefined ? action.diagnostics[0].code === 'add-instead-of-copy' : action.title.includes('add-instead-of-copy'));
    assert.deepEqual(forAdd.map((action) => action.title), [
      'Replace ADD with COPY',
      'Fix all add-instead-of-copy problems in this file',
      'Ignore add-instead-of-copy for this instruction',
      'Ignore add-instead-of-copy in this file',
    ]);
    assert.equal(forAdd[0].isPreferred, true);
    assert.deepEqual(forAdd[0].edit!.changes![uri], [{ range: diagnostics[0].range, newText: 'COPY' }]);
    assert.deepEqual(forAdd[2].edit!.changes![uri], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# layerwise-ignore add-instead-of-copy\n' }]);
    const [fixAll] = forAdd[1].edit!.changes![uri];
    assert.equal(fixAll.newText.replace(/\s+/g, ' ').trim(), 'COPY a.py /app/ COPY');
  });

  it('answers source.fixAll.layerwise with every safe fix, for fix on save', async () => {
    const text = 'FROM alpine:3.20\nADD a.py /app/\nMAINTAINER me\nCMD ["a"]\nCMD ["b"]\n';
    const uri = 'file:///ws/d/Dockerfile';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.layerwise'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.layerwise']);
    const [edit] = actions[0].edit!.changes![uri];
    assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 13 } }, 'only ADD and MAINTAINER change');
    assert.equal(edit.newText, 'COPY a.py /app/\nLABEL maintainer="me"', 'the unsafe fix (removing a CMD) is not applied on save');
  });
});

describe('language server: settings', () => {
  it('lints only on save when layerwise.lint.run is onSave', async () => {
    const client = new TestClient({ settings: { lint: { run: 'onSave' } } });
    await client.initialize();
    const uri = 'file:///ws/e/Dockerfile';
    await client.open(uri, TWO_CMDS);
    await client.diagnosticsFor(uri, 1);
    await client.change(uri, 2, [{ text: 'FROM alpine:3.20\nADD x /x\n' }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(codesOf((await client.diagnosticsFor(uri)).diagnostics, 'multiple-cmd', 'add-instead-of-copy'), ['multiple-cmd'], 'no new lint on type');
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual(codesOf((await client.diagnosticsFor(uri, 2)).diagnostics, 'multiple-cmd', 'add-instead-of-copy'), ['add-instead-of-copy']);
    await client.close();
  });

  it('turns rules off per setting and re-lints open documents when settings change', async () => {
    const client = new TestClient();
    await client.initialize();
    const uri = 'file:///ws/f/Dockerfile';
    await client.open(uri, TWO_CMDS);
    assert.deepEqual(codesOf((await client.diagnosticsFor(uri, 1)).diagnostics, 'multiple-cmd'), ['multiple-cmd']);
    client.settings = { rules: { DL4003: 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(codesOf((await client.diagnosticsFor(uri)).diagnostics, 'multiple-cmd'), []);
    await client.close();
  });

  it('says a broken setting is broken, once, and goes on with the default', async () => {
    const client = new TestClient({ settings: { lint: { run: 'sometimes' }, rules: { 'multiple-cmd': 'loud' } } });
    await client.initialize();
    await client.open('file:///ws/g/Dockerfile', TWO_CMDS);
    assert.deepEqual(codesOf((await client.diagnosticsFor('file:///ws/g/Dockerfile', 1)).diagnostics, 'multiple-cmd'), ['multiple-cmd']);
    assert.deepEqual(client.messages, [
      'Layerwise: layerwise.lint.run must be "onType" or "onSave", not "sometimes"; using the default.',
      'Layerwise: layerwise.rules.multiple-cmd must be one of error, warning, info, hint, off, not "loud"; using the default.',
    ]);
    await client.close();
  });

  it('speaks Simplified Chinese when the client does', async () => {
    const client = new TestClient({ locale: 'zh-cn' });
    await client.initialize();
    await client.open('file:///ws/h/Dockerfile', TWO_CMDS);
    const [multipleCmd] = (await client.diagnosticsFor('file:///ws/h/Dockerfile', 1)).diagnostics.filter((diagnostic) => diagnostic.code === 'multiple-cmd');
    assert.match(String(multipleCmd.message), /不会生效/);
    await client.close();
  });

  it('under onSave, pulls return what the save showed, moved along with later edits and never outside the text', async () => {
    const client = new TestClient({ settings: { lint: { run: 'onSave' } }, capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
    await client.initialize();
    const uri = 'file:///ws/j/Dockerfile';
    const text = 'FROM alpine:3.20\nCMD ["a", "long", "argument"]\nCMD ["b"]\n';
    await client.open(uri, text);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const pull = async () => ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Diagnostic[] }).items.filter((diagnostic) => diagnostic.code === 'multiple-cmd');
    const [atSave] = await pull();
    assert.deepEqual(atSave.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, 'the first CMD keyword');
    // Cut the flagged line to `CM` (the old range would end past it), then add a line above: no new lint, the finding follows its text.
    await client.change(uri, 2, [{ range: { start: positionOf(text, 'D ["a"'), end: positionOf(text, '\nCMD ["b"]') }, text: '' }]);
    await client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'USER app\n' }]);
    const [afterEdits] = await pull();
    assert.equal(afterEdits.message, atSave.message);
    assert.deepEqual(afterEdits.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, 'what is left of it, `CM`, now on line 3');
    await client.close();
  });

  it('serves pull diagnostics to clients that support them', async () => {
    const client = new TestClient({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
    const result = await client.initialize();
    assert.ok(result.capabilities.diagnosticProvider);
    const uri = 'file:///ws/i/Dockerfile';
    await client.open(uri, TWO_CMDS);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codesOf((report as { items: Array<{ code: string }> }).items, 'multiple-cmd'), ['multiple-cmd']);
    await client.close();
  });
});
