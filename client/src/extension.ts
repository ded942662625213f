import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerBuild } from './build/index.js';
import type { startLanguageClient } from './language-client.js';

let client: Promise<LanguageClient> | undefined;

/**
 * Registers the commands and starts the language client in the background:
 * activation returns at once, and what needs the server waits for `client`.
 */
export function activate(context: ExtensionContext): void {
  client = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    // A path the bundler leaves alone: the client library is its own bundle, loaded here, after activation.
    const module = require(path.join(__dirname, 'language-client.js')) as { startLanguageClient: typeof startLanguageClient };
    return module.startLanguageClient(context);
  });
  const started = client;
  registerBuild(context, () => started);
}

export async function deactivate(): Promise<void> {
  const running = await client?.catch(() => undefined);
  client = undefined;
  await running?.stop();
}
