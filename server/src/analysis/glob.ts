/**
 * Glob matching without regular expressions. A RegExp built from a glob
 * (`*` → `.*`) backtracks to a degree that grows with each `*`, and both the
 * globs and the text come from the user's files. This match resumes only from
 * the last `*`, so it takes at most pattern length × text length steps,
 * however many `*`s there are.
 */

/** A pattern position: `*`, or a test of one character (UTF-16 code unit, as a RegExp without `u` reads it). */
type Token = typeof ANY_RUN | ((char: string) => boolean);

const ANY_RUN = '*';

const anyChar = () => true;
const literal = (expected: string) => (char: string) => char === expected;

/** Whether `text` matches `pattern`, where `*` is any run of characters and every other character stands for itself. */
export function wildcardMatches(pattern: string, text: string): boolean {
  return matchTokens(pattern.split('').map((char) => (char === '*' ? ANY_RUN : literal(char))), text);
}

/**
 * Shell pattern matching (of one path segment): `*` is any run, `?` any one
 * character, `[a-z_]` one of a class and `[!a-z]` one outside it; `^`, `*`
 * and `?` in a class are themselves, and so is a `]` right after `[` or `[!`.
 * A bracket that does not parse (no closing `]`, a range that runs backwards)
 * makes the pattern match only itself.
 */
export function shellPatternMatches(pattern: string, text: string): boolean {
  const tokens = shellTokens(pattern);
  return tokens === undefined ? pattern === text : matchTokens(tokens, text);
}

function shellTokens(pattern: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '[') {
      const bracket = readBracket(pattern, index);
      if (!bracket) return undefined;
      tokens.push(bracket.test);
      index = bracket.end;
    } else {
      tokens.push(char === '*' ? ANY_RUN : char === '?' ? anyChar : literal(char));
      index++;
    }
  }
  return tokens;
}

/** The class whose `[` is at `start`, and the index after its `]`; undefined when it does not close or a range runs backwards. */
function readBracket(pattern: string, start: number): { test: (char: string) => boolean; end: number } | undefined {
  const negated = pattern[start + 1] === '!';
  const ranges: Array<[low: string, high: string]> = [];
  let index = negated ? start + 2 : start + 1;
  for (let first = true; index < pattern.length && (first || pattern[index] !== ']'); first = false) {
    const low = pattern[index];
    const isRange = pattern[index + 1] === '-' && index + 2 < pattern.length && pattern[index + 2] !== ']';
    const high = isRange ? pattern[index + 2] : low;
    if (high < low) return undefined;
    ranges.push([low, high]);
    index += isRange ? 3 : 1;
  }
  if (index >= pattern.length) return undefined;
  const inClass = (char: string) => ranges.some(([low, high]) => low <= char && char <= high);
  return { test: negated ? (char) => !inClass(char) : inClass, end: index + 1 };
}

/** The classic greedy match: on a mismatch, the last `*` takes one more character and the tokens after it start again. */
function matchTokens(tokens: Token[], text: string): boolean {
  let token = 0;
  let char = 0;
  let lastRun = -1;
  let resumeAt = 0;
  while (char < text.length) {
    const current = tokens[token];
    if (current === ANY_RUN) {
      lastRun = token++;
      resumeAt = char;
    } else if (current !== undefined && current(text[char])) {
      token++;
      char++;
    } else if (lastRun >= 0) {
      token = lastRun + 1;
      char = ++resumeAt;
    } else {
      return false;
    }
  }
  while (tokens[token] === ANY_RUN) token++;
  return token === tokens.length;
}
