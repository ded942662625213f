import { createHash } from 'node:crypto';
import type { Severity } from '../../lint/types.js';
import { locate, type Formatter } from './model.js';

const LEVEL: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/** GitLab's code-quality report. */
export const formatGitlab: Formatter = (results) =>
  `${JSON.stringify(
    locate(results).map(({ file, line, finding }) => ({
      description: finding.message,
      check_name: finding.rule,
      fingerprint: createHash('md5').update(`${file}:${line}:${finding.rule}:${finding.message}`).digest('hex'),
      severity: LEVEL[finding.severity],
      location: { path: file, lines: { begin: line } },
    })),
    null,
    2,
  )}\n`;
