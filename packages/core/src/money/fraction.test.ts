import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from './decimal.js';
import {
  type Fraction,
  fraction,
  ZERO,
  ONE,
  fromDecimal,
  add,
  sub,
  mul,
  div,
  cmp,
  isZero,
  floor,
  roundHalfUp,
  toDecimal,
  percentFactor,
} from './fraction.js';

const HALF = fraction(1n, 2n);
const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const bigNum = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const posDen = fc.bigInt({ min: 1n, max: 10n ** 9n });
const nonZeroDen = fc.oneof(posDen, posDen.map((d) => -d));
/** Any fraction, built through `fraction` so that it is normalised. */
const anyFraction: fc.Arbitrary<Fraction> = fc.tuple(bigNum, posDen).map(([n, d]) => fraction(n, d));
const nonZeroFraction = anyFraction.filter((f) => f.n !== 0n);
/** Plain decimal text (as in a scenario) together with the exact value it stands for: n / 10^k. */
const decimalText = fc.tuple(bigNum, fc.integer({ min: 0, max: 8 })).map(([n, k]) => {
  const digits = abs(n).toString().padStart(k + 1, '0');
  const body = k > 0 ? `${digits.slice(0, -k)}.${digits.slice(-k)}` : digits;
  return { n, k, text: `${n < 0n ? '-' : ''}${body}` };
});

describe('fraction: normalisation', () => {
  it('reduces by the gcd', () => {
    expect(fraction(6n, 4n)).toEqual({ n: 3n, d: 2n });
    expect(fraction(100n, 25n)).toEqual({ n: 4n, d: 1n });
    expect(fraction(-6n, 9n)).toEqual({ n: -2n, d: 3n });
    expect(fraction(7n, 13n)).toEqual({ n: 7n, d: 13n });
  });

  it('moves the sign of the denominator to the numerator', () => {
    expect(fraction(3n, -4n)).toEqual({ n: -3n, d: 4n });
    expect(fraction(-3n, -4n)).toEqual({ n: 3n, d: 4n });
    expect(fraction(6n, -4n)).toEqual({ n: -3n, d: 2n });
  });

  it('writes zero as 0/1 whatever the denominator', () => {
    expect(fraction(0n, 5n)).toEqual({ n: 0n, d: 1n });
    expect(fraction(0n, -7n)).toEqual({ n: 0n, d: 1n });
    expect(fraction(0n)).toEqual(ZERO);
  });

  it('defaults the denominator to 1', () => {
    expect(fraction(5n)).toEqual({ n: 5n, d: 1n });
    expect(fraction(-5n)).toEqual({ n: -5n, d: 1n });
  });

  it('rejects a zero denominator', () => {
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
    expect(() => fraction(0n, 0n)).toThrow(RangeError);
  });

  it('ZERO and ONE are 0/1 and 1/1', () => {
    expect(ZERO).toEqual({ n: 0n, d: 1n });
    expect(ONE).toEqual({ n: 1n, d: 1n });
  });

  it('property: positive denominator, coprime terms, same value', () => {
    fc.assert(
      fc.property(bigNum, nonZeroDen, (n, d) => {
        const f = fraction(n, d);
        expect(f.d > 0n).toBe(true);
        expect(gcd(f.n, f.d)).toBe(1n);
        expect(f.n * d).toBe(n * f.d); // n/d = f.n/f.d
      }),
    );
  });
});

