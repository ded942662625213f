import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDiagnostics } from './features/diagnostics.js';
import { parse } from './parser/index.js';

// The server only wires features to the connection; each feature is a module of its own.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
  serverInfo: { name: 'layerwise' },
}));

documents.onDidChangeContent(({ document }) => {
  const tree = parse(document.getText());
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: parseDiagnostics(tree, document) });
});

documents.onDidClose(({ document }) => {
  connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
