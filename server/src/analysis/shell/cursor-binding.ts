/**
 * A faster way to walk a tree-sitter tree. Each call of web-tree-sitter's
 * TreeCursor copies the cursor into WebAssembly memory first and back after
 * (setValue and getValue, a third of the time of a shell parse). The binding's
 * cursor functions work on that copy in place (the "transfer buffer"), so a
 * walk that makes no other tree-sitter call in between can copy the cursor in
 * once, call them directly, and copy it back once at the end.
 *
 * web-tree-sitter's Emscripten module is the options object given to
 * `Parser.init`, and the functions are properties of it. When they are not
 * there (another version of the package), there is no binding and the walk
 * goes through TreeCursor.
 */
type CursorFunction = (tree: number) => number;

const FUNCTIONS = {
  gotoFirstChild: '_ts_tree_cursor_goto_first_child_wasm',
  gotoNextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  gotoParent: '_ts_tree_cursor_goto_parent_wasm',
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  startIndex: '_ts_tree_cursor_start_index_wasm',
  endIndex: '_ts_tree_cursor_end_index_wasm',
  fieldId: '_ts_tree_cursor_current_field_id_wasm',
  isMissing: '_ts_tree_cursor_current_node_is_missing_wasm',
} as const;

export type CursorBinding = Record<keyof typeof FUNCTIONS, CursorFunction> & {
  /** Copies a TreeCursor's four handles into the transfer buffer. */
  copyIn(cursor: object): void;
  /** Copies them back, so the TreeCursor can be deleted (or used) as usual. */
  copyOut(cursor: object): void;
};

interface EmscriptenModule {
  HEAP32?: Int32Array;
  _ts_init?: () => number;
  [name: string]: unknown;
}

const CURSOR_HANDLES = 4;

/** The binding behind `module` (the object given to `Parser.init`), or undefined when it does not have what the walk needs. */
export function cursorBinding(module: EmscriptenModule): CursorBinding | undefined {
  const functions = Object.values(FUNCTIONS).map((name) => module[name]);
  if (!(module.HEAP32 instanceof Int32Array) || typeof module._ts_init !== 'function' || functions.some((value) => typeof value !== 'function')) return undefined;
  // ts_init only writes two version numbers into the buffer and returns its address.
  const slot = module._ts_init() / Int32Array.BYTES_PER_ELEMENT;
  // The heap view is replaced when WebAssembly memory grows: read it at each copy.
  const heap = () => module.HEAP32 as Int32Array;
  const handles = (cursor: object) => cursor as Record<number, number>;
  const bound = Object.fromEntries(Object.entries(FUNCTIONS).map(([key, name]) => [key, module[name] as CursorFunction]));
  return {
    ...(bound as Record<keyof typeof FUNCTIONS, CursorFunction>),
    copyIn(cursor) {
      for (let index = 0; index < CURSOR_HANDLES; index++) heap()[slot + index] = handles(cursor)[index];
    },
    copyOut(cursor) {
      for (let index = 0; index < CURSOR_HANDLES; index++) handles(cursor)[index] = heap()[slot + index];
    },
  };
}
