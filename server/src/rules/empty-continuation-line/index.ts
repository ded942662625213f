import { defineRule } from '../../lint/define-rule.js';
import { applyEdits } from '../../lint/fix.js';
import type { TextEdit } from '../../lint/types.js';
import { parse, type DockerfileTree, type Instruction, type Span } from '../../parser/index.js';

export default defineRule({
  meta: {
    id: 'empty-continuation-line',
    aliases: [],
    category: 'syntax',
    severity: 'warning',
    fixable: true,
    messages: {
      en: {
        empty: 'Empty line inside a continued instruction; BuildKit skips it for now, but a future version will end the instruction here.',
        removeLines: 'Remove the empty lines',
      },
      'zh-cn': {
        empty: '续行指令中间有空行；BuildKit 目前会跳过它，但以后的版本会在这里结束指令。',
        removeLines: '删除空行',
      },
    },
    docs: {
      en: {
        summary: 'Reports blank lines in the middle of an instruction continued with `\\`.',
        why: 'BuildKit joins the lines around a blank one and warns that this is deprecated: a later syntax will treat the blank line as the end of the instruction, and the lines after it as new instructions. A blank line also hides that the instruction goes on.',
        fix: 'Removes the blank lines. Safe: BuildKit already ignores them.',
      },
      'zh-cn': {
        summary: '报告用 `\\` 续行的指令中间出现的空行。',
        why: 'BuildKit 会把空行两侧的内容拼接起来，但会提示这种写法已被弃用：以后的语法会把空行当作指令的结尾，后面的行会变成新的指令。空行也让人看不出指令还在继续。',
        fix: '删除这些空行。安全：BuildKit 本来就会忽略它们。',
      },
    },
    examples: {
      bad: 'FROM debian:bookworm\nRUN apt-get update && \\\n\n    apt-get install -y curl\n',
      good: 'FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
  },
  create(context) {
    const { text, tree } = context;
    const instructions = tree.instructions;
    let next = 0;
    return {
      end() {
        // The parser marks the first empty line of each instruction; runs of them are found from there.
        for (const error of tree.errors) {
          if (error.code !== 'empty-continuation-line') continue;
          while (next + 1 < instructions.length && instructions[next + 1].start <= error.start) next++;
          for (const run of emptyRuns(text, error.start, argumentsEnd(instructions[next]), tree.escapeChar)) {
            const edit = { ...run, text: '' };
            // Joining the lines around the gap must not make a new problem (a stray U+FEFF line, a heredoc marker).
            const fixes = addsNoParseError(context.tree, edit) ? [{ messageId: 'removeLines' as const, edits: [edit], safe: true }] : [];
            context.report({ span: run, messageId: 'empty', fixes });
          }
        }
      },
    };
  },
});

/** Where the instruction's own lines end: before its heredoc bodies, or at its end. */
function argumentsEnd(instruction: Instruction): number {
  const host = instruction.trigger ?? instruction;
  return host.heredocs.length > 0 ? host.heredocs[0].content.start : Number.MAX_SAFE_INTEGER;
}

/** Runs of blank lines from `from` (a line start) until the first line after `end` that is not blank; each run with its line ends. */
function emptyRuns(text: string, from: number, end: number, escape: string): Span[] {
  const runs: Span[] = [];
  let runStart = -1;
  let line = from;
  while (line < text.length) {
    const newline = text.indexOf('\n', line);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const blank = text.slice(line, lineEnd).trim() === '';
    if (blank && runStart < 0) runStart = line;
    if (!blank) {
      if (runStart >= 0) runs.push({ start: runStart, end: line });
      runStart = -1;
      if (lineEnd > end || !continues(text.slice(line, lineEnd).trim(), escape)) return runs;
    }
    line = lineEnd;
  }
  if (runStart >= 0) runs.push({ start: runStart, end: text.length });
  return runs;
}

/** Whether a non-blank line of a continued instruction goes on: a comment, or a line ending in a single escape. */
function continues(content: string, escape: string): boolean {
  return content.startsWith('#') || (content.endsWith(escape) && !content.endsWith(escape + escape));
}

/**
 * Removing empty lines inside an instruction keeps the same instructions (the
 * same keywords: a line JS calls blank, such as a lone U+FEFF, can start one)
 * and adds no parse error.
 */
function addsNoParseError(tree: DockerfileTree, edit: TextEdit): boolean {
  const after = parse(applyEdits(tree.text, [edit]).text);
  if (after.errors.length > tree.errors.length || after.instructions.length !== tree.instructions.length) return false;
  return after.instructions.every((instruction, index) => instruction.keyword === tree.instructions[index].keyword);
}
