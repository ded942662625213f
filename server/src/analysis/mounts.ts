/** `RUN --mount` types and the option keys BuildKit accepts for each (aliases map to their canonical key). */
export const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
export type MountType = (typeof MOUNT_TYPES)[number];

const KEYS: Record<MountType, readonly string[]> = {
  bind: ['target', 'source', 'from', 'readwrite'],
  cache: ['id', 'target', 'readonly', 'sharing', 'from', 'source', 'mode', 'uid', 'gid'],
  tmpfs: ['target', 'size'],
  secret: ['id', 'target', 'env', 'required', 'mode', 'uid', 'gid'],
  ssh: ['id', 'target', 'required', 'mode', 'uid', 'gid'],
};

/** Other spellings BuildKit reads for the same key. */
export const MOUNT_KEY_ALIASES: Readonly<Record<string, string>> = {
  dst: 'target',
  destination: 'target',
  src: 'source',
  ro: 'readonly',
  rw: 'readwrite',
};

/** The values a mount key takes, where they are a fixed set. */
export const MOUNT_KEY_VALUES: Readonly<Record<string, readonly string[]>> = {
  type: MOUNT_TYPES,
  sharing: ['shared', 'private', 'locked'],
  readonly: ['true', 'false'],
  readwrite: ['true', 'false'],
  required: ['true', 'false'],
};

export function isMountType(value: string): value is MountType {
  return (MOUNT_TYPES as readonly string[]).includes(value);
}

/** The option keys of a mount type, `type` first; `bind` when no type is given, as in BuildKit. */
export function mountKeys(type: string | undefined): readonly string[] {
  return ['type', ...KEYS[type !== undefined && isMountType(type) ? type : 'bind']];
}

/** A key as BuildKit reads it: lower-cased, aliases resolved. */
export function canonicalMountKey(key: string): string {
  const lower = key.toLowerCase();
  return MOUNT_KEY_ALIASES[lower] ?? lower;
}
