import { largestRemainderCore, type CoreResult } from './largest-remainder.js';
import { compareIds } from './tie-break.js';

/** Claims that share one denominator: the exact quota of claim j is nums[j] / den units. */
export interface ClaimSet {
  ids: readonly string[];
  nums: readonly bigint[];
  den: bigint;
}

/**
 * Largest remainder over several sets of claims with different denominators (municipalities,
 * regions, reservations) without bringing them onto one common denominator, whose size would
 * make every operation a large-bigint one. Floors and remainders are taken per set (in doubles
 * where exact); remainders are compared as fractions rem/den: by their double value, and exactly
 * (cross-multiplied bigints) only where two are within 1e-12, far above the doubles' error.
 * The result is the same as `largestRemainderCore` on the common denominator, with ranks, in
 * the order of the sets and their claims.
 */
export function largestRemainderSets(total: bigint, sets: readonly ClaimSet[]): CoreResult {
  if (sets.length === 1) return largestRemainderCore(total, sets[0]!.nums, sets[0]!.den, sets[0]!.ids);
  const n = sets.reduce((s, x) => s + x.ids.length, 0);
  const floors = new Array<bigint>(n);
  const rems = new Array<bigint>(n);
  const dens = new Array<bigint>(n);
  const ids = new Array<string>(n);
  const approx = new Float64Array(n);
  let sumFloor = 0n;
  let remNum = 0n; // sum of remainders as a fraction remNum / remDen
  let remDen = 1n;
  let at = 0;
  for (const set of sets) {
    const d = set.den;
    const dd = Number(d);
    let setRem = 0n;
    for (let j = 0; j < set.ids.length; j++, at++) {
      const num = set.nums[j]!;
      if (num < 0n) throw new RangeError('negative quota');
      const f = num / d;
      const r = num % d;
      floors[at] = f;
      rems[at] = r;
      dens[at] = d;
      ids[at] = set.ids[j]!;
      approx[at] = Number(r) / dd;
      sumFloor += f;
      setRem += r;
    }
    remNum = remNum * d + setRem * remDen;
    remDen *= d;
  }
  const leftover = total - sumFloor;
  if (remNum !== leftover * remDen) throw new RangeError(`quotas do not add up to the total ${total}`);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (rems[i]! > 0n) order.push(i);
  order.sort((a, b) => {
    const diff = approx[b]! - approx[a]!;
    if (diff > 1e-12 || diff < -1e-12) return diff;
    const l = rems[a]! * dens[b]!;
    const r = rems[b]! * dens[a]!;
    if (l !== r) return l > r ? -1 : 1;
    return compareIds(ids[a]!, ids[b]!);
  });
  const rank = new Int32Array(n);
  const roundedUp = new Uint8Array(n);
  const up = Number(leftover);
  order.forEach((i, pos) => {
    rank[i] = pos + 1;
    if (pos < up) {
      roundedUp[i] = 1;
      floors[i] = floors[i]! + 1n;
    }
  });
  return { units: floors, roundedUp, rank, leftover, candidates: order.length };
}
