import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, parse, type Instruction } from '../../../server/src/parser/index.js';
import { INSTRUCTION_KEYWORDS } from '../../../syntaxes/dockerfile.grammar.js';
import { realDockerfiles } from '../../support/corpus.js';
import { fastestDuration, hasScope, tokenize, tokensAt, type TokenizedLine } from './textmate.js';

/** A line slower than this (at its fastest of a few runs) means a regex backtracks badly. */
const SLOW_LINE_MS = 100;

/**
 * Files where the RUN-is-shell check is known not to hold, and why. Everything
 * else (keywords, comments, directives, terminators, speed) is still checked.
 */
const KNOWN_GAPS: Record<string, string> = {
  'docker-library__mysql__Dockerfile.oracle':
    'a jq template, not a Dockerfile: on `{{ dnf }} clean all; \\` the shell grammar gives up before the line end, ' +
    'and the unindented comment lines after it leave nothing to tell that the RUN goes on',
};

/** Scopes of the token at an offset of the document. */
function scopesAt(lines: TokenizedLine[], index: LineIndex, offset: number): string[] {
  const { line, character } = index.positionAt(offset);
  return tokensAt(lines[line], character, character + 1)[0]?.scopes ?? [];
}

/** Where the grammar disagrees with the parser on one file. */
function disagreements(name: string, text: string, lines: TokenizedLine[]): string[] {
  const tree = parse(text);
  const index = new LineIndex(text);
  const problems: string[] = [];
  const report = (offset: number, what: string) => {
    const { line, character } = index.positionAt(offset);
    problems.push(`${line + 1}:${character + 1} ${what}: ${JSON.stringify(lines[line].text)} has ${scopesAt(lines, index, offset).slice(1).join(' ')}`);
  };
  for (const directive of tree.directives) {
    if (!hasScope(scopesAt(lines, index, directive.start), 'meta.preprocessor.directive.dockerfile')) report(directive.start, 'directive');
  }
  for (const comment of tree.comments) {
    if (!hasScope(scopesAt(lines, index, comment.start), 'comment')) report(comment.start, 'comment');
  }
  const check = (instruction: Instruction) => {
    const known = (INSTRUCTION_KEYWORDS as readonly string[]).includes(instruction.keyword);
    if (known && !hasScope(scopesAt(lines, index, instruction.keywordToken.start), 'keyword.other.instruction.dockerfile')) {
      report(instruction.keywordToken.start, 'instruction keyword');
    }
    for (const heredoc of instruction.heredocs) {
      if (heredoc.terminator && !hasScope(scopesAt(lines, index, heredoc.terminator.end - 1), 'keyword.control.heredoc-token.dockerfile')) {
        report(heredoc.terminator.start, 'heredoc terminator');
      }
    }
    // Shell-form RUN: every line of its continuation, comment and blank lines aside, is shell.
    if (!(name in KNOWN_GAPS) && instruction.keyword === 'RUN' && !instruction.exec && instruction.heredocs.length === 0 && instruction.args.value.trim()) {
      const first = index.positionAt(instruction.args.start).line;
      const last = index.positionAt(instruction.args.end).line;
      for (let line = first; line <= last; line++) {
        const text = lines[line].text;
        const column = text.search(/\S/);
        if (column < 0 || text[column] === '#') continue;
        const from = line === first ? index.positionAt(instruction.args.start).character : column;
        const token = tokensAt(lines[line], from, from + 1)[0];
        if (!token || !hasScope(token.scopes, 'source.shell')) report(index.lineStart(line) + from, 'RUN line not shell');
      }
    }
  };
  for (const instruction of tree.instructions) {
    check(instruction);
    if (instruction.trigger) check(instruction.trigger);
  }
  return problems;
}

for (const folder of ['real', 'real-extra']) {
  describe(`grammar over every Dockerfile of corpus/${folder}`, () => {
    const files = realDockerfiles(folder);
    it(`tokenizes ${files.length} files with no error, no line over ${SLOW_LINE_MS} ms, and agrees with the parser`, async () => {
      await tokenize('FROM alpine\nRUN echo warm-up'); // compiles the grammar's regexes outside the timing
      const failures: string[] = [];
      for (const [name, text] of files) {
        const lines = await tokenize(text);
        for (const line of lines.filter((candidate) => candidate.duration > SLOW_LINE_MS)) {
          const fastest = await fastestDuration(line);
          if (fastest > SLOW_LINE_MS) failures.push(`${name}: ${fastest.toFixed(0)} ms for ${JSON.stringify(line.text.slice(0, 80))}`);
        }
        for (const problem of disagreements(name, text, lines)) failures.push(`${name}:${problem}`);
      }
      assert.deepEqual(failures, [], `\n${failures.slice(0, 40).join('\n')}${failures.length > 40 ? `\n... ${failures.length - 40} more` : ''}`);
    });
  });
}
