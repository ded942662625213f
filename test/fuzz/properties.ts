// The in-process properties every fuzz input must hold: each check throws an
// Error that says which invariant broke, so fast-check can shrink the input.
import { isDeepStrictEqual } from 'node:util';
import { formatEdits, type FormatSettings } from '../../server/src/features/formatting.js';
import { lint, lintReusing, type LintOptions, type LintResult } from '../../server/src/lint/engine.js';
import { applyEdits, fixAll } from '../../server/src/lint/fix.js';
import type { LintMemo } from '../../server/src/lint/memo.js';
import type { Finding, LintSettings, TextEdit } from '../../server/src/lint/types.js';
import { applyEdit, parse, type DockerfileTree } from '../../server/src/parser/index.js';
import { allRules } from '../../server/src/rules/index.js';
import { resolveEdit, type RelativeEdit } from './arbitraries.js';
import { checkSpansInside } from './spans.js';

export class PropertyFailure extends Error {}

function fail(invariant: string, detail = ''): never {
  throw new PropertyFailure(detail ? `${invariant}: ${detail}` : invariant);
}

/** Every rule on, those off by default too, at its own severity. */
export function allRulesOn(settings: LintSettings = {}): LintOptions {
  return { rules: allRules, severities: Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.severity])), settings };
}

export function parseChecked(text: string): DockerfileTree {
  let tree: DockerfileTree;
  try {
    tree = parse(text);
  } catch (error) {
    fail('parse throws', String((error as Error)?.stack ?? error));
  }
  if (tree.text !== text) fail('the tree keeps the text it was given');
  const problem = checkSpansInside(tree, text.length);
  if (problem) fail('every span lies inside the document', problem);
  return tree;
}

/** Each edit of a chain with the text after it and the edits so far (for the failure message). */
function* editChain(text: string, edits: readonly RelativeEdit[]): Generator<{ edit: TextEdit; current: string; applied: TextEdit[] }> {
  let current = text;
  const applied: TextEdit[] = [];
  for (const relative of edits) {
    const edit = resolveEdit(current, relative);
    applied.push(edit);
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    yield { edit, current, applied };
  }
}

/**
 * A chain of edits applied to the tree one by one gives the tree a full parse
 * gives; linting each version with the memo of the lint before (as the server
 * does while typing) finds what a full lint of that fresh parse finds.
 */
export function checkIncremental(tree: DockerfileTree, memo: LintMemo | undefined, options: LintOptions, edits: readonly RelativeEdit[]): void {
  for (const { edit, current, applied } of editChain(tree.text, edits)) {
    try {
      tree = applyEdit(tree, edit);
    } catch (error) {
      fail('applyEdit throws', `${JSON.stringify(applied)}: ${String((error as Error)?.stack ?? error)}`);
    }
    const problem = checkSpansInside(tree, current.length);
    if (problem) fail('every span of an incrementally parsed tree lies inside the document', problem);
    const full = parse(current);
    if (!isDeepStrictEqual(tree, full)) fail('incremental and full parse agree', `after edits ${JSON.stringify(applied)}`);
    const result = lintReusing(tree, options, memo);
    memo = result.memo;
    if (!isDeepStrictEqual(plainFindings(result.findings), plainFindings(lint(full, options)))) fail('incremental and full lint agree', `after edits ${JSON.stringify(applied)}`);
  }
}

/** Findings as data: a rule may report a node's own span object, which carries more than start and end. */
function plainFindings(findings: Finding[]): Finding[] {
  return findings.map((finding) => ({ ...finding, span: { start: finding.span.start, end: finding.span.end } }));
}

