import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared test corpus sits beside the repository (`../shared/corpus`); LAYERWISE_CORPUS overrides. */
export const CORPUS = process.env.LAYERWISE_CORPUS ?? resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

if (!existsSync(CORPUS)) {
  throw new Error(`test corpus not found at ${CORPUS}: check out shared/ beside the repository or set LAYERWISE_CORPUS`);
}

export function corpusPath(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

export function readCorpus(...parts: string[]): string {
  return readFileSync(corpusPath(...parts), 'utf8');
}

/** Every real-world Dockerfile of `real/` (or another folder), as [name, text]. */
export function realDockerfiles(folder = 'real'): Array<[string, string]> {
  return readdirSync(corpusPath(folder))
    .filter((name) => !name.endsWith('.tsv') && !name.endsWith('.md'))
    .sort()
    .map((name) => [name, readCorpus(folder, name)]);
}
