import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { flagVariables } from '../analysis/flag-variables.js';
import { isInstruction } from '../analysis/instructions.js';
import { canonicalMountKey } from '../analysis/mounts.js';
import { PLATFORM_ARGS, PROXY_ARGS } from '../analysis/variables.js';
import type { DockerfileTree, Instruction, Span, VariableRef } from '../parser/index.js';
import { referencedStage } from './locate.js';
import { memo } from './tree-cache.js';

export const TOKEN_TYPES = ['keyword', 'parameter', 'property', 'variable', 'class', 'namespace', 'string', 'macro'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'defaultLibrary'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

interface Token {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

const BUILTIN = new Set<string>([...PLATFORM_ARGS, ...PROXY_ARGS]);

/**
 * Tokens for what the grammar cannot know: which words are stage names and
 * which images, variable definitions and uses, flags and mount options,
 * directives. Built once per tree; a range request filters them.
 */
export function semanticTokens(tree: DockerfileTree, document: TextDocument, range?: Range): SemanticTokens {
  const tokens = memo(tree, 'semantic-tokens', () => collectTokens(tree));
  let from = 0;
  let to = tokens.length;
  if (range) {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    from = tokens.findIndex((token) => token.end > start);
    if (from < 0) from = tokens.length;
    to = from;
    while (to < tokens.length && tokens[to].start < end) to++;
  }
  const data: number[] = [];
  if (from >= to) return { data };
  if (memo(tree, 'lone-carriage-return', () => /\r(?!\n)/.test(tree.text))) return { data: encodeBySearch(tokens.slice(from, to), document) };
  // Tokens come in order: walk the lines forward instead of searching for each one.
  const text = tree.text;
  const first = document.positionAt(tokens[from].start);
  let line = first.line;
  let lineStart = tokens[from].start - first.character;
  let previousLine = 0;
  let previousCharacter = 0;
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    for (let newline = text.indexOf('\n', lineStart); newline >= 0 && newline < token.start; newline = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = newline + 1;
    }
    const character = token.start - lineStart;
    const deltaLine = line - previousLine;
    data.push(deltaLine, deltaLine === 0 ? character - previousCharacter : character, token.end - token.start, token.type, token.modifiers);
    previousLine = line;
    previousCharacter = character;
  }
  return { data };
}

/** The plain encoding, for texts with lines that end in a lone `\r`, which the forward walk does not count. */
function encodeBySearch(tokens: Token[], document: TextDocument): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const position = document.positionAt(token.start);
    const deltaLine = position.line - line;
    data.push(deltaLine, deltaLine === 0 ? position.character - character : position.character, token.end - token.start, token.type, token.modifiers);
    line = position.line;
    character = position.character;
  }
  return data;
}

function collectTokens(tree: DockerfileTree): Token[] {
  const tokens: Token[] = [];
  const text = tree.text;
  const add = (span: Span, type: TokenType, ...modifiers: TokenModifier[]) => {
    if (span.end <= span.start) return;
    // Semantic tokens are single-line; a span across a continuation is left to the grammar.
    for (let pos = span.start; pos < span.end; pos++) if (text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13) return;
    let bits = 0;
    for (const modifier of modifiers) bits |= 1 << TOKEN_MODIFIERS.indexOf(modifier);
    tokens.push({ start: span.start, end: span.end, type: TOKEN_TYPES.indexOf(type), modifiers: bits });
  };
  for (const directive of tree.directives) {
    add(directive.nameSpan, 'macro');
    add(directive.value, 'string');
  }
  for (const instruction of tree.instructions) {
    addInstruction(tree, instruction, add);
    if (instruction.trigger) addInstruction(tree, instruction.trigger, add);
  }
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps would break the encoding: the first (outermost) token wins.
  const kept: Token[] = [];
  for (const token of tokens) if (kept.length === 0 || token.start >= kept[kept.length - 1].end) kept.push(token);
  return kept;
}

type Add = (span: Span, type: TokenType, ...modifiers: TokenModifier[]) => void;

function addInstruction(tree: DockerfileTree, instruction: Instruction, add: Add): void {
  if (isInstruction(instruction.keyword)) add(instruction.keywordToken, 'keyword', ...(instruction.keyword === 'MAINTAINER' ? (['deprecated'] as const) : []));
  const variable = (ref: VariableRef) => add(ref.nameSpan, 'variable', ...(BUILTIN.has(ref.name) ? (['defaultLibrary'] as const) : []));
  for (const flag of instruction.flags) {
    add({ start: flag.start, end: flag.nameSpan.end }, 'parameter');
    const variables = flag.value?.value.includes('$') ? flagVariables(tree, flag) : [];
    variables.forEach(variable);
    if (flag.options) {
      for (const option of flag.options) {
        add(option.key, 'property');
        const key = canonicalMountKey(option.key.value);
        if (option.value && key === 'from' && referencedStage(tree, option.value.value, instruction.start)) add(option.value, 'class');
      }
    } else if (flag.value && variables.length === 0) {
      const stage = flag.name === 'from' && instruction.keyword === 'COPY' && referencedStage(tree, flag.value.value, instruction.start);
      add(flag.value, stage ? 'class' : 'string');
    }
  }
  // Variables first: where a word holds one, the variable's token wins over the word's.
  const variables = instruction.variables;
  const hasVariable = (span: Span) => variables.some((ref) => ref.start < span.end && span.start < ref.end);
  variables.forEach(variable);
  if ((instruction.keyword === 'ARG' || instruction.keyword === 'ENV') && instruction.pairs) {
    for (const pair of instruction.pairs) add(pair.key, 'variable', 'declaration');
  } else if (instruction.keyword === 'LABEL' && instruction.pairs) {
    for (const pair of instruction.pairs) if (!hasVariable(pair.key)) add(pair.key, 'property', 'declaration');
  }
  const from = instruction.from;
  if (from) {
    if (!hasVariable(from.image)) add(from.image, referencedStage(tree, from.image.value, instruction.start) ? 'class' : 'namespace');
    if (from.asKeyword) add(from.asKeyword, 'keyword');
    if (from.stageName) add(from.stageName, 'class', 'declaration');
  }
  if (instruction.keyword === 'HEALTHCHECK' && instruction.words[0]) add(instruction.words[0], 'keyword');
}
