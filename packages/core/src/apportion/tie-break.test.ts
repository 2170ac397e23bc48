import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareIds } from './tie-break.js';
import { largestRemainder } from './largest-remainder.js';
import { fraction } from '../money/fraction.js';

/** The plain definition: compare the lists of code points. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

describe('the tie-break', () => {
  it('orders ids by code point, also where UTF-16 order differs', () => {
    // U+FF5E (one code unit, 0xFF5E) before U+1F600 (surrogates 0xD83D 0xDE00): UTF-16 order says the opposite.
    expect('\uff5e' < '\u{1f600}').toBe(false);
    expect(compareIds('\uff5e', '\u{1f600}')).toBe(-1);
    expect(compareIds('GM0014', 'GM0034')).toBe(-1);
    expect(compareIds('GM0034', 'GM0014')).toBe(1);
    expect(compareIds('A', 'A')).toBe(0);
    expect(compareIds('A', 'AB')).toBe(-1);
  });

  it('agrees with the plain definition for any strings', () => {
    const s = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '\ue000', '\uffff', '\ud7ff'), fc.constantFrom('\u{10000}', '\u{1f600}', '\u{10ffff}')), maxLength: 5 });
    fc.assert(
      fc.property(s, s, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(byCodePoints(a, b));
      }),
    );
  });

  it('gives the leftover unit to the lower code point on a tie', () => {
    const r = largestRemainder(1n, [
      { id: '\u{1f600}', quota: fraction(1n, 2n) },
      { id: '\uff5e', quota: fraction(1n, 2n) },
    ]);
    expect(r.claims.find((c) => c.id === '\uff5e')!.units).toBe(1n);
  });
});
