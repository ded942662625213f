import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings.js';

/**
 * Settings per document, asked of the client once and kept until the
 * client says they changed; a broken value is reported once, not thrown.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<ServerSettings>>();
  private supported = false;
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  configure(clientSupportsConfiguration: boolean): void {
    this.supported = clientSupportsConfiguration;
  }

  watch(onChange: () => void): void {
    this.connection.onDidChangeConfiguration(() => {
      this.byUri.clear();
      onChange();
    });
  }

  forDocument(uri: string): Promise<ServerSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private async fetch(uri: string): Promise<ServerSettings> {
    try {
      const raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'layerwise' });
      const { settings, problems } = readSettings(raw);
      for (const problem of problems) {
        if (this.reported.has(problem)) continue;
        this.reported.add(problem);
        // A notification, not a request: nothing to answer, so nothing waits on the user.
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Layerwise: ${problem}; using the default.` });
      }
      return settings;
    } catch {
      return DEFAULT_SETTINGS;
    }
  }
}
