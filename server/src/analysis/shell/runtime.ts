/**
 * Loads tree-sitter's runtime and the bash grammar (both WebAssembly) once;
 * afterwards every parse is synchronous, so rules stay plain functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// `import = require` makes esbuild bundle the package's CommonJS build; its ES module build needs `import.meta`, empty in our CJS bundles.
import WebTreeSitter = require('web-tree-sitter');
import { cursorBinding, type CursorBinding } from './cursor-binding.js';

const { Language, Parser } = WebTreeSitter;
type Parser = WebTreeSitter.Parser;

const RUNTIME_WASM = { packageName: 'web-tree-sitter', file: 'web-tree-sitter.wasm' };
const BASH_WASM = { packageName: 'tree-sitter-bash', file: 'tree-sitter-bash.wasm' };

let parser: Parser | undefined;
let binding: CursorBinding | undefined;
let loading: Promise<void> | undefined;

/** Loads the shell parser; later calls return the same promise (or retry after a failure). */
export function initShell(): Promise<void> {
  loading ??= loadParser().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function isShellReady(): boolean {
  return parser !== undefined;
}

/** Direct access to the cursor functions (see `cursor-binding.ts`), when this web-tree-sitter offers it. */
export function shellCursorBinding(): CursorBinding | undefined {
  return binding;
}

/** The loaded parser; throws when `initShell()` has not finished, since a silent no-op would hide findings. */
export function shellParser(): Parser {
  if (!parser) throw new Error('the shell parser is not loaded: await initShell() before parsing shell scripts');
  return parser;
}

async function loadParser(): Promise<void> {
  const runtimeWasm = locateWasm(RUNTIME_WASM);
  // Emscripten makes this object the module: the cursor functions become its properties.
  const module = { locateFile: () => runtimeWasm };
  await Parser.init(module);
  binding = cursorBinding(module);
  const language = await Language.load(readFileSync(locateWasm(BASH_WASM)));
  const instance = new Parser();
  instance.setLanguage(language);
  // V8 compiles WebAssembly functions lazily: a first parse here moves ~10 ms out of the first lint.
  instance.parse(WARM_UP_SCRIPT)?.delete();
  parser = instance;
}

const WARM_UP_SCRIPT = `set -eux; apt-get update && apt-get install -y --no-install-recommends "a" 'b' $C \\
  && if [ -f x ]; then rm -rf /var/lib/apt/lists/*; fi; for f in a b; do echo "$(date)" > /dev/null 2>&1 | tee; done`;

/**
 * The bundles in dist/ find the wasm files copied beside them (scripts/build.mjs);
 * running from source (tsx, tests), they come from node_modules.
 */
function locateWasm(wasm: { packageName: string; file: string }): string {
  const besideBundle = join(__dirname, wasm.file);
  if (existsSync(besideBundle)) return besideBundle;
  try {
    return require.resolve(`${wasm.packageName}/${wasm.file}`);
  } catch {
    throw new Error(`${wasm.file} not found beside ${__dirname} nor in node_modules/${wasm.packageName}`);
  }
}
