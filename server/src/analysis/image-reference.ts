/**
 * Image references, the one grammar every part of Layerwise uses: the server's
 * rules, hover and links, and the client's build, tag and push commands (which
 * bundle this file). It follows distribution's `reference` package as BuildKit
 * and the docker and podman CLIs call it (ParseNormalizedNamed):
 * `[domain/]path[:tag][@algorithm:hex]`. Pure: no editor or protocol types.
 */

/** A reference split into its parts, as written (no `docker.io/library/` added). */
export interface ImageReference {
  /** The registry host, with its port, when the first path component names one. */
  domain?: string;
  /** The repository path after the domain: `debian`, `team/app`. */
  path: string;
  tag?: string;
  digest?: string;
}

/** Why a text is not a reference; callers turn the kind into their own message. */
export type ReferenceProblemKind = 'empty' | 'invalid-name' | 'uppercase' | 'too-long' | 'invalid-tag' | 'invalid-digest';

/** The part at fault, as offsets into the text; empty (start === end) when that part is missing, as in `app:`. */
export interface ReferenceProblem {
  kind: ReferenceProblemKind;
  start: number;
  end: number;
}

export type ReferenceResult = { ok: true; reference: ImageReference } | { ok: false; problem: ReferenceProblem };

/** The registry a reference without a domain is pulled from and pushed to. */
export const DEFAULT_DOMAIN = 'docker.io';

/** distribution's NameTotalLengthMax, counted on the normalized name (`docker.io/library/app`). */
const NAME_TOTAL_LENGTH_MAX = 255;

// Literal patterns (not built at run time) so the regex-safety test can check each one.
const PATH = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const DOMAIN_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
const IPV6 = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST_ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/;
/** An image id: normalize.go refuses it as a repository name. */
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** The algorithms go-digest verifies, with their length in lower-case hex; any other algorithm is unsupported. */
const DIGEST_HEX: Record<string, RegExp> = { sha256: /^[a-f0-9]{64}$/, sha384: /^[a-f0-9]{96}$/, sha512: /^[a-f0-9]{128}$/ };

/** Docker Hub's names; distribution normalizes `index.docker.io`, the others are the same service. */
const DOCKER_HUB = new Set([DEFAULT_DOMAIN, 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

interface Split extends ImageReference {
  /** Where the repository (domain and path) ends, and where the path, tag and digest start. */
  nameEnd: number;
  pathStart: number;
  tagStart: number;
  digestStart: number;
}

function split(text: string): Split {
  const at = text.indexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const colon = name.lastIndexOf(':');
  // A colon before the last slash belongs to a port, not a tag.
  const hasTag = colon > name.lastIndexOf('/');
  const repository = hasTag ? name.slice(0, colon) : name;
  const slash = repository.indexOf('/');
  const first = slash < 0 ? '' : repository.slice(0, slash);
  const domain = slash >= 0 && isDomainLike(first) ? first : undefined;
  return {
    domain,
    path: domain === undefined ? repository : repository.slice(slash + 1),
    tag: hasTag ? name.slice(colon + 1) : undefined,
    digest: at < 0 ? undefined : text.slice(at + 1),
    nameEnd: repository.length,
    pathStart: domain === undefined ? 0 : slash + 1,
    tagStart: hasTag ? colon + 1 : name.length,
    digestStart: at < 0 ? text.length : at + 1,
  };
}

/**
 * normalize.go's splitDockerDomain: the first of several components is a domain
 * when it has a `.` or `:`, is `localhost`, or has capitals (a path may not).
 */
function isDomainLike(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost' || component !== component.toLowerCase();
}

/** The parts of a reference, valid or not: for features that read a reference the user wrote (links, hover, rules about tags). */
export function splitReference(text: string): ImageReference {
  const { domain, path, tag, digest } = split(text);
  return { domain, path, tag, digest };
}

/** Splits and checks a reference, as `docker build`, `docker pull` and BuildKit's FROM do. */
export function parseReference(text: string): ReferenceResult {
  if (text === '') return { ok: false, problem: { kind: 'empty', start: 0, end: 0 } };
  const parts = split(text);
  const problem = nameProblem(text, parts) ?? tagProblem(parts) ?? digestProblem(parts) ?? lengthProblem(parts);
  if (problem) return { ok: false, problem };
  const { domain, path, tag, digest } = parts;
  return { ok: true, reference: { domain, path, tag, digest } };
}

function nameProblem(text: string, parts: Split): ReferenceProblem | undefined {
  const problem = (kind: ReferenceProblemKind): ReferenceProblem => ({ kind, start: 0, end: parts.nameEnd });
  if (parts.domain !== undefined && !validDomain(parts.domain)) return problem('invalid-name');
  if (IDENTIFIER.test(text)) return problem('invalid-name');
  if (PATH.test(parts.path)) return undefined;
  return PATH.test(parts.path.toLowerCase()) ? { kind: 'uppercase', start: parts.pathStart, end: parts.nameEnd } : problem('invalid-name');
}

/** `host[:port]`, the host a DNS name, an IPv4 address (a DNS name by this pattern) or a bracketed IPv6 address. */
function validDomain(domain: string): boolean {
  const portAt = domain.startsWith('[') ? domain.indexOf(':', domain.indexOf(']')) : domain.indexOf(':');
  const host = portAt < 0 ? domain : domain.slice(0, portAt);
  const port = portAt < 0 ? undefined : domain.slice(portAt + 1);
  return (DOMAIN_NAME.test(host) || IPV6.test(host)) && (port === undefined || PORT.test(port));
}

function tagProblem(parts: Split): ReferenceProblem | undefined {
  if (parts.tag === undefined || TAG.test(parts.tag)) return undefined;
  return { kind: 'invalid-tag', start: parts.tagStart, end: parts.tagStart + parts.tag.length };
}

function digestProblem(parts: Split): ReferenceProblem | undefined {
  if (parts.digest === undefined || validDigest(parts.digest)) return undefined;
  return { kind: 'invalid-digest', start: parts.digestStart, end: parts.digestStart + parts.digest.length };
}

/** go-digest's rules: a known algorithm and exactly its length of lower-case hex. */
function validDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  if (colon < 0) return false;
  const algorithm = digest.slice(0, colon);
  const hex = DIGEST_ALGORITHM.test(algorithm) && Object.hasOwn(DIGEST_HEX, algorithm) ? DIGEST_HEX[algorithm] : undefined;
  return hex !== undefined && hex.test(digest.slice(colon + 1));
}

function lengthProblem(parts: Split): ReferenceProblem | undefined {
  if (normalizedName(parts).length <= NAME_TOTAL_LENGTH_MAX) return undefined;
  return { kind: 'too-long', start: 0, end: parts.nameEnd };
}

/** The name as distribution normalizes it before measuring it: `app` is `docker.io/library/app`. */
export function normalizedName(reference: ImageReference): string {
  const domain = reference.domain === undefined || reference.domain === 'index.docker.io' ? DEFAULT_DOMAIN : reference.domain;
  const path = domain === DEFAULT_DOMAIN && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
  return `${domain}/${path}`;
}

export function isDockerHub(reference: ImageReference): boolean {
  return reference.domain === undefined || DOCKER_HUB.has(reference.domain.toLowerCase());
}

export function formatReference(reference: ImageReference): string {
  const domain = reference.domain === undefined ? '' : `${reference.domain}/`;
  const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
  const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
  return `${domain}${reference.path}${tag}${digest}`;
}
