import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDecimalText, readNumber } from './read-number.js';
import { formatNumber } from './format.js';

const nl = (t: string) => {
  const r = readNumber(t, 'nl');
  return r.ok ? r.value.toFixed() : r.message;
};
const machine = (t: string) => {
  const r = readNumber(t, 'machine');
  return r.ok ? r.value.toFixed() : r.message;
};

describe('readNumber: the one rule for numbers people write', () => {
  it('reads Dutch notation: a decimal comma, points or spaces between groups of three', () => {
    expect(['1.234', '1.234,5', '1,5', '1 234', '6.000.000', '1.234.567,89', '€ 1.500', '12,5%', '0,125', '1\u00a0234'].map(nl)).toEqual([
      '1234',
      '1234.5',
      '1.5',
      '1234',
      '6000000',
      '1234567.89',
      '1500',
      '12.5',
      '0.125',
      '1234',
    ]);
  });

  it('refuses a point that cannot separate thousands, instead of guessing', () => {
    expect(nl('2.5')).toBe('"2.5": de komma is het decimaalteken; schrijf 2,5 (een punt scheidt alleen duizendtallen, zoals in 1.234)');
    expect(nl('1234.5')).toMatch(/schrijf 1234,5/);
    expect(nl('1.23.4')).toMatch(/is geen getal/);
    expect(nl('1,234,5')).toMatch(/is geen getal/);
    expect(nl('')).toBe('er staat geen getal');
  });

  it('reads machine notation: a decimal point, no grouping', () => {
    expect(['1.234', '0', '12.50'].map(machine)).toEqual(['1.234', '0', '12.5']);
    expect(machine('2,5')).toMatch(/decimale komma; hier is de punt het decimaalteken: schrijf 2\.5/);
    expect(machine('1,234,567')).toMatch(/scheidingsteken voor duizendtallen/);
    expect(machine('1e3')).toMatch(/is geen getal/);
  });

  it('refuses negatives unless asked, and quotes at most a short excerpt of what was typed', () => {
    expect(nl('-5')).toMatch(/is negatief/);
    const r = readNumber('-5', 'nl', { negative: true });
    expect(r.ok && r.value.toFixed()).toBe('-5');
    const long = `x${'9'.repeat(10_000)}`;
    const m = nl(long);
    expect(m.length).toBeLessThan(200);
  });

  it('keeps the digits as written when read as text', () => {
    const r = readDecimalText('2,50', 'nl');
    expect(r.ok && r.value).toBe('2.50');
  });

  it('reads back what formatNumber writes, for any amount with cents', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (cents) => {
        const text = formatNumber(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`, 2);
        const r = readNumber(text, 'nl');
        // formatNumber drops trailing zeros, and writes 1234 with a point (1.234): both read back exactly.
        expect(r.ok && r.value.times(100).toFixed()).toBe(cents.toString());
      }),
    );
  });
});

describe('what is not a number', () => {
  it('refuses text before or after a number, also around Dutch thousands separators', () => {
    for (const t of ['a1.234', '1.234x', 'x1 234', '1.234,5x', '5-']) {
      const r = readNumber(t, 'nl', { negative: true });
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toBe(`"${t}" is geen getal; verwacht een getal, zoals 1.234,5`);
    }
  });

  it('reads a leading minus (also the typographic one), a euro sign and a percent sign', () => {
    const read = (t: string) => {
      const r = readNumber(t, 'nl', { negative: true });
      return r.ok ? r.value.toFixed() : r.message;
    };
    expect(read('−5')).toBe('-5');
    expect(read('€ 12')).toBe('12');
    expect(read('€12,5')).toBe('12.5');
    expect(read('12 %')).toBe('12');
  });
});

