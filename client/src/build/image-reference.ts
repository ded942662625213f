/**
 * Image references as the distribution project's grammar defines them
 * (`reference/regexp.go`): `[host[:port]/]path[:tag][@algorithm:hex]`. Pure:
 * the build, tag and push commands check every tag here before anything runs,
 * so a value that is not a reference (`x;rm -rf /`, `--help`) never reaches a CLI.
 */

export interface ImageReference {
  /** The registry host with its port, when the first path component names one. */
  domain?: string;
  /** The repository path after the domain: `library/debian`, `team/app`. */
  path: string;
  tag?: string;
  digest?: string;
}

/** Why a text is not a usable reference; the UI turns the id into a message. */
export type ReferenceProblem =
  | 'empty'
  | 'too-long'
  | 'uppercase'
  | 'invalid-name'
  | 'invalid-tag'
  | 'invalid-digest'
  | 'digest-not-allowed';

export type ReferenceResult = { ok: true; reference: ImageReference } | { ok: false; problem: ReferenceProblem };

const ALPHA_NUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})(?::[0-9]+)?`;

const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_ONLY = new RegExp(`^${DOMAIN}$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** distribution's NameTotalLengthMax. */
const NAME_MAX = 255;

/** The registry Docker assumes when a reference names none. */
export const DEFAULT_REGISTRY = 'docker.io';

/**
 * Splits and checks a reference. The first component is a domain when it has
 * a `.` or `:`, is `localhost`, or has capitals (distribution's splitDockerDomain).
 */
export function parseReference(text: string): ReferenceResult {
  if (text === '') return { ok: false, problem: 'empty' };
  const at = text.indexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const digest = at < 0 ? undefined : text.slice(at + 1);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > lastSlash ? name.slice(colon + 1) : undefined;
  const repository = colon > lastSlash ? name.slice(0, colon) : name;
  if (repository.length > NAME_MAX) return { ok: false, problem: 'too-long' };

  const slash = repository.indexOf('/');
  const first = slash < 0 ? '' : repository.slice(0, slash);
  const isDomain = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  const domain = isDomain ? first : undefined;
  const path = isDomain ? repository.slice(slash + 1) : repository;

  if (domain !== undefined && !DOMAIN_ONLY.test(domain)) return { ok: false, problem: 'invalid-name' };
  if (!PATH.test(path)) return { ok: false, problem: PATH.test(path.toLowerCase()) ? 'uppercase' : 'invalid-name' };
  if (tag !== undefined && !TAG.test(tag)) return { ok: false, problem: 'invalid-tag' };
  if (digest !== undefined && !DIGEST.test(digest)) return { ok: false, problem: 'invalid-digest' };
  return { ok: true, reference: { domain, path, tag, digest } };
}

/**
 * A reference to build into, tag as or push: a name with an optional tag. A
 * digest names content that already exists, so it cannot be a target.
 */
export function parseTargetReference(text: string): ReferenceResult {
  const result = parseReference(text);
  if (result.ok && result.reference.digest !== undefined) return { ok: false, problem: 'digest-not-allowed' };
  return result;
}

/** The registry a push goes to: the reference's domain, or Docker Hub. */
export function registryOf(reference: ImageReference): string {
  return reference.domain ?? DEFAULT_REGISTRY;
}

export function formatReference(reference: ImageReference): string {
  return `${reference.domain ? `${reference.domain}/` : ''}${reference.path}${reference.tag !== undefined ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/**
 * A repository name made from a folder name (the default tag is
 * `<folder>:latest`): lower case, runs of other characters become one `-`,
 * and separators cannot start or end it.
 */
export function repositoryNameFor(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, (run) => (run === '__' ? run : '-'))
    .replace(/^[._-]+|[._-]+$/g, '');
  return name === '' ? 'image' : name.slice(0, NAME_MAX);
}

/** A tag made from a stage name (`Build Stage` tags `<folder>:<stage>`): the tag grammar's characters only. */
export function tagFor(text: string): string {
  const tag = text.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 128);
  return tag === '' ? 'latest' : tag;
}
