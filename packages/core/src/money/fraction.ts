import { Decimal } from './decimal.js';

/**
 * An exact rational number with bigint numerator and a positive bigint denominator. Quotas
 * (amount × share) are generally not finite decimals (1/3), so the apportionment compares them
 * as fractions: nothing is rounded before the final, explicit rounding step.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** The fraction n / d in lowest terms with a positive denominator; a `RangeError` for d = 0. */
export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('fraction with denominator 0');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Fraction = { n: 0n, d: 1n };
export const ONE: Fraction = { n: 1n, d: 1n };

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** An exact fraction from a decimal (a Decimal, or decimal text such as "2.35"). */
export function fromDecimal(value: Decimal | string | number): Fraction {
  // Plain decimal text: the form every amount and percentage has in a scenario.
  const plain = (text: string): Fraction | null => {
    const m = PLAIN.exec(text);
    if (!m) return null;
    const frac = m[3] ?? '';
    const n = BigInt(m[2]! + frac);
    return fraction(m[1] ? -n : n, 10n ** BigInt(frac.length));
  };
  if (typeof value === 'string') {
    const f = plain(value);
    if (f) return f;
  }
  const dec = value instanceof Decimal ? value : new Decimal(value);
  if (!dec.isFinite()) throw new RangeError(`not a finite number: ${String(value)}`);
  // toFixed() writes a finite decimal exactly, in plain notation.
  return plain(dec.toFixed())!;
}

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError('division by zero');
  return fraction(a.n * b.d, a.d * b.n);
}
/** Compares two fractions exactly: negative when a < b, 0 when equal, positive when a > b (exported as `compareFractions`). */
export const cmp = (a: Fraction, b: Fraction): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Fraction): boolean => a.n === 0n;

/** Largest integer not above the fraction. */
export function floor(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Rounds half up (away from zero for halves of positive numbers), the Dutch legal default. */
export function roundHalfUp(a: Fraction): bigint {
  return floor(add(a, { n: 1n, d: 2n }));
}

/** A decimal for display: exact when the fraction is a finite decimal, else `digits` decimals. */
export function toDecimal(a: Fraction, digits = 6): Decimal {
  return new Decimal(a.n.toString()).div(a.d.toString()).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

/** The factor of a percentage change: 1 + pct/100 for an increase (indexation), 1 - pct/100 for a cut. */
export function percentFactor(pct: string, sign: 1 | -1): Fraction {
  const p = fromDecimal(pct);
  return fraction(p.d * 100n + BigInt(sign) * p.n, p.d * 100n);
}
