import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignatureHelpRequest, type SignatureHelp } from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../../support/lsp-client.js';

/** Signature help at the `|` of a fixture: the active form's label and the active parameter's label. */
async function help(client: TestClient, withCursor: string): Promise<{ form: string; parameter: string; forms: number } | null> {
  const uri = `file:///ws/signature/${Math.random().toString(36).slice(2)}/Dockerfile`;
  await client.open(uri, withCursor.replace('|', ''));
  const result = (await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: positionOf(withCursor, '|') })) as SignatureHelp | null;
  if (!result) return null;
  const signature = result.signatures[result.activeSignature ?? 0];
  return { form: signature.label, parameter: String(signature.parameters![result.activeParameter ?? 0].label), forms: result.signatures.length };
}

describe('language server: signature help', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.signatureHelpProvider?.triggerCharacters, [' ']);
  });
  after(() => client.close());

  it('shows FROM\'s form and follows the cursor through image, AS and name', async () => {
    assert.deepEqual(await help(client, 'FROM |'), { form: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]', parameter: '<image>', forms: 1 });
    assert.equal((await help(client, 'FROM --platform=linux/arm64| alpine'))?.parameter, '[--platform=<platform>]');
    assert.equal((await help(client, 'FROM alpine:3.20 |'))?.parameter, 'AS');
    assert.equal((await help(client, 'FROM alpine:3.20 AS |'))?.parameter, '<name>');
  });

  it('picks the form that matches what is written: shell, exec or heredoc', async () => {
    assert.deepEqual(await help(client, 'FROM alpine\nRUN apt-get |'), { form: 'RUN [OPTIONS] <command>', parameter: '<command>', forms: 3 });
    assert.deepEqual(await help(client, 'FROM alpine\nRUN --mount=type=cache,target=/x| make'), { form: 'RUN [OPTIONS] <command>', parameter: '[OPTIONS]', forms: 3 });
    assert.deepEqual(await help(client, 'FROM alpine\nCMD ["node", |]'), { form: 'CMD ["executable", "param", ...]', parameter: '"param"', forms: 3 });
    assert.deepEqual(await help(client, 'FROM alpine\nCMD ["node|"]'), { form: 'CMD ["executable", "param", ...]', parameter: '"executable"', forms: 3 });
    assert.equal((await help(client, 'FROM alpine\nRUN <<EOF|\necho hi\nEOF\n'))?.form, 'RUN [OPTIONS] <<EOF');
    assert.equal((await help(client, 'FROM alpine\nHEALTHCHECK NONE|'))?.form, 'HEALTHCHECK NONE');
  });

  it('tells sources from the destination of COPY, and keys from values', async () => {
    assert.equal((await help(client, 'FROM alpine\nCOPY |'))?.parameter, '<src>');
    assert.equal((await help(client, 'FROM alpine\nCOPY a.txt |'))?.parameter, '<dest>');
    assert.equal((await help(client, 'FROM alpine\nENV APP_HOME=|'))?.parameter, '<value>');
    assert.equal((await help(client, 'FROM alpine\nUSER app:|'))?.parameter, '<group>');
  });

  it('says nothing on the keyword or outside instructions', async () => {
    assert.equal(await help(client, 'FROM alpine\nRU|N true'), null);
    assert.equal(await help(client, 'FROM alpine\n|\n'), null);
  });
});
