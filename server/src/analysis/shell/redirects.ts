/** A command's redirections, wherever tree-sitter-bash put them. */
import { heredocLine } from './operators.js';
import { documentSpan, type ScriptView } from './script-view.js';
import { childWithField, type SyntaxNode } from './syntax-node.js';
import type { ShellRedirect } from './types.js';
import { makeWord } from './words.js';

const REDIRECTS: ReadonlySet<string> = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);

/** Redirections before or among the arguments, after the command (`cmd > f`), and on its heredoc's line (`cat <<EOF > f`). */
export function redirectNodesOf(command: SyntaxNode): SyntaxNode[] {
  const found = command.children.filter((child) => REDIRECTS.has(child.type));
  const parent = command.parent;
  if (parent?.type === 'redirected_statement' && command.field === 'body') {
    for (const redirect of parent.children) {
      if (redirect === command || !REDIRECTS.has(redirect.type)) continue;
      found.push(redirect);
      if (redirect.type === 'heredoc_redirect') found.push(...redirectsOnHeredocLine(redirect));
    }
  }
  return found;
}

function redirectsOnHeredocLine(redirect: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (const part of heredocLine(redirect)) {
    if (!REDIRECTS.has(part.type)) break;
    found.push(part);
  }
  return found;
}

export function makeRedirect(view: ScriptView, node: SyntaxNode): ShellRedirect {
  const descriptorNode = node.children.find((child) => child.type === 'file_descriptor');
  const operatorNode = node.children.find((child) => !child.named);
  const span = documentSpan(view, node.start, node.end);
  const redirect: ShellRedirect = {
    start: span.start,
    end: span.end,
    operator: operatorNode ? view.text.slice(operatorNode.start, operatorNode.end) : '',
  };
  if (descriptorNode) redirect.descriptor = Number(view.text.slice(descriptorNode.start, descriptorNode.end));
  const target = redirectTarget(node);
  if (target) redirect.target = makeWord(view, target);
  if (node.type === 'heredoc_redirect') describeHeredoc(view, node, redirect);
  return redirect;
}

function redirectTarget(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'heredoc_redirect') return node.children.find((child) => child.type === 'heredoc_start');
  return childWithField(node, 'destination') ?? node.children.find((child) => child.named && child.type !== 'file_descriptor');
}

/** The redirect's span is the `<<EOF` marker (the node runs to the delimiter line); the body gets its own span. */
function describeHeredoc(view: ScriptView, node: SyntaxNode, redirect: ShellRedirect): void {
  if (redirect.target) redirect.end = redirect.target.end;
  const body = node.children.find((child) => child.type === 'heredoc_body');
  if (body) redirect.heredocBody = documentSpan(view, body.start, body.end);
}
