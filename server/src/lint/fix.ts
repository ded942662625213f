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
  // Pieces joined once: rebuilding the text per edit was quadratic (24,000 fixes in a 300 KB file took seconds).
  const pieces: string[] = [];
  let position = 0;
  for (const edit of applied) {
    pieces.push(text.slice(position, edit.start), edit.text);
    position = edit.end;
  }
  pieces.push(text.slice(position));
  return { text: pieces.join(''), applied };
}

/** The fixes that can be applied together: a fix whose edits touch an earlier chosen one waits for the next pass. */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const taken = new TakenEdits();
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.overlaps(edit))) continue;
    for (const edit of fix.edits) taken.add(edit);
    chosen.push(fix);
  }
  return chosen;
}

/**
 * Chosen edits, which never overlap, kept in order so a new edit is checked
 * against its few neighbours: checking every chosen edit was quadratic.
 * Ordered by start, they are ordered by end too.
 */
class TakenEdits {
  private readonly edits: TextEdit[] = [];

  /** Edits that only touch combine; two inserts at one point would be ordered arbitrarily, so they overlap. */
  overlaps(edit: TextEdit): boolean {
    for (let index = this.firstEndingAtOrAfter(edit.start); index < this.edits.length; index++) {
      const other = this.edits[index];
      if (other.start > edit.end) break;
      if ((edit.start < other.end && other.start < edit.end) || (edit.start === other.start && edit.end === other.end)) return true;
    }
    return false;
  }

  add(edit: TextEdit): void {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.edits[middle];
      if (other.start < edit.start || (other.start === edit.start && other.end <= edit.end)) low = middle + 1;
      else high = middle;
    }
    this.edits.splice(low, 0, edit);
  }

  private firstEndingAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.edits[middle].end < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
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
