import type { DockerfileTree } from '../../server/src/parser/index.js';

/**
 * Walks every object of a tree and checks each span (an object with numeric
 * `start` and `end`) and each source-map offset: whole numbers, start <= end,
 * inside [0, length]. Returns the first problem with its path, or undefined.
 */
export function checkSpansInside(tree: DockerfileTree, length: number): string | undefined {
  const seen = new Set<object>();
  const visit = (value: unknown, path: string): string | undefined => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = visit(value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' || typeof record.end === 'number') {
      const { start, end } = record as { start: number; end: number };
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
        return `${path} is [${start}, ${end}) in a text of ${length}`;
      }
    }
    if (Array.isArray(record.logical) && Array.isArray(record.source)) {
      const source = record.source as number[];
      if (source.some((offset) => !Number.isInteger(offset) || offset < 0 || offset > length)) return `${path}.source has an offset outside [0, ${length}]`;
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'text') continue;
      const problem = visit(child, `${path}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(tree, 'tree');
}
