import { doubles } from '../keys/quotas.js';
import { largestRemainderSets, type ClaimSet } from '../apportion/claim-sets.js';
import { compareIds } from '../apportion/tie-break.js';
import { kthSmallest } from '../apportion/select.js';
import { uint8Array } from './typed-pool.js';

/** Scratch memory of `roundShares`: three lists of doubles per call, reused. */
let scratch = new Float64Array(3 * 512);

/**
 * Claims whose quotas share a denominator, in the form a key gives them: claim j's quota is
 * `whole[j] + rest × weights[j] / den` units (a reservation or a fixed amount has only whole
 * units). Where `active[j]` is 0 the weight does not count (a recipient raised to the minimum).
 * `wholeD` and `weightsD` are the same values as doubles, for the fast path.
 */
export interface ShareSet {
  ids: readonly string[];
  whole: readonly bigint[];
  wholeD: Float64Array;
  weights: readonly bigint[] | null;
  weightsD: Float64Array | null;
  active: Uint8Array | null;
  rest: bigint;
  den: bigint;
}

/** A set of claims of whole units only (reservations, fixed amounts): no weighted part. */
export const wholeUnitSet = (ids: readonly string[], units: readonly bigint[]): ShareSet => ({
  ids,
  whole: units,
  wholeD: doubles(units),
  weights: null,
  weightsD: null,
  active: null,
  rest: 0n,
  den: 1n,
});

/** The final rounding of a distribution: each claim's units, which claims got a unit more, and how many were left. */
export interface ClaimsRounding {
  /** Units per claim, in the order of the sets and their claims (made when first read). */
  readonly units: readonly bigint[];
  /** Claim i's units: the same as `units[i]`, without making the whole list. */
  unit(i: number): bigint;
  /**
   * The same units as doubles, exact (each below 2^53), when the rounding took the fast way;
   * null on the plain way. What a sum over many claims reads without a bigint per claim.
   */
  counts: Float64Array | null;
  roundedUp: Uint8Array;
  /** Units left after every claim got its floor; they went to the `leftover` largest remainders. */
  leftover: bigint;
  /** Number of claims with a remainder that is not 0. */
  candidates: number;
}

/** The exact numerator over `den` of claim j's quota. */
function numOf(s: ShareSet, j: number): bigint {
  const whole = s.whole[j]! * s.den;
  return s.weights && s.rest !== 0n && (!s.active || s.active[j] === 1) ? whole + s.rest * s.weights[j]! : whole;
}

/** The claims of a set as `largestRemainderSets` takes them: exact numerators over the denominator. */
export function claimSetOf(s: ShareSet): ClaimSet {
  const nums = new Array<bigint>(s.ids.length);
  for (let j = 0; j < nums.length; j++) nums[j] = numOf(s, j);
  return { ids: s.ids, nums, den: s.den };
}

/**
 * Relative error bound of a quota computed in doubles from its parts (each part converted once,
 * then a division, a product and a sum: at most seven roundings of 2^-53), with a margin.
 */
const REL = 2 ** -50;

/**
 * Largest-remainder rounding over all claims at once: every claim gets the floor of its quota
 * and the units left go one each to the largest remainders (equal remainders: lowest id first),
 * exactly as `largestRemainderSets` gives them, which also ranks every remainder.
 *
 * Fast path, in doubles: quotas are computed from their parts with an error below E = REL ×
 * the largest sum of the sizes of a quota's parts (at least REL). A quota whose fraction lies within E of 0 or 1 is floored
 * exactly (bigints); for every other one the floor of the double is the floor of the quota, and
 * its fraction is the remainder within E. The units left go to the largest remainders: a
 * fraction more than 2E above the leftover-th largest is certainly among them, one more than 2E
 * below it certainly not, and the few in between are compared exactly (remainders
 * cross-multiplied, then id). Totals from 2^53 units on go the plain way.
 */
