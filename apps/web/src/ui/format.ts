import { formatEuro } from '@kansrijke-start/core';

/** An amount in cents as Dutch money, whole euros without cents; null is "onbekend", never 0. */
export function euroTekst(cents: bigint | null, decimals: 'auto' | 'always' | 'never' = 'auto'): string {
  return cents === null ? 'onbekend' : formatEuro(cents, decimals);
}

/** Division of non-negative bigints rounded half up. */
const divHalfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

/** Euro per inhabitant with two decimals (rounded half up, exact bigint arithmetic), or '–'. */
export function perInwonerTekst(cents: bigint | null, inwoners: bigint | null | undefined): string {
  if (cents === null || !inwoners) return '–';
  const neg = cents < 0n;
  const c = divHalfUp(neg ? -cents : cents, inwoners);
  return formatEuro(neg ? -c : c, 'always');
}

/** A change as a percentage with one decimal, signed: "+12,5%", "-3,0%", "0,0%"; exact bigint arithmetic. */
export function procentTekst(f: { n: bigint; d: bigint } | null): string {
  if (f === null) return '–';
  const neg = f.n < 0n;
  const tenths = divHalfUp((neg ? -f.n : f.n) * 1000n, f.d); // percent × 10
  const body = `${(tenths / 10n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${tenths % 10n}`;
  return tenths === 0n ? `${body}%` : `${neg ? '-' : '+'}${body}%`;
}

/** A signed difference: "+€ 1.234" / "-€ 1.234" / "€ 0". */
export function verschilTekst(cents: bigint | null): string {
  if (cents === null) return '–';
  if (cents > 0n) return `+${formatEuro(cents, 'auto')}`;
  return formatEuro(cents, 'auto');
}

export const verschilKlasse = (cents: bigint | null): string =>
  cents === null || cents === 0n ? '' : cents > 0n ? ' positief' : ' negatief';
