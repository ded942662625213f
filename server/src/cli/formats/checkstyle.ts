import type { Severity } from '../../lint/types.js';
import { locate, type Formatter } from './model.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Checkstyle XML, which many CI systems read. */
export const formatCheckstyle: Formatter = (results) => {
  const located = locate(results);
  const files = results.map(({ path }) => {
    const errors = located
      .filter((item) => item.file === path)
      .map(({ line, column, finding }) =>
        `    <error line="${line}" column="${column}" severity="${LEVEL[finding.severity]}" message="${escapeXml(finding.message)}" source="layerwise.${escapeXml(finding.rule)}"/>`,
      );
    return [`  <file name="${escapeXml(path)}">`, ...errors, '  </file>'].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n${files.join('\n')}\n</checkstyle>\n`;
};
