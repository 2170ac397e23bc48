import type { BaselineData, Indicator } from '../data/types.js';
import { type Fraction, fraction } from '../money/fraction.js';
import { memoPerContent } from '../memo/memo.js';
import type { YearDivision } from '../municipalities/division.js';

/** The indicator that euro-per-inhabitant figures divide by. */
const INHABITANTS = 'inwoners-2024';

/**
 * The inhabitants per municipality code of the base division that per-inhabitant figures use,
 * with the indicator they come from. A municipality without a value has no entry (unknown, so no
 * per-inhabitant figure), never 0.
 */
export const inhabitants = memoPerContent((data: BaselineData): { indicator: Indicator; perCode: ReadonlyMap<string, bigint> } => {
  const indicator = data.indicatoren.find((i) => i.id === INHABITANTS);
  if (!indicator) throw new Error(`Interne fout: indicator ${INHABITANTS} ontbreekt`);
  const perCode = new Map<string, bigint>();
  for (const [code, v] of indicator.waarden) if (v !== null) perCode.set(code, BigInt(v.toFixed(0)));
  return { indicator, perCode };
});

const perDivision = new WeakMap<YearDivision, ReadonlyMap<string, bigint>>();

/**
 * The inhabitants per municipality of a year's division. The indicator's year precedes any
 * planned merger, so a successor has the inhabitants of its parts added up; when a part has no
 * value, the successor has none either.
 */
export function inhabitantsIn(data: BaselineData, division: YearDivision): ReadonlyMap<string, bigint> {
  const base = inhabitants(data).perCode;
  // `opvolger` first: `gemeenten` of a historic year is built (and sorted by name) when first read.
  if (division.opvolger === null || division.gemeenten === data.gemeenten) return base;
  let out = perDivision.get(division);
  if (!out) {
    const m = new Map<string, bigint>();
    division.gemeenten.forEach((g, i) => {
      let sum: bigint | null = 0n;
      for (const j of division.delen[i]!) {
        const v = base.get(data.gemeenten[j]!.code);
        sum = v === undefined || sum === null ? null : sum + v;
      }
      if (sum !== null) m.set(g.code, sum);
    });
    perDivision.set(division, (out = m));
  }
  return out;
}

/** Euro per inhabitant as an exact fraction of euros; null without inhabitants or amount. */
export function perInhabitant(cents: bigint | null, inwoners: bigint | null): Fraction | null {
  if (cents === null || inwoners === null || inwoners === 0n) return null;
  return fraction(cents, inwoners * 100n);
}

/**
 * Euro per inhabitant rounded to whole cents, half away from zero: the one rounding of
 * per-inhabitant figures, for display and for exports. Null without inhabitants or amount.
 */
export function perInhabitantCents(cents: bigint | null, inwoners: bigint | null): bigint | null {
  if (cents === null || inwoners === null || inwoners === 0n) return null;
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const c = (2n * abs + inwoners) / (2n * inwoners);
  return neg ? -c : c;
}
