import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintOptions } from '../lint/engine.js';
import { fixAll } from '../lint/fix.js';
import { indentationAt, lineEndOf } from '../lint/helpers/edits.js';
import type { Finding, Locale, TextEdit } from '../lint/types.js';
import type { DockerfileTree } from '../parser/index.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.layerwise`;

const TITLES: Record<Locale, { fixAllRule: string; ignoreLine: string; ignoreFile: string; fixAll: string }> = {
  en: {
    fixAllRule: 'Fix all {rule} problems in this file',
    ignoreLine: 'Ignore {rule} for this instruction',
    ignoreFile: 'Ignore {rule} in this file',
    fixAll: 'Fix all safely fixable problems',
  },
  'zh-cn': {
    fixAllRule: '修复此文件中所有 {rule} 问题',
    ignoreLine: '在此指令上忽略 {rule}',
    ignoreFile: '在此文件中忽略 {rule}',
    fixAll: '修复所有可安全修复的问题',
  },
};

export interface CodeActionInput {
  params: CodeActionParams;
  document: TextDocument;
  tree: DockerfileTree;
  findings: Finding[];
  options: LintOptions;
  locale: Locale;
}

/** Quick fixes for the findings under the cursor, fix-all per rule, ignore pragmas, and source.fixAll. */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { params, document } = input;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  // Fix-all is a source action: offered only when the client asks for source actions.
  if (only && wants(FIX_ALL_KIND)) {
    const all = fixAllAction(input, TITLES[input.locale].fixAll, () => true, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const under = input.findings.filter((finding) => finding.span.start <= end && start <= finding.span.end);
  for (const finding of under) actions.push(...quickFixes(input, finding));
  return actions;
}

function quickFixes(input: CodeActionInput, finding: Finding): CodeAction[] {
  const { document, params } = input;
  const diagnostic = matchingDiagnostic(params.context.diagnostics, finding, document);
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  const titles = TITLES[input.locale];
  const actions: CodeAction[] = finding.fixes.map((fix, index) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: index === 0 && fix.safe,
    edit: { changes: { [document.uri]: fix.edits.map((edit) => toLspEdit(document, edit)) } },
  }));
  const sameRule = input.findings.filter((other) => other.rule === finding.rule && other.fixes.some((fix) => fix.safe));
  if (sameRule.length > 1) {
    const all = fixAllAction(input, titles.fixAllRule.replace('{rule}', finding.rule), (other) => other.rule === finding.rule, CodeActionKind.QuickFix);
    if (all) actions.push(all);
  }
  actions.push(ignoreAction(input, finding, titles.ignoreLine, 'line'), ignoreAction(input, finding, titles.ignoreFile, 'file'));
  return actions;
}

function matchingDiagnostic(diagnostics: Diagnostic[], finding: Finding, document: TextDocument): Diagnostic | undefined {
  return diagnostics.find(
    (diagnostic) => diagnostic.code === finding.rule && document.offsetAt(diagnostic.range.start) === finding.span.start,
  );
}

/** Applies safe fixes in passes and returns the change as one edit over the region that differs. */
function fixAllAction(input: CodeActionInput, title: string, filter: (finding: Finding) => boolean, kind: string): CodeAction | undefined {
  const text = input.document.getText();
  const result = fixAll(text, input.options, filter);
  if (result.text === text) return undefined;
  return { title, kind, edit: { changes: { [input.document.uri]: [toLspEdit(input.document, minimalEdit(text, result.text))] } } };
}

/** The single edit turning `before` into `after`: their common start and end are kept. */
export function minimalEdit(before: string, after: string): TextEdit {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function ignoreAction(input: CodeActionInput, finding: Finding, template: string, scope: 'line' | 'file'): CodeAction {
  const { document, tree } = input;
  const text = document.getText();
  const eol = lineEndOf(text);
  let edit: TextEdit;
  if (scope === 'line') {
    const instruction = tree.instructions.find((candidate) => candidate.start <= finding.span.start && finding.span.start <= candidate.end);
    const anchor = instruction?.start ?? finding.span.start;
    const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
    edit = { start: lineStart, end: lineStart, text: `${indentationAt(text, anchor)}# layerwise-ignore ${finding.rule}${eol}` };
  } else {
    // After the parser directives, which must stay first.
    const lastDirective = tree.directives[tree.directives.length - 1];
    const at = lastDirective ? text.indexOf('\n', lastDirective.end) + 1 || text.length : tree.bom ? 1 : 0;
    edit = { start: at, end: at, text: `# layerwise-ignore-file ${finding.rule}${eol}` };
  }
  return {
    title: template.replace('{rule}', finding.rule),
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [document.uri]: [toLspEdit(document, edit)] } },
  };
}

function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text };
}
