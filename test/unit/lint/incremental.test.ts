import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initShell } from '../../../server/src/analysis/shell/index.js';
import { lint, lintReusing, type LintOptions } from '../../../server/src/lint/engine.js';
import type { LintMemo } from '../../../server/src/lint/memo.js';
import type { Finding, Rule } from '../../../server/src/lint/types.js';
import { applyEdit, parse, type DockerfileTree, type TextEdit } from '../../../server/src/parser/index.js';
import { allRules } from '../../../server/src/rules/index.js';
import { realDockerfiles } from '../../support/corpus.js';
import { seededRandom as random } from '../../support/seeded-random.js';

// Typing (most edits), and fragments that change structure or what the reused rules read: stages, variables, shells, pragmas.
const TYPED = ['x', ' ', '-', '1', '"', '$', '\\'];
const FRAGMENTS = ['\\\n', '\n', '# c\n', 'RUN a\n', 'FROM b AS c\n', 'ARG A=1\n', 'ENV B=2\n', 'SHELL ["pwsh", "-c"]\n', '# hadolint ignore=DL3008\n', '<<EOF', '\nEOF\n', '${A:-', '}', 'ONBUILD ', '--mount=type=cache '];

function randomEdit(tree: DockerfileTree, next: () => number): TextEdit {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  if (next() < 0.7 && tree.instructions.length > 0) {
    const instruction = pick(tree.instructions);
    const start = instruction.args.start + Math.floor(next() * (instruction.args.end - instruction.args.start + 1));
    return next() < 0.5 ? { start, end: start, text: pick(TYPED) } : { start, end: Math.min(instruction.args.end, start + 1), text: '' };
  }
  const start = Math.floor(next() * (tree.text.length + 1));
  return { start, end: Math.min(tree.text.length, start + Math.floor(next() * 8)), text: pick(FRAGMENTS) };
}

/** Every rule on at its own severity, off-by-default ones too; ShellCheck (an external program) aside. */
const EVERY_RULE: LintOptions = {
  rules: allRules.filter((rule) => !rule.meta.external),
  severities: Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.severity])),
};

/** Findings as plain data: rules may report a node's own span object, which carries more than start and end. */
const plain = (findings: Finding[]) => findings.map((finding) => ({ ...finding, span: { start: finding.span.start, end: finding.span.end } }));

describe('incremental lint', () => {
  it('finds exactly what a full lint finds after chains of random edits over the real corpus', async () => {
    await initShell();
    const next = random(20261124);
    let lints = 0;
    for (const [name, original] of realDockerfiles('real')) {
      let tree = parse(original);
      let memo: LintMemo | undefined = lintReusing(tree, EVERY_RULE).memo;
      for (let step = 0; step < 3; step++) {
        tree = applyEdit(tree, randomEdit(tree, next));
        // Now and then two edits come before a lint.
        if (next() < 0.2) continue;
        const result = lintReusing(tree, EVERY_RULE, memo);
        assert.deepStrictEqual(plain(result.findings), plain(lint(parse(tree.text), EVERY_RULE)), `${name}, edit ${step}:\n${tree.text}`);
        memo = result.memo;
        lints++;
      }
    }
    assert.ok(lints > 600);
  });

  it('visits only the edited instruction with instruction-scoped rules, and moves the findings of the others', () => {
    const visited: string[] = [];
    const runCd = allRules.find((rule) => rule.meta.id === 'run-cd')!;
    const spy: Rule = { ...runCd, create: (context) => ({ RUN: (instruction) => {
      visited.push(instruction.args.value);
      if (instruction.args.value.startsWith('cd')) context.report({ span: instruction.args, messageId: Object.keys(runCd.meta.messages.en)[0] });
    } }) };
    const options: LintOptions = { rules: [spy] };
    const text = 'FROM a\nRUN one\nRUN two\nRUN cd three\n';
    const tree = parse(text);
    const first = lintReusing(tree, options);
    assert.deepEqual(visited, ['one', 'two', 'cd three']);
    visited.length = 0;
    const at = text.indexOf('two');
    const edited = lintReusing(applyEdit(tree, { start: at, end: at, text: 'x' }), options, first.memo);
    assert.deepEqual(visited, ['xtwo']);
    assert.deepEqual(edited.findings.map((finding) => finding.span.start), [text.indexOf('cd three') + 1], 'the finding on `cd three` moved with it');
  });

  it('lints in full when an edit changes what the reused rules read (a SHELL here)', () => {
    const visited: string[] = [];
    const runCd = allRules.find((rule) => rule.meta.id === 'run-cd')!;
    const spy: Rule = { ...runCd, create: () => ({ RUN: (instruction) => void visited.push(instruction.args.value) }) };
    const options: LintOptions = { rules: [spy] };
    const text = 'FROM a\nRUN one\nSHELL ["sh", "-c"]\nRUN two\n';
    const tree = parse(text);
    const first = lintReusing(tree, options);
    visited.length = 0;
    const at = text.indexOf('"sh"');
    lintReusing(applyEdit(tree, { start: at, end: at + 4, text: '"bash"' }), options, first.memo);
    assert.deepEqual(visited, ['one', 'two']);
  });
});
