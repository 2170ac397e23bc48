import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from './decimal.js';
import { fraction, fromDecimal } from './fraction.js';
import { formatEuro, centsToPlain, formatNumber, formatPercent, formatSignedEuro, formatSignedPercent } from './format.js';

const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

/** Reads `formatEuro` output back into cents, checking the notation on the way. */
function parseEuro(text: string): { cents: bigint; hasCents: boolean } {
  const m = /^(-?)€ (0|[1-9]\d{0,2}(?:\.\d{3})*)(?:,(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`not Dutch money notation: ${JSON.stringify(text)}`);
  const abs = BigInt(m[2]!.replace(/\./g, '')) * 100n + BigInt(m[3] ?? '0');
  return { cents: m[1] ? -abs : abs, hasCents: m[3] !== undefined };
}

/** Reads `formatNumber` output (Dutch separators) back into a Decimal, checking the notation. */
function parseDutch(text: string): Decimal {
  const m = /^(-?)(0|[1-9]\d{0,2}(?:\.\d{3})*)(?:,(\d*[1-9]))?$/.exec(text);
  if (!m) throw new Error(`not Dutch number notation: ${JSON.stringify(text)}`);
  return new Decimal(`${m[1]}${m[2]!.replace(/\./g, '')}${m[3] ? `.${m[3]}` : ''}`);
}

describe('formatEuro', () => {
  it("'always' (the default) shows cents and groups thousands with dots", () => {
    expect(formatEuro(123456789n)).toBe('€ 1.234.567,89');
    expect(formatEuro(123456789n, 'always')).toBe('€ 1.234.567,89');
    expect(formatEuro(100000n)).toBe('€ 1.000,00');
    expect(formatEuro(99999n)).toBe('€ 999,99');
    expect(formatEuro(100n)).toBe('€ 1,00');
    expect(formatEuro(5n)).toBe('€ 0,05');
    expect(formatEuro(0n)).toBe('€ 0,00');
    expect(formatEuro(10n ** 20n)).toBe('€ 1.000.000.000.000.000.000,00');
  });

  it("'auto' drops ',00' for whole euros only", () => {
    expect(formatEuro(150000n, 'auto')).toBe('€ 1.500');
    expect(formatEuro(150050n, 'auto')).toBe('€ 1.500,50');
    expect(formatEuro(150001n, 'auto')).toBe('€ 1.500,01');
    expect(formatEuro(5n, 'auto')).toBe('€ 0,05');
    expect(formatEuro(0n, 'auto')).toBe('€ 0');
    expect(formatEuro(123456700n, 'auto')).toBe('€ 1.234.567');
  });

  it('negative amounts get a minus before the euro sign', () => {
    expect(formatEuro(-123456n)).toBe('-€ 1.234,56');
    expect(formatEuro(-5n)).toBe('-€ 0,05');
    expect(formatEuro(-100n, 'auto')).toBe('-€ 1');
    expect(formatEuro(-150n, 'auto')).toBe('-€ 1,50');
    expect(formatEuro(-123456789n)).toBe('-€ 1.234.567,89');
  });

  it("property: 'always' reads back to the same cents, with a minus exactly for negatives", () => {
    fc.assert(
      fc.property(cents, (c) => {
        const text = formatEuro(c, 'always');
        const back = parseEuro(text);
        expect(back.cents).toBe(c);
        expect(back.hasCents).toBe(true);
        expect(text.startsWith('-')).toBe(c < 0n);
      }),
    );
  });

  it("property: 'auto' reads back to the same cents and shows cents unless they are 00", () => {
    fc.assert(
      fc.property(cents, (c) => {
        const back = parseEuro(formatEuro(c, 'auto'));
        expect(back.cents).toBe(c);
        expect(back.hasCents).toBe(c % 100n !== 0n);
      }),
    );
  });
});

describe('centsToPlain', () => {
  it("unit 'cent' (the default) always has two decimals after a '.', no grouping", () => {
    expect(centsToPlain(123456789n)).toBe('1234567.89');
    expect(centsToPlain(123456789n, 'cent')).toBe('1234567.89');
    expect(centsToPlain(100n)).toBe('1.00');
    expect(centsToPlain(5n)).toBe('0.05');
    expect(centsToPlain(0n)).toBe('0.00');
  });

  it("unit 'euro' drops '.00' for whole euros", () => {
    expect(centsToPlain(123456700n, 'euro')).toBe('1234567');
    expect(centsToPlain(100n, 'euro')).toBe('1');
    expect(centsToPlain(150n, 'euro')).toBe('1.50');
    expect(centsToPlain(0n, 'euro')).toBe('0');
  });

  it('negative amounts', () => {
    expect(centsToPlain(-5n)).toBe('-0.05');
    expect(centsToPlain(-123456n)).toBe('-1234.56');
    expect(centsToPlain(-100n, 'euro')).toBe('-1');
    expect(centsToPlain(-150n, 'euro')).toBe('-1.50');
  });

  it('property: the text is a plain decimal worth exactly cents/100 (both units)', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('euro' as const, 'cent' as const), (c, unit) => {
        const text = centsToPlain(c, unit);
        expect(text).toMatch(/^-?\d+(\.\d{2})?$/);
        expect(fromDecimal(text)).toEqual(fraction(c, 100n));
        expect(text.includes('.')).toBe(unit === 'cent' || c % 100n !== 0n);
      }),
    );
  });
});