describe('fraction: arithmetic', () => {
  it('add and sub', () => {
    expect(add(fraction(1n, 2n), fraction(1n, 3n))).toEqual({ n: 5n, d: 6n });
    expect(add(fraction(1n, 6n), fraction(1n, 3n))).toEqual({ n: 1n, d: 2n }); // reduced
    expect(add(fraction(1n, 2n), fraction(-1n, 2n))).toEqual(ZERO);
    expect(sub(fraction(1n, 3n), fraction(1n, 2n))).toEqual({ n: -1n, d: 6n });
    expect(sub(fraction(3n, 4n), fraction(1n, 4n))).toEqual({ n: 1n, d: 2n });
  });

  it('mul and div', () => {
    expect(mul(fraction(2n, 3n), fraction(3n, 4n))).toEqual({ n: 1n, d: 2n });
    expect(mul(fraction(-2n, 3n), fraction(3n, 2n))).toEqual({ n: -1n, d: 1n });
    expect(mul(fraction(5n, 7n), ZERO)).toEqual(ZERO);
    expect(div(fraction(1n, 2n), fraction(1n, 4n))).toEqual({ n: 2n, d: 1n });
    expect(div(fraction(1n, 2n), fraction(-3n, 4n))).toEqual({ n: -2n, d: 3n }); // sign to the numerator
  });

  it('div by zero throws', () => {
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
  });

  it('cmp orders by value, also for negatives and unequal denominators', () => {
    expect(cmp(fraction(1n, 3n), fraction(1n, 2n))).toBe(-1);
    expect(cmp(fraction(1n, 2n), fraction(1n, 3n))).toBe(1);
    expect(cmp(fraction(2n, 4n), fraction(1n, 2n))).toBe(0);
    expect(cmp(fraction(-1n, 2n), fraction(-1n, 3n))).toBe(-1);
    expect(cmp(fraction(-1n, 2n), ZERO)).toBe(-1);
    expect(cmp(fraction(333_333n, 1_000_000n), fraction(1n, 3n))).toBe(-1);
  });

  it('isZero', () => {
    expect(isZero(ZERO)).toBe(true);
    expect(isZero(fraction(0n, 9n))).toBe(true);
    expect(isZero(fraction(1n, 10n ** 30n))).toBe(false);
    expect(isZero(fraction(-1n, 2n))).toBe(false);
  });

  it('property: sub undoes add, and add undoes sub', () => {
    fc.assert(
      fc.property(anyFraction, anyFraction, (a, b) => {
        expect(sub(add(a, b), b)).toEqual(a);
        expect(add(sub(a, b), b)).toEqual(a);
        expect(add(a, b)).toEqual(add(b, a));
        expect(sub(a, a)).toEqual(ZERO);
      }),
    );
  });

  it('property: div undoes mul', () => {
    fc.assert(
      fc.property(anyFraction, nonZeroFraction, (a, b) => {
        expect(div(mul(a, b), b)).toEqual(a);
        expect(mul(div(a, b), b)).toEqual(a);
        expect(div(b, b)).toEqual(ONE);
      }),
    );
  });

  it('property: cmp agrees with the sign of the difference and is antisymmetric', () => {
    fc.assert(
      fc.property(anyFraction, anyFraction, (a, b) => {
        const diff = sub(a, b);
        const sign = diff.n < 0n ? -1 : diff.n > 0n ? 1 : 0;
        expect(cmp(a, b)).toBe(sign);
        expect(cmp(b, a)).toBe(-sign);
      }),
    );
  });
});

