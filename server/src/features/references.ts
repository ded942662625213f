import {
  DocumentHighlightKind,
  ResponseError,
  ErrorCodes,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { flagVariables } from '../analysis/flag-variables.js';
import { isValidStageName } from '../analysis/instructions.js';
import { canonicalMountKey } from '../analysis/mounts.js';
import { parentStage } from '../analysis/stages.js';
import { PLATFORM_ARGS, PROXY_ARGS } from '../analysis/variables.js';
import type { DockerfileTree, Instruction, Span, Stage } from '../parser/index.js';
import { locate, referencedStage, stageAt } from './locate.js';
import { variablesOf } from './tree-cache.js';

/** A name that definition, references, rename and highlight follow: an ARG/ENV variable or a stage. */
type NamedSymbol =
  | { kind: 'variable'; name: string; span: Span; instruction: Instruction; definition: boolean }
  | { kind: 'stage'; stage: Stage; span: Span };

interface Occurrence {
  span: Span;
  definition: boolean;
}

/** Where a variable's uses are resolved: the global ARGs and FROM lines, or one stage. */
type Scope = 'global' | Stage;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILTIN = new Set<string>([...PLATFORM_ARGS, ...PROXY_ARGS]);

export interface PositionInput {
  tree: DockerfileTree;
  document: TextDocument;
  position: Position;
}

function symbolAt(tree: DockerfileTree, offset: number): NamedSymbol | undefined {
  const target = locate(tree, offset);
  if (!target) return undefined;
  switch (target.kind) {
    case 'variable':
      return { kind: 'variable', name: target.variable.name, span: target.span, instruction: target.instruction, definition: false };
    case 'definition':
      return { kind: 'variable', name: target.pair.key.value, span: target.span, instruction: target.instruction, definition: true };
    case 'stage-name':
    case 'stage-reference':
      return { kind: 'stage', stage: target.stage, span: target.span };
    default:
      return undefined;
  }
}

export function definition({ tree, document, position }: PositionInput): Location | null {
  const symbol = symbolAt(tree, document.offsetAt(position));
  if (!symbol) return null;
  let span: Span | undefined;
  if (symbol.kind === 'stage') {
    span = symbol.stage.from.from?.stageName ?? symbol.stage.from.keywordToken;
  } else if (symbol.definition) {
    span = symbol.span;
  } else {
    span = variablesOf(tree).resolve(symbol.name, symbol.instruction.start)?.pair?.key;
  }
  return span ? { uri: document.uri, range: rangeOf(document, span) } : null;
}

export function references({ tree, document, position }: PositionInput, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(tree, document.offsetAt(position));
  if (!symbol) return [];
  return occurrencesOf(tree, symbol)
    .filter((occurrence) => includeDeclaration || !occurrence.definition)
    .map((occurrence) => ({ uri: document.uri, range: rangeOf(document, occurrence.span) }));
}

export function documentHighlight({ tree, document, position }: PositionInput): DocumentHighlight[] {
  const symbol = symbolAt(tree, document.offsetAt(position));
  if (!symbol) return [];
  return occurrencesOf(tree, symbol).map((occurrence) => ({
    range: rangeOf(document, occurrence.span),
    kind: occurrence.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** What rename would change, or null where nothing can be renamed (an image, a BuildKit variable, an unnamed stage). */
export function prepareRename({ tree, document, position }: PositionInput): { range: Range; placeholder: string } | null {
  const symbol = symbolAt(tree, document.offsetAt(position));
  if (!symbol || !renameable(tree, symbol)) return null;
  return { range: rangeOf(document, symbol.span), placeholder: tree.text.slice(symbol.span.start, symbol.span.end) };
}

export function rename(input: PositionInput, newName: string): WorkspaceEdit | null {
  const { tree, document, position } = input;
  const symbol = symbolAt(tree, document.offsetAt(position));
  if (!symbol || !renameable(tree, symbol)) return null;
  const valid = symbol.kind === 'variable' ? VARIABLE_NAME.test(newName) : isValidStageName(newName);
  if (!valid) {
    const what = symbol.kind === 'variable' ? 'a variable name (a letter or _, then letters, digits or _)' : 'a stage name (a letter, then letters, digits, -, _ or .)';
    throw new ResponseError(ErrorCodes.InvalidParams, `${JSON.stringify(newName)} is not ${what}`);
  }
  const edits = occurrencesOf(tree, symbol).map((occurrence) => ({ range: rangeOf(document, occurrence.span), newText: newName }));
  return { changes: { [document.uri]: edits } };
}

function renameable(tree: DockerfileTree, symbol: NamedSymbol): boolean {
  // `--from=0` names a stage by its position: there is no name to rename there.
  if (symbol.kind === 'stage') return symbol.stage.name !== undefined && !/^\d+$/.test(tree.text.slice(symbol.span.start, symbol.span.end));
  return !BUILTIN.has(symbol.name);
}

function occurrencesOf(tree: DockerfileTree, symbol: NamedSymbol): Occurrence[] {
  const found = symbol.kind === 'stage' ? stageOccurrences(tree, symbol.stage) : variableOccurrences(tree, symbol.name, scopeOf(tree, symbol.instruction));
  return found.sort((a, b) => a.span.start - b.span.start);
}

// Stages

/** The stage's name where it is declared, and every FROM, COPY --from and mount from= naming it. */
function stageOccurrences(tree: DockerfileTree, stage: Stage): Occurrence[] {
  const name = stage.name;
  if (name === undefined) return [];
  const occurrences: Occurrence[] = [];
  const names = (value: string | undefined, offset: number) => value !== undefined && value.toLowerCase() === name && referencedStage(tree, value, offset)?.name === name;
  for (const candidate of tree.stages) {
    const from = candidate.from.from;
    if (candidate.name === name && from?.stageName) occurrences.push({ span: from.stageName, definition: true });
    if (from && names(from.image.value, candidate.from.start)) occurrences.push({ span: from.image, definition: false });
    for (const instruction of candidate.instructions) {
      for (const flag of instruction.flags) {
        if (flag.name === 'from' && instruction.keyword === 'COPY' && flag.value && names(flag.value.value, instruction.start)) {
          occurrences.push({ span: flag.value, definition: false });
        }
        if (flag.name !== 'mount' || instruction.keyword !== 'RUN') continue;
        for (const option of flag.options ?? []) {
          if (canonicalMountKey(option.key.value) === 'from' && option.value && names(option.value.value, instruction.start)) {
            occurrences.push({ span: option.value, definition: false });
          }
        }
      }
    }
  }
  return occurrences;
}

// Variables

function scopeOf(tree: DockerfileTree, instruction: Instruction): Scope {
  const stage = stageAt(tree, instruction.start);
  return !stage || instruction === stage.from ? 'global' : stage;
}

/**
 * The uses and definitions of a name in its scope and in the scopes that share
 * its value: a stage's `ARG NAME` takes the global ARG's value, and a stage
 * built on another (`FROM build`) inherits its ENVs. Renaming one of these
 * without the others would change what the build does.
 */
function variableOccurrences(tree: DockerfileTree, name: string, start: Scope): Occurrence[] {
  const cache = new Map<Scope, Occurrence[]>();
  const inScope = (scope: Scope) => {
    let found = cache.get(scope);
    if (!found) {
      found = scope === 'global' ? globalOccurrences(tree, name) : stageVariableOccurrences(tree, scope, name);
      cache.set(scope, found);
    }
    return found;
  };
  const globalDefines = tree.globalArgs.some((instruction) => defines(instruction, name));
  const visited = new Set<Scope>();
  const queue: Scope[] = [start];
  while (queue.length > 0) {
    const scope = queue.pop()!;
    if (visited.has(scope)) continue;
    visited.add(scope);
    if (scope === 'global') {
      if (!globalDefines) continue;
      for (const stage of tree.stages) if (stage.instructions.some((instruction) => importsGlobal(instruction, name))) queue.push(stage);
      continue;
    }
    if (globalDefines && scope.instructions.some((instruction) => importsGlobal(instruction, name))) queue.push('global');
    const parent = parentStage(tree, scope);
    if (parent && inScope(scope).length > 0 && inheritsEnv(tree, parent, name)) queue.push(parent);
    if (inheritsEnv(tree, scope, name)) {
      for (const child of tree.stages) {
        if (child.index > scope.index && parentStage(tree, child) === scope && inScope(child).length > 0) queue.push(child);
      }
    }
  }
  return [...visited].flatMap(inScope);
}

function defines(instruction: Instruction, name: string): boolean {
  return (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') && !!instruction.pairs?.some((pair) => pair.key.value === name);
}

/** `ARG NAME` without a value: the stage takes the global ARG's value. */
function importsGlobal(instruction: Instruction, name: string): boolean {
  return instruction.keyword === 'ARG' && !!instruction.pairs?.some((pair) => pair.key.value === name && !pair.value);
}

/** Whether a stage ends with an ENV of that name, its own or from the stages it builds on. */
function inheritsEnv(tree: DockerfileTree, stage: Stage, name: string, depth = 0): boolean {
  if (stage.instructions.some((instruction) => instruction.keyword === 'ENV' && defines(instruction, name))) return true;
  const parent = depth < tree.stages.length ? parentStage(tree, stage) : undefined;
  return parent ? inheritsEnv(tree, parent, name, depth + 1) : false;
}

function globalOccurrences(tree: DockerfileTree, name: string): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const instruction of tree.globalArgs) collect(tree, instruction, name, occurrences);
  for (const stage of tree.stages) collect(tree, stage.from, name, occurrences);
  return occurrences;
}

function stageVariableOccurrences(tree: DockerfileTree, stage: Stage, name: string): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const instruction of stage.instructions) collect(tree, instruction, name, occurrences);
  return occurrences;
}

/** An instruction's definitions and uses of a name: ARG/ENV keys, references in arguments, heredocs and flags. */
function collect(tree: DockerfileTree, instruction: Instruction, name: string, into: Occurrence[]): void {
  if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
    for (const pair of instruction.pairs ?? []) if (pair.key.value === name) into.push({ span: pair.key, definition: true });
  }
  for (const variable of instruction.variables) if (variable.name === name) into.push({ span: variable.nameSpan, definition: false });
  for (const flag of instruction.flags) {
    if (!flag.value?.value.includes('$')) continue;
    for (const variable of flagVariables(tree, flag)) if (variable.name === name) into.push({ span: variable.nameSpan, definition: false });
  }
}

function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}
