import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileTree, Instruction, Span } from '../parser/index.js';
import { memo } from './tree-cache.js';

const KINDS: Record<string, SymbolKind> = {
  RUN: SymbolKind.Function,
  CMD: SymbolKind.Event,
  ENTRYPOINT: SymbolKind.Event,
  HEALTHCHECK: SymbolKind.Event,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  ARG: SymbolKind.Variable,
  ENV: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
  EXPOSE: SymbolKind.Interface,
  WORKDIR: SymbolKind.Namespace,
  USER: SymbolKind.Key,
  VOLUME: SymbolKind.Package,
};

/** How much of an instruction's arguments the outline shows. */
const DETAIL_LENGTH = 60;

/** The outline: global ARGs, then each stage with its instructions. */
export function documentSymbols(tree: DockerfileTree, document: TextDocument): DocumentSymbol[] {
  return memo(tree, 'symbols', () => {
    const range = (span: Span): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
    const symbols: DocumentSymbol[] = tree.globalArgs.map((instruction) => instructionSymbol(instruction, range));
    for (const stage of tree.stages) {
      const from = stage.from;
      const last = stage.instructions[stage.instructions.length - 1] ?? from;
      const image = from.from?.image.value ?? '';
      symbols.push({
        name: from.from?.stageName?.value ?? (image || 'FROM'),
        detail: `FROM ${image}`,
        kind: SymbolKind.Module,
        range: range({ start: from.start, end: last.end }),
        selectionRange: range(from.from?.stageName ?? from.keywordToken),
        children: stage.instructions.map((instruction) => instructionSymbol(instruction, range)),
      });
    }
    return symbols;
  });
}

function instructionSymbol(instruction: Instruction, range: (span: Span) => Range): DocumentSymbol {
  const names = instruction.keyword === 'ARG' || instruction.keyword === 'ENV' ? (instruction.pairs ?? []).map((pair) => pair.key.value).join(' ') : '';
  return {
    name: names ? `${instruction.keyword} ${names}` : instruction.keyword,
    detail: names ? undefined : shorten(instruction.args.value),
    kind: KINDS[instruction.keyword] ?? SymbolKind.Field,
    range: range(instruction),
    selectionRange: range(instruction.keywordToken),
  };
}

function shorten(text: string): string {
  const line = text.slice(0, DETAIL_LENGTH * 2).replace(/\s+/g, ' ').trim();
  return line.length > DETAIL_LENGTH ? `${line.slice(0, DETAIL_LENGTH - 1)}…` : line;
}
