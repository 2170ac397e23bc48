import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimSetOf, roundShares, wholeUnitSet, type ShareSet } from './rounding.js';
import { doubles, keyShares, shareWhole } from '../keys/quotas.js';
import { largestRemainderSets } from '../apportion/claim-sets.js';
import { fraction, fromDecimal, mul, sub, type Fraction } from '../money/fraction.js';

/** The claims of a key over `amount` (units), as the distribution builds them. */
function keySet(ids: readonly string[], amount: Fraction, weights: readonly bigint[], opts: { basis?: bigint; minimum?: bigint } = {}): ShareSet | null {
  const r = keyShares(amount, weights, opts);
  if (!r.ok) return null;
  const s = r.shares;
  const whole = weights.map((_, i) => shareWhole(s, i));
  return {
    ids,
    whole,
    wholeD: doubles(whole),
    weights,
    weightsD: doubles(weights),
    active: Uint8Array.from(s.aangevuld, (x) => 1 - x),
    rest: s.rest,
    den: s.den,
  };
}


/** The plain definition: exact numerators ranked by `largestRemainderSets`. */
const plain = (total: bigint, sets: readonly ShareSet[]) => largestRemainderSets(total, sets.map(claimSetOf));

function expectSame(total: bigint, sets: readonly ShareSet[]): void {
  const fast = roundShares(total, sets);
  const ref = plain(total, sets);
  // The doubles, where the fast way has them, are the same units.
  if (fast.counts) expect(Array.from(fast.counts, BigInt)).toEqual(ref.units);
  // One claim at a time (before the list is made), then the list.
  ref.units.forEach((u, i) => expect(fast.unit(i)).toBe(u));
  expect(fast.units).toEqual(ref.units);
  expect([...fast.roundedUp]).toEqual([...ref.roundedUp]);
  expect(fast.leftover).toBe(ref.leftover);
  expect(fast.candidates).toBe(ref.candidates);
}

const codes = (n: number, prefix = 'GM') => Array.from({ length: n }, (_, i) => `${prefix}${String((i * 7919) % 10000).padStart(4, '0')}`);

describe('the final rounding over sets of claims', () => {
  const weight = fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 7n }),
    fc.constantFrom(3n, 3n, 3n, 0n), // equal remainders: the id decides
    fc.bigInt({ min: 10n ** 15n, max: 10n ** 30n }), // 12 decimals, beyond 2^53
  );
  it('property: the same units, round-ups, leftover and candidates as the plain definition, local, regional, reservations and fixed amounts together', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.bigInt({ min: 10n ** 13n, max: 10n ** 14n })), // up to 10^12 euro in cents
        fc.constantFrom('100', '75', '33.333333', '0.5', '0'),
        fc.array(weight, { minLength: 1, maxLength: 60 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 42 }),
        fc.array(fc.bigInt({ min: 0n, max: 1000n }), { maxLength: 3 }),
        fc.bigInt({ min: 0n, max: 10n ** 5n }),
        (distributable, pct, ws, regionWeights, reserved, minimum) => {
          fc.pre(ws.some((w) => w > 0n) && regionWeights.some((w) => w > 0n));
          const local = mul(fraction(distributable), mul(fromDecimal(pct), fraction(1n, 100n)));
          const regional = sub(fraction(distributable), local);
          const localSet = keySet(codes(ws.length), local, ws, { minimum: minimum % (1n + distributable / BigInt(ws.length)) });
          const regionSet = keySet(codes(regionWeights.length, 'RG'), regional, regionWeights);
          fc.pre(localSet !== null && regionSet !== null);
          const sets = [...(reserved.length > 0 ? [wholeUnitSet(codes(reserved.length, 'R'), reserved)] : []), localSet!, regionSet!];
          expectSame(distributable + reserved.reduce((a, b) => a + b, 0n), sets);
          // As the distribution gives a set where nobody is raised: no list of active claims (all are).
          const allActive = (x: ShareSet): ShareSet => (x.active && x.active.every((v) => v === 1) ? { ...x, active: null } : x);
          expectSame(distributable + reserved.reduce((a, b) => a + b, 0n), sets.map(allActive));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('property: many equal remainders go to the lowest codes, whatever the order of the claims', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, total) => {
        const ids = codes(n);
        const set = keySet(ids, fraction(total), ids.map(() => 1n));
        expectSame(total, [set!]);
      }),
    );
  });

  it('decides exactly where the doubles cannot: remainders that differ far below their precision', () => {
    // Two claims whose remainders differ by 1 / 10^30 of a unit, one unit left.
    const den = 10n ** 30n;
    const half = den / 2n;
    const sets: ShareSet[] = [
      { ids: ['B'], whole: [0n], wholeD: Float64Array.of(0), weights: [half + 1n], weightsD: Float64Array.of(Number(half + 1n)), active: null, rest: 1n, den },
      { ids: ['A'], whole: [0n], wholeD: Float64Array.of(0), weights: [half - 1n], weightsD: Float64Array.of(Number(half - 1n)), active: null, rest: 1n, den },
    ];
    expectSame(1n, sets);
    expect([...roundShares(1n, sets).roundedUp]).toEqual([1, 0]);
  });

  it('compares exactly what the doubles put just above the threshold: equal remainders on different denominators', () => {
    // Three remainders of exactly 2/3; the one over 3k is a hair above 2/3 as a double. Two units
    // are left: they go to the two lowest codes, A and C, not to Z.
    const k = 100000000000000009n;
    expect(Number(2n * k) / Number(3n * k)).toBeGreaterThan(2 / 3);
    const sets = [wholeUnitSet(['A'], [0n]), wholeUnitSet(['C'], [0n]), wholeUnitSet(['Z'], [0n])].map((s, i) => ({ ...s, weights: [i === 2 ? 2n * k : 2n], weightsD: Float64Array.of(i === 2 ? Number(2n * k) : 2), rest: 1n, den: i === 2 ? 3n * k : 3n }));
    expectSame(2n, sets);
    expect([...roundShares(2n, sets).roundedUp]).toEqual([1, 1, 0]);
  });

  it('goes the plain way from 2^53 units on, and refuses a negative quota as the plain definition does', () => {
    const big = 2n ** 53n + 3n;
    const set = keySet(codes(5), fraction(big), [1n, 2n, 3n, 4n, 5n]);
    expectSame(big, [set!]);
    const negative: ShareSet = { ids: ['A', 'B'], whole: [2n, 0n], wholeD: Float64Array.of(2, 0), weights: [0n, 1n], weightsD: Float64Array.of(0, 1), active: null, rest: -1n, den: 1n };
    expect(() => roundShares(1n, [negative])).toThrow(/negative quota/);
    expect(() => plain(1n, [negative])).toThrow(/negative quota/);
  });
});
