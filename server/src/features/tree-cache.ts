import { VariableResolver } from '../analysis/variables.js';
import type { DockerfileTree } from '../parser/index.js';

/**
 * Analyses of one tree, built on first use and dropped with the tree: every
 * edit makes a new tree, so nothing here can go stale.
 */
const caches = new WeakMap<DockerfileTree, Map<string, unknown>>();

export function memo<T>(tree: DockerfileTree, key: string, compute: () => T): T {
  let cache = caches.get(tree);
  if (!cache) {
    cache = new Map();
    caches.set(tree, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

export function variablesOf(tree: DockerfileTree): VariableResolver {
  return memo(tree, 'variables', () => new VariableResolver(tree));
}
