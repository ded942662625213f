import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { flagsOf, INSTRUCTIONS } from '../analysis/instructions.js';
import { canonicalMountKey, MOUNT_KEY_VALUES, mountKeys } from '../analysis/mounts.js';
import { PLATFORM_ARGS, PROXY_ARGS } from '../analysis/variables.js';
import { DIRECTIVE_VALUES, docsFor, FLAG_VALUES, SIGNALS, SNIPPETS, type DocsTable } from '../docs/index.js';
import type { Keyword, Locale } from '../lint/types.js';
import type { DockerfileTree, Instruction, Stage } from '../parser/index.js';
import { allRules } from '../rules/index.js';
import { instructionMarkdown, ruleMarkdown } from './hover.js';
import { contains, instructionAt, outerInstructionAt, stageAt } from './locate.js';
import { variablesOf } from './tree-cache.js';

export interface CompletionInput {
  tree: DockerfileTree;
  document: TextDocument;
  position: Position;
  locale: Locale;
  /** Whether the client takes snippet syntax in insert texts. */
  snippets: boolean;
}

/** What `completionItem/resolve` needs to add the docs later: completion itself stays small. */
interface ItemData {
  docs: 'instruction' | 'flag' | 'mount-key' | 'mount-type' | 'directive' | 'rule' | 'variable';
  key: string;
  locale: Locale;
}

/** Instructions an ONBUILD cannot register. */
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);
const PRAGMA_PREFIX = /^(hadolint\s+(?:global\s+|stage\s+)?ignore\s*=\s*|layerwise-ignore(?:-file)?\s+)([\s\S]*)$/i;
const PRAGMA_TEMPLATES = ['layerwise-ignore ', 'layerwise-ignore-file ', 'hadolint ignore=', 'hadolint global ignore=', 'hadolint stage ignore='];

export function completion(input: CompletionInput): CompletionItem[] {
  const { tree, document, position } = input;
  const offset = document.offsetAt(position);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const linePrefix = tree.text.slice(lineStart, offset);
  const context = new Context(input, offset);
  const hash = /^\s*#\s*/.exec(linePrefix);
  if (hash) return commentCompletions(context, linePrefix.slice(hash[0].length), lineStart);
  const outer = outerInstructionAt(tree, offset);
  if (!outer || offset < outer.keywordToken.start) {
    return /^\s*$/.test(linePrefix) ? instructionItems(context, offset, false) : [];
  }
  const instruction = instructionAt(tree, offset)!;
  if (contains(instruction.keywordToken, offset)) {
    return instructionItems(context, instruction.keywordToken.start, instruction !== outer);
  }
  if (outer.keyword === 'ONBUILD' && !outer.trigger) return instructionItems(context, offset, true);
  return argumentCompletions(context, instruction);
}

/** Adds an item's docs when the client shows it. */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as ItemData | undefined;
  if (!data) return item;
  const docs = docsFor(data.locale);
  let markdown: string | undefined;
  if (data.docs === 'instruction') markdown = instructionMarkdown(data.key, docs);
  else if (data.docs === 'flag') markdown = docs.flags[data.key];
  else if (data.docs === 'mount-key') markdown = docs.mountOptions[data.key];
  else if (data.docs === 'mount-type') markdown = docs.flagValues[`RUN --mount type=${data.key}`];
  else if (data.docs === 'directive') markdown = docs.directives[data.key as 'syntax'];
  else if (data.docs === 'rule') markdown = ruleMarkdown(data.key, data.locale);
  else if (data.docs === 'variable') markdown = docs.builtinVariables[data.key.toUpperCase()];
  return markdown ? { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } } : item;
}

/** The request's shared state: where the word being typed starts, and how to build edits. */
class Context {
  readonly docs: DocsTable;
  constructor(readonly input: CompletionInput, readonly offset: number) {
    this.docs = docsFor(input.locale);
  }

  get tree(): DockerfileTree {
    return this.input.tree;
  }

  /** An item replacing [start, cursor) with `text`. */
  item(label: string, kind: CompletionItemKind, start: number, text: string, extra: Partial<CompletionItem> = {}): CompletionItem {
    const { document, position } = this.input;
    return { label, kind, textEdit: { range: { start: document.positionAt(start), end: position }, newText: text }, ...extra };
  }

  data(docs: ItemData['docs'], key: string): ItemData {
    return { docs, key, locale: this.input.locale };
  }
}

