import { compareIds } from './tie-break.js';
import { kthSmallestInRange } from './select.js';
import { BLOCK } from './block.js';

/** The rounding of `largestRemainderWeights`: each quota's floor, and whether it got one unit more. */
export interface WeightsRounding {
  /** The floor of each quota in whole units (an exact integer below 2^53). */
  floors: Float64Array;
  roundedUp: Uint8Array;
}

/**
 * The same rounding as `largestRemainderCore` with `ranks: false` (ties: code ascending), for one
 * set of integer weights, fast for many recipients (10^5 and more). Requires the total, every
 * weight and their sum W to be integers below 2^53 (checked); the result is exact.
 *
 * When total × w stays below 2^53 for the largest weight, every product is an exact double, and
 * so are the floor and the remainder (total × w) mod W taken from it: they are compared as they
 * are. Otherwise the quota total × w / W is computed in doubles, with a proven error bound E (two
 * roundings: relative error below 2^-52, with margin), and where E leaves any doubt the exact
 * bigint value decides:
 * - a quota whose fractional part lies within 2E of 0 or 1 gets its floor and remainder exactly;
 * - the units left go to the largest remainders: a remainder more than 2E above the threshold
 *   (the leftover-th largest approximation) is certainly among them, one more than 2E below it
 *   certainly not, and those in between are ordered exactly (remainder, then code).
 * The threshold is found by selection (`kthSmallestInRange`), not by sorting every remainder.
 * The passes go in blocks (see `BLOCK`).
 */
export function largestRemainderWeights(total: bigint, weights: Float64Array, sum: number, idOf: (i: number) => string): WeightsRounding {
  const n = weights.length;
  const t = Number(total);
  if (!(Number.isSafeInteger(t) && t >= 0 && Number.isSafeInteger(sum) && sum > 0)) throw new RangeError('total or weight sum not an exact double');
  let maxW = 0;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const m = largestWeight(weights, lo, Math.min(n, lo + BLOCK));
    if (m < 0) throw new RangeError('weight not an exact double');
    if (m > maxW) maxW = m;
  }
  const floors = new Float64Array(n);
  // Each remainder's sort key: exactly (total × w) mod W, or its fraction of W in doubles.
  const keys = new Float64Array(n);
  const exactDoubles = Number.isSafeInteger(t * maxW);
  // On the approximate path: the remainders computed exactly, as bigints (numerators over W).
  const q: Quotas = { weights, total, W: BigInt(sum), sum, floors, keys, rems: new Map() };
  // The largest quota, as computed; every quota's error is below 2^-52 of it (0 on the exact path).
  const E = exactDoubles ? 0 : ((t * maxW) / sum) * 4e-16 + 1e-300;
  let floorSum = 0; // exact: the floors add up to at most the total
  for (let lo = 0; lo < n; lo += BLOCK) {
    const hi = Math.min(n, lo + BLOCK);
    floorSum += exactDoubles ? exactFloors(weights, lo, hi, t, sum, floors, keys) : approximateFloors(q, lo, hi, t, E);
  }
  const up = t - floorSum;
  if (!(up >= 0 && up <= n)) throw new RangeError('quotas do not add up to the total');
  const roundedUp = new Uint8Array(n);
  if (up > 0) {
    const threshold = kthSmallestInRange(keys, n - up, exactDoubles ? sum : 1);
    const band: number[] = [];
    let given = 0;
    for (let lo = 0; lo < n; lo += BLOCK) given += markAbove(keys, lo, Math.min(n, lo + BLOCK), threshold + 2 * E, threshold - 2 * E, roundedUp, band);
    const { rems } = q;
    if (exactDoubles) band.sort((a, b) => keys[b]! - keys[a]! || compareIds(idOf(a), idOf(b)));
    else {
      for (const i of band) if (!rems.has(i)) exactQuota(q, i);
      band.sort((a, b) => {
        const ra = rems.get(a)!;
        const rb = rems.get(b)!;
        return ra !== rb ? (ra > rb ? -1 : 1) : compareIds(idOf(a), idOf(b));
      });
    }
    for (let k = 0; given < up; k++, given++) roundedUp[band[k]!] = 1;
  }
  return { floors, roundedUp };
}

/** What the approximate path needs to compute a quota exactly. */
interface Quotas {
  weights: Float64Array;
  total: bigint;
  W: bigint;
  sum: number;
  floors: Float64Array;
  keys: Float64Array;
  /** The remainders computed exactly so far, by index. */
  rems: Map<number, bigint>;
}

/** The largest of weights [lo, hi), or -1 when one is not an exact integer double >= 0. */
function largestWeight(weights: Float64Array, lo: number, hi: number): number {
  let max = 0;
  for (let i = lo; i < hi; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && w <= Number.MAX_SAFE_INTEGER && Number.isInteger(w))) return -1;
    if (w > max) max = w;
  }
  return max;
}

/**
 * Floors and remainders of quotas [lo, hi) where every total × w is an exact double; returns the
 * sum of their floors.
 */
function exactFloors(weights: Float64Array, lo: number, hi: number, t: number, sum: number, floors: Float64Array, keys: Float64Array): number {
  let floorSum = 0;
  for (let i = lo; i < hi; i++) {
    const num = t * weights[i]!;
    let f = Math.floor(num / sum);
    let r = num - f * sum; // exact: f × sum is at most num + 1 <= 2^53, see largestRemainderCore
    if (r < 0) (f -= 1), (r += sum);
    else if (r >= sum) (f += 1), (r -= sum);
    floors[i] = f;
    keys[i] = r;
    floorSum += f;
  }
  return floorSum;
}

/**
 * Floors and remainders of quotas [lo, hi) in doubles, each computed exactly where its fractional
 * part lies within 2E of 0 or 1; returns the sum of their floors.
 */
function approximateFloors(q: Quotas, lo: number, hi: number, t: number, E: number): number {
  const { weights, sum, floors, keys } = q;
  let floorSum = 0;
  for (let i = lo; i < hi; i++) {
    const quota = (t * weights[i]!) / sum;
    const f = Math.floor(quota);
    const frac = quota - f;
    floors[i] = f;
    keys[i] = frac;
    if (frac < 2 * E || frac > 1 - 2 * E) exactQuota(q, i);
    floorSum += floors[i]!;
  }
  return floorSum;
}

/** Quota i exactly, in bigints: its floor, its remainder (kept in `rems`) and that as a fraction of W. */
function exactQuota(q: Quotas, i: number): void {
  const num = q.total * BigInt(q.weights[i]!);
  const r = num % q.W;
  q.floors[i] = Number(num / q.W);
  q.keys[i] = Number(r) / q.sum;
  q.rems.set(i, r);
}

/**
 * Marks the keys of [lo, hi) above `above` as rounded up and puts those from `from` to `above`
 * in `band`; returns how many it marked.
 */
function markAbove(keys: Float64Array, lo: number, hi: number, above: number, from: number, roundedUp: Uint8Array, band: number[]): number {
  let given = 0;
  for (let i = lo; i < hi; i++) {
    const k = keys[i]!;
    if (k > above) (roundedUp[i] = 1), given++;
    else if (k >= from) band.push(i);
  }
  return given;
}
