/**
 * Walks a copied tree-sitter tree and records every command with the
 * constructs around it. A shell that reads its script from a heredoc
 * (`bash <<EOF`) gets that body parsed and walked as a nested script.
 */
import type { Span } from '../../parser/types.js';
import { parseArguments } from './arguments.js';
import { joiningOperator, operatorOnHeredocLine } from './operators.js';
import { makeRedirect, redirectNodesOf } from './redirects.js';
import { isPosixShell } from './script-source.js';
import { documentSpan, nestedView, writtenText, type ScriptView } from './script-view.js';
import { childWithField, type SyntaxNode } from './syntax-node.js';
import type { ShellAssignment, ShellCommand, ShellContext, ShellWord } from './types.js';
import { makeWord } from './words.js';
import { unwrapWhileParsing } from './wrappers.js';

/** Constructs that put everything inside them into a context. */
const CONTEXT_OF: Readonly<Record<string, ShellContext>> = {
  subshell: 'subshell',
  compound_statement: 'group',
  pipeline: 'pipeline',
  do_group: 'loop',
  case_item: 'branch',
  function_definition: 'function',
  command_substitution: 'substitution',
  process_substitution: 'substitution',
};

const CONDITIONALS: ReadonlySet<string> = new Set(['if_statement', 'elif_clause', 'else_clause', 'while_statement', 'until_statement']);

/** Inside `[ ]` / `[[ ]]`, the nodes that are one word each. */
const TEST_WORDS: ReadonlySet<string> = new Set([
  'word', 'string', 'raw_string', 'number', 'concatenation', 'simple_expansion', 'expansion', 'command_substitution',
  'ansi_c_string', 'translated_string', 'test_operator', 'regex', 'extglob_pattern', 'arithmetic_expansion',
]);

const SHELL_VALUE_OPTIONS = { valueOptions: ['-o', '-O', '--rcfile', '--init-file'] };

export type TextParser = (text: string) => SyntaxNode;

export class CommandCollector {
  readonly commands: ShellCommand[] = [];
  readonly errors: Span[] = [];
  /** Heredoc bodies read as nested scripts, so their `$( )` are not visited twice. */
  private readonly nestedBodies = new Set<SyntaxNode>();

  constructor(private readonly parseText: TextParser) {}

  collect(view: ScriptView, within: readonly ShellContext[]): void {
    this.visit(view, this.parseText(view.text), within);
  }

  /**
   * Visits the tree depth-first, parents before children, with an explicit stack:
   * `a && b && ...` nests a level per command, and 100,000 continuation lines
   * would overflow the call stack.
   */
  private visit(view: ScriptView, root: SyntaxNode, outermost: readonly ShellContext[]): void {
    const stack: Array<[SyntaxNode, readonly ShellContext[]]> = [[root, outermost]];
    const pushChildren = (children: Array<[SyntaxNode, readonly ShellContext[]]>) => {
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    };
    while (stack.length > 0) {
      const [node, outer] = stack.pop()!;
      const within = pipesIntoHeredocLine(node) ? [...outer, 'pipeline' as const] : outer;
      if (node.type === 'ERROR' || node.missing) this.errors.push(documentSpan(view, node.start, node.end));
      if (CONDITIONALS.has(node.type)) {
        pushChildren(conditionalParts(node, within));
        continue;
      }
      if (node.type === 'heredoc_body' && this.nestedBodies.has(node)) continue;
      if (node.type === 'command') this.addCommand(view, node, within);
      else if (node.type === 'declaration_command' || node.type === 'unset_command') this.addKeywordCommand(view, node, within);
      else if (node.type === 'test_command') this.addTestCommand(view, node, within);
      const context = contextInside(node);
      const inner = context ? [...within, context] : within;
      pushChildren(node.children.map((child) => [child, inner]));
    }
  }

  private addCommand(view: ScriptView, node: SyntaxNode, within: readonly ShellContext[]): void {
    const nameNode = childWithField(node, 'name');
    if (!nameNode) return;
    const command = this.push(view, node, within, makeWord(view, nameNode), this.words(view, node.children.filter((child) => child.field === 'argument')));
    command.assignments = node.children
      .filter((child) => child.type === 'variable_assignment' && child.start < nameNode.start)
      .map((child) => makeAssignment(view, child));
    this.readHeredocScript(view, node, command, within);
  }

  /** `export A=1`, `local x`, `unset A`: the keyword is the name, the rest are arguments. */
  private addKeywordCommand(view: ScriptView, node: SyntaxNode, within: readonly ShellContext[]): void {
    const [keyword, ...rest] = node.children;
    if (!keyword) return;
    this.push(view, node, within, makeWord(view, keyword), this.words(view, rest.filter((child) => child.named && child.type !== 'comment')));
  }

