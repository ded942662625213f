import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
  type CancellationToken,
  type FormattingOptions,
} from 'vscode-languageserver/node';
import { buildPlan } from '../features/build-plan.js';
import { BUILD_PLAN_METHOD } from '../features/build-plan-protocol.js';
import type { ClientFeatures } from '../features/capabilities.js';
import { codeActions } from '../features/code-actions.js';
import { codeLenses } from '../features/code-lens.js';
import { completion } from '../features/completion.js';
import { foldingRanges } from '../features/folding.js';
import { formatDocument, formatOnType, formatRange, formatSettings, type FormatSettings } from '../features/formatting.js';
import { hover } from '../features/hover.js';
import { inlayHints } from '../features/inlay-hints.js';
import { documentLinks } from '../features/links.js';
import { definition, documentHighlight, prepareRename, references, rename } from '../features/references.js';
import { semanticTokens } from '../features/semantic-tokens.js';
import { signatureHelp } from '../features/signature-help.js';
import { documentSymbols } from '../features/symbols.js';
import type { Locale } from '../lint/types.js';
import type { DocumentAnalysis } from './document-analysis.js';
import type { OpenDocument } from './documents.js';
import type { ServerSettings } from './settings.js';

/** What a request on an open document may need besides the document. */
export interface RequestContext {
  analysis: DocumentAnalysis;
  locale: Locale;
  client: ClientFeatures;
  settingsFor(uri: string): Promise<ServerSettings>;
}

// Params are typed loosely: each handler reads the fields its method's params have.
type Params = any;

interface DocumentRequest {
  /** What the client gets when the document is not open. */
  none: unknown;
  handle(entry: OpenDocument, params: Params, context: RequestContext, token: CancellationToken): unknown;
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/** The editor's formatting options with the document's continuation-indent setting. */
async function formatting(entry: OpenDocument, options: FormattingOptions, { settingsFor }: RequestContext): Promise<FormatSettings> {
  return formatSettings((await settingsFor(entry.uri)).format.continuationIndent, options);
}

/**
 * Every request about one document, by LSP method: each a function of the
 * document's cached tree (never re-parsed per request). The language server
 * answers them for the documents it holds; the document worker, with the
 * same table, for the large ones it holds.
 */
export const DOCUMENT_REQUESTS: Record<string, DocumentRequest> = {
  [HoverRequest.method]: { none: null, handle: (entry, { position }, { locale }) => hover({ tree: entry.tree, document: entry.document, position, locale }) },
  [CompletionRequest.method]: { none: [], handle: (entry, { position }, { locale, client }) => completion({ tree: entry.tree, document: entry.document, position, locale, snippets: client.snippets }) },
  [SignatureHelpRequest.method]: { none: null, handle: (entry, { position }, { locale }) => signatureHelp({ tree: entry.tree, document: entry.document, position, locale }) },
  [DefinitionRequest.method]: { none: null, handle: (entry, { position }) => definition({ tree: entry.tree, document: entry.document, position }) },
  [ReferencesRequest.method]: { none: [], handle: (entry, { position, context }) => references({ tree: entry.tree, document: entry.document, position }, context.includeDeclaration) },
  [DocumentHighlightRequest.method]: { none: [], handle: (entry, { position }) => documentHighlight({ tree: entry.tree, document: entry.document, position }) },
  [PrepareRenameRequest.method]: { none: null, handle: (entry, { position }) => prepareRename({ tree: entry.tree, document: entry.document, position }) },
  [RenameRequest.method]: { none: null, handle: (entry, { position, newName }) => rename({ tree: entry.tree, document: entry.document, position }, newName) },
  [DocumentSymbolRequest.method]: { none: [], handle: (entry) => documentSymbols(entry.tree, entry.document) },
  [FoldingRangeRequest.method]: { none: [], handle: (entry) => foldingRanges(entry.tree, entry.document) },
  [SemanticTokensRequest.method]: { none: { data: [] }, handle: (entry) => semanticTokens(entry.tree, entry.document) },
  [SemanticTokensRangeRequest.method]: { none: { data: [] }, handle: (entry, { range }) => semanticTokens(entry.tree, entry.document, range) },
  [DocumentLinkRequest.method]: { none: [], handle: (entry) => documentLinks(entry.tree, entry.document) },
  [DocumentFormattingRequest.method]: { none: [], handle: async (entry, { options }, context) => formatDocument(entry.tree, entry.document, await formatting(entry, options, context)) },
  [DocumentRangeFormattingRequest.method]: { none: [], handle: async (entry, { range, options }, context) => formatRange(entry.tree, entry.document, range, await formatting(entry, options, context)) },
  [DocumentOnTypeFormattingRequest.method]: {
    none: [],
    handle: async (entry, { position, ch, options }, context) => formatOnType(entry.tree, entry.document, position, ch, await formatting(entry, options, context)),
  },
  [InlayHintRequest.method]: { none: [], handle: async (entry, { range }, { settingsFor }) => inlayHints(entry.tree, entry.document, range, (await settingsFor(entry.uri)).inlayHints.enabled) },
  [CodeLensRequest.method]: { none: [], handle: async (entry, _params, { settingsFor, locale }) => codeLenses(entry.tree, entry.document, locale, (await settingsFor(entry.uri)).codeLens.buildStage) },
  [CodeActionRequest.method]: {
    none: [],
    handle: async (entry, params, { analysis, locale }, token) => {
      const options = await analysis.optionsFor(entry.uri);
      const linted = await analysis.lintCurrent(entry, options, token);
      if (!linted) return analysis.documents.get(entry.uri) === entry ? cancelled() : [];
      return codeActions({ params, document: entry.document, tree: linted.tree, findings: linted.findings, options, locale });
    },
  },
  [DocumentDiagnosticRequest.method]: {
    none: { kind: DocumentDiagnosticReportKind.Full, items: [] },
    handle: async (entry, _params, { analysis }, token) => {
      const items = await analysis.pulled(entry, token);
      // $/cancelRequest: a large file's lint stops at its next slice, and the client hears the request was cancelled.
      return items ? { kind: DocumentDiagnosticReportKind.Full, items } : cancelled();
    },
  },
  // The client's build commands ask for stages and lines here instead of parsing Dockerfiles themselves.
  [BUILD_PLAN_METHOD]: { none: null, handle: (entry) => buildPlan(entry.tree) },
};

/** The document a request is about: the build plan names it `uri`, LSP requests `textDocument.uri`. */
export function requestUri(params: Params): string | undefined {
  return params?.textDocument?.uri ?? params?.uri;
}
