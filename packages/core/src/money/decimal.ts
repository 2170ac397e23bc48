import { Decimal as DecimalJs } from 'decimal.js';

/**
 * A private decimal.js constructor: other applications import this package, so the global
 * `Decimal.set` is never touched. Precision is far beyond any amount in this domain
 * (10^12 euro with 20 decimals fits); rounding half up is the Dutch legal default, but every
 * rounding of money in this package is an explicit step (see `apportion/`), not this setting.
 */
export const Decimal = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Result of parsing user text: either a value or a Dutch message. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses a machine-format decimal: digits with an optional `.` decimal point, as in JSON and
 * plain CSV. A decimal comma gets its own message, because it is the most common mistake.
 */
export function parseDecimal(text: string): Parsed<Decimal> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'er staat geen getal' };
  if (PLAIN_DECIMAL.test(t)) return { ok: true, value: new Decimal(t) };
  if (/^-?\d+,\d+$/.test(t)) {
    return { ok: false, message: `"${text}" heeft een decimale komma; gebruik hier een punt (bijvoorbeeld ${t.replace(',', '.')})` };
  }
  return { ok: false, message: `"${text}" is geen getal` };
}

/**
 * Parses a number as a Dutch user types it: `1.234.567,89`, `1234567,89`, `€ 1.500`, `2,5`.
 * A `.` followed by groups of exactly three digits is a thousands separator; a single `.`
 * elsewhere (`2.5`) is read as a decimal point, since that is what the user meant.
 */
export function parseDutchNumber(text: string): Parsed<Decimal> {
  let t = text.replace(/[\s\u00a0]/g, '').replace(/^€/, '').replace(/%$/, '');
  if (t === '') return { ok: false, message: 'er staat geen getal' };
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  let normalized: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normalized = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(t)) normalized = t.replace(',', '.');
  else if (/^\d+\.\d+$/.test(t)) normalized = t;
  if (normalized === null) return { ok: false, message: `"${text.trim()}" is geen geldig getal (voorbeeld: 1.234.567,89)` };
  return { ok: true, value: new Decimal((negative ? '-' : '') + normalized) };
}
