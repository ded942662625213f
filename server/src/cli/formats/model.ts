import type { Finding, Rule } from '../../lint/types.js';
import type { LineIndex } from '../../parser/index.js';

export interface FileResult {
  path: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface FormatContext {
  rules: readonly Rule[];
  version: string;
  /** Where a rule's documentation lives, for links. */
  docsUrl(ruleId: string): string;
}

export type Formatter = (results: FileResult[], context: FormatContext) => string;

/** A finding with 1-based line and column numbers, as every output format counts them. */
export interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  finding: Finding;
}

export function locate(results: FileResult[]): Located[] {
  return results.flatMap(({ path, lines, findings }) =>
    findings.map((finding) => {
      const start = lines.positionAt(finding.span.start);
      const end = lines.positionAt(finding.span.end);
      return { file: path, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, finding };
    }),
  );
}
