/**
 * A plain copy of tree-sitter's tree. Reading nodes through web-tree-sitter
 * crosses into WebAssembly on every property and leaks unless the tree is
 * deleted, so we copy once with a cursor, delete the tree, and walk JS objects.
 */
import type { Tree } from 'web-tree-sitter';

export interface SyntaxNode {
  /** Grammar type (`command`, `word`, ...) or, for anonymous tokens, the token (`&&`, `then`). */
  type: string;
  named: boolean;
  /** Inserted by error recovery; zero-width. */
  missing: boolean;
  /** The field this node fills in its parent (`name`, `argument`, `body`, ...); read only under `PARENTS_WITH_FIELDS`. */
  field: string | null;
  /** Offsets into the parsed text. */
  start: number;
  end: number;
  parent: SyntaxNode | undefined;
  children: SyntaxNode[];
}

/** Parents whose children we look up by field; other nodes skip reading it (each read crosses into wasm). */
const PARENTS_WITH_FIELDS: ReadonlySet<string> = new Set(['command', 'redirected_statement', 'variable_assignment', 'file_redirect']);

type Cursor = ReturnType<Tree['walk']>;
type Language = Tree['language'];

/** Node type names and namedness by type id, per grammar: one wasm call per node instead of three. */
const typeTables = new WeakMap<Language, Array<{ type: string; named: boolean } | undefined>>();

function typeOf(language: Language, typeId: number): { type: string; named: boolean } {
  let table = typeTables.get(language);
  if (!table) typeTables.set(language, (table = []));
  return (table[typeId] ??= { type: language.types[typeId] ?? 'ERROR', named: language.types[typeId] === undefined || language.nodeTypeIsNamed(typeId) });
}

/** Copies `tree` and deletes it. */
export function copyTree(tree: Tree): SyntaxNode {
  const cursor = tree.walk();
  const copier = { language: tree.language, hasErrors: tree.rootNode.hasError };
  const root = nodeAtCursor(cursor, undefined, copier);
  let current = root;
  try {
    for (;;) {
      if (cursor.gotoFirstChild()) {
        current = addChild(current, nodeAtCursor(cursor, current, copier));
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || current.parent === undefined) return root;
        current = current.parent;
      }
      const parent = current.parent as SyntaxNode;
      current = addChild(parent, nodeAtCursor(cursor, parent, copier));
    }
  } finally {
    cursor.delete();
    tree.delete();
  }
}

function addChild(parent: SyntaxNode, child: SyntaxNode): SyntaxNode {
  parent.children.push(child);
  return child;
}

function nodeAtCursor(cursor: Cursor, parent: SyntaxNode | undefined, copier: { language: Language; hasErrors: boolean }): SyntaxNode {
  const { type, named } = typeOf(copier.language, cursor.nodeTypeId);
  return {
    type,
    named,
    missing: copier.hasErrors && cursor.nodeIsMissing,
    field: parent && PARENTS_WITH_FIELDS.has(parent.type) ? cursor.currentFieldName : null,
    start: cursor.startIndex,
    end: cursor.endIndex,
    parent,
    children: [],
  };
}

export function childWithField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  return node.children.find((child) => child.field === field);
}

export function hasDescendant(node: SyntaxNode, types: ReadonlySet<string>): boolean {
  return node.children.some((child) => types.has(child.type) || hasDescendant(child, types));
}
