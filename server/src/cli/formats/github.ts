import type { Severity } from '../../lint/types.js';
import { locate, type Formatter } from './model.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions escapes data and property values differently. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, which annotate the pull request. */
export const formatGithub: Formatter = (results) =>
  locate(results)
    .map(({ file, line, column, endLine, endColumn, finding }) => {
      const properties = [`file=${escapeProperty(file)}`, `line=${line}`, `col=${column}`, `endLine=${endLine}`, `endColumn=${endColumn}`, `title=${escapeProperty(finding.rule)}`];
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    })
    .join('');
