import { locate, type Formatter } from './model.js';

/** One array of flat objects with exactly the documented keys. */
export const formatJson: Formatter = (results) =>
  `${JSON.stringify(
    locate(results).map(({ file, line, column, endLine, endColumn, finding }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      rule: finding.rule,
      aliases: finding.aliases,
      severity: finding.severity,
      message: finding.message,
      fixable: finding.fixes.some((fix) => fix.safe),
    })),
    null,
    2,
  )}\n`;
