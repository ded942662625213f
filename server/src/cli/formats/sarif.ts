import type { Severity } from '../../lint/types.js';
import { locate, type Formatter } from './model.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, the rules that were found with their help links, a result per finding. */
export const formatSarif: Formatter = (results, context) => {
  const located = locate(results);
  const usedIds = [...new Set(located.map(({ finding }) => finding.rule))].sort();
  const rules = usedIds.map((id) => context.rules.find((rule) => rule.meta.id === id)!);
  const index = new Map(usedIds.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'layerwise',
            version: context.version,
            informationUri: context.docsUrl(''),
            rules: rules.map(({ meta }) => ({
              id: meta.id,
              shortDescription: { text: meta.docs.en.summary },
              fullDescription: { text: meta.docs.en.why },
              helpUri: context.docsUrl(meta.id),
              help: { text: meta.docs.en.fix ?? meta.docs.en.summary },
              defaultConfiguration: { level: LEVEL[meta.severity] },
              properties: { tags: [meta.category, ...meta.aliases] },
            })),
          },
        },
        results: located.map(({ file, line, column, endLine, endColumn, finding }) => ({
          ruleId: finding.rule,
          ruleIndex: index.get(finding.rule),
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file.split('\\').join('/') },
                region: { startLine: line, startColumn: column, endLine, endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
