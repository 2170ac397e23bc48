import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { keyQuotas } from './quotas.js';
import { fraction, cmp, floor, add, ZERO, type Fraction } from '../money/fraction.js';
import { largestRemainder } from '../apportion/largest-remainder.js';

const total = (qs: Iterable<Fraction>) => [...qs].reduce((a, b) => add(a, b), ZERO);
type Ok = Extract<ReturnType<typeof keyQuotas>, { ok: true }>;
const quotas = (r: Ok): Fraction[] => r.nums.map((n) => fraction(n, r.den));

describe('key quotas', () => {
  it('divides by weight when there is no minimum', () => {
    const r = keyQuotas(fraction(100n), [1n, 3n]);
    expect(r.ok && quotas(r)).toEqual([fraction(25n), fraction(75n)]);
  });

  it('raises small recipients to the minimum and takes the shortfall from the others by weight', () => {
    const r = keyQuotas(fraction(1000n), [1n, 49n, 50n], { minimum: 100n });
    if (!r.ok) throw new Error(r.bericht);
    const [klein, midden, groot] = quotas(r);
    expect(cmp(klein!, fraction(100n))).toBe(0);
    // 900 over 49:50
    expect(cmp(midden!, fraction(900n * 49n, 99n))).toBe(0);
    expect(cmp(groot!, fraction(900n * 50n, 99n))).toBe(0);
    expect([...r.aangevuld]).toEqual([1, 0, 0]);
  });

  it('gives every recipient the base amount first', () => {
    const r = keyQuotas(fraction(1000n), [0n, 1n], { basis: 100n });
    expect(r.ok && quotas(r).map((q) => floor(q))).toEqual([100n, 900n]);
  });

  it('says so in Dutch when the minimum cannot be met', () => {
    const r = keyQuotas(fraction(100n), [1n, 1n], { minimum: 60n });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.bericht).toMatch(/minimumbedrag/);
  });

  it('property: minimums hold and the total still adds up exactly after rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 60 }),
        fc.bigInt({ min: 0n, max: 10n ** 7n }),
        (amount, ws, minimum) => {
          fc.pre(ws.some((w) => w > 0n));
          const r = keyQuotas(fraction(amount), ws, { minimum });
          if (minimum * BigInt(ws.length) > amount) return !r.ok;
          if (!r.ok) return false;
          expect(cmp(total(quotas(r)), fraction(amount))).toBe(0);
          for (const q of quotas(r)) expect(cmp(q, fraction(minimum))).toBeGreaterThanOrEqual(0);
          const rounded = largestRemainder(amount, quotas(r).map((quota, i) => ({ id: `G${String(i).padStart(3, '0')}`, quota })));
          expect(rounded.claims.reduce((s, c) => s + c.units, 0n)).toBe(amount);
          for (const c of rounded.claims) expect(c.units).toBeGreaterThanOrEqual(minimum);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
