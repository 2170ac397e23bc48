import type { CoreResult } from './largest-remainder.js';
import { compareIds } from './tie-break.js';

/**
 * The same rounding as `largestRemainderCore` with `ranks: false`, for one set of integer
 * weights, fast for many recipients (10^5) even when total × weight exceeds 2^53.
 * The quota total × w / W is computed in doubles, with a proven error bound E; where that
 * bound leaves any doubt, the exact bigint value decides:
 * - a quota whose fractional part lies within E of 0 or 1 gets its floor and remainder exactly;
 * - the units left go to the largest remainders: a remainder more than 2E above the threshold
 *   (the leftover-th largest approximation) is certainly among them, one more than 2E below it
 *   certainly not, and those in between are ordered exactly (remainder, then code).
 * Requires total, every weight and their sum W to be below 2^53; the result is exact.
 */
export function largestRemainderWeights(total: bigint, weights: Float64Array, sum: number, ids: readonly string[]): CoreResult {
  const n = weights.length;
  const t = Number(total);
  const W = BigInt(sum);
  const floors = new Float64Array(n);
  const fracs = new Float64Array(n);
  const exactRem = new Map<number, bigint>(); // remainders computed exactly (numerator over W)
  let maxQ = 0;
  for (let i = 0; i < n; i++) {
    const q = (t * weights[i]!) / sum;
    if (q > maxQ) maxQ = q;
    floors[i] = Math.floor(q);
    fracs[i] = q - floors[i]!;
  }
  // Relative error of (t * w) / sum is at most 2 roundings (2^-52 together); with margin:
  const E = maxQ * 4e-16 + 1e-300;
  let sumFloor = 0n;
  let floorSum = 0;
  const exact = (i: number): void => {
    const num = total * BigInt(weights[i]!);
    const f = num / W;
    const r = num % W;
    floors[i] = Number(f);
    fracs[i] = Number(r) / sum;
    exactRem.set(i, r);
  };
  for (let i = 0; i < n; i++) {
    if (fracs[i]! < 2 * E || fracs[i]! > 1 - 2 * E) exact(i);
    floorSum += floors[i]!;
    if (floorSum > 2 ** 52) (sumFloor += BigInt(floorSum)), (floorSum = 0);
  }
  sumFloor += BigInt(floorSum);
  const leftover = total - sumFloor;
  if (leftover < 0n || leftover > BigInt(n)) throw new RangeError('quotas do not add up to the total');
  const up = Number(leftover);
  const roundedUp = new Uint8Array(n);
  let candidates = 0;
  for (let i = 0; i < n; i++) if (exactRem.has(i) ? exactRem.get(i)! > 0n : fracs[i]! > 0) candidates++;
  if (up > 0) {
    const threshold = Float64Array.from(fracs).sort()[n - up]!;
    const band: number[] = [];
    let given = 0;
    for (let i = 0; i < n; i++) {
      const f = fracs[i]!;
      if (f > threshold + 2 * E) (roundedUp[i] = 1), given++;
      else if (f >= threshold - 2 * E) band.push(i);
    }
    for (const i of band) if (!exactRem.has(i)) exact(i);
    band.sort((a, b) => {
      const ra = exactRem.get(a)!;
      const rb = exactRem.get(b)!;
      return ra !== rb ? (ra > rb ? -1 : 1) : compareIds(ids[a]!, ids[b]!);
    });
    for (let k = 0; given < up; k++, given++) roundedUp[band[k]!] = 1;
  }
  const units = new Array<bigint>(n);
  for (let i = 0; i < n; i++) units[i] = BigInt(floors[i]! + roundedUp[i]!);
  return { units, roundedUp, rank: new Int32Array(n), leftover, candidates };
}
