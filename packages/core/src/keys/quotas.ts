import { type Fraction, fraction, cmp, sub } from '../money/fraction.js';
import { memoPerOwner } from '../memo/memo.js';
import { float64Array, uint8Array } from '../allocation/typed-pool.js';

/** Options of `keyQuotas`: an equal base amount, a minimum, and base amounts per recipient. */
export interface KeyQuotaOptions {
  /** An equal base amount (in units) per recipient, before the key divides the rest. */
  basis?: bigint;
  /** A minimum amount (in units) per recipient; the shortfall comes proportionally from the others. */
  minimum?: bigint;
  /**
   * A base amount (in units) per recipient, aligned with the weights: paid on top of its
   * weighted share of what is left after all base amounts (`basisbedragen`). Adds to `basis`.
   */
  basisPer?: readonly bigint[];
}

/** The outcome of `keyQuotas`: the exact quota of each recipient, or why there are none. */
export type KeyQuotas =
  | {
      ok: true;
      /** Exact quota of recipient i is nums[i] / den, in units; they add up exactly to the amount. */
      nums: bigint[];
      den: bigint;
      /** Sum of the weights of those that shared by weight (not raised to the minimum). */
      sharingWeight: bigint;
      /** 1 for a recipient raised to the minimum. */
      aangevuld: Uint8Array;
    }
  | { ok: false; bericht: string };

/**
 * The quotas of `keyQuotas` without their numerators: recipient i's quota is
 * `whole(i) + rest × weights[i] / den` units, where `whole(i)` is the minimum for a recipient
 * raised to it (whose weight then counts for nothing) and `basis + basisPer[i]` otherwise.
 * The distribution rounds this form directly; `shareNums` gives the numerators.
 */
export interface KeyShares {
  rest: bigint;
  den: bigint;
  sharingWeight: bigint;
  aangevuld: Uint8Array;
  basis: bigint;
  minimum: bigint;
  basisPer: readonly bigint[] | null;
}

export type KeySharesOutcome = { ok: true; shares: KeyShares } | { ok: false; bericht: string };

/**
 * Divides an exact amount (in units) over recipients by integer weights, with an optional base
 * amount per recipient and an optional minimum per recipient. All quotas share one denominator,
 * which keeps the final rounding fast.
 *
 * Minimum: recipients whose quota would fall below it get exactly the minimum; the others share
 * what is left by their weights, so the shortfall is taken from them in proportion to their
 * weights. This repeats until no recipient falls below the minimum; it ends because each round
 * raises at least one more recipient.
 */
export function keyQuotas(amount: Fraction, weights: readonly bigint[], opts: KeyQuotaOptions = {}): KeyQuotas {
  const r = keyShares(amount, weights, opts);
  if (!r.ok) return r;
  const s = r.shares;
  return { ok: true, nums: shareNums(s, weights), den: s.den, sharingWeight: s.sharingWeight, aangevuld: s.aangevuld };
}

/** The whole units of recipient i's quota: the minimum when raised to it, else its base amounts. */
export const shareWhole = (s: KeyShares, i: number): bigint => (s.aangevuld[i] === 1 ? s.minimum : s.basisPer ? s.basis + s.basisPer[i]! : s.basis);

/** The exact numerator of recipient i's quota over `den`. */
export const shareNum = (s: KeyShares, weights: readonly bigint[], i: number): bigint =>
  s.aangevuld[i] === 1 ? s.minimum * s.den : shareWhole(s, i) * s.den + s.rest * weights[i]!;

