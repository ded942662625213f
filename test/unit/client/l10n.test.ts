import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');

/** Every string literal passed to vscode.l10n.t in client/src, as the runtime sees it. */
function l10nKeys(): Map<string, string> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
  const call = /l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;
  const keys = new Map<string, string>();
  for (const file of files(join(ROOT, 'client', 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      const literal = match[1];
      const value = literal.startsWith('"') ? (JSON.parse(literal) as string) : literal.slice(1, -1).replace(/\\(.)/g, '$1');
      keys.set(value, file.slice(ROOT.length + 1));
    }
  }
  return keys;
}

describe('l10n bundle (runtime messages)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const chinese = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const keys = l10nKeys();

  it('is where package.json says', () => {
    assert.equal(manifest.l10n, './l10n');
  });

  it('translates every vscode.l10n.t message of client/src, and nothing else', () => {
    assert.ok(keys.size > 20);
    assert.deepEqual([...keys].filter(([key]) => !(key in chinese)).map(([key, file]) => `${file}: ${key}`), [], 'missing in l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(chinese).filter((key) => !keys.has(key)), [], 'no longer used');
  });

  it('keeps every {N} placeholder in the translation', () => {
    for (const [key, text] of Object.entries(chinese)) {
      const placeholders = (value: string) => [...value.matchAll(/\{(\d+)\}/g)].map((match) => match[1]).sort();
      assert.deepEqual(placeholders(text), placeholders(key), key);
    }
  });
});
