import { MarkupKind, type Position, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsFor, FORMS, parameterDoc, type SyntaxForm } from '../docs/index.js';
import type { Keyword, Locale } from '../lint/types.js';
import type { DockerfileTree, Instruction } from '../parser/index.js';
import { contains, instructionAt } from './locate.js';

export interface SignatureHelpInput {
  tree: DockerfileTree;
  document: TextDocument;
  position: Position;
  locale: Locale;
}

/** The forms of the instruction under the cursor, the one matching what is written active, and the parameter being typed. */
export function signatureHelp({ tree, document, position, locale }: SignatureHelpInput): SignatureHelp | null {
  const offset = document.offsetAt(position);
  const instruction = instructionAt(tree, offset);
  if (!instruction || offset <= instruction.keywordToken.end) return null;
  const forms = FORMS[instruction.keyword as Keyword];
  if (!forms) return null;
  const docs = docsFor(locale);
  const signatures: SignatureInformation[] = forms.map((form) => ({
    label: form.label,
    documentation: docs.instructions[instruction.keyword as Keyword].summary,
    parameters: form.parameters.map((parameter) => {
      const doc = parameterDoc(docs, instruction.keyword, parameter.label);
      return { label: parameter.label, documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined };
    }),
  }));
  const activeSignature = activeForm(instruction, forms);
  return { signatures, activeSignature, activeParameter: activeParameter(tree, instruction, forms[activeSignature], offset) };
}

function activeForm(instruction: Instruction, forms: SyntaxForm[]): number {
  const args = instruction.args.value;
  const want = instruction.exec || args.startsWith('[')
    ? 'exec'
    : instruction.heredocs.length > 0 || /^<<-?["']?\w/.test(args)
      ? 'heredoc'
      : instruction.keyword === 'HEALTHCHECK' && /^none\b/i.test(args)
        ? 'none'
        : undefined;
  const index = want ? forms.findIndex((form) => form.kind === want) : -1;
  if (index >= 0) return index;
  // Without a match, the form for what is usually written: the shell form of RUN, the plain one elsewhere.
  const fallback = forms.findIndex((form) => form.kind === 'plain' || form.kind === 'shell');
  return fallback >= 0 ? fallback : 0;
}

function activeParameter(tree: DockerfileTree, instruction: Instruction, form: SyntaxForm, offset: number): number {
  const parameters = form.parameters;
  const flagsIndex = parameters.findIndex((parameter) => parameter.role === 'flags');
  const inFlags = instruction.flags.some((flag) => contains(flag, offset)) || /^\s*-/.test(tree.text.slice(wordStart(tree, instruction, offset), offset));
  if (inFlags && flagsIndex >= 0) return flagsIndex;
  const positional = parameters.map((parameter, index) => ({ parameter, index })).filter(({ parameter }) => parameter.role !== 'flags');
  if (positional.length === 0) return 0;
  if (form.kind === 'exec') {
    const element = elementIndex(tree, instruction, offset);
    const found = positional.find(({ parameter }) => (element === 0 ? parameter.role === 'first-element' : parameter.role === 'next-elements'));
    return (found ?? positional[positional.length - 1]).index;
  }
  const word = wordIndex(tree, instruction, offset);
  const last = positional.findIndex(({ parameter }) => parameter.role === 'last');
  if (last >= 0) {
    // `<src> ... <dest>`: the first word is a source; any later word being typed may be the destination.
    return positional[word === 0 ? 0 : last].index;
  }
  const words = positional.filter(({ parameter }) => parameter.role === 'word');
  if (words.length > 0) return positional[Math.min(word, positional.length - 1)].index;
  // `KEY=VALUE`, `<user>[:<group>]`, `<port>[/<protocol>]`: the part after the separator is the second parameter.
  if (positional.length >= 2) {
    const current = tree.text.slice(wordStart(tree, instruction, offset), offset);
    if (/[=:/]/.test(current)) return positional[1].index;
  }
  return positional[0].index;
}

/** Where the word under the cursor starts (the word may be empty). */
function wordStart(tree: DockerfileTree, instruction: Instruction, offset: number): number {
  let start = offset;
  while (start > instruction.keywordToken.end && !/\s/.test(tree.text[start - 1])) start--;
  return start;
}

/** How many argument words come before the cursor's word. */
function wordIndex(tree: DockerfileTree, instruction: Instruction, offset: number): number {
  const start = wordStart(tree, instruction, offset);
  const words = instruction.words.length > 0 ? instruction.words : [];
  if (words.length > 0) return words.filter((word) => word.end < start).length;
  // Shell forms keep no words: count whitespace-separated pieces of the arguments instead.
  const before = tree.text.slice(instruction.args.start, Math.max(instruction.args.start, start)).trim();
  return before === '' ? 0 : before.split(/\s+/).length;
}

/** Which element of a JSON array the cursor is in: commas outside strings before it. */
function elementIndex(tree: DockerfileTree, instruction: Instruction, offset: number): number {
  const text = tree.text;
  let index = 0;
  let inString = false;
  for (let pos = instruction.args.start; pos < offset && pos < text.length; pos++) {
    const char = text[pos];
    if (inString) {
      if (char === '\\') pos++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === ',') {
      index++;
    }
  }
  return index;
}