/** The exact numerators of every quota over `den`, as `keyQuotas` gives them. */
export function shareNums(s: KeyShares, weights: readonly bigint[]): bigint[] {
  const out = new Array<bigint>(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = shareNum(s, weights, i);
  return out;
}

/** Bigints as doubles (rounded to the nearest double where one is not exact). A loop: `Float64Array.from` with a mapping is far slower. */
export function doubles(values: readonly bigint[]): Float64Array {
  const out = float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number(values[i]!);
  return out;
}

/** The sum of a list of weights: once per list (a key's weights are divided again and again). */
const totalOf = memoPerOwner((weights: readonly bigint[]): bigint => {
  let sum = 0n;
  for (const w of weights) sum += w;
  return sum;
});

/**
 * Relative error bound of a quota computed in doubles from its parts (each converted to a double
 * once, then one division, two products and two sums: seven roundings of at most 2^-53 each),
 * with a margin: a quota computed so is within REL × (|whole| + |share| + minimum) of the exact one.
 */
const REL = 2 ** -50;

/**
 * `keyQuotas` in the form the rounding uses (see `KeyShares`). Which recipients fall below the
 * minimum is decided in doubles (`approx`: the weights as doubles) where the quota is further
 * from the minimum than the error bound REL allows, and exactly (bigints) where it is not.
 */
export function keyShares(amount: Fraction, weights: readonly bigint[], opts: KeyQuotaOptions = {}, approx?: Float64Array): KeySharesOutcome {
  const count = weights.length;
  const n = BigInt(count);
  const basis = opts.basis ?? 0n;
  const minimum = opts.minimum ?? 0n;
  const per = opts.basisPer ?? null;
  if (count === 0) {
    return amount.n === 0n
      ? { ok: true, shares: { rest: 0n, den: 1n, sharingWeight: 0n, aangevuld: new Uint8Array(0), basis, minimum, basisPer: per } }
      : { ok: false, bericht: 'er zijn geen ontvangers om het bedrag over te verdelen' };
  }
  if (cmp(fraction(basis * n), amount) > 0) {
    return { ok: false, bericht: `het basisbedrag voor ${n} ontvangers is samen meer dan het te verdelen bedrag` };
  }
  let perTotal = 0n;
  if (per) for (const b of per) perTotal += b;
  if (per && cmp(fraction(basis * n + perTotal), amount) > 0) {
    return { ok: false, bericht: `de basisbedragen zijn samen meer dan het te verdelen bedrag` };
  }
  if (cmp(fraction(minimum * n), amount) > 0) {
    return { ok: false, bericht: `het minimumbedrag voor ${n} ontvangers is samen meer dan het te verdelen bedrag` };
  }
  const raised = uint8Array(count);
  let raisedCount = 0n;
  let freeWeight = totalOf(weights);
  let freeBase = perTotal;
  const wd = minimum > 0n ? (approx ?? doubles(weights)) : null;
  const perD = minimum > 0n && per ? doubles(per) : null;
  const basisD = Number(basis);
  const minD = Number(minimum);
  for (;;) {
    const rest = sub(amount, fraction(minimum * raisedCount + basis * (n - raisedCount) + freeBase));
    if (freeWeight === 0n && rest.n !== 0n) {
      return { ok: false, bericht: 'alle gewichten zijn 0: het bedrag kan niet naar verhouding worden verdeeld' };
    }
    const den = rest.d * (freeWeight === 0n ? 1n : freeWeight);
    const shares: KeyShares = { rest: rest.n, den, sharingWeight: freeWeight, aangevuld: raised, basis, minimum, basisPer: per };
    if (minimum === 0n) return { ok: true, shares };
    // Who falls below the minimum this round: in doubles where certain, else exactly.
    const scale = Number(rest.n) / Number(den);
    const exactOnly = !Number.isFinite(scale);
    const minimumNum = minimum * den;
    const newly: number[] = [];
    for (let i = 0; i < count; i++) {
      if (raised[i]) continue;
      const whole = perD ? basisD + perD[i]! : basisD;
      const part = scale * wd![i]!;
      const q = whole + part;
      const tol = REL * (whole + Math.abs(part) + minD);
      if (!exactOnly && Number.isFinite(q) && (q < minD - tol || q > minD + tol)) {
        if (q < minD) newly.push(i);
      } else if (shareNum(shares, weights, i) < minimumNum) newly.push(i);
    }
    if (newly.length === 0) return { ok: true, shares };
    for (const i of newly) {
      raised[i] = 1;
      freeWeight -= weights[i]!;
      if (per) freeBase -= per[i]!;
    }
    raisedCount += BigInt(newly.length);
  }
}