describe('fraction: floor and roundHalfUp', () => {
  it('floor of positive and negative fractions', () => {
    expect(floor(fraction(7n, 2n))).toBe(3n);
    expect(floor(fraction(-7n, 2n))).toBe(-4n); // not truncation towards zero
    expect(floor(fraction(-1n, 3n))).toBe(-1n);
    expect(floor(fraction(-4n, 2n))).toBe(-2n); // whole numbers stay
    expect(floor(fraction(6n))).toBe(6n);
    expect(floor(ZERO)).toBe(0n);
    expect(floor(fraction(99n, 100n))).toBe(0n);
  });

  it('floor also handles a numerator and denominator that were not reduced', () => {
    expect(floor({ n: -4n, d: 2n })).toBe(-2n);
    expect(floor({ n: -6n, d: 4n })).toBe(-2n);
  });

  it('roundHalfUp: halves go up', () => {
    expect(roundHalfUp(fraction(5n, 2n))).toBe(3n);
    expect(roundHalfUp(fraction(3n, 2n))).toBe(2n);
    expect(roundHalfUp(fraction(1n, 2n))).toBe(1n);
    expect(roundHalfUp(fraction(249n, 100n))).toBe(2n);
    expect(roundHalfUp(fraction(251n, 100n))).toBe(3n);
    expect(roundHalfUp(fraction(7n))).toBe(7n);
    expect(roundHalfUp(ZERO)).toBe(0n);
  });

  it('roundHalfUp of negative halves goes towards +infinity (as implemented): -5/2 -> -2', () => {
    expect(roundHalfUp(fraction(-5n, 2n))).toBe(-2n);
    expect(roundHalfUp(fraction(-3n, 2n))).toBe(-1n);
    expect(roundHalfUp(fraction(-1n, 2n))).toBe(0n);
    expect(roundHalfUp(fraction(-251n, 100n))).toBe(-3n);
    expect(roundHalfUp(fraction(-249n, 100n))).toBe(-2n);
  });

  it('property: floor(a) <= a < floor(a) + 1', () => {
    fc.assert(
      fc.property(anyFraction, (a) => {
        const f = floor(a);
        expect(cmp(fraction(f), a)).toBeLessThanOrEqual(0);
        expect(cmp(a, fraction(f + 1n))).toBe(-1);
      }),
    );
  });

  it('property: roundHalfUp(a) - 1/2 <= a < roundHalfUp(a) + 1/2', () => {
    fc.assert(
      fc.property(anyFraction, (a) => {
        const r = fraction(roundHalfUp(a));
        expect(cmp(sub(r, HALF), a)).toBeLessThanOrEqual(0);
        expect(cmp(a, add(r, HALF))).toBe(-1);
      }),
    );
  });

  it('property: floor and roundHalfUp shift with whole numbers', () => {
    fc.assert(
      fc.property(anyFraction, bigNum, (a, k) => {
        expect(floor(add(a, fraction(k)))).toBe(floor(a) + k);
        expect(roundHalfUp(add(a, fraction(k)))).toBe(roundHalfUp(a) + k);
      }),
    );
  });
});

describe('fromDecimal', () => {
  it('reads plain decimal text exactly', () => {
    expect(fromDecimal('2.35')).toEqual({ n: 47n, d: 20n });
    expect(fromDecimal('-0.5')).toEqual({ n: -1n, d: 2n });
    expect(fromDecimal('10')).toEqual({ n: 10n, d: 1n });
    expect(fromDecimal('0')).toEqual(ZERO);
    expect(fromDecimal('-0')).toEqual(ZERO);
    expect(fromDecimal('0.000')).toEqual(ZERO);
    expect(fromDecimal('007.50')).toEqual({ n: 15n, d: 2n });
    expect(fromDecimal('1234567.89')).toEqual({ n: 123456789n, d: 100n });
    expect(fromDecimal('0.1')).toEqual({ n: 1n, d: 10n });
  });

  it('keeps many digits exactly, beyond what a double holds', () => {
    expect(fromDecimal('12345678901234567890.123456789')).toEqual({
      n: 12345678901234567890123456789n,
      d: 10n ** 9n,
    });
  });

  it('reads Decimal values', () => {
    expect(fromDecimal(new Decimal('2.35'))).toEqual({ n: 47n, d: 20n });
    expect(fromDecimal(new Decimal('-0.5'))).toEqual({ n: -1n, d: 2n });
    expect(fromDecimal(new Decimal('1.5e-3'))).toEqual({ n: 3n, d: 2000n });
    expect(fromDecimal(new Decimal(0))).toEqual(ZERO);
  });

  it('reads other decimal notations and numbers through Decimal', () => {
    expect(fromDecimal('1e3')).toEqual({ n: 1000n, d: 1n });
    expect(fromDecimal('.25')).toEqual({ n: 1n, d: 4n });
    expect(fromDecimal('+1.5')).toEqual({ n: 3n, d: 2n });
    expect(fromDecimal(0.1)).toEqual({ n: 1n, d: 10n }); // the decimal the number prints as, not its binary value
    expect(fromDecimal(2.35)).toEqual({ n: 47n, d: 20n });
    expect(fromDecimal(-3)).toEqual({ n: -3n, d: 1n });
  });

  it('rejects what is not a finite number', () => {
    expect(() => fromDecimal('Infinity')).toThrow(RangeError);
    expect(() => fromDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => fromDecimal(new Decimal(-Infinity))).toThrow(RangeError);
    expect(() => fromDecimal('abc')).toThrow();
    expect(() => fromDecimal('1,5')).toThrow();
  });

  it('property: decimal text n/10^k gives exactly n/10^k, the same as through Decimal', () => {
    fc.assert(
      fc.property(decimalText, ({ n, k, text }) => {
        const f = fromDecimal(text);
        expect(f).toEqual(fraction(n, 10n ** BigInt(k)));
        expect(fromDecimal(new Decimal(text))).toEqual(f);
      }),
    );
  });
});

