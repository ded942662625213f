/**
 * Which control operator follows a command. tree-sitter-bash nests lists
 * (`a && b || c` is `(a && b) || c`) and puts the rest of a heredoc's line
 * (`cat <<EOF | sh`, `cat <<EOF && x`) inside the heredoc redirect, so we
 * climb through those wrappers until a sibling says what comes next.
 */
import type { SyntaxNode } from './syntax-node.js';
import type { ShellOperator } from './types.js';

const OPERATORS: ReadonlySet<string> = new Set(['&&', '||', ';', '|', '|&', '&']);
/** Siblings that are not the next statement: comments, redirections and heredoc parts. */
const PASSED_OVER: ReadonlySet<string> = new Set([
  'comment',
  'file_redirect',
  'herestring_redirect',
  'heredoc_redirect',
  'heredoc_body',
  'heredoc_start',
  'heredoc_end',
]);
/** Nodes a command's list continues through. */
const TRANSPARENT: ReadonlySet<string> = new Set(['list', 'pipeline', 'redirected_statement', 'negated_command', 'heredoc_redirect']);

export function joiningOperator(statement: SyntaxNode): ShellOperator | undefined {
  let current = statement;
  for (;;) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === 'redirected_statement' && current.field === 'body') {
      const onHeredocLine = operatorOnHeredocLine(parent);
      if (onHeredocLine) return onHeredocLine;
    }
    const sibling = nextStatementSibling(current);
    if (sibling) return operatorOf(sibling);
    if (!TRANSPARENT.has(parent.type)) return undefined;
    current = parent;
  }
}

/** An operator token, the `|` that starts a heredoc line's pipeline, a newline before the next statement, or none (`then`, `)`). */
function operatorOf(sibling: SyntaxNode): ShellOperator | undefined {
  if (OPERATORS.has(sibling.type)) return sibling.type as ShellOperator;
  if (sibling.type === 'pipeline' && sibling.children[0]?.type === '|') return '|';
  return sibling.named && sibling.type !== 'ERROR' ? '\n' : undefined;
}

function nextStatementSibling(node: SyntaxNode): SyntaxNode | undefined {
  const siblings = node.parent?.children ?? [];
  for (let index = siblings.indexOf(node) + 1; index < siblings.length; index++) {
    if (!PASSED_OVER.has(siblings[index].type)) return siblings[index];
  }
  return undefined;
}

/** `cat <<EOF && x` / `cat <<EOF | sh`: the first operator after the delimiter, inside the heredoc redirect. */
export function operatorOnHeredocLine(statement: SyntaxNode): ShellOperator | undefined {
  for (const redirect of statement.children) {
    if (redirect.type !== 'heredoc_redirect') continue;
    for (const part of heredocLine(redirect)) {
      const operator = operatorOf(part);
      if (operator && operator !== '\n') return operator;
      if (part.named && part.type !== 'file_redirect' && part.type !== 'herestring_redirect') break;
    }
  }
  return undefined;
}

/** The nodes after `<<EOF` on its line: more redirections, operators and commands, up to the body. */
export function heredocLine(redirect: SyntaxNode): SyntaxNode[] {
  const children = redirect.children;
  const start = children.findIndex((child) => child.type === 'heredoc_start') + 1;
  const bodyIndex = children.findIndex((child) => child.type === 'heredoc_body' || child.type === 'heredoc_end');
  return children.slice(start, bodyIndex < 0 ? children.length : bodyIndex);
}
