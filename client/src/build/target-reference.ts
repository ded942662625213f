import { DEFAULT_DOMAIN, parseReference, type ImageReference, type ReferenceProblemKind } from '../../../server/src/analysis/image-reference.js';

/**
 * The references the build, tag and push commands take, checked with the
 * server's grammar (one grammar for the editor and the CLI it drives). Pure:
 * every tag is checked here before anything runs, so a value that is not a
 * reference (`x;rm -rf /`, `--help`) never reaches a CLI.
 */

/** Why a text is not a usable target; the UI turns the id into a message. */
export type ReferenceProblem = ReferenceProblemKind | 'digest-not-allowed';

export type TargetResult = { ok: true; reference: ImageReference } | { ok: false; problem: ReferenceProblem };

/** The longest folder-made name that stays within distribution's 255 characters as `docker.io/library/<name>`. */
const REPOSITORY_NAME_MAX = 255 - 'docker.io/library/'.length;

/**
 * A reference to build into, tag as or push: a name with an optional tag. A
 * digest names content that already exists, so it cannot be a target.
 */
export function parseTargetReference(text: string): TargetResult {
  const result = parseReference(text);
  if (!result.ok) return { ok: false, problem: result.problem.kind };
  if (result.reference.digest !== undefined) return { ok: false, problem: 'digest-not-allowed' };
  return result;
}

/** The registry a push goes to: the reference's domain, or Docker Hub. */
export function registryOf(reference: ImageReference): string {
  return reference.domain ?? DEFAULT_DOMAIN;
}

/**
 * A repository name made from a folder name (the default tag is
 * `<folder>:latest`): lower case, runs of other characters become one `-`,
 * separators cannot start or end it, and it fits the length limit.
 */
export function repositoryNameFor(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, (run) => (run === '__' ? run : '-'))
    .slice(0, REPOSITORY_NAME_MAX)
    .replace(/^[._-]+|[._-]+$/g, '');
  return name === '' ? 'image' : name;
}

/** A tag made from a stage name (`Build Stage` tags `<folder>:<stage>`): the tag grammar's characters only. */
export function tagFor(text: string): string {
  const tag = text.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 128);
  return tag === '' ? 'latest' : tag;
}
