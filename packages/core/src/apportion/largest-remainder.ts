import type { Fraction } from '../money/fraction.js';
import { compareIds } from './tie-break.js';
import { kthSmallest } from './select.js';

/** One claim on a total: an exact quota in rounding units (euros or cents). */
export interface Claim {
  readonly id: string;
  readonly quota: Fraction;
}

/** The rounded result of one claim, with what the explanation needs to say why. */
export interface RoundedClaim {
  readonly id: string;
  readonly quota: Fraction;
  /** Whole units given: the floor of the quota, plus one if it got a remainder unit. */
  readonly units: bigint;
  readonly roundedUp: boolean;
  /** 1-based place in the order of remainders (largest first); null when the remainder is 0. */
  readonly rank: number | null;
}

/** The result of `largestRemainder`: every claim rounded, and how the units left over were given. */
export interface Apportionment {
  readonly claims: readonly RoundedClaim[];
  /** Units left after giving every claim its floor; they go to the `leftover` largest remainders. */
  readonly leftover: bigint;
  /** Number of claims with a non-zero remainder. */
  readonly candidates: number;
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * Largest-remainder (Hamilton) rounding: every claim gets the floor of its exact quota, and the
 * units that are left go one each to the claims with the largest remainders.
 *
 * Tie-break (documented, deterministic and independent of input order): equal remainders are
 * ordered by id, ascending in code-point order (so GM0014 before GM0034).
 *
 * The quotas must add up exactly to `total` (a whole number of units): this is checked, and a
 * mismatch is a programming error, not user input.
 */
export function largestRemainder(total: bigint, claims: readonly Claim[]): Apportionment {
  // Bring every quota onto one common denominator; distinct denominators are few in practice.
  let den = 1n;
  const factors = new Map<bigint, bigint>();
  for (const c of claims) if (!factors.has(c.quota.d)) factors.set(c.quota.d, 0n), (den = lcm(den, c.quota.d));
  for (const d of factors.keys()) factors.set(d, den / d);
  const nums = claims.map((c) => (c.quota.d === den ? c.quota.n : c.quota.n * factors.get(c.quota.d)!));
  const core = largestRemainderCore(
    total,
    nums,
    den,
    claims.map((c) => c.id),
  );
  return {
    claims: claims.map((c, i) => ({
      id: c.id,
      quota: c.quota,
      units: core.units[i]!,
      roundedUp: core.roundedUp[i] === 1,
      rank: core.rank[i]! === 0 ? null : core.rank[i]!,
    })),
    leftover: core.leftover,
    candidates: core.candidates,
  };
}

export interface CoreResult {
  units: bigint[];
  roundedUp: Uint8Array;
  /** 1-based rank of the remainder (largest first), 0 for a zero remainder; all 0 when not asked for. */
  rank: Int32Array;
  leftover: bigint;
  candidates: number;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The same method on numerators over one common denominator: the fast path for large inputs.
 * When every numerator and the denominator fit in a double exactly, the whole computation runs
 * on doubles, with the floor corrected so that it is exact; otherwise on bigints. Either way
 * remainders are compared exactly (a remainder is below the denominator).
 */
export function largestRemainderCore(
  total: bigint,
  nums: readonly bigint[] | Float64Array,
  den: bigint,
  ids: readonly string[],
  opts: { ranks: boolean } = { ranks: true },
): CoreResult {
  const n = nums.length;
  const floors = new Float64Array(n); // used on the double path
  const rems = new Float64Array(n);
  let bigFloors: bigint[] | null = null;
  let bigRems: bigint[] | null = null;
  let sumFloor = 0n;
  if (nums instanceof Float64Array) {
    // The caller's fast path: every numerator is an exact integer below 2^53, and so is den.
    if (den > MAX_EXACT) throw new RangeError('denominator too large for the double path');
    const d = Number(den);
    let s = 0;
    let remSum = 0;
    let remSumBig = 0n;
    for (let i = 0; i < n; i++) {
      const num = nums[i]!;
      if (!(num >= 0 && num <= Number.MAX_SAFE_INTEGER && Number.isInteger(num))) throw new RangeError('numerator not exact');
      let f = Math.floor(num / d);
      let r = num - f * d; // exact: every term is an integer below 2^53
      if (r < 0) (f -= 1), (r += d);
      else if (r >= d) (f += 1), (r -= d);
      floors[i] = f;
      rems[i] = r;
      s += f;
      remSum += r;
      if (remSum > 2 ** 52) (remSumBig += BigInt(remSum)), (remSum = 0);
    }
    if (s > Number.MAX_SAFE_INTEGER) throw new RangeError('total too large for the double path');
    sumFloor = BigInt(s);
    // The check that the quotas add up exactly: sum of floors x den + sum of remainders = total x den.
    if (sumFloor * den + remSumBig + BigInt(remSum) !== total * den) {
      throw new RangeError(`quotas do not add up to the total ${total}`);
    }
  } else {
    let sumNum = 0n;
    let max = 0n;
    for (const num of nums) {
      if (num < 0n) throw new RangeError('negative quota');
      sumNum += num;
      if (num > max) max = num;
    }
    if (sumNum !== total * den) throw new RangeError(`quotas add up to ${sumNum}/${den}, not to the total ${total}`);
    if (max <= MAX_EXACT && den <= MAX_EXACT) return largestRemainderCore(total, Float64Array.from(nums, Number), den, ids, opts);
    bigFloors = new Array<bigint>(n);
    bigRems = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const num = nums[i]!;
      const f = num / den;
      bigFloors[i] = f;
      bigRems[i] = num % den;
      sumFloor += f;
    }
  }
  const leftover = total - sumFloor;
  const rank = new Int32Array(n);
  const roundedUp = new Uint8Array(n);
  const byId = (a: number, b: number) => compareIds(ids[a]!, ids[b]!);
  let candidates = 0;
  if (bigRems && den > MAX_EXACT) {
    // Remainders beyond 2^53: order by their value as a fraction of the denominator in doubles
    // (error below 2^-52), and compare the bigints exactly only where two are that close. The
    // comparison is therefore exact, at the speed of doubles for nearly every pair.
    const br = bigRems;
    const dd = Number(den);
    const approx = new Float64Array(n);
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      if (br[i]! > 0n) {
        order.push(i);
        approx[i] = Number(br[i]!) / dd;
      }
    }
    order.sort((a, b) => {
      const d = approx[b]! - approx[a]!;
      if (d > 1e-12 || d < -1e-12) return d;
      return br[a]! !== br[b]! ? (br[a]! > br[b]! ? -1 : 1) : byId(a, b);
    });
    candidates = order.length;
    order.forEach((i, pos) => {
      rank[i] = pos + 1;
      if (pos < Number(leftover)) roundedUp[i] = 1;
    });
  } else {
    // Every remainder is an integer below the denominator <= 2^53, so doubles hold them exactly.
    if (bigRems) for (let i = 0; i < n; i++) rems[i] = Number(bigRems[i]!);
    for (let i = 0; i < n; i++) if (rems[i]! > 0) candidates++;
    if (opts.ranks) {
      const order: number[] = [];
      for (let i = 0; i < n; i++) if (rems[i]! > 0) order.push(i);
      order.sort((a, b) => rems[b]! - rems[a]! || byId(a, b));
      order.forEach((i, pos) => {
        rank[i] = pos + 1;
        if (pos < Number(leftover)) roundedUp[i] = 1;
      });
    } else if (leftover > 0n) {
      // Selection instead of a full sort: the threshold is the leftover-th largest remainder;
      // all above it round up, and among those equal to it the lowest codes do.
      const up = Number(leftover);
      const threshold = kthSmallest(rems.slice(), n - up);
      let given = 0;
      const ties: number[] = [];
      for (let i = 0; i < n; i++) {
        if (rems[i]! > threshold) {
          roundedUp[i] = 1;
          given++;
        } else if (rems[i] === threshold) ties.push(i);
      }
      ties.sort(byId);
      for (let t = 0; given < up; t++, given++) roundedUp[ties[t]!] = 1;
    }
  }
  const units = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const f = bigFloors ? bigFloors[i]! : BigInt(floors[i]!);
    units[i] = roundedUp[i] ? f + 1n : f;
  }
  return { units, roundedUp, rank, leftover, candidates };
}
