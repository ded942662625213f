/**
 * Results cached on the object they were computed from, as a non-enumerable
 * property: they go when the object goes, spreads (`{ ...command }`) do not
 * copy them, and deep-equality checks do not see them. Module-level WeakMaps
 * keyed by every command kept their grown tables after a large document was
 * closed (megabytes the memory test noticed).
 */
export function memoOn<Target extends object, Value>(target: Target, key: symbol, compute: (target: Target) => Value): Value {
  const cached = (target as Record<symbol, Value | undefined>)[key];
  if (cached !== undefined) return cached;
  const value = compute(target);
  Object.defineProperty(target, key, { value, writable: true });
  return value;
}