function instructionItems(context: Context, start: number, trigger: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const keyword of INSTRUCTIONS) {
    if (trigger && NOT_TRIGGERS.has(keyword)) continue;
    const deprecated = keyword === 'MAINTAINER';
    const snippet = context.input.snippets;
    items.push(context.item(keyword, CompletionItemKind.Keyword, start, snippet ? SNIPPETS[keyword as Keyword] : `${keyword} `, {
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      detail: context.docs.instructions[keyword as Keyword].summary.split(/(?<=[.。])\s*/)[0],
      sortText: `${deprecated ? '1' : '0'}${keyword}`,
      tags: deprecated ? [CompletionItemTag.Deprecated] : undefined,
      data: context.data('instruction', keyword),
    }));
  }
  return items;
}

function commentCompletions(context: Context, body: string, lineStart: number): CompletionItem[] {
  const bodyStart = context.offset - body.length;
  if (inDirectiveBlock(context.tree, context.input.document, lineStart)) {
    const directive = /^(\w*)$/.exec(body);
    if (directive) {
      const directives = (['syntax', 'escape', 'check'] as const).map((name) =>
        context.item(name, CompletionItemKind.Keyword, bodyStart, `${name}=`, { detail: context.docs.text.directive, data: context.data('directive', name) }),
      );
      return [...directives, ...pragmaTemplates(context, bodyStart)];
    }
    const value = /^(syntax|escape|check)\s*=\s*([^]*)$/i.exec(body);
    if (value) {
      const name = value[1].toLowerCase() as 'syntax' | 'escape' | 'check';
      if (name === 'check') {
        const checks = checkNameItems(context, value[2]);
        if (checks) return checks;
      }
      const valueStart = context.offset - value[2].length;
      return DIRECTIVE_VALUES[name].map((text) => context.item(text, CompletionItemKind.Value, valueStart, text));
    }
  }
  const pragma = PRAGMA_PREFIX.exec(body);
  if (pragma) {
    const typed = /(?<![^\s,])[^\s,]*$/.exec(pragma[2])![0];
    const hadolint = pragma[1].toLowerCase().startsWith('hadolint');
    return ruleItems(context, context.offset - typed.length, hadolint);
  }
  const check = /^check\s*=\s*([^]*)$/i.exec(body);
  if (check) return checkNameItems(context, check[1]) ?? [];
  return /^[\w-]*$/.test(body) ? pragmaTemplates(context, bodyStart) : [];
}

/** Whether a line is still in the parser-directive block: only directives before it. */
function inDirectiveBlock(tree: DockerfileTree, document: TextDocument, lineStart: number): boolean {
  const line = document.positionAt(lineStart).line;
  let count = 0;
  for (const directive of tree.directives) if (directive.start < lineStart) count++;
  return count === line && (tree.instructions.length === 0 || tree.instructions[0].start > lineStart);
}

function pragmaTemplates(context: Context, bodyStart: number): CompletionItem[] {
  return PRAGMA_TEMPLATES.map((text) => context.item(text.trim(), CompletionItemKind.Snippet, bodyStart, text, {
    command: { title: '', command: 'editor.action.triggerSuggest' },
  }));
}

/** BuildKit check names after `skip=` (lists separated by commas), or undefined when not there. */
function checkNameItems(context: Context, value: string): CompletionItem[] | undefined {
  const skip = /(?:^|;)\s*skip\s*=([^;]*)$/i.exec(value);
  if (!skip) return undefined;
  const typed = /(?<![^\s,])[^\s,]*$/.exec(skip[1])![0];
  const start = context.offset - typed.length;
  const names = new Set<string>();
  const items = [context.item('all', CompletionItemKind.Value, start, 'all')];
  for (const rule of allRules) {
    for (const alias of rule.meta.aliases) {
      // BuildKit's check names are PascalCase words (JSONArgsRecommended), hadolint's codes DLxxxx.
      if (!/^[A-Z][A-Za-z]+$/.test(alias) || names.has(alias)) continue;
      names.add(alias);
      items.push(context.item(alias, CompletionItemKind.Value, start, alias, { detail: rule.meta.id, data: context.data('rule', alias) }));
    }
  }
  return items;
}

