import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse, type Instruction } from '../../../server/src/parser/index.js';
import {
  initShell,
  parseInstructionScript,
  parseShell,
  shellScriptOf,
  type ShellScript,
  type ShellWord,
} from '../../../server/src/analysis/shell/index.js';
import { realDockerfiles } from '../../support/corpus.js';

function wordsOf(script: ShellScript): ShellWord[] {
  return script.commands.flatMap((command) => [
    command.nameWord,
    ...command.args,
    ...command.wrappers,
    ...command.redirects.flatMap((redirect) => (redirect.target ? [redirect.target] : [])),
    ...command.assignments.flatMap((assignment) => (assignment.value ? [assignment.value] : [])),
  ]);
}

const isRun = (instruction: Instruction) => (instruction.trigger ?? instruction).keyword === 'RUN';

before(() => initShell());

for (const folder of ['real', 'real-extra']) {
  describe(`shell: every RUN of corpus/${folder}`, () => {
    const files = realDockerfiles(folder);
    const totals = { scripts: 0, heredocScripts: 0, withErrors: 0, words: 0 };

    it('parses without throwing, and every word slices the document to its raw text', () => {
      for (const [name, text] of files) {
        const tree = parse(text);
        for (const instruction of tree.instructions.filter(isRun)) {
          // With /bin/sh assumed, PowerShell and cmd scripts go through the parser too: they must not throw.
          const source = shellScriptOf(instruction, { document: text });
          if (!source) continue;
          const script = parseShell(source);
          for (const word of wordsOf(script)) {
            assert.equal(text.slice(word.start, word.end), word.raw, `${name}: ${JSON.stringify(word.raw)}`);
          }
        }
      }
    });

    it('reads scripts with the SHELL in effect, with few syntax errors', () => {
      for (const [, text] of files) {
        const tree = parse(text);
        for (const instruction of tree.instructions.filter(isRun)) {
          const script = parseInstructionScript(tree, instruction);
          if (!script) continue;
          totals.scripts++;
          if (script.source.origin === 'heredoc-script') totals.heredocScripts++;
          if (script.hasErrors) totals.withErrors++;
          totals.words += wordsOf(script).length;
        }
      }
      assert.ok(totals.scripts > 1000, `${totals.scripts} scripts`);
      assert.ok(totals.heredocScripts > 0, 'heredoc RUNs are read as scripts');
      // Errors left are real: Go templates ({{ }}) and Windows cmd scripts without a SHELL line.
      assert.ok(totals.withErrors / totals.scripts < 0.015, `${totals.withErrors} of ${totals.scripts} scripts have syntax errors`);
    });
  });
}
