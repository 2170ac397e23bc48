import type { BaselineData, Indicator } from '../data/types.js';
import { type Fraction, fraction } from '../money/fraction.js';
import { memoPerOwner } from '../memo/memo.js';

/** The indicator that euro-per-inhabitant figures divide by. */
const INHABITANTS = 'inwoners-2024';

/** The inhabitants per municipality code that per-inhabitant figures use, with the indicator they come from. */
export const inhabitants = memoPerOwner((data: BaselineData): { indicator: Indicator; perCode: ReadonlyMap<string, bigint> } => {
  const indicator = data.indicatoren.find((i) => i.id === INHABITANTS);
  if (!indicator) throw new Error(`Interne fout: indicator ${INHABITANTS} ontbreekt`);
  return { indicator, perCode: new Map([...indicator.waarden].map(([code, v]) => [code, BigInt(v.toFixed(0))])) };
});

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
