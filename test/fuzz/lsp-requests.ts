// Which requests to send for the capabilities a server declares: every standard
// request capability of LSP 3.17 is here, so a feature the server starts to
// declare is fuzzed without touching this file; one it declares that is not
// here is reported (add it), never silently skipped.
import type { Diagnostic, FormattingOptions, Position, Range, ServerCapabilities } from 'vscode-languageserver-protocol';

/** Where a request is aimed, drawn at random per run. */
export interface RequestTarget {
  uri: string;
  text: string;
  position: Position;
  range: Range;
  /** Diagnostics the client last received for the document, for code action requests. */
  diagnostics: Diagnostic[];
  newName: string;
  triggerCharacter: string;
}

export interface RequestPlan {
  method: string;
  params(target: RequestTarget): unknown;
  /** Requests that take an item of this one's result (resolve requests). */
  followUp?: (result: unknown) => Array<{ method: string; params: unknown }>;
}

const FORMATTING: FormattingOptions = { tabSize: 4, insertSpaces: true, trimTrailingWhitespace: true };

const textDocument = (target: RequestTarget) => ({ textDocument: { uri: target.uri } });
const atPosition = (target: RequestTarget) => ({ ...textDocument(target), position: target.position });

/** A few items of a list result, each sent to `method`: resolving them is where lazily computed details break. */
function resolveItems(method: string, pick: (result: unknown) => unknown[] = (result) => (Array.isArray(result) ? result : [])) {
  return (result: unknown) => pick(result).slice(0, 3).map((item) => ({ method, params: item }));
}

function hasResolve(provider: unknown): boolean {
  return typeof provider === 'object' && provider !== null && (provider as { resolveProvider?: boolean }).resolveProvider === true;
}

/** Capabilities that are not requests a document position can drive. */
const NOT_REQUESTS = new Set(['textDocumentSync', 'positionEncoding', 'notebookDocumentSync', 'workspace', 'experimental', 'executeCommandProvider']);

type Planner = (provider: unknown) => RequestPlan[];

