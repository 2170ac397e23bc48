import { Decimal } from './decimal.js';
import type { Fraction } from './fraction.js';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Dutch money notation from exact cents: `€ 1.234.567,89`; whole euros without decimals
 * when `decimals` is 'auto' and the amount is whole. Exact: no floating point involved.
 */
export function formatEuro(cents: bigint, decimals: 'auto' | 'always' = 'always'): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = groupThousands((abs / 100n).toString());
  const rest = (abs % 100n).toString().padStart(2, '0');
  const showCents = decimals === 'always' || (decimals === 'auto' && rest !== '00');
  const body = showCents ? `${euros},${rest}` : euros;
  return `${negative ? '-' : ''}€ ${body}`;
}

/** Plain machine notation in euros with a `.` decimal point: `1234567.89` (or `1234567` when unit is euro). */
export function centsToPlain(cents: bigint, unit: 'euro' | 'cent' = 'cent'): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const euros = (abs / 100n).toString();
  const rest = (abs % 100n).toString().padStart(2, '0');
  const body = unit === 'euro' && rest === '00' ? euros : `${euros}.${rest}`;
  return negative ? `-${body}` : body;
}

/** A Dutch decimal number: `1.234,5678`; `digits` decimals at most, trailing zeros dropped. */
export function formatNumber(value: Decimal | Fraction | bigint | string, digits = 2): string {
  let d: Decimal;
  if (typeof value === 'bigint') d = new Decimal(value.toString());
  else if (typeof value === 'string') d = new Decimal(value);
  else if (value instanceof Decimal) d = value;
  else d = new Decimal(value.n.toString()).div(value.d.toString());
  const fixed = d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed();
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${groupThousands(int ?? '0')}${frac ? `,${frac}` : ''}`;
}

/** A percentage in Dutch notation: `12,5%`. */
export function formatPercent(value: Decimal | Fraction | string, digits = 2): string {
  return `${formatNumber(value, digits)}%`;
}

/** A signed difference in Dutch money notation: "+€ 1.234", "-€ 1.234", "€ 0" (whole euros without cents). */
export function formatSignedEuro(cents: bigint): string {
  return cents > 0n ? `+${formatEuro(cents, 'auto')}` : formatEuro(cents, 'auto');
}

/**
 * A fraction (0.125 = 12,5%) as a signed Dutch percentage with `digits` decimals, rounded half
 * away from zero, exactly: "+12,5%", "-3,0%", "0,0%".
 */
export function formatSignedPercent(f: Fraction, digits = 1): string {
  const neg = f.n < 0n;
  const scale = 10n ** BigInt(digits);
  const abs = neg ? -f.n : f.n;
  const units = (2n * abs * 100n * scale + f.d) / (2n * f.d); // percent × 10^digits, half up
  const int = groupThousands((units / scale).toString());
  const frac = digits > 0 ? `,${(units % scale).toString().padStart(digits, '0')}` : '';
  return units === 0n ? `${int}${frac}%` : `${neg ? '-' : '+'}${int}${frac}%`;
}
