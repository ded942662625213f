import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type DockerfileTree, type Instruction, type Span } from '../../../server/src/parser/index.js';
import { realDockerfiles } from '../../support/corpus.js';
import { logicalText } from '../../support/tree-text.js';

function assertInside(tree: DockerfileTree, span: Span, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= tree.text.length, `${what} ${span.start}-${span.end} lies inside the text`);
}

/** Every node's source text is exactly what the node holds. */
function checkInstruction(tree: DockerfileTree, instruction: Instruction): void {
  const text = tree.text;
  const under = (span: Span) => logicalText(text, instruction, span);
  assertInside(tree, instruction, 'instruction');
  assert.equal(text.slice(instruction.keywordToken.start, instruction.keywordToken.end), instruction.keywordToken.value);
  assert.equal(under(instruction.args), instruction.args.value);
  for (const word of instruction.words) assert.equal(under(word), word.value, 'word');
  for (const flag of instruction.flags) {
    assert.ok(under(flag).startsWith('--'), 'a flag starts with --');
    for (const option of flag.options ?? []) assert.ok(under(option).startsWith(under(option.key)), 'option key');
  }
  for (const pair of instruction.pairs ?? []) {
    assert.equal(under(pair.key), pair.key.value, 'pair key');
    if (pair.value) assert.equal(under(pair.value), pair.value.value, 'pair value');
  }
  for (const element of instruction.exec?.elements ?? []) {
    assert.equal(JSON.parse(under(element)), element.value, 'exec element');
  }
  for (const heredoc of instruction.heredocs) {
    assert.equal(text.slice(heredoc.content.start, heredoc.content.end), heredoc.content.value, 'heredoc body');
    if (heredoc.terminator) assert.ok(text.slice(heredoc.terminator.start, heredoc.terminator.end).endsWith(heredoc.name));
  }
  for (const variable of instruction.variables) {
    assertInside(tree, variable, 'variable');
    assert.equal(text.slice(variable.nameSpan.start, variable.nameSpan.end), variable.name, 'variable name');
    assert.equal(text[variable.start], '$', 'a variable starts with $');
  }
  if (instruction.trigger) checkInstruction(tree, instruction.trigger);
}

describe('real-world Dockerfiles', () => {
  for (const folder of ['real', 'real-extra']) {
    const files = realDockerfiles(folder);
    it(`parses all ${files.length} files of ${folder}/ with exact spans`, () => {
      assert.ok(files.length > 250);
      for (const [name, text] of files) {
        const tree = parse(text);
        try {
          assert.ok(tree.instructions.length > 0, 'has instructions');
          let previousEnd = 0;
          for (const instruction of tree.instructions) {
            assert.ok(instruction.start >= previousEnd, 'instructions do not overlap');
            previousEnd = instruction.end;
            checkInstruction(tree, instruction);
          }
          for (const directive of tree.directives) {
            assert.equal(text.slice(directive.value.start, directive.value.end), directive.value.value);
          }
          for (const comment of tree.comments) assert.equal(text[comment.start], '#');
          for (const error of tree.errors) assertInside(tree, error, 'error');
        } catch (error) {
          (error as Error).message = `${name}: ${(error as Error).message}`;
          throw error;
        }
      }
    });
  }
});
