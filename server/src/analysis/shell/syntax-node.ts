/**
 * A plain copy of tree-sitter's tree. Reading nodes through web-tree-sitter
 * crosses into WebAssembly on every property and leaks unless the tree is
 * deleted, so we copy once with a cursor, delete the tree, and walk JS objects.
 */
import type { Tree } from 'web-tree-sitter';
import type { CursorBinding } from './cursor-binding.js';

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

/** What the copy reads at each node: TreeCursor's calls, or the binding's (see `cursor-binding.ts`). */
interface Walk {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  typeId(): number;
  startIndex(): number;
  endIndex(): number;
  fieldName(): string | null;
  isMissing(): boolean;
}

function cursorWalk(cursor: Cursor): Walk {
  return {
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    fieldName: () => cursor.currentFieldName,
    isMissing: () => cursor.nodeIsMissing,
  };
}

/** Only valid while the cursor sits in the transfer buffer: between `copyIn` and `copyOut`, with no other tree-sitter call. */
function bindingWalk(binding: CursorBinding, tree: Tree): Walk {
  const address = (tree as unknown as Record<number, number>)[0];
  const fields = tree.language.fields;
  return {
    gotoFirstChild: () => binding.gotoFirstChild(address) === 1,
    gotoNextSibling: () => binding.gotoNextSibling(address) === 1,
    gotoParent: () => binding.gotoParent(address) === 1,
    typeId: () => binding.typeId(address),
    startIndex: () => binding.startIndex(address),
    endIndex: () => binding.endIndex(address),
    fieldName: () => fields[binding.fieldId(address)] as string | null,
    isMissing: () => binding.isMissing(address) === 1,
  };
}

/** Copies `tree` and deletes it; with `binding`, reading the nodes without TreeCursor's copying in and out. */
export function copyTree(tree: Tree, binding?: CursorBinding): SyntaxNode {
  // Read before the cursor goes into the transfer buffer, which reading the root node overwrites.
  const copier = { language: tree.language, hasErrors: tree.rootNode.hasError };
  const cursor = tree.walk();
  binding?.copyIn(cursor);
  try {
    return copyNodes(binding ? bindingWalk(binding, tree) : cursorWalk(cursor), copier);
  } finally {
    binding?.copyOut(cursor);
    cursor.delete();
    tree.delete();
  }
}

function copyNodes(walk: Walk, copier: Copier): SyntaxNode {
  const root = nodeAtCursor(walk, undefined, copier);
  let current = root;
  for (;;) {
    if (walk.gotoFirstChild()) {
      current = addChild(current, nodeAtCursor(walk, current, copier));
      continue;
    }
    while (!walk.gotoNextSibling()) {
      if (!walk.gotoParent() || current.parent === undefined) return root;
      current = current.parent;
    }
    const parent = current.parent as SyntaxNode;
    current = addChild(parent, nodeAtCursor(walk, parent, copier));
  }
}

function addChild(parent: SyntaxNode, child: SyntaxNode): SyntaxNode {
  parent.children.push(child);
  return child;
}

interface Copier {
  language: Language;
  hasErrors: boolean;
}

function nodeAtCursor(walk: Walk, parent: SyntaxNode | undefined, copier: Copier): SyntaxNode {
  const { type, named } = typeOf(copier.language, walk.typeId());
  return {
    type,
    named,
    missing: copier.hasErrors && walk.isMissing(),
    field: parent && PARENTS_WITH_FIELDS.has(parent.type) ? walk.fieldName() : null,
    start: walk.startIndex(),
    end: walk.endIndex(),
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
