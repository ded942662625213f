/**
 * The candidate closest to `name`, for "did you mean" hints: an edit distance
 * under 3, as BuildKit's hints; none when `name` is itself a candidate.
 * Case-sensitive, as variable and ARG names are.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate === name) return undefined;
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** As `closestName`, comparing without case (keywords, flags); returns the candidate as it is written. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const byLower = new Map<string, string>();
  for (const candidate of candidates) byLower.set(candidate.toLowerCase(), candidate);
  const match = closestName(word.toLowerCase(), byLower.keys());
  return match === undefined ? undefined : byLower.get(match);
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot stay under it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
