/** Where each rule's documentation is published: the generated docs/rules.md in the repository. */
const RULES_PAGE = 'https://github.com/layerwise/layerwise/blob/main/docs/rules.md';

export function ruleDocsUrl(ruleId: string): string {
  return ruleId ? `${RULES_PAGE}#${ruleId}` : RULES_PAGE;
}