function ruleItems(context: Context, start: number, hadolint: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const rule of allRules) {
    items.push(context.item(rule.meta.id, CompletionItemKind.Value, start, rule.meta.id, {
      detail: rule.meta.aliases.join(', ') || undefined,
      sortText: `1${rule.meta.id}`,
      data: context.data('rule', rule.meta.id),
    }));
    if (!hadolint) continue;
    for (const alias of rule.meta.aliases) {
      if (!/^DL\d+$/.test(alias)) continue;
      items.push(context.item(alias, CompletionItemKind.Value, start, alias, { detail: rule.meta.id, sortText: `0${alias}`, data: context.data('rule', alias) }));
    }
  }
  return items;
}

/** Completions after the keyword: flags and their values, variables, and words some instructions expect. */
function argumentCompletions(context: Context, instruction: Instruction): CompletionItem[] {
  const { tree, offset } = context;
  const text = tree.text;
  let wordStart = offset;
  while (wordStart > instruction.keywordToken.end && !/\s/.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, offset);
  const variable = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (variable && text[offset - variable[0].length - 1] !== tree.escapeChar) {
    return variableItems(context, instruction, offset - (variable[2]?.length ?? 0), variable[1] === '{' && text[offset] !== '}');
  }
  const flag = instruction.flags.find((candidate) => contains(candidate, offset));
  const beforeArguments = instruction.args.start === instruction.args.end || wordStart <= instruction.args.start;
  if (flag || (word.startsWith('-') && beforeArguments && !flag)) return flagCompletions(context, instruction, wordStart, word);
  const index = wordIndex(instruction, wordStart);
  switch (instruction.keyword) {
    case 'FROM':
      if (index === 0) return [...stageItems(context, stageAt(tree, offset), wordStart, true), context.item('scratch', CompletionItemKind.Module, wordStart, 'scratch')];
      if (index === 1) return [context.item('AS', CompletionItemKind.Keyword, wordStart, 'AS ')];
      return [];
    case 'ARG':
      return index >= 0 && !word.includes('=') ? argNameItems(context, instruction, wordStart) : [];
    case 'HEALTHCHECK':
      return index === 0 ? ['CMD', 'NONE'].map((name) => context.item(name, CompletionItemKind.Keyword, wordStart, name === 'CMD' ? 'CMD ' : name)) : [];
    case 'STOPSIGNAL':
      return index === 0 ? SIGNALS.map((name) => context.item(name, CompletionItemKind.Value, wordStart, name)) : [];
    default:
      return [];
  }
}

/** Which argument word starts at `wordStart`: 0 for the first; -1 inside the flags. */
function wordIndex(instruction: Instruction, wordStart: number): number {
  if (instruction.flags.some((flag) => flag.start <= wordStart && wordStart < flag.end)) return -1;
  let index = 0;
  for (const word of instruction.words) {
    if (word.start >= wordStart) break;
    index++;
  }
  return index;
}

function flagCompletions(context: Context, instruction: Instruction, wordStart: number, word: string): CompletionItem[] {
  const keyword = instruction.keyword;
  const equals = word.indexOf('=');
  if (equals < 0) {
    const present = new Set(instruction.flags.filter((flag) => flag.start !== wordStart).map((flag) => flag.name));
    return Object.entries(flagsOf(keyword)).flatMap(([name, spec]) => {
      if (present.has(name) && spec.kind !== 'list') return [];
      const text = spec.kind === 'boolean' ? `--${name}` : `--${name}=`;
      return [context.item(`--${name}`, CompletionItemKind.Property, wordStart, text, {
        detail: `${keyword} ${context.docs.text.flag}`,
        data: context.data('flag', `${keyword} --${name}`),
        command: spec.kind === 'boolean' ? undefined : { title: '', command: 'editor.action.triggerSuggest' },
      })];
    });
  }
  const name = word.slice(2, equals);
  const valueStart = wordStart + equals + 1;
  const value = word.slice(equals + 1);
  if (keyword === 'RUN' && name === 'mount') return mountCompletions(context, valueStart, value);
  if (keyword === 'COPY' && name === 'from') return stageItems(context, stageAt(context.tree, context.offset), valueStart, false);
  return (FLAG_VALUES[`${keyword} --${name}`] ?? []).map((text) =>
    context.item(text, text.startsWith('$') ? CompletionItemKind.Variable : CompletionItemKind.Value, valueStart, text),
  );
}

