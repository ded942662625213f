import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatEdits, type FormatSettings } from '../../../server/src/features/formatting.js';
import type { TextEdit } from '../../../server/src/lint/types.js';
import { parse, type DockerfileTree, type Instruction } from '../../../server/src/parser/index.js';
import { realDockerfiles } from '../../support/corpus.js';

const SETTINGS: FormatSettings = { continuationIndent: 4, tabSize: 4 };

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    assert.ok(edit.start >= pos, `edits overlap at ${edit.start}`);
    out += text.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return out + text.slice(pos);
}

export function format(text: string, settings = SETTINGS): string {
  return applyEdits(text, formatEdits(parse(text), settings, 0, text.length));
}

/** What BuildKit reads of each instruction, whitespace runs outside heredoc bodies made one space. */
export function reading(tree: DockerfileTree): string[] {
  const describe = (instruction: Instruction): string => [
    instruction.keyword,
    ...instruction.flags.map((flag) => flag.raw),
    instruction.args.value.replace(/\s+/g, ' '),
    ...instruction.heredocs.map((heredoc) => heredoc.content.value),
    instruction.trigger ? describe(instruction.trigger) : '',
  ].join('|');
  return tree.instructions.map(describe);
}

describe('formatting: every real Dockerfile of the corpus', () => {
  for (const folder of ['real', 'real-extra']) {
    it(`${folder}: the second pass changes nothing, and BuildKit reads the same instructions`, () => {
      const failures: string[] = [];
      let changed = 0;
      const files = realDockerfiles(folder);
      for (const [name, text] of files) {
        const once = format(text);
        if (once !== text) changed++;
        const twice = format(once);
        if (twice !== once) failures.push(`${name}: not idempotent`);
        const before = reading(parse(text));
        const after = reading(parse(once));
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          const index = before.findIndex((line, i) => line !== after[i]);
          failures.push(`${name}: instruction ${index} reads differently:\n  ${before[index]}\n  ${after[index]}`);
        }
      }
      assert.deepEqual(failures.slice(0, 10), []);
      assert.ok(changed > 0, 'some files need formatting');
    });
  }
});

describe('formatting: one instruction of 200,000 continuation lines', () => {
  it('reindents every line (the smallest indent was found by spreading the lines into Math.min, which overflowed the stack)', () => {
    const text = `FROM alpine\nRUN true${' \\\n  && echo line'.repeat(200_000)}\n`;
    const formatted = format(text);
    assert.equal(formatted, `FROM alpine\nRUN true${' \\\n    && echo line'.repeat(200_000)}\n`);
  });
});
