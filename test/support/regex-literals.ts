import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexUse {
  /** Repository-relative path and 1-based line. */
  file: string;
  line: number;
  /** The pattern and flags, when the source states them; undefined for a pattern built at run time. */
  source?: string;
  flags?: string;
  /** The expression as written. */
  text: string;
}

const SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(root, path);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** Every regular-expression literal and `new RegExp(...)`/`RegExp(...)` call in the files under `folders`. */
export function regexUses(root: string, folders: string[]): RegexUse[] {
  const uses: RegexUse[] = [];
  for (const file of folders.flatMap((folder) => filesUnder(root, folder))) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => ({ file: relative(root, join(root, file)), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.getText(source) });
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        uses.push({ ...at(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const patternText = literalText(pattern);
        const flagsText = flags === undefined ? '' : literalText(flags);
        uses.push({ ...at(node), source: patternText, flags: patternText === undefined || flagsText === undefined ? undefined : flagsText });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
