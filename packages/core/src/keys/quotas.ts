import { type Fraction, fraction, cmp, sub, add, ZERO } from '../money/fraction.js';

export interface KeyQuotaOptions {
  /** An equal base amount (in units) per recipient, before the key divides the rest. */
  basis?: bigint;
  /** A minimum amount (in units) per recipient; the shortfall comes proportionally from the others. */
  minimum?: bigint;
}

export type KeyQuotas =
  | {
      ok: true;
      /** Exact quota per recipient id, in units; they add up exactly to the amount. */
      quotas: Map<string, Fraction>;
      /** Sum of the weights of those that shared by weight (not raised to the minimum). */
      sharingWeight: bigint;
      /** Recipients raised to the minimum. */
      aangevuld: Set<string>;
    }
  | { ok: false; bericht: string };

/**
 * Divides an exact amount (in units) over recipients by integer weights, with an optional base
 * amount per recipient and an optional minimum per recipient.
 *
 * Minimum: recipients whose quota would fall below it get exactly the minimum; the others share
 * what is left by their weights, so the shortfall is taken from them in proportion to their
 * weights. This repeats until no recipient falls below the minimum; it ends because each round
 * fixes at least one more recipient.
 */
export function keyQuotas(amount: Fraction, weights: ReadonlyMap<string, bigint>, opts: KeyQuotaOptions = {}): KeyQuotas {
  const ids = [...weights.keys()];
  const n = BigInt(ids.length);
  const basis = opts.basis ?? 0n;
  const minimum = opts.minimum ?? 0n;
  if (ids.length === 0) {
    return amount.n === 0n
      ? { ok: true, quotas: new Map(), sharingWeight: 0n, aangevuld: new Set() }
      : { ok: false, bericht: 'er zijn geen ontvangers om het bedrag over te verdelen' };
  }
  if (cmp(fraction(basis * n), amount) > 0) {
    return { ok: false, bericht: `het basisbedrag voor ${n} ontvangers is samen meer dan het te verdelen bedrag` };
  }
  if (cmp(fraction(minimum * n), amount) > 0) {
    return { ok: false, bericht: `het minimumbedrag voor ${n} ontvangers is samen meer dan het te verdelen bedrag` };
  }
  const raised = new Set<string>();
  for (;;) {
    const free = ids.filter((id) => !raised.has(id));
    const freeWeight = free.reduce((s, id) => s + weights.get(id)!, 0n);
    const rest = sub(amount, fraction(minimum * BigInt(raised.size) + basis * BigInt(free.length)));
    if (freeWeight === 0n && rest.n !== 0n) {
      return { ok: false, bericht: 'alle gewichten zijn 0: het bedrag kan niet naar verhouding worden verdeeld' };
    }
    const quotas = new Map<string, Fraction>();
    const newlyRaised: string[] = [];
    // One common denominator for all free quotas keeps the later rounding fast.
    const den = rest.d * (freeWeight === 0n ? 1n : freeWeight);
    for (const id of ids) {
      if (raised.has(id)) {
        quotas.set(id, fraction(minimum));
        continue;
      }
      const w = weights.get(id)!;
      const q: Fraction = { n: basis * den + rest.n * w, d: den };
      if (minimum > 0n && q.n < minimum * q.d) newlyRaised.push(id);
      quotas.set(id, q);
    }
    if (newlyRaised.length === 0) return { ok: true, quotas, sharingWeight: freeWeight, aangevuld: raised };
    for (const id of newlyRaised) raised.add(id);
  }
}

/** Sum of fractions; for checks and tests. */
export function sumFractions(values: Iterable<Fraction>): Fraction {
  let s = ZERO;
  for (const v of values) s = add(s, v);
  return s;
}

