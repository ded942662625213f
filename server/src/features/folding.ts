import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileTree } from '../parser/index.js';
import { memo } from './tree-cache.js';

/** Folds stages, instructions over several lines, heredoc bodies, and runs of comment lines. */
export function foldingRanges(tree: DockerfileTree, document: TextDocument): FoldingRange[] {
  return memo(tree, 'folding', () => {
    const line = (offset: number) => document.positionAt(offset).line;
    const ranges: FoldingRange[] = [];
    for (const stage of tree.stages) {
      const last = stage.instructions[stage.instructions.length - 1];
      if (last && line(last.end) > line(stage.from.start)) ranges.push({ startLine: line(stage.from.start), endLine: line(last.end) });
    }
    for (const instruction of tree.instructions) {
      const startLine = line(instruction.start);
      const endLine = line(instruction.end);
      if (endLine > startLine) ranges.push({ startLine, endLine });
      const host = instruction.trigger ?? instruction;
      for (const heredoc of host.heredocs) {
        // From the line that opens the body to the terminator, unless that is the instruction's own range.
        const bodyStart = line(heredoc.content.start) - 1;
        const bodyEnd = line(heredoc.terminator?.start ?? heredoc.content.end);
        if (bodyEnd > bodyStart && (bodyStart !== startLine || bodyEnd !== endLine)) ranges.push({ startLine: bodyStart, endLine: bodyEnd });
      }
    }
    ranges.push(...commentRuns(tree, line));
    return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  });
}

/** Runs of two or more consecutive comment (or directive) lines. */
function commentRuns(tree: DockerfileTree, line: (offset: number) => number): FoldingRange[] {
  const lines = [...tree.directives, ...tree.comments.filter((comment) => !comment.inContinuation)].map((span) => line(span.start)).sort((a, b) => a - b);
  const ranges: FoldingRange[] = [];
  let start = 0;
  for (let index = 1; index <= lines.length; index++) {
    if (index < lines.length && lines[index] === lines[index - 1] + 1) continue;
    if (lines[index - 1] > lines[start]) ranges.push({ startLine: lines[start], endLine: lines[index - 1], kind: FoldingRangeKind.Comment });
    start = index;
  }
  return ranges;
}