  /** `[ -f x ]`, `[[ $a == b ]]`: named `[` / `[[`, with the words and operators inside as arguments. */
  private addTestCommand(view: ScriptView, node: SyntaxNode, within: readonly ShellContext[]): void {
    const open = node.children[0];
    if (!open) return;
    const inside = node.children.slice(1, node.children.at(-1)?.named ? undefined : -1);
    this.push(view, node, within, makeWord(view, open), this.words(view, inside.flatMap(testWords)));
  }

  private push(view: ScriptView, node: SyntaxNode, within: readonly ShellContext[], nameWord: ShellWord, args: ShellWord[]): ShellCommand {
    const span = documentSpan(view, node.start, node.end);
    const command: ShellCommand = {
      start: span.start,
      end: span.end,
      index: -1,
      name: nameWord.value,
      nameWord,
      args,
      assignments: [],
      redirects: redirectNodesOf(node).map((redirect) => makeRedirect(view, redirect)),
      next: joiningOperator(node),
      within,
      wrappers: [],
    };
    this.commands.push(command);
    return command;
  }

  private words(view: ScriptView, nodes: SyntaxNode[]): ShellWord[] {
    return nodes.map((node) => makeWord(view, node));
  }

  /** `bash <<EOF`, `sudo sh -e <<'EOF'`: the body is a script of its own. */
  private readHeredocScript(view: ScriptView, node: SyntaxNode, command: ShellCommand, within: readonly ShellContext[]): void {
    if (!readsScriptFromStdin(unwrapWhileParsing(command))) return;
    for (const redirect of redirectNodesOf(node)) {
      if (redirect.type !== 'heredoc_redirect' || redirect.children.some((child) => child.type === 'file_descriptor')) continue;
      const body = redirect.children.find((child) => child.type === 'heredoc_body');
      if (!body) continue;
      this.nestedBodies.add(body);
      this.collect(nestedView(view, body.start, body.end), [...within, 'heredoc']);
    }
  }
}

/** The context a construct gives what is inside it; a function body's braces are not a group. */
function contextInside(node: SyntaxNode): ShellContext | undefined {
  if (node.type === 'compound_statement' && node.parent?.type === 'function_definition') return undefined;
  return CONTEXT_OF[node.type];
}

/** `cat <<EOF | sh`: the pipe is written on the heredoc line, so `cat` is in a pipeline tree-sitter does not show. */
function pipesIntoHeredocLine(node: SyntaxNode): boolean {
  if (node.parent?.type !== 'redirected_statement' || node.field !== 'body') return false;
  const operator = operatorOnHeredocLine(node.parent);
  return operator === '|' || operator === '|&';
}

function readsScriptFromStdin(command: ShellCommand): boolean {
  if (!isPosixShell(command.name)) return false;
  const parsed = parseArguments(command, SHELL_VALUE_OPTIONS);
  return parsed.every((argument) => (argument.kind === 'flag' ? argument.flag !== '-c' : argument.word.value.startsWith('+')));
}

function testWords(node: SyntaxNode): SyntaxNode[] {
  if (TEST_WORDS.has(node.type) || node.children.length === 0) return node.type === 'comment' ? [] : [node];
  return node.children.flatMap(testWords);
}

function makeAssignment(view: ScriptView, node: SyntaxNode): ShellAssignment {
  const nameNode = childWithField(node, 'name') ?? node.children[0];
  const valueNode = childWithField(node, 'value');
  const span = documentSpan(view, node.start, node.end);
  const assignment: ShellAssignment = {
    start: span.start,
    end: span.end,
    name: nameNode ? view.text.slice(nameNode.start, nameNode.end) : '',
    raw: writtenText(view, span, node.start, node.end),
  };
  if (valueNode) assignment.value = makeWord(view, valueNode);
  return assignment;
}

/** `if`/`elif`/`while`/`until`: the test is a condition, the `then`/`else` part a branch, a `while` test also loops. */
function conditionalParts(node: SyntaxNode, within: readonly ShellContext[]): Array<[SyntaxNode, readonly ShellContext[]]> {
  const loops = node.type === 'while_statement' || node.type === 'until_statement';
  let part = within;
  return node.children.map((child) => {
    if (['if', 'elif', 'while', 'until'].includes(child.type)) part = loops ? [...within, 'loop', 'condition'] : [...within, 'condition'];
    else if (child.type === 'then' || child.type === 'else') part = [...within, 'branch'];
    const nested = child.type === 'elif_clause' || child.type === 'else_clause' || child.type === 'do_group';
    return [child, nested ? within : part];
  });
}
