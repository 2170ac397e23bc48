import { compareIds } from './tie-break.js';
import { kthSmallest } from './select.js';

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
 * The threshold is found by selection, not by sorting every remainder.
 */
export function largestRemainderWeights(total: bigint, weights: Float64Array, sum: number, idOf: (i: number) => string): WeightsRounding {
  const n = weights.length;
  const t = Number(total);
  if (!(Number.isSafeInteger(t) && t >= 0 && Number.isSafeInteger(sum) && sum > 0)) throw new RangeError('total or weight sum not an exact double');
  let maxW = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && w <= Number.MAX_SAFE_INTEGER && Number.isInteger(w))) throw new RangeError('weight not an exact double');
    if (w > maxW) maxW = w;
  }
  const floors = new Float64Array(n);
  // Each remainder's sort key: exactly (total × w) mod W, or its fraction of W in doubles.
  const keys = new Float64Array(n);
  const exactDoubles = Number.isSafeInteger(t * maxW);
  // On the approximate path: the remainders computed exactly, as bigints (numerators over W).
  const rems = new Map<number, bigint>();
  const W = BigInt(sum);
  const exact = (i: number): void => {
    const num = total * BigInt(weights[i]!);
    const r = num % W;
    floors[i] = Number(num / W);
    keys[i] = Number(r) / sum;
    rems.set(i, r);
  };
  // The largest quota, as computed; every quota's error is below 2^-52 of it (0 on the exact path).
  const E = exactDoubles ? 0 : ((t * maxW) / sum) * 4e-16 + 1e-300;
  let floorSum = 0; // exact: the floors add up to at most the total
  if (exactDoubles) {
    for (let i = 0; i < n; i++) {
      const num = t * weights[i]!;
      let f = Math.floor(num / sum);
      let r = num - f * sum; // exact: f × sum is at most num + 1 <= 2^53, see largestRemainderCore
      if (r < 0) (f -= 1), (r += sum);
      else if (r >= sum) (f += 1), (r -= sum);
      floors[i] = f;
      keys[i] = r;
      floorSum += f;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const q = (t * weights[i]!) / sum;
      const f = Math.floor(q);
      const frac = q - f;
      floors[i] = f;
      keys[i] = frac;
      if (frac < 2 * E || frac > 1 - 2 * E) exact(i);
      floorSum += floors[i]!;
    }
  }
  const up = t - floorSum;
  if (!(up >= 0 && up <= n)) throw new RangeError('quotas do not add up to the total');
  const roundedUp = new Uint8Array(n);
  if (up > 0) {
    const threshold = kthSmallest(keys.slice(), n - up);
    const band: number[] = [];
    let given = 0;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (k > threshold + 2 * E) (roundedUp[i] = 1), given++;
      else if (k >= threshold - 2 * E) band.push(i);
    }
    if (exactDoubles) band.sort((a, b) => keys[b]! - keys[a]! || compareIds(idOf(a), idOf(b)));
    else {
      for (const i of band) if (!rems.has(i)) exact(i);
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
