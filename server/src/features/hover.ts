import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fromImageText } from '../analysis/from-image.js';
import { PROXY_ARGS, type VariableDefinition } from '../analysis/variables.js';
import { docsFor, EXAMPLES, format, FORMS, type DocsTable } from '../docs/index.js';
import { ruleDocsUrl } from '../lint/docs-url.js';
import type { Keyword, Locale } from '../lint/types.js';
import type { DockerfileTree, Instruction, Span, Stage } from '../parser/index.js';
import { locate, outerInstructionAt, type Target } from './locate.js';
import { registryPage, ruleNamed } from './registry.js';
import { variablesOf } from './tree-cache.js';

export interface HoverInput {
  tree: DockerfileTree;
  document: TextDocument;
  position: Position;
  locale: Locale;
}

export function hover({ tree, document, position, locale }: HoverInput): Hover | null {
  const offset = document.offsetAt(position);
  const target = locate(tree, offset);
  if (!target) return null;
  const markdown = describe(tree, document, target, locale, offset);
  if (!markdown) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: document.positionAt(target.span.start), end: document.positionAt(target.span.end) },
  };
}

function describe(tree: DockerfileTree, document: TextDocument, target: Target, locale: Locale, offset: number): string | undefined {
  const docs = docsFor(locale);
  switch (target.kind) {
    case 'keyword':
      return instructionMarkdown(target.instruction.keyword, docs);
    case 'flag-name': {
      const doc = docs.flags[`${target.instruction.keyword} --${target.flag.name}`];
      return doc && `**--${target.flag.name}** (${target.instruction.keyword} ${docs.text.flag})\n\n${doc}`;
    }
    case 'flag-value': {
      const key = `${target.instruction.keyword} --${target.flag.name}`;
      const doc = docs.flagValues[`${key}=${target.flag.value?.value ?? ''}`] ?? docs.flags[key];
      return doc && `**--${target.flag.name}=${target.flag.value?.value ?? ''}**\n\n${doc}`;
    }
    case 'mount-key': {
      const doc = docs.mountOptions[target.key];
      return doc && `**${target.option.key.value}** (--mount)\n\n${doc}`;
    }
    case 'mount-value': {
      const value = target.option.value?.value ?? '';
      const doc = target.key === 'type' ? docs.flagValues[`RUN --mount type=${value.toLowerCase()}`] : docs.mountOptions[target.key];
      return doc && `**${target.option.key.value}=${value}** (--mount)\n\n${doc}`;
    }
    case 'variable':
      return variableMarkdown(tree, document, target.instruction, target.variable.name, offset, docs);
    case 'definition': {
      const definition = definitionOf(tree, target.instruction, target.pair.key.value, target.pair);
      return variableMarkdown(tree, document, target.instruction, target.pair.key.value, offset, docs, definition);
    }
    case 'stage-name':
    case 'stage-reference':
      return stageMarkdown(tree, document, target.stage, docs);
    case 'image':
      return imageMarkdown(tree, target.instruction, docs);
    case 'directive':
      return `**# ${target.directive.name}** (${docs.text.directive})\n\n${docs.directives[target.directive.name as 'syntax'] ?? ''}`.trim();
    case 'check-name':
    case 'pragma-rule':
      return ruleMarkdown(target.name, locale);
    default:
      return undefined;
  }
}

/** An instruction's docs: what it does, its forms, layers and cache, an example. */
export function instructionMarkdown(keyword: string, docs: DocsTable): string | undefined {
  const doc = docs.instructions[keyword as Keyword];
  if (!doc) return undefined;
  const forms = FORMS[keyword as Keyword].map((form) => form.label).join('\n');
  return [
    `**${keyword}** (${docs.text.instruction})`,
    doc.summary,
    `**${docs.text.syntax}**\n\n\`\`\`dockerfile\n${forms}\n\`\`\``,
    `**${docs.text.layersAndCache}**: ${doc.layers}`,
    `**${docs.text.example}**\n\n\`\`\`dockerfile\n${EXAMPLES[keyword as Keyword]}\n\`\`\``,
  ].join('\n\n');
}

