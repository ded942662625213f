import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type DocumentHighlight,
  type Location,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../../support/lsp-client.js';

const TEXT = [
  'ARG GO_VERSION=1.23',
  'FROM golang:${GO_VERSION} AS build',
  'ARG GO_VERSION',
  'ENV OUT=/out',
  'RUN go build -o $OUT/app . && echo "${GO_VERSION}"',
  '',
  'FROM build AS test',
  'RUN go test ./... > ${OUT}/report',
  '',
  'FROM alpine:3.20 AS runtime',
  'ARG OUT=/elsewhere',
  'COPY --from=build /out/app /app',
  'RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt $OUT',
  'COPY --from=0 /out/app /app2',
  '',
].join('\n');

const URI = 'file:///ws/references/Dockerfile';

/** The text under a range of TEXT. */
function textAt(range: Range): string {
  const lines = TEXT.split('\n');
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

/** `line:text` for each range, in document order. */
const where = (ranges: Range[]) => ranges.map((range) => `${range.start.line + 1}:${textAt(range)}`);

describe('language server: definition, references, rename, highlight', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const result = await client.initialize();
    assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
    await client.open(URI, TEXT);
  });
  after(() => client.close());

  const at = (marker: string, delta: number) => ({ textDocument: { uri: URI }, position: positionOf(TEXT, marker, delta) });

  it('goes from a variable to the ARG or ENV that set it there', async () => {
    const fromStage = (await client.connection.sendRequest(DefinitionRequest.type, at('"${GO_VERSION}"', 4))) as Location;
    assert.deepEqual(where([fromStage.range]), ['3:GO_VERSION'], 'the stage\'s ARG, which takes the global value');
    const fromFrom = (await client.connection.sendRequest(DefinitionRequest.type, at('golang:${GO_VERSION}', 10))) as Location;
    assert.deepEqual(where([fromFrom.range]), ['1:GO_VERSION']);
    const inherited = (await client.connection.sendRequest(DefinitionRequest.type, at('${OUT}/report', 3))) as Location;
    assert.deepEqual(where([inherited.range]), ['4:OUT'], 'an ENV inherited from the stage FROM names');
  });

  it('goes from a stage reference (FROM, COPY --from, mount from=, --from=0) to its FROM ... AS', async () => {
    for (const [marker, delta] of [['FROM build', 6], ['--from=build', 8], ['from=build,', 6], ['--from=0', 7]] as const) {
      const location = (await client.connection.sendRequest(DefinitionRequest.type, at(marker, delta))) as Location;
      assert.deepEqual(where([location.range]), ['2:build'], marker);
    }
  });

  it('finds every use of a variable that shares its value, and no other', async () => {
    const found = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('ENV OUT', 5), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(where(found.map((location) => location.range)), ['4:OUT', '5:OUT', '8:OUT'], 'not the unrelated ARG OUT of the runtime stage');
    const global = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('ARG GO_VERSION=', 5), context: { includeDeclaration: false } })) as Location[];
    assert.deepEqual(where(global.map((location) => location.range)), ['2:GO_VERSION', '5:GO_VERSION']);
  });

  it('finds a stage\'s name in FROM, COPY --from and RUN --mount from=', async () => {
    const found = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('AS build', 4), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(where(found.map((location) => location.range)), ['2:build', '7:build', '12:build', '13:build']);
  });

  it('renames a stage everywhere it is named, FROM stage and COPY --from=stage included', async () => {
    const prepared = (await client.connection.sendRequest(PrepareRenameRequest.type, at('--from=build', 8))) as { range: Range; placeholder: string };
    assert.equal(prepared.placeholder, 'build');
    const edit = await client.connection.sendRequest(RenameRequest.type, { ...at('--from=build', 8), newName: 'compile' });
    const edits = edit!.changes![URI] as TextEdit[];
    assert.deepEqual(where(edits.map((change) => change.range)), ['2:build', '7:build', '12:build', '13:build']);
    assert.ok(edits.every((change) => change.newText === 'compile'));
  });

  it('renames a global ARG with the stage ARG that imports it and their uses', async () => {
    const edit = await client.connection.sendRequest(RenameRequest.type, { ...at('"${GO_VERSION}"', 4), newName: 'GO' });
    assert.deepEqual(where((edit!.changes![URI] as TextEdit[]).map((change) => change.range)), ['1:GO_VERSION', '2:GO_VERSION', '3:GO_VERSION', '5:GO_VERSION']);
  });

  it('refuses names that are not names, and what cannot be renamed', async () => {
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...at('AS build', 4), newName: '1st' }), /is not a stage name/);
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...at('ENV OUT', 5), newName: 'OUT-DIR' }), /is not a variable name/);
    assert.equal(await client.connection.sendRequest(PrepareRenameRequest.type, at('golang:', 2)), null, 'an image');
    assert.equal(await client.connection.sendRequest(PrepareRenameRequest.type, at('--from=0', 7)), null, 'a stage by index');
  });

  it('highlights a name\'s definitions as writes and its uses as reads', async () => {
    const highlights = (await client.connection.sendRequest(DocumentHighlightRequest.type, at('$OUT/app', 2))) as DocumentHighlight[];
    assert.deepEqual(highlights.map((highlight) => `${where([highlight.range])[0]}:${highlight.kind}`), ['4:OUT:3', '5:OUT:2', '8:OUT:2']);
    const runtime = (await client.connection.sendRequest(DocumentHighlightRequest.type, at('ls /mnt $OUT', 9))) as DocumentHighlight[];
    assert.deepEqual(runtime.map((highlight) => where([highlight.range])[0]), ['11:OUT', '13:OUT']);
  });
});
