/** How a keyword is written: all lower case, all upper case, or mixed (`From`). */
export type Casing = 'lower' | 'upper' | 'mixed';

export function casingOf(word: string): Casing {
  if (word === word.toLowerCase()) return 'lower';
  if (word === word.toUpperCase()) return 'upper';
  return 'mixed';
}

export function withCasing(word: string, casing: 'lower' | 'upper'): string {
  return casing === 'lower' ? word.toLowerCase() : word.toUpperCase();
}