export function roundShares(total: bigint, sets: readonly ShareSet[]): ClaimsRounding {
  const t = Number(total);
  if (!(t < 2 ** 53)) return plain(total, sets);
  let n = 0;
  for (let k = 0; k < sets.length; k++) n += sets[k]!.ids.length;
  // Scratch lists of this call only (reused: `roundShares` does not call itself). The quotas go
  // into `fracs` first; the second pass replaces each by its fraction.
  if (scratch.length < 3 * n) scratch = new Float64Array(Math.max(3 * n, 2 * scratch.length));
  const fracs = scratch.subarray(0, n);
  const floors = scratch.subarray(n, 2 * n);
  const quota = fracs;
  let max = 1;
  let at = 0;
  const scales = new Array<number>(sets.length);
  for (let k = 0; k < sets.length; k++) {
    const s = sets[k]!;
    const scale = s.weightsD && s.rest !== 0n ? Number(s.rest) / Number(s.den) : 0;
    if (!Number.isFinite(scale) || !Number.isFinite(Number(s.den))) return plain(total, sets);
    scales[k] = scale;
    // Each set's fields read once: the sets come in several shapes, so a read in the loop would be a slow (megamorphic) one.
    const { wholeD, weightsD, active } = s;
    const m = s.ids.length;
    for (let j = 0; j < m; j++, at++) {
      const part = scale !== 0 && (!active || active[j] === 1) ? scale * weightsD![j]! : 0;
      const q = wholeD[j]! + part;
      // A negative quota, one from 2^53 units on, or NaN: the plain way decides (and refuses a negative one).
      if (!(q >= 0 && q < 2 ** 53)) return plain(total, sets);
      quota[at] = q;
      const size = wholeD[j]! + Math.abs(part);
      if (size > max) max = size;
    }
  }
  const E = REL * max;
  let exact: Map<number, bigint> | null = null; // claim -> exact remainder, where computed
  let sumFloor = 0;
  let candidates = 0;
  at = 0;
  for (let k = 0; k < sets.length; k++) {
    const s = sets[k]!;
    const scale = scales[k]!;
    const { weightsD, active } = s;
    const m = s.ids.length;
    for (let j = 0; j < m; j++, at++) {
      const q = quota[at]!;
      let f = Math.floor(q);
      let fr = q - f;
      // Without a weighted part (scale 0, weight 0, or not active) the quota is its whole units,
      // exact as a double (below 2^53): no remainder, nothing to check.
      const weighted = scale !== 0 && (!active || active[j] === 1) && weightsD![j] !== 0;
      if (!weighted) {
        f = q;
        fr = 0;
      } else if (fr <= E || fr >= 1 - E) {
        const num = numOf(s, j);
        const whole = num / s.den;
        const r = num - whole * s.den;
        f = Number(whole);
        fr = r === 0n ? 0 : Number(r) / Number(s.den);
        (exact ??= new Map()).set(at, r);
      }
      floors[at] = f;
      fracs[at] = fr;
      sumFloor += f;
      if (fr > 0) candidates++;
    }
  }
  const left = t - sumFloor; // exact: the floors add up to at most the total, below 2^53
  if (!(left >= 0 && left <= candidates)) throw new RangeError(`quotas do not add up to the total ${total}`);
  const roundedUp = uint8Array(n);
  if (left > 0) {
    const positive = scratch.subarray(2 * n, 2 * n + candidates);
    for (let i = 0, k = 0; i < n; i++) if (fracs[i]! > 0) positive[k++] = fracs[i]!;
    const threshold = kthSmallest(positive, candidates - left);
    const band: number[] = [];
    let given = 0;
    for (let i = 0; i < n; i++) {
      const fr = fracs[i]!;
      if (fr > threshold + 2 * E) {
        roundedUp[i] = 1;
        given++;
      } else if (fr >= threshold - 2 * E && fr > 0) band.push(i);
    }
    if (given < left) {
      // The exact remainders of the claims in the band, each with its denominator and id.
      const starts = [0];
      for (const set of sets) starts.push(starts.at(-1)! + set.ids.length);
      const exactly = band.map((i) => {
        let k = 0;
        while (starts[k + 1]! <= i) k++;
        const set = sets[k]!;
        const j = i - starts[k]!;
        let r = exact?.get(i);
        if (r === undefined) {
          const num = numOf(set, j);
          r = num - (num / set.den) * set.den;
        }
        return { i, r, den: set.den, id: set.ids[j]! };
      });
      exactly.sort((a, b) => {
        const l = a.r * b.den;
        const r = b.r * a.den;
        if (l !== r) return l > r ? -1 : 1;
        return compareIds(a.id, b.id);
      });
      for (let k = 0; given < left; k++, given++) roundedUp[exactly[k]!.i] = 1;
    }
  }
  // The units as exact doubles (below 2^53); a bigint is made for a claim when it is read (most
  // results are summed or compared, not read one by one, and a bigint per claim is the largest
  // cost of this function).
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) counts[i] = floors[i]! + roundedUp[i]!;
  let units: bigint[] | null = null;
  return {
    get units() {
      return (units ??= Array.from(counts, BigInt));
    },
    unit: (i) => (units ? units[i]! : BigInt(counts[i]!)),
    counts,
    roundedUp,
    leftover: BigInt(left),
    candidates,
  };
}

/** The plain definition: exact numerators, ranked by `largestRemainderSets`. */
function plain(total: bigint, sets: readonly ShareSet[]): ClaimsRounding {
  const r = largestRemainderSets(total, sets.map(claimSetOf));
  return { units: r.units, unit: (i) => r.units[i]!, counts: null, roundedUp: r.roundedUp, leftover: r.leftover, candidates: r.candidates };
}
