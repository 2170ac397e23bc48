import { describe, expect, it } from 'vitest';
import { centsOf } from './cents.js';
import { MAX_DIGITS, significantDigits, tooManyDigits } from './limits.js';

describe('cents', () => {
  it('reads euros as exact cents, and refuses what is not whole cents instead of rounding it', () => {
    expect(centsOf('12.34')).toBe(1234n);
    expect(centsOf('1000000')).toBe(100000000n);
    expect(centsOf('0.5')).toBe(50n);
    expect(centsOf('98765432109876543210.99')).toBe(9876543210987654321099n);
    expect(() => centsOf('12.345')).toThrow(/12\.345 is not a whole number of cents/);
  });
});

describe('the range of numbers', () => {
  it('counts significant digits from the first to the last digit that is not 0', () => {
    expect(significantDigits('0012.3400')).toBe(4);
    expect(significantDigits('1000')).toBe(1);
    expect(significantDigits('0.001')).toBe(1);
    expect(significantDigits('101')).toBe(3);
    expect(significantDigits('0')).toBe(0);
  });

  it(`accepts ${MAX_DIGITS} significant digits and refuses one more, in Dutch`, () => {
    const at = `1${'2'.repeat(MAX_DIGITS - 1)}`;
    expect(tooManyDigits(at)).toBeNull();
    expect(tooManyDigits(`000${at}000.000`)).toBeNull();
    expect(tooManyDigits(`${at}3`, 'het totaal')).toBe(`het totaal heeft meer dan ${MAX_DIGITS} cijfers; zo'n getal kan niet exact worden verwerkt`);
    expect(tooManyDigits(`${at}3`)).toMatch(/^het getal heeft/);
  });
});
