import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));

/** Manifest fields VS Code shows to people; each must be a `%key%` so it gets translated. */
const SHOWN = new Set([
  'title',
  'shortTitle',
  'category',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'label',
]);

/** Every string value in the manifest, with its JSON path. */
function strings(value: unknown, path: string[] = []): Array<{ path: string[]; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, [...path, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
}

const PLACEHOLDER = /^%([^%\s]+)%$/;

describe('package.nls.json and package.nls.zh-cn.json', () => {
  const manifest = read('package.json');
  const english = read('package.nls.json') as Record<string, string>;
  const chinese = read('package.nls.zh-cn.json') as Record<string, string>;
  const used = strings(manifest).flatMap(({ value }) => PLACEHOLDER.exec(value)?.[1] ?? []);

  it('define every %key% that package.json uses', () => {
    assert.ok(used.length > 0);
    assert.deepEqual(used.filter((key) => !(key in english)), [], 'missing in package.nls.json');
    assert.deepEqual(used.filter((key) => !(key in chinese)), [], 'missing in package.nls.zh-cn.json');
  });

  it('have the same keys, none of them unused, none empty', () => {
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    assert.deepEqual(Object.keys(english).filter((key) => !used.includes(key)), [], 'keys package.json no longer uses');
    for (const table of [english, chinese]) {
      for (const [key, text] of Object.entries(table)) assert.ok(typeof text === 'string' && text.trim(), `${key} is empty`);
    }
  });

  it('leave no title or description in package.json untranslated', () => {
    const literal = [
      ...strings({ displayName: manifest.displayName, description: manifest.description }),
      ...strings(manifest.contributes, ['contributes']),
    ]
      .filter(({ path }) => path.some((part) => SHOWN.has(part)) || path[0] === 'displayName' || path[0] === 'description')
      .filter(({ value }) => !PLACEHOLDER.test(value));
    assert.deepEqual(literal.map(({ path, value }) => `${path.join('.')}: ${value}`), []);
  });

  it('the extension shows no literal message: runtime strings go through vscode.l10n.t', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    const literal = /\.show(?:Information|Warning|Error)Message\(\s*['"`]|\b(?:title|placeHolder|prompt)\s*:\s*['"`]/;
    const offenders = sources(join(ROOT, 'client', 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (literal.test(line) ? [`${file.slice(ROOT.length + 1)}:${index + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(offenders, []);
  });
});
