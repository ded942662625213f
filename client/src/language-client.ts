import * as path from 'node:path';
import { l10n, workspace, type ExtensionContext } from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './server-restarts.js';

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
  const restarts = new RestartPolicy({
    restarted: l10n.t('The Layerwise language server stopped unexpectedly and was restarted. The output channel "Layerwise" shows why.'),
    gaveUp: (crashes) => l10n.t('The Layerwise language server stopped {0} times in 3 minutes and will not be restarted. The output channel "Layerwise" shows why.', crashes),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'dockerfile' }],
    // Bounded restarts, and one message about them (the default restarts 4 times silently, then gives up).
    errorHandler: {
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        const decision = restarts.closed();
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.message, handled: decision.message === undefined };
      },
    },
    // The server re-reads lint configuration and .dockerignore files when they change.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}') },
  };
  const client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  await client.start();
  return client;
}
