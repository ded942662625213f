/** Turns word nodes into `ShellWord`s: raw text, unquoted value, document span. */
import { documentSpan, writtenText, type ScriptView } from './script-view.js';
import { hasDescendant, type SyntaxNode } from './syntax-node.js';
import type { ShellWord } from './types.js';

/** Node types whose value the shell computes at run time. */
const EXPANSIONS: ReadonlySet<string> = new Set([
  'simple_expansion',
  'expansion',
  'command_substitution',
  'process_substitution',
  'arithmetic_expansion',
  'brace_expression',
]);

interface WordValue {
  value: string;
  isStatic: boolean;
  quoted: boolean;
}

export function makeWord(view: ScriptView, node: SyntaxNode): ShellWord {
  const span = documentSpan(view, node.start, node.end);
  const { value, isStatic, quoted } = wordValue(view.text, node);
  // Literal objects of one shape: spreading here made every word a slow dictionary object.
  return { start: span.start, end: span.end, raw: writtenText(view, span, node.start, node.end), value, isStatic, quoted };
}

function wordValue(text: string, node: SyntaxNode): WordValue {
  const raw = text.slice(node.start, node.end);
  if (EXPANSIONS.has(node.type)) return { value: raw, isStatic: false, quoted: false };
  switch (node.type) {
    case 'word':
      return { value: unescapeUnquoted(raw), isStatic: true, quoted: raw.includes('\\') };
    case 'raw_string':
      return { value: between(raw, 1), isStatic: true, quoted: true };
    case 'string':
      return { value: unescapeDoubleQuoted(between(raw, 1)), isStatic: !hasDescendant(node, EXPANSIONS), quoted: true };
    case 'translated_string':
      return { value: unescapeDoubleQuoted(between(raw, 2)), isStatic: !hasDescendant(node, EXPANSIONS), quoted: true };
    case 'ansi_c_string':
      return { value: decodeAnsiC(between(raw, 2)), isStatic: true, quoted: true };
    case 'heredoc_start':
      return { value: raw.replace(/['"\\]/g, ''), isStatic: true, quoted: /['"\\]/.test(raw) };
    default:
      return node.children.length === 0 ? { value: raw, isStatic: true, quoted: false } : joinParts(text, node);
  }
}

/** A concatenation (`--x="$y"z`) or any other node with parts: the parts' values, with the text between them. */
function joinParts(text: string, node: SyntaxNode): WordValue {
  const joined: WordValue = { value: '', isStatic: true, quoted: false };
  let position = node.start;
  for (const child of node.children) {
    joined.value += text.slice(position, child.start);
    const part = wordValue(text, child);
    joined.value += part.value;
    joined.isStatic &&= part.isStatic;
    joined.quoted ||= part.quoted;
    position = child.end;
  }
  joined.value += text.slice(position, node.end);
  return joined;
}

/** The text inside quotes: `prefix` characters open (`"` or `$"`); the closing quote may be missing in broken scripts. */
function between(raw: string, prefix: number): string {
  const closed = raw.length > prefix && (raw.endsWith('"') || raw.endsWith("'"));
  return raw.slice(prefix, closed ? -1 : undefined);
}

function unescapeUnquoted(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(\r?\n|[\s\S])/g, (_match, escaped: string) => (escaped.endsWith('\n') ? '' : escaped));
}

/** Inside double quotes a backslash only escapes `$`, `` ` ``, `"`, `\` and a newline. */
function unescapeDoubleQuoted(inner: string): string {
  if (!inner.includes('\\')) return inner;
  return inner.replace(/\\(\r?\n|[$`"\\])/g, (_match, escaped: string) => (escaped.endsWith('\n') ? '' : escaped));
}

const ANSI_C_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function decodeAnsiC(inner: string): string {
  return inner.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[\s\S])/g, (match, escape: string) => {
    if (escape[0] === 'x') return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ANSI_C_ESCAPES[escape] ?? match;
  });
}
