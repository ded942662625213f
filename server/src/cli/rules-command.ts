import { ruleDocsUrl } from '../lint/docs-url.js';
import { allRules } from '../rules/index.js';
import { lastValue, parseOptions } from './input.js';

/** `layerwise rules [--format text|json]`: the catalogue, from the rule modules. */
export function rulesCommand(args: string[]): number {
  const parsed = parseOptions(args, { values: ['format', 'locale'], switches: [] });
  const format = lastValue(parsed, 'format') ?? 'text';
  const locale = lastValue(parsed, 'locale') === 'zh-cn' ? 'zh-cn' : 'en';
  if (parsed.error || (format !== 'text' && format !== 'json')) {
    process.stderr.write(`layerwise rules: ${parsed.error ?? `unknown format '${format}'`}\n`);
    return 2;
  }
  const rows = allRules.map(({ meta }) => ({
    id: meta.id,
    aliases: meta.aliases,
    category: meta.category,
    severity: meta.severity,
    fixable: Boolean(meta.fixable),
    summary: meta.docs[locale].summary,
    docs: ruleDocsUrl(meta.id),
  }));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    const aliases = row.aliases.length ? ` (${row.aliases.join(', ')})` : '';
    process.stdout.write(`${row.id.padEnd(width)}  ${row.severity.padEnd(7)} ${row.fixable ? 'fix' : '   '}  ${row.summary}${aliases}\n`);
  }
  return 0;
}