function mountCompletions(context: Context, valueStart: number, value: string): CompletionItem[] {
  const parts = value.split(',');
  const current = parts[parts.length - 1];
  const partStart = valueStart + value.length - current.length;
  const type = parts.map((part) => /^type=(.*)$/i.exec(part)?.[1]).find((found) => found !== undefined);
  const equals = current.indexOf('=');
  if (equals < 0) {
    const used = new Set(parts.slice(0, -1).map((part) => canonicalMountKey(part.split('=')[0])));
    return mountKeys(type?.toLowerCase()).filter((key) => !used.has(key)).map((key) =>
      context.item(key, CompletionItemKind.Property, partStart, `${key}=`, {
        data: context.data('mount-key', key),
        command: MOUNT_KEY_VALUES[key] || key === 'from' ? { title: '', command: 'editor.action.triggerSuggest' } : undefined,
      }),
    );
  }
  const key = canonicalMountKey(current.slice(0, equals));
  const start = partStart + equals + 1;
  if (key === 'from') return stageItems(context, stageAt(context.tree, context.offset), start, false);
  return (MOUNT_KEY_VALUES[key] ?? []).map((text) =>
    context.item(text, CompletionItemKind.Value, start, text, key === 'type' ? { data: context.data('mount-type', text) } : {}),
  );
}

/** Stage names before the current stage (for a FROM, before the stage it starts). */
function stageItems(context: Context, current: Stage | undefined, start: number, fromLine: boolean): CompletionItem[] {
  const before = current ? current.index : context.tree.stages.length;
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (let index = before - 1; index >= 0; index--) {
    const stage = context.tree.stages[index];
    if (!stage.name || seen.has(stage.name)) continue;
    seen.add(stage.name);
    const written = stage.from.from?.stageName?.value ?? stage.name;
    items.push(context.item(written, fromLine ? CompletionItemKind.Module : CompletionItemKind.Reference, start, written, {
      detail: `${context.docs.text.stage} ${stage.index}: ${stage.from.from?.image.value ?? ''}`,
      sortText: String(before - index).padStart(4, '0'),
    }));
  }
  return items;
}

function variableItems(context: Context, instruction: Instruction, start: number, closeBrace: boolean): CompletionItem[] {
  const scope = variablesOf(context.tree).scopeAt(instruction.start);
  const items: CompletionItem[] = [];
  for (const [name, definition] of scope) {
    items.push(context.item(name, CompletionItemKind.Variable, start, closeBrace ? `${name}}` : name, {
      detail: definition.value !== undefined ? definition.value : definition.kind === 'builtin' ? context.docs.text.builtinVariable : undefined,
      sortText: `${definition.kind === 'builtin' ? '1' : '0'}${name}`,
      data: definition.kind === 'builtin' ? context.data('variable', name) : undefined,
    }));
  }
  if (instruction.keyword === 'RUN' && outerInstructionAt(context.tree, context.offset) === instruction) {
    for (const name of PROXY_ARGS) {
      if (scope.has(name) || name !== name.toUpperCase()) continue;
      items.push(context.item(name, CompletionItemKind.Variable, start, closeBrace ? `${name}}` : name, { sortText: `2${name}`, data: context.data('variable', name) }));
    }
  }
  return items;
}

/** Names an ARG in a stage can declare to see a value from outside: global ARGs and BuildKit's platform ARGs. */
function argNameItems(context: Context, instruction: Instruction, start: number): CompletionItem[] {
  const stage = stageAt(context.tree, instruction.start);
  if (!stage) return [];
  const declared = new Set<string>();
  for (const other of stage.instructions) {
    if (other.keyword !== 'ARG' || other === instruction) continue;
    for (const pair of other.pairs ?? []) declared.add(pair.key.value);
  }
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const global of context.tree.globalArgs) {
    for (const pair of global.pairs ?? []) {
      const name = pair.key.value;
      if (declared.has(name) || seen.has(name)) continue;
      seen.add(name);
      items.push(context.item(name, CompletionItemKind.Variable, start, name, { detail: context.docs.text.globalArg, sortText: `0${name}` }));
    }
  }
  for (const name of PLATFORM_ARGS) {
    if (declared.has(name) || seen.has(name)) continue;
    items.push(context.item(name, CompletionItemKind.Variable, start, name, { detail: context.docs.text.builtinVariable, sortText: `1${name}`, data: context.data('variable', name) }));
  }
  return items;
}
