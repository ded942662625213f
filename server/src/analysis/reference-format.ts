/**
 * Checks an image reference the way BuildKit does before pulling it
 * (distribution's grammar: `[host[:port]/]path[:tag][@algorithm:hex]`,
 * lowercase repository). Returns what is wrong, or undefined when it is valid.
 */
export type ReferenceProblem =
  | { kind: 'empty' }
  | { kind: 'uppercase' }
  | { kind: 'format'; part: 'name' | 'tag' | 'digest' | 'reference'; start: number; end: number };

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${HOST_COMPONENT}(?:\\.${HOST_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const NAME = new RegExp(`^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** Digest algorithms BuildKit can verify, with the length of their hex. */
const DIGEST_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export function referenceProblem(reference: string): ReferenceProblem | undefined {
  if (reference === '') return { kind: 'empty' };
  const at = reference.indexOf('@');
  const name = at < 0 ? reference : reference.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tagAt = colon > slash ? colon : -1;
  const repository = tagAt < 0 ? name : name.slice(0, tagAt);
  if (repository === '') return { kind: 'format', part: 'reference', start: 0, end: reference.length };
  if (!NAME.test(repository)) {
    const lower = NAME.test(lowercasePath(repository));
    return lower ? { kind: 'uppercase' } : { kind: 'format', part: 'name', start: 0, end: repository.length };
  }
  if (tagAt >= 0) {
    const tag = name.slice(tagAt + 1);
    // An empty tag or digest leaves nothing to point at: the whole reference is wrong.
    if (tag === '') return { kind: 'format', part: 'reference', start: 0, end: reference.length };
    if (!TAG.test(tag)) return { kind: 'format', part: 'tag', start: tagAt + 1, end: name.length };
  }
  if (at >= 0) {
    const digest = reference.slice(at + 1);
    if (digest === '') return { kind: 'format', part: 'reference', start: 0, end: reference.length };
    if (!validDigest(digest)) return { kind: 'format', part: 'digest', start: at + 1, end: reference.length };
  }
  return undefined;
}

function validDigest(digest: string): boolean {
  if (!DIGEST.test(digest)) return false;
  const colon = digest.indexOf(':');
  const length = DIGEST_LENGTH[digest.slice(0, colon)];
  return length !== undefined && digest.length - colon - 1 === length;
}

/** The repository with its path lowercased and the registry host kept (hosts may have capitals). */
function lowercasePath(repository: string): string {
  const slash = repository.indexOf('/');
  if (slash < 0) return repository.toLowerCase();
  const first = repository.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  return isHost ? first + repository.slice(slash).toLowerCase() : repository.toLowerCase();
}
