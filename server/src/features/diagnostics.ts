import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../lint/docs-url.js';
import type { Finding, Severity } from '../lint/types.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Findings as LSP diagnostics: the rule id is the code and links to the rule's docs. */
export function toDiagnostics(findings: Finding[], document: TextDocument): Diagnostic[] {
  return findings.map((finding) => ({
    range: { start: document.positionAt(finding.span.start), end: document.positionAt(finding.span.end) },
    severity: SEVERITY[finding.severity],
    code: finding.code ?? finding.rule,
    codeDescription: { href: finding.docsUrl ?? ruleDocsUrl(finding.rule) },
    source: 'layerwise',
    message: finding.message,
  }));
}
