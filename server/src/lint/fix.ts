import { parse } from '../parser/index.js';
import { lint, type LintOptions } from './engine.js';
import type { Finding, Fix, TextEdit } from './types.js';

/** Applies edits that do not overlap, later ones first; returns the new text and the edits it applied. */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < lastEnd) continue;
    applied.push(edit);
    lastEnd = edit.end;
  }
  let out = text;
  for (let i = applied.length - 1; i >= 0; i--) {
    const edit = applied[i];
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return { text: out, applied };
}

/** The fixes that can be applied together: a fix whose edits touch an earlier chosen one waits for the next pass. */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  // Edits that only touch combine; two inserts at one point would be ordered arbitrarily, so they wait.
  const overlaps = (edit: TextEdit) =>
    taken.some((other) => (edit.start < other.end && other.start < edit.end) || (edit.start === other.start && edit.end === other.end));
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some(overlaps)) continue;
    for (const edit of fix.edits) taken.push(edit);
    chosen.push(fix);
  }
  return chosen;
}

export interface FixResult {
  text: string;
  /** How many fixes were applied over all passes. */
  fixed: number;
  /** What is left after fixing. */
  findings: Finding[];
}

/**
 * Applies the safe fixes (the first of each finding), relints and repeats
 * until nothing more is fixable or 10 passes, since one fix can reveal another.
 */
export function fixAll(text: string, options: LintOptions, filter: (finding: Finding) => boolean = () => true): FixResult {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const findings = lint(parse(current), options);
    const fixes = compatibleFixes(findings.filter(filter).flatMap((finding) => finding.fixes.filter((fix) => fix.safe).slice(0, 1)));
    if (fixes.length === 0) return { text: current, fixed, findings };
    const before = current;
    current = applyEdits(current, fixes.flatMap((fix) => fix.edits)).text;
    if (current === before) return { text: current, fixed, findings };
    fixed += fixes.length;
  }
  return { text: current, fixed, findings: lint(parse(current), options) };
}
