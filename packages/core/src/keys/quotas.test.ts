import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { keyQuotas } from './quotas.js';
import { fraction, cmp, floor, add, sub, ZERO, type Fraction } from '../money/fraction.js';
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

/** The plain definition of `keyQuotas` (bigints only, every round from scratch), to test the fast one against. */
function plainQuotas(amount: Fraction, weights: readonly bigint[], opts: { basis?: bigint; minimum?: bigint; basisPer?: readonly bigint[] } = {}) {
  const count = weights.length;
  const n = BigInt(count);
  const basis = opts.basis ?? 0n;
  const minimum = opts.minimum ?? 0n;
  if (count === 0) return amount.n === 0n ? { ok: true as const, nums: [], den: 1n, sharingWeight: 0n, aangevuld: new Uint8Array(0) } : { ok: false as const };
  const per = opts.basisPer;
  const perTotal = per ? per.reduce((a, b) => a + b, 0n) : 0n;
  if (cmp(fraction(basis * n), amount) > 0 || (per && cmp(fraction(basis * n + perTotal), amount) > 0) || cmp(fraction(minimum * n), amount) > 0) return { ok: false as const };
  const raised = new Uint8Array(count);
  let raisedCount = 0n;
  for (;;) {
    let freeWeight = 0n;
    let freeBase = 0n;
    for (let i = 0; i < count; i++) {
      if (raised[i]) continue;
      freeWeight += weights[i]!;
      if (per) freeBase += per[i]!;
    }
    const rest = sub(amount, fraction(minimum * raisedCount + basis * (n - raisedCount) + freeBase));
    if (freeWeight === 0n && rest.n !== 0n) return { ok: false as const };
    const den = rest.d * (freeWeight === 0n ? 1n : freeWeight);
    const nums = new Array<bigint>(count);
    let newly = 0n;
    for (let i = 0; i < count; i++) {
      if (raised[i]) {
        nums[i] = minimum * den;
        continue;
      }
      const q = (basis + (per ? per[i]! : 0n)) * den + rest.n * weights[i]!;
      if (minimum > 0n && q < minimum * den) {
        raised[i] = 1;
        newly++;
      }
      nums[i] = q;
    }
    if (newly === 0n) return { ok: true as const, nums, den, sharingWeight: freeWeight, aangevuld: raised };
    raisedCount += newly;
  }
}

describe('key quotas: the fast decision on the minimum against the plain definition', () => {
  const weight = fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 6n }),
    fc.constantFrom(0n, 1n, 7n, 7n, 7n), // ties
    fc.bigInt({ min: 10n ** 14n, max: 10n ** 30n }), // weights with 12 decimals, beyond 2^53
  );
  it('property: the same quotas, denominator, shared weight and raised recipients, near 10^12 euro too', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 10n ** 13n, max: 10n ** 14n })),
        fc.bigInt({ min: 1n, max: 10n ** 8n }),
        fc.array(weight, { minLength: 1, maxLength: 40 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        fc.boolean(),
        (n, d, ws, minimum, basis, withPer) => {
          const amount = fraction(n, d);
          const opts = { minimum: minimum % (1n + n / d / BigInt(ws.length)), basis: basis % 3n === 0n ? basis : 0n, ...(withPer ? { basisPer: ws.map((w, i) => (w * BigInt(i)) % 1000n) } : {}) };
          const plain = plainQuotas(amount, ws, opts);
          const fast = keyQuotas(amount, ws, opts);
          expect(fast.ok).toBe(plain.ok);
          if (plain.ok && fast.ok) {
            expect(fast.nums).toEqual(plain.nums);
            expect(fast.den).toBe(plain.den);
            expect(fast.sharingWeight).toBe(plain.sharingWeight);
            expect([...fast.aangevuld]).toEqual([...plain.aangevuld]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decides exactly where a quota lies on the minimum or next to it', () => {
    // 3 recipients of weight 1 over 300 units: each quota is exactly the minimum 100, none is raised.
    expect(keyQuotas(fraction(300n), [1n, 1n, 1n], { minimum: 100n })).toEqual(plainQuotas(fraction(300n), [1n, 1n, 1n], { minimum: 100n }));
    // A quota a hair below the minimum, far beyond the precision of a double: raised.
    const ws = [10n ** 20n - 1n, 10n ** 20n + 1n];
    const amount = fraction(2n * 10n ** 12n);
    const r = keyQuotas(amount, ws, { minimum: 10n ** 12n });
    expect(r).toEqual(plainQuotas(amount, ws, { minimum: 10n ** 12n }));
    expect(r.ok && [...r.aangevuld]).toEqual([1, 0]);
  });
});
