import type { Comment, Directive, DockerfileTree, Instruction } from '../parser/index.js';
import { lineEndOf } from './helpers/edits.js';
import type { Finding, Rule } from './types.js';

/** Instructions the reused rules may read beyond their own: changing one re-lints everything. */
const CONTEXT_KEYWORDS: ReadonlySet<string> = new Set(['FROM', 'ARG', 'ENV', 'SHELL', 'ONBUILD']);

/** One rule's finding before suppressions apply (they are re-read on every lint). */
export interface RuleFinding {
  rule: Rule;
  finding: Finding;
}

/** The findings of instruction-scoped rules on one instruction, and where it started when they were made. */
export interface InstructionFindings {
  start: number;
  findings: RuleFinding[];
}

/**
 * What a lint leaves for the next lint of the same document: the parser keeps
 * the nodes of instructions an edit did not touch (shifted in place), so they
 * are found again by identity.
 */
export interface LintMemo {
  options: object;
  directives: Directive[];
  escapeChar: string;
  /** The line end fixes write (lint/helpers/edits.ts lineEndOf): a file's first CRLF changes every such fix. */
  lineEnd: string;
  comments: ReadonlySet<Comment>;
  contextInstructions: number;
  byInstruction: Map<Instruction, InstructionFindings>;
}

export function isContext(instruction: Instruction): boolean {
  return CONTEXT_KEYWORDS.has(instruction.keyword);
}

/**
 * The instructions of `tree` that `memo` knows nothing of, when everything
 * else the reused rules read is unchanged; undefined when a full lint is due.
 */
export function changedSince(memo: LintMemo, tree: DockerfileTree, options: object): Set<Instruction> | undefined {
  if (memo.options !== options || memo.directives !== tree.directives || memo.escapeChar !== tree.escapeChar) return undefined;
  if (memo.lineEnd !== lineEndOf(tree.text)) return undefined;
  if (memo.comments.size !== tree.comments.length || !tree.comments.every((comment) => memo.comments.has(comment))) return undefined;
  const changed = new Set<Instruction>();
  let keptContext = 0;
  for (const instruction of tree.instructions) {
    if (!memo.byInstruction.has(instruction)) {
      if (isContext(instruction)) return undefined;
      changed.add(instruction);
    } else if (isContext(instruction)) keptContext++;
  }
  // Every context instruction of the old tree is still here, none removed.
  return keptContext === memo.contextInstructions ? changed : undefined;
}

/** Findings made when the instruction started at `entry.start`, moved to where it starts now. */
export function relocated(entry: InstructionFindings, start: number): InstructionFindings {
  const delta = start - entry.start;
  if (delta === 0) return entry;
  return { start, findings: entry.findings.map(({ rule, finding }) => ({ rule, finding: shifted(finding, delta) })) };
}

function shifted(finding: Finding, delta: number): Finding {
  return {
    ...finding,
    span: { start: finding.span.start + delta, end: finding.span.end + delta },
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })) })),
  };
}

/** A finding with its own copies of spans: rules may report a node's span, which the parser shifts in place on later edits. */
export function detached(finding: Finding): Finding {
  return shifted(finding, 0);
}
