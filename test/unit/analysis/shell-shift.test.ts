import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShell, parseInstructionScript } from '../../../server/src/analysis/shell/index.js';
import { applyEdit, parse } from '../../../server/src/parser/index.js';
import { realDockerfiles } from '../../support/corpus.js';

describe('shell scripts of instructions an edit moved', () => {
  before(() => initShell());

  it('are shifted to exactly what parsing the edited file gives, for every RUN of corpus/real', () => {
    let compared = 0;
    for (const [name, text] of realDockerfiles('real')) {
      const tree = parse(text);
      for (const instruction of tree.instructions) parseInstructionScript(tree, instruction);
      const at = text.indexOf('\n') + 1;
      const edited = applyEdit(tree, { start: at, end: at, text: '# a comment an editor added\n' });
      const fresh = parse(edited.text);
      edited.instructions.forEach((instruction, index) => {
        const shifted = parseInstructionScript(edited, instruction);
        const parsed = parseInstructionScript(fresh, fresh.instructions[index]);
        assert.deepEqual(shifted?.commands, parsed?.commands, `${name}: instruction ${index}`);
        assert.deepEqual(shifted?.errors, parsed?.errors, `${name}: instruction ${index}`);
        if (shifted) compared++;
      });
    }
    assert.ok(compared > 1000, `${compared} scripts compared`);
  });
});
