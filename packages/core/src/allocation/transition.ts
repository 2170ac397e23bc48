import { type Fraction, floor, fraction, mul } from '../money/fraction.js';
import { largestRemainderCore } from '../apportion/largest-remainder.js';
import { compareIds } from '../apportion/tie-break.js';

/**
 * The transition path (ingroeipad): the change of each municipality's amount against a
 * reference is capped, and what the caps free up or cost is balanced over the others, so the
 * total stays exactly the same. All amounts are whole units (euros or cents); see the README,
 * "Ingroeipad", for the method and its tie-break.
 *
 * 1. Reference: the total of the rows divided by the reference weights (the baseline key), with
 *    the largest-remainder rounding in the unit. Its total is exactly the rows' total, so the
 *    caps are always feasible.
 * 2. Cap: per row, rounded down to whole units (holding the rounded cap holds the exact one);
 *    either given per row (euro per inhabitant) or a factor of the reference (a percentage).
 * 3. Clamp each amount to [reference - cap, reference + cap] (never below 0).
 * 4. Balance what is left (total - sum of clamped amounts) over the rows not at a cap, in
 *    proportion to their reference, with the largest-remainder rounding; a row that would pass
 *    its cap gets its cap and leaves the balancing, and the rest is divided again (water-filling)
 *    until nothing is left. Only when no row without a cap has room left, the rows at the other
 *    cap take part too (they have room in that direction, so this always ends).
 * Equal remainders go to the lowest code; the rows are handled in code order, so the result does
 * not depend on the order of the input.
 */
export interface TransitionRow {
  code: string;
  /** The amount without the path, in units. */
  amount: bigint;
  /** The weight of the reference key (the baseline key); a row's reference is its share of the total. */
  weight: bigint;
  /** The cap in units (exact), when given per row; else `capFactor` of the reference applies. */
  cap?: Fraction;
}

/** What `transitionPath` did to each row: its reference, cap, amount before and after, and whether it hit a cap. */
export interface TransitionFacts {
  /** Per row, in input order; amounts in units. */
  reference: bigint[];
  cap: bigint[];
  /** The amount without the path. */
  before: bigint[];
  /** -1: raised to its lower cap, 1: lowered to its upper cap, 0: within its caps (step 3). */
  clamped: Int8Array;
  /** What the balancing (step 4) added (positive) or took (negative). */
  balance: bigint[];
  /** 1 when the row ended at one of its caps (by clamping or balancing). */
  atCap: Uint8Array;
  amount: bigint[];
  /** Number of balancing rounds. */
  rounds: number;
}

/** The transition path over `rows`; `capFactor`: the cap as a fraction of the reference (k × percentage / 100). */
export function transitionPath(rows: readonly TransitionRow[], capFactor: Fraction | null = null): TransitionFacts {
  const n = rows.length;
  // Work in code order, so that nothing depends on the order of the input.
  const order = rows.map((_, i) => i).sort((a, b) => compareIds(rows[a]!.code, rows[b]!.code));
  const ids = order.map((i) => rows[i]!.code);
  const amounts = order.map((i) => rows[i]!.amount);
  const total = amounts.reduce((a, b) => a + b, 0n);
  const weights = order.map((i) => rows[i]!.weight);
  const weightTotal = weights.reduce((a, b) => a + b, 0n);
  // 1. The reference: the same total by the reference key.
  const ref =
    weightTotal === 0n
      ? amounts.slice()
      : largestRemainderCore(
          total,
          weights.map((w) => w * total),
          weightTotal,
          ids,
          { ranks: false },
        ).units;
  // 2-3. Caps and clamping.
  const cap = order.map((i, k) => {
    const c = rows[i]!.cap ?? (capFactor ? mul(capFactor, fraction(ref[k]!)) : fraction(0n));
    return c.n <= 0n ? 0n : floor(c);
  });
  const lo = ref.map((r, k) => (r > cap[k]! ? r - cap[k]! : 0n));
  const hi = ref.map((r, k) => r + cap[k]!);
  const x = amounts.map((a, k) => (a < lo[k]! ? lo[k]! : a > hi[k]! ? hi[k]! : a));
  const clamped = Int8Array.from(amounts, (a, k) => (a < lo[k]! ? -1 : a > hi[k]! ? 1 : 0));
  const atCap = Uint8Array.from(clamped, (c) => (c === 0 ? 0 : 1));
  const afterClamp = x.slice();
  // 4. Water-filling.
  let rest = total - x.reduce((a, b) => a + b, 0n);
  let rounds = 0;
  while (rest !== 0n) {
    rounds++;
    const up = rest > 0n;
    const room = (k: number) => (up ? x[k]! < hi[k]! : x[k]! > lo[k]!);
    let members = ids.map((_, k) => k).filter((k) => atCap[k] === 0 && room(k));
    if (members.length === 0) members = ids.map((_, k) => k).filter(room);
    if (members.length === 0) throw new RangeError('transition path: no room left (the reference does not add up)');
    const size = up ? rest : -rest;
    const refSum = members.reduce((s, k) => s + ref[k]!, 0n);
    const shares = largestRemainderCore(
      size,
      members.map((k) => (refSum === 0n ? size : ref[k]! * size)),
      refSum === 0n ? BigInt(members.length) : refSum,
      members.map((k) => ids[k]!),
      { ranks: false },
    ).units;
    members.forEach((k, j) => {
      const s = shares[j]!;
      if (up) {
        const next = x[k]! + s;
        if (next >= hi[k]! && s > 0n) atCap[k] = 1;
        x[k] = next > hi[k]! ? hi[k]! : next;
      } else {
        const next = x[k]! - s;
        if (next <= lo[k]! && s > 0n) atCap[k] = 1;
        x[k] = next < lo[k]! ? lo[k]! : next;
      }
    });
    rest = total - x.reduce((a, b) => a + b, 0n);
  }
  // Back to input order.
  const back = <T>(list: readonly T[]): T[] => {
    const out = new Array<T>(n);
    order.forEach((i, k) => (out[i] = list[k]!));
    return out;
  };
  const clampedOut = new Int8Array(n);
  const atCapOut = new Uint8Array(n);
  order.forEach((i, k) => {
    clampedOut[i] = clamped[k]!;
    atCapOut[i] = atCap[k]!;
  });
  return {
    reference: back(ref),
    cap: back(cap),
    before: back(amounts),
    clamped: clampedOut,
    balance: back(x.map((v, k) => v - afterClamp[k]!)),
    atCap: atCapOut,
    amount: back(x),
    rounds,
  };
}
