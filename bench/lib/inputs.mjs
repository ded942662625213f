// The texts every section measures: the real-world corpus and the generated large file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateLargeDockerfile } from '../generate-large.mjs';

/** The shared corpus sits beside the repository, as for the tests; LAYERWISE_CORPUS overrides. */
export function corpusRoot(root) {
  const path = process.env.LAYERWISE_CORPUS ?? resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(path)) throw new Error(`corpus not found at ${path}: check out shared/ beside the repository or set LAYERWISE_CORPUS`);
  return path;
}

/** Every Dockerfile of `<corpus>/real/` as `{ name, text, bytes }`, sorted by name (MANIFEST.tsv left out). */
export function loadRealCorpus(root) {
  const folder = join(corpusRoot(root), 'real');
  return readdirSync(folder)
    .filter((name) => !name.endsWith('.tsv') && !name.endsWith('.md'))
    .sort()
    .map((name) => {
      const buffer = readFileSync(join(folder, name));
      return { name, text: buffer.toString('utf8'), bytes: buffer.length };
    });
}

/** The generated large multi-stage Dockerfile, with the figures the reports quote. */
export function loadLargeDockerfile() {
  const text = generateLargeDockerfile();
  return {
    name: 'generated large.Dockerfile',
    text,
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length,
    stages: text.match(/^FROM /gm).length,
  };
}
