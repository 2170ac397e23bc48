import { type Fraction, fraction, cmp, sub } from '../money/fraction.js';

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
  const count = weights.length;
  const n = BigInt(count);
  const basis = opts.basis ?? 0n;
  const minimum = opts.minimum ?? 0n;
  if (count === 0) {
    return amount.n === 0n
      ? { ok: true, nums: [], den: 1n, sharingWeight: 0n, aangevuld: new Uint8Array(0) }
      : { ok: false, bericht: 'er zijn geen ontvangers om het bedrag over te verdelen' };
  }
  if (cmp(fraction(basis * n), amount) > 0) {
    return { ok: false, bericht: `het basisbedrag voor ${n} ontvangers is samen meer dan het te verdelen bedrag` };
  }
  const per = opts.basisPer;
  const perTotal = per ? per.reduce((a, b) => a + b, 0n) : 0n;
  if (per && cmp(fraction(basis * n + perTotal), amount) > 0) {
    return { ok: false, bericht: `de basisbedragen zijn samen meer dan het te verdelen bedrag` };
  }
  if (cmp(fraction(minimum * n), amount) > 0) {
    return { ok: false, bericht: `het minimumbedrag voor ${n} ontvangers is samen meer dan het te verdelen bedrag` };
  }
  const raised = new Uint8Array(count);
  let raisedCount = 0n;
  for (;;) {
    let freeWeight = 0n;
    let freeBase = 0n;
    for (let i = 0; i < count; i++) {
      if (raised[i]) continue;
      freeWeight += weights[i]!;
      if (per) freeBase += per[i]!;
    }
    const rest = sub(amount, fraction(minimum * raisedCount + basis * (n - raisedCount) + freeBase));
    if (freeWeight === 0n && rest.n !== 0n) {
      return { ok: false, bericht: 'alle gewichten zijn 0: het bedrag kan niet naar verhouding worden verdeeld' };
    }
    const den = rest.d * (freeWeight === 0n ? 1n : freeWeight);
    const basisNum = basis * den;
    const minimumNum = minimum * den;
    const nums = new Array<bigint>(count);
    let newlyRaised = 0n;
    for (let i = 0; i < count; i++) {
      if (raised[i]) {
        nums[i] = minimumNum;
        continue;
      }
      const own = per ? per[i]! : 0n;
      const q = basis === 0n && own === 0n ? rest.n * weights[i]! : basisNum + own * den + rest.n * weights[i]!;
      if (minimum > 0n && q < minimumNum) {
        raised[i] = 1;
        newlyRaised++;
      }
      nums[i] = q;
    }
    if (newlyRaised === 0n) return { ok: true, nums, den, sharingWeight: freeWeight, aangevuld: raised };
    raisedCount += newlyRaised;
  }
}
