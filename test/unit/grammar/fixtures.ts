// Token expectations written under the line they check, as carets and scopes:
//
//   RUN apt-get update \
//   ^^^ keyword.other.instruction.dockerfile
//       ^^^^^^^ source.shell entity.name.command.shell
//                      ^ constant.character.escape.line-continuation.dockerfile -source.shell.foo
//
// A line whose first non-blank character is `^` is an expectation for the
// nearest source line above it; the others are the Dockerfile. Every token
// under the carets must carry each scope listed (or one it prefixes at a dot,
// as theme selectors match), and none of the `-`prefixed ones.
import { hasScope, tokensAt, type TokenizedLine } from './textmate.js';

export interface Expectation {
  /** Index of the source line (in the Dockerfile without expectation lines). */
  line: number;
  start: number;
  end: number;
  scopes: string[];
  absent: string[];
  /** Line number in the fixture file, for messages. */
  fixtureLine: number;
}

const EXPECTATION = /^(\s*)(\^+)\s+(\S.*)$/;

export function parseFixture(text: string): { source: string; expectations: Expectation[] } {
  const sourceLines: string[] = [];
  const expectations: Expectation[] = [];
  text.split('\n').forEach((raw, index) => {
    const match = EXPECTATION.exec(raw);
    if (!match) {
      sourceLines.push(raw);
      return;
    }
    if (sourceLines.length === 0) throw new Error(`fixture line ${index + 1}: an expectation needs a source line above it`);
    const words = match[3].trim().split(/\s+/);
    expectations.push({
      line: sourceLines.length - 1,
      start: match[1].length,
      end: match[1].length + match[2].length,
      scopes: words.filter((word) => !word.startsWith('-')),
      absent: words.filter((word) => word.startsWith('-')).map((word) => word.slice(1)),
      fixtureLine: index + 1,
    });
  });
  return { source: sourceLines.join('\n'), expectations };
}

/** Every expectation that does not hold, described with the tokens actually found. */
export function checkExpectations(lines: TokenizedLine[], expectations: Expectation[]): string[] {
  const failures: string[] = [];
  for (const expectation of expectations) {
    const line = lines[expectation.line];
    const tokens = tokensAt(line, expectation.start, expectation.end);
    const covered = tokens.length > 0 && tokens[0].start <= expectation.start && tokens[tokens.length - 1].end >= expectation.end;
    const wrong = tokens.filter(
      (token) =>
        expectation.scopes.some((scope) => !hasScope(token.scopes, scope)) ||
        expectation.absent.some((scope) => hasScope(token.scopes, scope)),
    );
    if (covered && wrong.length === 0) continue;
    const found = tokens.map((token) => `      ${JSON.stringify(token.text)}: ${token.scopes.join(' ')}`).join('\n');
    failures.push(
      `fixture line ${expectation.fixtureLine}: ${JSON.stringify(line.text.slice(expectation.start, expectation.end))} ` +
        `should have ${[...expectation.scopes, ...expectation.absent.map((scope) => `-${scope}`)].join(' ')}\n${found}`,
    );
  }
  return failures;
}