describe('formatNumber', () => {
  it('uses Dutch separators: dots for thousands, a comma for decimals', () => {
    expect(formatNumber('1234.5678', 4)).toBe('1.234,5678');
    expect(formatNumber('1234567')).toBe('1.234.567');
    expect(formatNumber('-1234567.5')).toBe('-1.234.567,5');
    expect(formatNumber('999')).toBe('999');
    expect(formatNumber('0')).toBe('0');
  });

  it('rounds half up to `digits` decimals (2 by default)', () => {
    expect(formatNumber('1234.5678')).toBe('1.234,57');
    expect(formatNumber('0.125')).toBe('0,13');
    expect(formatNumber('0.124')).toBe('0,12');
    expect(formatNumber('2.345')).toBe('2,35');
    expect(formatNumber('2.5', 0)).toBe('3');
    expect(formatNumber('999.995')).toBe('1.000'); // the carry reaches the thousands
  });

  it('negative halves round away from zero (Decimal ROUND_HALF_UP), and a rounded zero has no sign', () => {
    expect(formatNumber('-2.345')).toBe('-2,35');
    expect(formatNumber('-2.5', 0)).toBe('-3');
    expect(formatNumber('-0.004')).toBe('0');
  });

  it('drops trailing zeros', () => {
    expect(formatNumber('2.50')).toBe('2,5');
    expect(formatNumber('2.00')).toBe('2');
    expect(formatNumber('0.10')).toBe('0,1');
    expect(formatNumber('1.999', 2)).toBe('2');
    expect(formatNumber('1.2000', 4)).toBe('1,2');
  });

  it('accepts bigint, string, Decimal and Fraction', () => {
    expect(formatNumber(1000000n)).toBe('1.000.000');
    expect(formatNumber(-1234n)).toBe('-1.234');
    expect(formatNumber(new Decimal('1234.5'))).toBe('1.234,5');
    expect(formatNumber(fraction(1n, 3n))).toBe('0,33');
    expect(formatNumber(fraction(2n, 3n))).toBe('0,67');
    expect(formatNumber(fraction(1n, 3n), 4)).toBe('0,3333');
    expect(formatNumber(fraction(-7n, 2n), 0)).toBe('-4');
    expect(formatNumber(fraction(123456789n, 100n))).toBe('1.234.567,89');
  });

  it('property: reads back within half a unit of the last decimal, exactly when no rounding is needed', () => {
    const value = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }));
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), ([n, k], digits) => {
        const exact = new Decimal(n.toString()).div(new Decimal(10).pow(k));
        const back = parseDutch(formatNumber(exact, digits));
        const unit = new Decimal(10).pow(-digits);
        expect(back.minus(exact).abs().lte(unit.div(2))).toBe(true);
        if (k <= digits) expect(back.eq(exact)).toBe(true);
        // the same through the Fraction and string inputs
        expect(formatNumber(fraction(n, 10n ** BigInt(k)), digits)).toBe(formatNumber(exact, digits));
        expect(formatNumber(exact.toFixed(), digits)).toBe(formatNumber(exact, digits));
      }),
    );
  });
});

describe('formatPercent', () => {
  it('is formatNumber with a % sign', () => {
    expect(formatPercent('12.5')).toBe('12,5%');
    expect(formatPercent('12.50')).toBe('12,5%');
    expect(formatPercent('100')).toBe('100%');
    expect(formatPercent('-3')).toBe('-3%');
    expect(formatPercent('1234.5')).toBe('1.234,5%');
    expect(formatPercent(new Decimal('0.005'))).toBe('0,01%');
  });

  it('rounds half up to `digits` decimals', () => {
    expect(formatPercent(fraction(1n, 8n))).toBe('0,13%');
    expect(formatPercent('33.33333', 1)).toBe('33,3%');
    expect(formatPercent('66.65', 1)).toBe('66,7%');
    expect(formatPercent(fraction(200n, 3n), 0)).toBe('67%');
  });
});

describe('signed differences', () => {
  it('writes a difference in euros with its sign, and 0 without one', () => {
    expect(formatSignedEuro(123456n)).toBe('+€ 1.234,56');
    expect(formatSignedEuro(-123456n)).toBe('-€ 1.234,56');
    expect(formatSignedEuro(5n)).toBe('+€ 0,05');
    expect(formatSignedEuro(0n)).toBe('€ 0');
  });

  it('writes a change in percent with its sign, rounded half away from zero', () => {
    expect(formatSignedPercent(fraction(1n, 8n))).toBe('+12,5%');
    expect(formatSignedPercent(fraction(-1n, 8n))).toBe('-12,5%');
    expect(formatSignedPercent(fraction(-1n, 2000n))).toBe('-0,1%'); // -0,05% rounds away from zero
    expect(formatSignedPercent(fraction(1n, 3000n))).toBe('0,0%'); // rounds to nothing: no sign
    expect(formatSignedPercent(fraction(0n, 1n))).toBe('0,0%');
    expect(formatSignedPercent(fraction(123456n, 10n), 2)).toBe('+1.234.560,00%');
    expect(formatSignedPercent(fraction(1n, 3n), 0)).toBe('+33%');
  });
});

