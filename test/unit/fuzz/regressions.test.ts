// Inputs the fuzzer (npm run fuzz) found breaking an invariant, each kept as a
// row: the in-process properties of test/fuzz/properties.ts must hold on it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintSettings } from '../../../server/src/lint/types.js';
import type { RelativeEdit } from '../../fuzz/arbitraries.js';
import { failureOf } from '../../fuzz/in-process.js';

interface Regression {
  text: string;
  settings?: LintSettings;
  /** Edits at fractions of the text's length, as the fuzzer draws them. */
  edits?: RelativeEdit[];
  /** What broke, and where it was fixed. */
  broke: string;
}

const NO_EDIT: RelativeEdit[] = [{ at: 0, length: 0, text: '' }];
const insertAfterFirst = (text: string, inserted: string): RelativeEdit[] => [{ at: 1 / (text.length + 1), length: 0, text: inserted }];

const REGRESSIONS: Regression[] = [
  {
    text: 'FROM alpine\nCOPY a b\n',
    settings: { dockerignore: '!\n[\n\\\n' },
    broke: 'lint threw: copy-ignored-file compiled the .dockerignore pattern `[` into an invalid RegExp (the rule now skips patterns that do not compile)',
  },
  {
    text: '\uFEFFfrom \n',
    edits: insertAfterFirst('\uFEFFfrom \n', '\\'),
    broke: 'incremental parse read the byte-order mark as part of the first line (parser/incremental.ts: reparse from after the BOM)',
  },
  {
    text: ' FROM \nRUN a\n',
    edits: insertAfterFirst(' FROM \nRUN a\n', '# escape=`\n'),
    broke: 'incremental parse took a directive inserted before the first instruction (on its line) for a comment (parser/incremental.ts: such edits reparse the file)',
  },
  {
    text: 'ADD <<EOF <<EOF\nEOF\nEOF',
    broke: 'copy-destination-not-folder added `/` to a heredoc marker taken for the destination (analysis/copy.ts: a heredoc marker is never the destination)',
  },
  {
    text: 'copy a t <<',
    broke: 'copy-destination-not-folder turned the destination `<<` into the heredoc marker `<</` (the rule offers no fix there)',
  },
  {
    text: 'n = t `',
    broke: 'unknown-instruction offered `ENV = t`, which does not parse (the rule offers the rename only when it parses)',
  },
  {
    text: '#escape=`\nmaintainer\r" ]',
    broke: 'maintainer-deprecated quoted the LABEL value with JSON escapes, wrong under `# escape=`` (the rule escapes with the file\'s escape character)',
  },
  { text: 'LABEL ]  ]', broke: 'legacy-key-value-format rewrote a pair that does not read back as KEY=value (the rule now checks its rewrite by parsing it)' },
  { text: 'LABEL " t `', broke: 'legacy-key-value-format: a key that is a quote' },
  { text: 'LABEL " " p', broke: 'legacy-key-value-format: a quoted blank key' },
  { text: 'ENV r  "', broke: 'legacy-key-value-format: an unterminated quote in the value' },
  {
    text: '<EOF \nEOF\nFROM a AS build\nFROM b AS build\n',
    edits: [{ at: 0, length: 0, text: '\\' }, { at: 2 / 41, length: 0, text: '\n' }],
    broke: 'incremental lint reused duplicate-stage-name\'s message, which names the line of the first stage, after an edit above moved it (the rule is no longer instruction-scoped)',
  },
  {
    text: 'RUN\t|a\nO',
    edits: [{ at: 1, length: 0, text: 'COPY \r\n' }],
    broke: 'incremental lint reused a pipefail fix that wrote `\\n` after the edit brought the first CRLF, and with it CRLF fixes (lint/memo.ts: a change of line end is a full lint)',
  },
  { text: 'ENV " " \\ \\', broke: 'legacy-key-value-format: the rewrite read alone had no error, but in place the line ends in an escape that joins what follows (the rule now reads its rewrite in place)' },
  {
    text: '#hadolint ignore=DL3008,DL3009\n#escape=`\nfrom  \\\n apt-get\n',
    settings: { disableIgnorePragma: true },
    broke: 'disabled-ignore-pragma removed the first comment line, which made `#escape=`` below it a directive (the rule offers no removal that changes the directives)',
  },
  { text: 'FRO \r   \n', broke: 'formatting was not idempotent around a lone CR: blanks before it were left for the second pass (features/formatting.ts trims blanks on both sides of it)' },
  { text: 'FROM \\  \r ', broke: 'formatting: blanks after an escape and a lone CR' },
  {
    text: '\uFEFFRUN |* \\\n \n',
    broke: 'pipe-without-pipefail inserted SHELL before the byte-order mark (the rule inserts after the BOM and after any parser directive)',
  },
  {
    text: "COPY <<EOF <<'x y' \nEOF\nx y\n",
    broke: "copy-destination-not-folder took the second word of the marker <<'x y' for the destination (analysis/copy.ts: words inside a marker are not arguments)",
  },
  {
    text: 'WORKDIR [#- \nRUN \'\'&curl -o "L"&rm -',
    broke: 'lint threw: analysis/filesystem-effects.ts made an invalid RegExp of the glob `[#- ` (such a segment now matches only itself; the pattern cache is bounded)',
  },
  { text: 'ADD <<EOF <<EOF 3<<\nEOF\nEOF', broke: 'copy-destination-not-folder turned the destination `3<<` into a heredoc marker' },
  {
    text: '# syntax=docker/dockerfile:1\n',
    edits: [{ at: 0, length: 8, text: 'ARG  \\\n \n' }],
    broke: 'parser: the empty key of `=value` after a continuation ended on the previous line, before it started (parser/instruction.ts)',
  },
  { text: 'M \\\n\r\r', broke: 'formatting indented a line of lone CRs, and the second pass took the indent away (features/formatting.ts: such a line is blank)' },
  { text: '#escape= \t\nFROM a\n', broke: 'parser/directives.ts: a directive value of blanks (the pattern that read directives backtracked cubically; values are now trimmed in code, same results)' },
  { text: 'M\\\r \nRUN <<E\n\t', broke: 'formatting trimmed the blank after `\\\r`, which made the escape a line continuation (lines with a lone CR at the end keep their blanks)' },
  { text: 'M\\\n\n\uFEFF\nrun <<""\nF\nF\nO', broke: 'empty-continuation-line: removing the gap joined a U+FEFF line into the instruction (the rule offers the removal only when it adds no parse error)' },
  {
    text: 'FROM alpine\nCOPY n /\n',
    settings: { dockerignore: '!#(\n' },
    broke: 'lint threw: copy-ignored-file checked `#(` alone, which the matcher reads as a comment, but `!#(` compiled to an invalid RegExp',
  },
  { text: ' \uFEFF \\', broke: 'formatting removed the indentation before a U+FEFF, which then read as a byte-order mark (features/formatting.ts keeps it)' },
  {
    text: 'FROM  \\\n\n  \\\n\n \uFEFF\n\nRUN <<EOF \nEOF\n',
    edits: [{ at: 0, length: 0, text: 'FROM \n' }],
    broke: 'empty-continuation-line: removing the blank lines (a lone U+FEFF line among them) kept the instruction and error counts but turned RUN into an unknown instruction (the rule now also keeps every keyword)',
  },
  {
    text: '# syntax=docker/dockerfile:1\rFROM  \\\n \u2028 \t\\\n    \\\n \n',
    broke: 'formatting edits overlapped: an instruction that starts at its escape after a U+2028 (whitespace to BuildKit, not to the formatter) had the blanks before it both removed and resized to align the escape (features/formatting.ts leaves blanks before the start to the first edit)',
  },
  { text: 'ARG \\\\\nFROM $B\\\n-', broke: 'undefined-arg-in-from suggested the ARG name `\\\\`, which no variable reference can spell (the rule suggests only valid names)' },
];

describe('fuzz regressions: the in-process properties hold on every input the fuzzer once broke', () => {
  for (const regression of REGRESSIONS) {
    it(`${JSON.stringify(regression.text)}: ${regression.broke.split(' (')[0]}`, () => {
      assert.equal(failureOf(regression.text, regression.settings ?? {}, regression.edits ?? NO_EDIT), undefined);
    });
  }
});
