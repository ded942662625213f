import type { Severity } from '../../lint/types.js';
import { locate, type Formatter } from './model.js';

const COLOURS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };

function paint(text: string, code: string): string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** `file:line:column severity message [rule/alias]`, then a count. */
export const formatTty: Formatter = (results) => {
  const located = locate(results);
  const lines = located.map(({ file, line, column, finding }) => {
    const codes = [finding.rule, ...finding.aliases].join('/');
    return `${file}:${line}:${column} ${paint(finding.severity, COLOURS[finding.severity])} ${finding.message} ${paint(`[${codes}]`, '2')}`;
  });
  const files = results.length === 1 ? '1 file' : `${results.length} files`;
  const problems = located.length === 1 ? '1 problem' : `${located.length} problems`;
  lines.push(`${problems} in ${files}`);
  return `${lines.join('\n')}\n`;
};