const PLANNERS: Record<string, Planner> = {
  hoverProvider: () => [{ method: 'textDocument/hover', params: atPosition }],
  completionProvider: (provider) => [{
    method: 'textDocument/completion',
    params: (target) => ({ ...atPosition(target), context: { triggerKind: 2, triggerCharacter: target.triggerCharacter } }),
    followUp: hasResolve(provider)
      ? resolveItems('completionItem/resolve', (result) => (Array.isArray(result) ? result : ((result as { items?: unknown[] } | null)?.items ?? [])))
      : undefined,
  }],
  signatureHelpProvider: () => [{ method: 'textDocument/signatureHelp', params: (target) => ({ ...atPosition(target), context: { triggerKind: 1, isRetrigger: false } }) }],
  declarationProvider: () => [{ method: 'textDocument/declaration', params: atPosition }],
  definitionProvider: () => [{ method: 'textDocument/definition', params: atPosition }],
  typeDefinitionProvider: () => [{ method: 'textDocument/typeDefinition', params: atPosition }],
  implementationProvider: () => [{ method: 'textDocument/implementation', params: atPosition }],
  referencesProvider: () => [{ method: 'textDocument/references', params: (target) => ({ ...atPosition(target), context: { includeDeclaration: target.position.character % 2 === 0 } }) }],
  documentHighlightProvider: () => [{ method: 'textDocument/documentHighlight', params: atPosition }],
  documentSymbolProvider: () => [{ method: 'textDocument/documentSymbol', params: textDocument }],
  codeActionProvider: (provider) => [{
    method: 'textDocument/codeAction',
    params: (target) => ({
      ...textDocument(target),
      range: target.range,
      context: { diagnostics: target.diagnostics, only: target.position.line % 3 === 0 ? ['source.fixAll'] : undefined, triggerKind: 1 },
    }),
    followUp: hasResolve(provider) ? resolveItems('codeAction/resolve') : undefined,
  }],
  codeLensProvider: (provider) => [{ method: 'textDocument/codeLens', params: textDocument, followUp: hasResolve(provider) ? resolveItems('codeLens/resolve') : undefined }],
  documentLinkProvider: (provider) => [{ method: 'textDocument/documentLink', params: textDocument, followUp: hasResolve(provider) ? resolveItems('documentLink/resolve') : undefined }],
  colorProvider: () => [{ method: 'textDocument/documentColor', params: textDocument }],
  documentFormattingProvider: () => [{ method: 'textDocument/formatting', params: (target) => ({ ...textDocument(target), options: FORMATTING }) }],
  documentRangeFormattingProvider: () => [{ method: 'textDocument/rangeFormatting', params: (target) => ({ ...textDocument(target), range: target.range, options: FORMATTING }) }],
  documentOnTypeFormattingProvider: (provider) => {
    const { firstTriggerCharacter, moreTriggerCharacter = [] } = provider as { firstTriggerCharacter: string; moreTriggerCharacter?: string[] };
    const characters = [firstTriggerCharacter, ...moreTriggerCharacter];
    return [{ method: 'textDocument/onTypeFormatting', params: (target) => ({ ...atPosition(target), ch: characters[target.position.line % characters.length], options: FORMATTING }) }];
  },
  renameProvider: (provider) => [
    { method: 'textDocument/rename', params: (target) => ({ ...atPosition(target), newName: target.newName }) },
    ...(typeof provider === 'object' && (provider as { prepareProvider?: boolean }).prepareProvider ? [{ method: 'textDocument/prepareRename', params: atPosition }] : []),
  ],
  foldingRangeProvider: () => [{ method: 'textDocument/foldingRange', params: textDocument }],
  selectionRangeProvider: () => [{ method: 'textDocument/selectionRange', params: (target) => ({ ...textDocument(target), positions: [target.position, target.range.start] }) }],
  linkedEditingRangeProvider: () => [{ method: 'textDocument/linkedEditingRange', params: atPosition }],
  callHierarchyProvider: () => [{ method: 'textDocument/prepareCallHierarchy', params: atPosition }],
  typeHierarchyProvider: () => [{ method: 'textDocument/prepareTypeHierarchy', params: atPosition }],
  monikerProvider: () => [{ method: 'textDocument/moniker', params: atPosition }],
  inlineValueProvider: () => [{ method: 'textDocument/inlineValue', params: (target) => ({ ...textDocument(target), range: target.range, context: { frameId: 1, stoppedLocation: target.range } }) }],
  inlayHintProvider: (provider) => [{ method: 'textDocument/inlayHint', params: (target) => ({ ...textDocument(target), range: target.range }), followUp: hasResolve(provider) ? resolveItems('inlayHint/resolve') : undefined }],
  semanticTokensProvider: (provider) => {
    const { full, range } = provider as { full?: boolean | { delta?: boolean }; range?: boolean | object };
    return [
      ...(full ? [{ method: 'textDocument/semanticTokens/full', params: textDocument }] : []),
      ...(typeof full === 'object' && full.delta ? [{ method: 'textDocument/semanticTokens/full/delta', params: (target: RequestTarget) => ({ ...textDocument(target), previousResultId: '0' }) }] : []),
      ...(range ? [{ method: 'textDocument/semanticTokens/range', params: (target: RequestTarget) => ({ ...textDocument(target), range: target.range }) }] : []),
    ];
  },
  diagnosticProvider: () => [{ method: 'textDocument/diagnostic', params: textDocument }],
  workspaceSymbolProvider: () => [{ method: 'workspace/symbol', params: (target) => ({ query: target.newName }) }],
  inlineCompletionProvider: () => [{ method: 'textDocument/inlineCompletion', params: (target) => ({ ...atPosition(target), context: { triggerKind: 1 } }) }],
};

/** Our own requests, which no capability announces. */
const CUSTOM: RequestPlan[] = [
  { method: 'layerwise/buildPlan', params: (target) => ({ uri: target.uri }) },
  { method: 'layerwise/buildPlan', params: (target) => ({ uri: 'file:///not/open/Dockerfile', text: target.text }) },
];

/** The requests to fuzz, and the declared capabilities this table does not know. */
export function requestPlans(capabilities: ServerCapabilities): { plans: RequestPlan[]; unknown: string[] } {
  const plans: RequestPlan[] = [...CUSTOM];
  const unknown: string[] = [];
  for (const [name, provider] of Object.entries(capabilities)) {
    if (provider === undefined || provider === false || NOT_REQUESTS.has(name)) continue;
    const planner = PLANNERS[name];
    if (planner) plans.push(...planner(provider));
    else unknown.push(name);
  }
  return { plans, unknown };
}
