import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * Starts the language server and its client. Bundled on its own
 * (dist/language-client.js) and loaded after activation returns: the client
 * library alone takes ~50 ms to load, the whole activation budget.
 */
export async function startLanguageClient(context: ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }],
    // The server re-reads lint configuration and .dockerignore files when they change.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}') },
  };
  const client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  await client.start();
  return client;
}
