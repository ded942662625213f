import { formatCheckstyle } from './checkstyle.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import type { Formatter } from './model.js';
import { formatSarif } from './sarif.js';
import { formatTty } from './tty.js';

export const FORMATTERS: Record<string, Formatter> = {
  tty: formatTty,
  json: formatJson,
  sarif: formatSarif,
  checkstyle: formatCheckstyle,
  gitlab: formatGitlab,
  github: formatGithub,
};