/** The lint with the memo the server keeps (a plain `lint` runs for each edit of the chain, in `checkIncremental`). */
export function lintChecked(tree: DockerfileTree, options: LintOptions): LintResult {
  let result: LintResult;
  try {
    result = lintReusing(tree, options);
  } catch (error) {
    fail('lint throws', String((error as Error)?.stack ?? error));
  }
  const { findings } = result;
  const length = tree.text.length;
  for (const finding of findings) {
    const { start, end } = finding.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
      fail('every finding lies inside the document', `${finding.rule} at [${start}, ${end}) of ${length}`);
    }
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= length)) fail('every fix edit lies inside the document', `${finding.rule} (${fix.messageId}) at [${edit.start}, ${edit.end})`);
      }
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].start < sorted[i - 1].end) fail("a fix's edits do not overlap", `${finding.rule} (${fix.messageId})`);
      }
    }
  }
  return result;
}

/** BuildKit's instructions: any other keyword fails the build as surely as a parse error. */
const KNOWN_KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/**
 * What keeps BuildKit from reading a file: parse errors and warnings, and
 * unknown instructions. A fix may trade one for another ("did you mean ENV?"
 * on `E a` gives `ENV a`, which lacks a value), never add one.
 */
export function errorCount(text: string, tree = parse(text)): number {
  let unknown = 0;
  for (const instruction of tree.instructions) {
    if (!KNOWN_KEYWORDS.has(instruction.keyword)) unknown++;
    if (instruction.trigger && !KNOWN_KEYWORDS.has(instruction.trigger.keyword)) unknown++;
  }
  return tree.errors.length + unknown;
}

/** Each fix on its own leaves a file with no more parse errors than before. */
export function checkEachFix(tree: DockerfileTree, findings: readonly Finding[]): void {
  const before = errorCount(tree.text, tree);
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const after = applyEdits(tree.text, fix.edits).text;
      let count: number;
      try {
        count = errorCount(after);
      } catch (error) {
        fail('a fixed file parses', `${finding.rule} (${fix.messageId}): ${String(error)}`);
      }
      if (count > before) {
        fail('a fix adds no parse error', `${finding.rule} (${fix.messageId}): ${before} → ${count} errors; edits ${JSON.stringify(fix.edits)}`);
      }
    }
  }
}

/** Fix-all (every safe fix, repeated) terminates without throwing and adds no parse error. */
export function checkFixAll(tree: DockerfileTree, options: LintOptions): void {
  const { text } = tree;
  let fixed: string;
  try {
    fixed = fixAll(text, options).text;
  } catch (error) {
    fail('fixAll throws', String((error as Error)?.stack ?? error));
  }
  const before = errorCount(text, tree);
  const after = errorCount(fixed);
  if (after > before) fail('fix-all adds no parse error', `${before} → ${after} errors`);
}

const FORMAT_SETTINGS: FormatSettings = { continuationIndent: 4, tabSize: 4 };

function formatOnce(text: string, settings: FormatSettings, tree = parse(text)): string {
  let edits: TextEdit[];
  try {
    edits = formatEdits(tree, settings, 0, text.length);
  } catch (error) {
    fail('formatting throws', String((error as Error)?.stack ?? error));
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let previousEnd = 0;
  for (const edit of sorted) {
    if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) fail('every formatting edit lies inside the document', JSON.stringify(edit));
    if (edit.start < previousEnd) fail('formatting edits do not overlap', JSON.stringify(edit));
    previousEnd = edit.end;
  }
  return applyEdits(text, edits).text;
}

/** Formatting twice gives what formatting once gives. */
export function checkFormatting(tree: DockerfileTree, settings = FORMAT_SETTINGS): void {
  const once = formatOnce(tree.text, settings, tree);
  const twice = formatOnce(once, settings);
  if (twice !== once) fail('formatting is idempotent', `first pass ${JSON.stringify(once)}, second ${JSON.stringify(twice)}`);
}

/** Everything in-process for one input. */
export function checkDocument(text: string, options: LintOptions, edits: readonly RelativeEdit[]): void {
  const tree = parseChecked(text);
  const { findings, memo } = lintChecked(tree, options);
  checkEachFix(tree, findings);
  // Fix-all with no safe fix to apply is one more lint: skipped to keep runs fast.
  if (findings.some((finding) => finding.fixes.some((fix) => fix.safe))) checkFixAll(tree, options);
  checkFormatting(tree);
  checkIncremental(tree, memo, options, edits);
}
