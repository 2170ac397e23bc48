import { type Fraction, floor } from '../money/fraction.js';

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
  /** The fractional part of the quota (0 <= remainder < 1). */
  readonly remainder: Fraction;
  /** 1-based place in the order of remainders (largest first); null when the remainder is 0. */
  readonly rank: number | null;
}

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
  const seen = new Set<bigint>();
  for (const c of claims) {
    if (!seen.has(c.quota.d)) {
      seen.add(c.quota.d);
      den = lcm(den, c.quota.d);
    }
  }
  const n = claims.length;
  const floors = new Array<bigint>(n);
  const rems = new Array<bigint>(n);
  let sumNum = 0n;
  let sumFloor = 0n;
  for (let i = 0; i < n; i++) {
    const q = claims[i]!.quota;
    const num = q.d === den ? q.n : q.n * (den / q.d);
    if (num < 0n) throw new RangeError(`negative quota for ${claims[i]!.id}`);
    sumNum += num;
    const f = num / den;
    floors[i] = f;
    rems[i] = num - f * den;
    sumFloor += f;
  }
  if (sumNum !== total * den) {
    throw new RangeError(`quotas add up to ${sumNum}/${den}, not to the total ${total}`);
  }
  const leftover = total - sumFloor;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (rems[i]! > 0n) order.push(i);
  order.sort((a, b) => {
    const ra = rems[a]!;
    const rb = rems[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const ia = claims[a]!.id;
    const ib = claims[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const rank = new Array<number | null>(n).fill(null);
  order.forEach((idx, pos) => (rank[idx] = pos + 1));
  const up = Number(leftover);
  const result: RoundedClaim[] = claims.map((c, i) => {
    const r = rank[i] ?? null;
    const roundedUp = r !== null && r <= up;
    return {
      id: c.id,
      quota: c.quota,
      units: floors[i]! + (roundedUp ? 1n : 0n),
      roundedUp,
      remainder: { n: rems[i]!, d: den },
      rank: r,
    };
  });
  return { claims: result, leftover, candidates: order.length };
}

// Re-exported for callers that only need the floor of a quota.
export { floor };
