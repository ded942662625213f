import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver/node';
import { SEMANTIC_TOKENS_LEGEND } from './semantic-tokens.js';

/** What the editor features offer, declared in one place: language-server.ts spreads it into its capabilities. */
export function editorCapabilities(): ServerCapabilities {
  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['-', '=', ',', '$', '{', ' ', '#'], resolveProvider: true },
    signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: [' ', ',', '=', ':'] },
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
    documentLinkProvider: { resolveProvider: false },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
  };
}

/** Client abilities the features adapt to. */
export interface ClientFeatures {
  snippets: boolean;
  refreshCodeLenses: boolean;
  refreshInlayHints: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  return {
    snippets: Boolean(capabilities.textDocument?.completion?.completionItem?.snippetSupport),
    refreshCodeLenses: Boolean(capabilities.workspace?.codeLens?.refreshSupport),
    refreshInlayHints: Boolean(capabilities.workspace?.inlayHint?.refreshSupport),
  };
}
