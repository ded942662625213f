// Loads our grammar the way VS Code does (vscode-textmate over the Oniguruma
// wasm), with VS Code's own shell grammar (shipped by tm-grammars) as `source.shell`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const ROOT = join(__dirname, '..', '..', '..');
export const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'dockerfile.tmLanguage.json');

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
  /** Milliseconds vscode-textmate took for this line. */
  duration: number;
  /** The rule stack the line started from, to tokenize it again. */
  stateBefore: textmate.StateStack;
}

let registry: Promise<textmate.Registry> | undefined;

function loadRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const grammars: Record<string, string> = {
      'source.dockerfile.layerwise': GRAMMAR_PATH,
      'source.shell': require.resolve('tm-grammars/grammars/shellscript.json'),
    };
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        const path = grammars[scopeName];
        return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
      },
    });
  })();
  return registry;
}

export async function loadGrammar(): Promise<textmate.IGrammar> {
  const grammar = await (await loadRegistry()).loadGrammar('source.dockerfile.layerwise');
  if (!grammar) throw new Error('grammar source.dockerfile.layerwise did not load');
  return grammar;
}

/** Tokenizes a document line by line, carrying the rule stack as the editor does. */
export async function tokenize(text: string): Promise<TokenizedLine[]> {
  const grammar = await loadGrammar();
  let stack = textmate.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const stateBefore = stack;
    const started = performance.now();
    const result = grammar.tokenizeLine(line, stack);
    const duration = performance.now() - started;
    stack = result.ruleStack;
    const tokens = result.tokens.map(({ startIndex, endIndex, scopes }) => ({
      start: startIndex,
      end: Math.min(endIndex, line.length),
      text: line.slice(startIndex, endIndex),
      scopes,
    }));
    return { text: line, tokens, duration, stateBefore };
  });
}

/** The fastest of `runs` tokenizations of a line: a slow regex is slow every time, a GC pause is not. */
export async function fastestDuration(line: TokenizedLine, runs = 3): Promise<number> {
  const grammar = await loadGrammar();
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    grammar.tokenizeLine(line.text, line.stateBefore);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** The tokens covering columns [start, end) of a line. */
export function tokensAt(line: TokenizedLine, start: number, end: number): Token[] {
  return line.tokens.filter((token) => token.start < end && token.end > start);
}

/** Whether `scopes` holds `selector` or a scope it prefixes at a dot (TextMate's rule). */
export function hasScope(scopes: string[], selector: string): boolean {
  return scopes.some((scope) => scope === selector || scope.startsWith(`${selector}.`));
}

/** A readable dump, one token a line: `text  scope scope ...` (the root scope left out). */
export function dump(lines: TokenizedLine[]): string {
  return lines
    .map((line) =>
      [line.text, ...line.tokens.map((token) => `  ${JSON.stringify(token.text).padEnd(24)} ${token.scopes.slice(1).join(' ')}`)].join('\n'),
    )
    .join('\n');
}