/** The definition a pair of an ARG or ENV makes (its value as evaluated there). */
function definitionOf(tree: DockerfileTree, instruction: Instruction, name: string, pair: unknown): VariableDefinition | undefined {
  const found = variablesOf(tree).resolve(name, instruction.end);
  return found?.pair === pair ? found : undefined;
}

function variableMarkdown(
  tree: DockerfileTree,
  document: TextDocument,
  instruction: Instruction,
  name: string,
  offset: number,
  docs: DocsTable,
  known?: VariableDefinition,
): string {
  const lines = [`**$${name}**`];
  if (outerInstructionAt(tree, offset)?.trigger === instruction) return [...lines, docs.text.onbuildVariable].join('\n\n');
  // Arguments see the scope before their instruction: `ENV A=1 B=$A` reads the A set earlier.
  const definition = known ?? variablesOf(tree).resolve(name, instruction.start);
  const builtin = docs.builtinVariables[name.toUpperCase()];
  if (!definition) {
    if (builtin && (PROXY_ARGS as readonly string[]).includes(name)) lines.push(`${docs.text.builtinVariable}. ${builtin}`);
    else lines.push(docs.text.valueUnknown);
    return lines.join('\n\n');
  }
  lines[0] += ` (${kindText(definition, docs)})`;
  lines.push(definition.value !== undefined ? format(docs.text.valueHere, { value: definition.value }) : definition.kind === 'arg' || definition.kind === 'global-arg' ? docs.text.argWithoutValue : docs.text.valueUnknown);
  if (definition.instruction && definition.pair) {
    const line = document.positionAt(definition.instruction.start).line + 1;
    lines.push(format(docs.text.setOnLine, { line, source: sourceLine(tree, definition.instruction, definition.pair) }));
  } else if (builtin) {
    lines.push(`${docs.text.builtinVariable}. ${builtin}`);
  }
  return lines.join('\n\n');
}

function kindText(definition: VariableDefinition, docs: DocsTable): string {
  if (definition.kind === 'env') return docs.text.env;
  if (definition.kind === 'global-arg') return docs.text.globalArg;
  return docs.text.stageArg;
}

/** `ARG NAME=value` as written, the one pair only, on one line. */
function sourceLine(tree: DockerfileTree, instruction: Instruction, pair: Span): string {
  return `${instruction.keyword} ${tree.text.slice(pair.start, pair.end).replace(/\s+/g, ' ')}`;
}

function stageMarkdown(tree: DockerfileTree, document: TextDocument, stage: Stage, docs: DocsTable): string {
  const image = stage.from.from?.image.value ?? '';
  const line = document.positionAt(stage.from.start).line + 1;
  const title = stage.name ?? format(docs.text.stageUnnamed, { index: stage.index });
  const lines = [`**${title}** (${docs.text.stage} ${stage.index})`, format(docs.text.stageBase, { image, line })];
  const page = registryPage(fromImageText(stage.from, variablesOf(tree), tree.escapeChar) ?? image);
  if (page) lines.push(`[${docs.text.registryPage}](${page})`);
  return lines.join('\n\n');
}

function imageMarkdown(tree: DockerfileTree, instruction: Instruction, docs: DocsTable): string | undefined {
  const written = instruction.from?.image.value;
  if (!written) return undefined;
  const image = fromImageText(instruction, variablesOf(tree), tree.escapeChar);
  const lines = [`**${docs.text.image}** \`${image ?? written}\``];
  const page = image && registryPage(image);
  if (page) lines.push(`[${docs.text.registryPage}](${page})`);
  return lines.join('\n\n');
}

/** A rule named in an ignore pragma or `check=skip=`: its own docs. */
export function ruleMarkdown(name: string, locale: Locale): string | undefined {
  const rule = ruleNamed(name);
  if (!rule) return undefined;
  const docs = docsFor(locale);
  const aliases = rule.meta.aliases.length > 0 ? ` (${rule.meta.aliases.join(', ')})` : '';
  return [`**${rule.meta.id}**${aliases}`, rule.meta.docs[locale].summary, `[${docs.text.ruleDocs}](${ruleDocsUrl(rule.meta.id)})`].join('\n\n');
}
