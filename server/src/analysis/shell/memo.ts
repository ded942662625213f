/**
 * Results cached on the object they were computed from, in one non-enumerable
 * property holding a Map by key: they go when the object goes, spreads
 * (`{ ...command }`) do not copy them, and deep-equality checks do not see
 * them. Module-level WeakMaps keyed by every command kept their grown tables
 * after a large document was closed (megabytes the memory test noticed). One
 * property, whatever the keys, so that every command keeps one of two hidden
 * classes and the rules' reads of its fields stay fast.
 */
const MEMOS = Symbol('memos');

/** `compute` gives an object (never undefined: that is what a miss looks like, saving a second lookup per hit). */
export function memoOn<Target extends object, Value extends object>(target: Target, key: symbol, compute: (target: Target) => Value): Value {
  let memos = (target as { [MEMOS]?: Map<symbol, unknown> })[MEMOS];
  if (!memos) Object.defineProperty(target, MEMOS, { value: (memos = new Map()) });
  const cached = memos.get(key) as Value | undefined;
  if (cached !== undefined) return cached;
  const value = compute(target);
  memos.set(key, value);
  return value;
}
