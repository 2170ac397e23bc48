/**
 * The one way this package remembers results: per owner object (a data set, an allocation) and
 * per input, where the input's key is its JSON text (bigints written as text). Equal inputs
 * share one result; a new owner (another data set) never sees another's results. Results are
 * shared between callers, so they are read-only.
 *
 * Inputs are plain data built by this package (parameters, keys, specs), whose property order is
 * fixed by the code that builds them, so their JSON text is a stable key.
 */

/**
 * The key of a memo input: a list of strings and numbers is joined (the fast path for small
 * keys such as [stream, year]); any other value is its JSON text, with bigints as text.
 */
export function keyOf(value: unknown): string {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number') return `n${value}`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return `a${value.join('\u0001')}`;
  try {
    return JSON.stringify(value) ?? 'undefined'; // the fast, native path: no bigints in it
  } catch {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'undefined';
  }
}

/** How `memo` keys and groups what it remembers. */
export interface MemoOptions<I> {
  /** The key of an input: a text made of the whole input (every field, nothing left out). Default `keyOf`. */
  key?: (input: I) => string;
  /**
   * The slot of an input: `max` results are kept per slot instead of per owner, and at most
   * `slots` slots (the least recently used goes first). For inputs that come in versions, such
   * as one stream in one year under ever new changes: the versions of one slot compete for its
   * places, not with the other slots.
   */
  slot?: (input: I) => string;
  slots?: number;
}

/**
 * `compute`, remembered per owner and input. At most `max` results are kept per owner (or per
 * slot, see `MemoOptions`); when full, the least recently used is dropped. The key is
 * `keyOf(input)`, or, for a hot path, `key(input)`: a text that must be made of the whole input
 * (every field, nothing left out), only cheaper.
 */
export function memo<O extends object, I, R>(max: number, compute: (owner: O, input: I) => R, options: MemoOptions<I> = {}): (owner: O, input: I) => R {
  const key = options.key ?? keyOf;
  const slotOf = options.slot ?? null;
  const slots = options.slots ?? 1;
  const byOwner = new WeakMap<O, Map<string, Map<string, R>>>();
  return (owner, input) => {
    let bySlot = byOwner.get(owner);
    if (!bySlot) byOwner.set(owner, (bySlot = new Map()));
    const s = slotOf ? slotOf(input) : '';
    let cache = bySlot.get(s);
    if (!cache) {
      if (bySlot.size >= slots) bySlot.delete(bySlot.keys().next().value as string);
      bySlot.set(s, (cache = new Map()));
    } else if (slotOf) {
      bySlot.delete(s);
      bySlot.set(s, cache);
    }
    const k = key(input);
    if (cache.has(k)) {
      const hit = cache.get(k) as R;
      cache.delete(k);
      cache.set(k, hit);
      return hit;
    }
    const out = compute(owner, input);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(k, out);
    return out;
  };
}

/** `compute`, remembered per owner object alone (one result per owner). */
export function memoPerOwner<O extends object, R>(compute: (owner: O) => R): (owner: O) => R {
  const byOwner = new WeakMap<O, R>();
  return (owner) => {
    if (byOwner.has(owner)) return byOwner.get(owner) as R;
    const out = compute(owner);
    byOwner.set(owner, out);
    return out;
  };
}
