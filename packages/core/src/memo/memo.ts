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
  /**
   * Remember per content of the owner (`contentOf`) instead of per owner object: for what is
   * derived from a data set alone (its divisions, its baseline parameters), which a copy with the
   * same fields shares. Never for results that depend on a scenario.
   */
  perContent?: boolean;
}

/** One level of `contentOf`'s tree: per field value (objects weakly), the next level. */
interface ContentNode {
  objects: WeakMap<object, ContentNode>;
  values: Map<unknown, ContentNode>;
  token: object | null;
}

const newNode = (): ContentNode => ({ objects: new WeakMap(), values: new Map(), token: null });
const contentRoots = new Map<string, ContentNode>();
const contentTokens = new WeakMap<object, object>();

/**
 * The content of an object as one token: the same token for every object with the same field
 * names whose fields are the same values (the same objects), such as a copy `{ ...data }`. What is
 * derived from a data set's (frozen) fields alone can be remembered by it; a data set with one
 * field replaced gets another token. Field objects are held weakly.
 */
export function contentOf(owner: object): object {
  let token = contentTokens.get(owner);
  if (token) return token;
  const names = Object.keys(owner);
  const shape = names.join('\u0001');
  let node: ContentNode | undefined = contentRoots.get(shape);
  if (!node) contentRoots.set(shape, (node = newNode()));
  for (const name of names) {
    const v = (owner as Record<string, unknown>)[name];
    const isObject = (typeof v === 'object' && v !== null) || typeof v === 'function';
    let next: ContentNode | undefined = isObject ? node.objects.get(v as object) : node.values.get(v);
    if (!next) {
      next = newNode();
      if (isObject) node.objects.set(v as object, next);
      else node.values.set(v, next);
    }
    node = next;
  }
  token = node.token ??= {};
  contentTokens.set(owner, token);
  return token;
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
  const perContent = options.perContent === true;
  const small = max <= SMALL;
  const byOwner = new WeakMap<object, Map<string, Slot<R>>>();
  // Recency is a stamp per slot and per result, so that a hit only writes a number (no
  // reordering of maps); the least recently used is looked for only when one must go.
  let clock = 0;
  return (owner, input) => {
    const at: object = perContent ? contentOf(owner) : owner;
    let bySlot = byOwner.get(at);
    if (!bySlot) byOwner.set(at, (bySlot = new Map()));
    const s = slotOf ? slotOf(input) : '';
    let slot = bySlot.get(s);
    if (!slot) {
      if (bySlot.size >= slots) bySlot.delete(leastRecent(bySlot));
      bySlot.set(s, (slot = small ? { used: 0, keys: [], values: [], stamps: [], entries: null } : { used: 0, keys: null, values: null, stamps: null, entries: new Map() }));
    }
    const now = ++clock;
    slot.used = now;
    const k = key(input);
    if (slot.keys) {
      // A few results: compared key by key (equal texts), with no hash of a long key to compute.
      const { keys, values, stamps } = slot as SmallSlot<R>;
      for (let j = 0; j < keys.length; j++) {
        if (keys[j] === k) {
          stamps[j] = now;
          return values[j]!;
        }
      }
      const out = compute(owner, input);
      if (keys.length < max) {
        keys.push(k);
        values.push(out);
        stamps.push(now);
      } else {
        let oldest = 0;
        for (let j = 1; j < keys.length; j++) if (stamps[j]! < stamps[oldest]!) oldest = j;
        keys[oldest] = k;
        values[oldest] = out;
        stamps[oldest] = now;
      }
      return out;
    }
    const entries = slot.entries!;
    const hit = entries.get(k);
    if (hit) {
      hit.used = now;
      return hit.value;
    }
    const out = compute(owner, input);
    if (entries.size >= max) entries.delete(leastRecent(entries));
    entries.set(k, { value: out, used: now });
    return out;
  };
}

/** A slot of `memo`: its results by key, each with when it was last used; up to `SMALL` results in lists, more in a map. */
interface Slot<R> {
  used: number;
  keys: string[] | null;
  values: R[] | null;
  stamps: number[] | null;
  entries: Map<string, { value: R; used: number }> | null;
}
type SmallSlot<R> = Slot<R> & { keys: string[]; values: R[]; stamps: number[] };

/** Up to this many results per slot are kept in lists rather than a map. */
const SMALL = 4;

/** The key of the least recently used entry of a (non-empty) map. */
function leastRecent(m: ReadonlyMap<string, { used: number }>): string {
  let out = '';
  let oldest = Infinity;
  // forEach: no entry array per step, as `for (const [k, e] of m)` makes.
  m.forEach((e, k) => {
    if (e.used < oldest) {
      oldest = e.used;
      out = k;
    }
  });
  return out;
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

/**
 * `compute`, remembered per content of the owner (`contentOf`): one result for every copy of a
 * data set with the same fields. Only for what is derived from the owner's fields alone.
 */
export function memoPerContent<O extends object, R>(compute: (owner: O) => R): (owner: O) => R {
  const byContent = new WeakMap<object, R>();
  return (owner) => {
    const c = contentOf(owner);
    if (byContent.has(c)) return byContent.get(c) as R;
    const out = compute(owner);
    byContent.set(c, out);
    return out;
  };
}