describe('toDecimal', () => {
  it('is exact for finite decimals', () => {
    expect(toDecimal(fraction(47n, 20n)).toFixed()).toBe('2.35');
    expect(toDecimal(fraction(-1n, 2n)).toFixed()).toBe('-0.5');
    expect(toDecimal(fraction(1n, 8n)).toFixed()).toBe('0.125');
    expect(toDecimal(fraction(10n ** 30n)).toFixed()).toBe(`1${'0'.repeat(30)}`);
    expect(toDecimal(ZERO).toFixed()).toBe('0');
  });

  it('rounds others half up to `digits` decimals (6 by default)', () => {
    expect(toDecimal(fraction(1n, 3n)).toFixed()).toBe('0.333333');
    expect(toDecimal(fraction(2n, 3n)).toFixed()).toBe('0.666667');
    expect(toDecimal(fraction(2n, 3n), 2).toFixed()).toBe('0.67');
    expect(toDecimal(fraction(1n, 8n), 2).toFixed()).toBe('0.13');
    expect(toDecimal(fraction(-2n, 3n), 3).toFixed()).toBe('-0.667');
    expect(toDecimal(fraction(5n, 2n), 0).toFixed()).toBe('3');
  });

  it('returns a Decimal', () => {
    expect(toDecimal(fraction(1n, 4n))).toBeInstanceOf(Decimal);
  });

  it('property: toDecimal undoes fromDecimal for decimal text', () => {
    fc.assert(
      fc.property(decimalText, ({ k, text }) => {
        const d = toDecimal(fromDecimal(text), k);
        expect(d.eq(new Decimal(text))).toBe(true);
        expect(d.toFixed(k)).toBe(text);
      }),
    );
  });
});

describe('percentFactor', () => {
  it('an increase is 1 + pct/100, a cut 1 - pct/100', () => {
    expect(percentFactor('2.5', 1)).toEqual({ n: 41n, d: 40n });
    expect(percentFactor('2.5', -1)).toEqual({ n: 39n, d: 40n });
    expect(percentFactor('10', -1)).toEqual({ n: 9n, d: 10n });
    expect(percentFactor('12.345', -1)).toEqual({ n: 17531n, d: 20000n });
    expect(percentFactor('0', 1)).toEqual(ONE);
    expect(percentFactor('0', -1)).toEqual(ONE);
    expect(percentFactor('100', -1)).toEqual(ZERO);
    expect(percentFactor('100', 1)).toEqual({ n: 2n, d: 1n });
  });

  it('a negative percentage turns the direction', () => {
    expect(percentFactor('-5', 1)).toEqual({ n: 19n, d: 20n });
    expect(percentFactor('-5', -1)).toEqual({ n: 21n, d: 20n });
  });

  it('property: equals 1 + sign * pct / 100, exactly', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(1 as const, -1 as const), ({ text }, sign) => {
        const expected = add(ONE, mul(fraction(BigInt(sign)), div(fromDecimal(text), fraction(100n))));
        expect(percentFactor(text, sign)).toEqual(expected);
      }),
    );
  });
});
