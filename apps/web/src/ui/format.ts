import { formatEuro, formatSignedEuro, formatSignedPercent, perInhabitantCents, type Fraction } from '@kansrijke-start/core';

/**
 * How the app writes figures that the core computed. Every figure and every rounding comes from
 * the core; these only say what an empty value looks like here.
 */

/** An amount in cents as Dutch money, whole euros without cents; null is "onbekend", never 0. */
export function euroTekst(cents: bigint | null, decimals: 'auto' | 'always' = 'auto'): string {
  return cents === null ? 'onbekend' : formatEuro(cents, decimals);
}

/** Euro per inhabitant, rounded to whole cents by the core's one rule, or '–'. */
export function perInwonerTekst(cents: bigint | null, inwoners: bigint | null | undefined): string {
  const c = perInhabitantCents(cents, inwoners ?? null);
  return c === null ? '–' : formatEuro(c, 'always');
}

/** A change as a signed percentage with one decimal ("+12,5%"), or '–'. */
export function procentTekst(f: Fraction | null): string {
  return f === null ? '–' : formatSignedPercent(f, 1);
}

/** A signed difference: "+€ 1.234" / "-€ 1.234" / "€ 0", or "onbekend" when a side is unknown. */
export function verschilTekst(cents: bigint | null): string {
  return cents === null ? 'onbekend' : formatSignedEuro(cents);
}

export const verschilKlasse = (cents: bigint | null): string => (cents === null || cents === 0n ? '' : cents > 0n ? ' positief' : ' negatief');
