import { isDockerHub, splitReference } from '../analysis/image-reference.js';
import type { Rule } from '../lint/types.js';
import { allRules } from '../rules/index.js';

/** Registries whose image pages have a stable address, from the repository path. */
const PAGES: Record<string, (repository: string) => string> = {
  'quay.io': (repository) => `https://quay.io/repository/${repository}`,
  'mcr.microsoft.com': (repository) => `https://mcr.microsoft.com/artifact/mar/${repository}`,
  'public.ecr.aws': (repository) => `https://gallery.ecr.aws/${repository}`,
};

/** The web page of an image in its registry; undefined for `scratch`, unexpanded variables and registries without such pages. */
export function registryPage(image: string): string | undefined {
  if (image === '' || image.includes('$') || image.toLowerCase() === 'scratch') return undefined;
  const reference = splitReference(image);
  const repository = reference.path.toLowerCase();
  if (isDockerHub(reference)) {
    const official = repository.startsWith('library/') ? repository.slice('library/'.length) : repository;
    return official.includes('/') ? `https://hub.docker.com/r/${official}` : `https://hub.docker.com/_/${official}`;
  }
  const page = PAGES[reference.domain!.toLowerCase()];
  return page?.(repository);
}

let byName: Map<string, Rule> | undefined;

/** A rule by its id or any alias (DL3008, JSONArgsRecommended), case-insensitively. */
export function ruleNamed(name: string): Rule | undefined {
  if (!byName) {
    byName = new Map();
    for (const rule of allRules) {
      for (const alias of rule.meta.aliases) if (!byName.has(alias.toLowerCase())) byName.set(alias.toLowerCase(), rule);
    }
    // Ids win over aliases that happen to share a name.
    for (const rule of allRules) byName.set(rule.meta.id.toLowerCase(), rule);
  }
  return byName.get(name.toLowerCase());
}
