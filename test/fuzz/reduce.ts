/**
 * Shrinks a failing text further than fast-check can through a mutation's
 * arbitraries: drops chunks of lines, then of characters, while `fails` still
 * holds (halving the chunk size each round, as delta debugging does). Bounded
 * by `budget` calls of `fails`.
 */
export function reduceText(text: string, fails: (candidate: string) => boolean, budget = 3000): string {
  let calls = 0;
  const attempt = (candidate: string) => calls++ < budget && fails(candidate);
  const byPieces = (current: string, split: (text: string) => string[]): string => {
    let pieces = split(current);
    for (let size = Math.max(1, pieces.length >> 1); size >= 1 && calls < budget; size = size === 1 ? 0 : size >> 1) {
      for (let start = 0; start < pieces.length && calls < budget; ) {
        const candidate = [...pieces.slice(0, start), ...pieces.slice(start + size)];
        if (attempt(candidate.join(''))) pieces = candidate;
        else start += size;
      }
    }
    return pieces.join('');
  };
  const lines = (value: string) => value.match(/[^\n]*\n|[^\n]+/g) ?? [];
  return byPieces(byPieces(text, lines), (value) => [...value]);
}
