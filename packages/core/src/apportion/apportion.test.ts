import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { apportion } from './apportion.js';
import { largestRemainder, largestRemainderCore } from './largest-remainder.js';
import { largestRemainderSets } from './claim-sets.js';
import { largestRemainderWeights } from './weights-fast.js';
import { fraction } from '../money/fraction.js';

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
/** The units of each claim in a `largestRemainderWeights` rounding: floor, plus one if rounded up. */
const unitsOf = (r: { floors: Float64Array; roundedUp: Uint8Array }): bigint[] => Array.from(r.floors, (f, i) => BigInt(f + r.roundedUp[i]!));

describe('largest remainder', () => {
  it('gives the leftover unit to the largest remainder, not to the first claim', () => {
    // 100 over 3 equal weights: 33.33 each; one unit left; tie-break by id ascending.
    const r = largestRemainder(100n, [
      { id: 'c', quota: fraction(100n, 3n) },
      { id: 'a', quota: fraction(100n, 3n) },
      { id: 'b', quota: fraction(100n, 3n) },
    ]);
    expect(r.claims.map((c) => [c.id, c.units])).toEqual([
      ['c', 33n],
      ['a', 34n],
      ['b', 33n],
    ]);
    expect(r.leftover).toBe(1n);
  });

  it('prefers the larger remainder over the lower code', () => {
    const r = largestRemainder(10n, [
      { id: 'a', quota: fraction(41n, 10n) }, // 4.1
      { id: 'b', quota: fraction(59n, 10n) }, // 5.9
    ]);
    expect(r.claims.map((c) => c.units)).toEqual([4n, 6n]);
  });

  it('refuses quotas that do not add up to the total', () => {
    expect(() => largestRemainder(10n, [{ id: 'a', quota: fraction(9n) }])).toThrow();
  });
});

describe('apportion', () => {
  it('divides whole euros by weight with a documented tie-break', () => {
    const r = apportion({ total: '1000', weights: [{ code: 'B', weight: '1' }, { code: 'A', weight: '1' }, { code: 'C', weight: '1' }] });
    expect(r.ok && r.rows.map((x) => [x.code, x.amount])).toEqual([
      ['B', 33300n],
      ['A', 33400n],
      ['C', 33300n],
    ]);
  });

  it('gives a recipient with a fixed amount exactly that, and no weighted share', () => {
    const r = apportion({
      total: '1000',
      weights: [{ code: 'A', weight: '3' }, { code: 'B', weight: '1' }, { code: 'C', weight: '1' }],
      fixed: [{ code: 'B', amount: '200' }],
    });
    // The rest, 800, goes to A and C by 3:1; B's weight is not used.
    expect(r.ok && r.rows.map((x) => [x.code, x.amount])).toEqual([
      ['A', 60000n],
      ['B', 20000n],
      ['C', 20000n],
    ]);
  });

  it('adds a base amount on top of the weighted share of the rest', () => {
    const r = apportion({
      total: '1000',
      weights: [{ code: 'A', weight: '3' }, { code: 'B', weight: '1' }],
      base: [{ code: 'B', amount: '200' }],
    });
    expect(r.ok && r.rows.map((x) => x.amount)).toEqual([60000n, 40000n]);
  });

  it('refuses a code with both a fixed and a base amount, fixed amounts over the total, and a rest with nobody to take it', () => {
    const weights = [{ code: 'A', weight: '1' }, { code: 'B', weight: '1' }];
    const both = apportion({ total: '10', weights, fixed: [{ code: 'A', amount: '1' }], base: [{ code: 'A', amount: '1' }] });
    expect(!both.ok && both.fouten.join(' ')).toMatch(/vast bedrag én een basisbedrag/);
    const over = apportion({ total: '10', weights, fixed: [{ code: 'A', amount: '6' }], base: [{ code: 'B', amount: '5' }] });
    expect(!over.ok && over.fouten).toEqual(['de vaste bedragen en basisbedragen zijn samen meer dan het totaal']);
    const nobody = apportion({ total: '10', weights, fixed: [{ code: 'A', amount: '1' }, { code: 'B', amount: '1' }] });
    expect(!nobody.ok && nobody.fouten.join(' ')).toMatch(/zonder vast bedrag zijn 0/);
    const unknown = apportion({ total: '10', weights, base: [{ code: 'X', amount: '1' }] });
    expect(!unknown.ok && unknown.fouten.join(' ')).toMatch(/basisbedrag 1: code "X" staat niet bij de gewichten/);
  });

  it('apportions in cents when asked', () => {
    const r = apportion({ total: '0.10', unit: 'cent', weights: [{ code: 'A', weight: '1' }, { code: 'B', weight: '2' }] });
    expect(r.ok && r.rows.map((x) => x.amount)).toEqual([3n, 7n]);
  });

  it('reports bad input in Dutch instead of throwing', () => {
    const r = apportion({ total: '10.5', weights: [{ code: 'A', weight: '-1' }, { code: 'A', weight: 'x' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fouten.join('\n')).toMatch(/hele euro/);
      expect(r.fouten.join('\n')).toMatch(/twee keer/);
      expect(r.fouten.join('\n')).toMatch(/geen gewicht/);
    }
  });

  it('refuses all-zero weights for a positive total', () => {
    const r = apportion({ total: '5', weights: [{ code: 'A', weight: '0' }] });
    expect(r.ok).toBe(false);
  });
});

// Properties: weights as decimal strings with up to 3 decimals.
const weightArb = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([i, f]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(3, '0')}`));
const recipientsArb = (max: number) =>
  fc
    .array(weightArb, { minLength: 1, maxLength: max })
    .filter((ws) => ws.some((w) => Number(w) > 0))
    .map((ws) => ws.map((w, i) => ({ code: `R${String(i).padStart(5, '0')}`, weight: w })));
// Large totals take the bigint path, realistic ones (up to 10^8 euro) the exact-double fast path.
const totalArb = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 8n })).map((t) => t.toString());

function exactQuotaCents(total: string, weights: { weight: string }[], i: number): { floor: bigint; ceil: bigint } {
  const scale = 1000n;
  const w = weights.map((x) => {
    const [a, b = ''] = x.weight.split('.');
    return BigInt(a!) * scale + BigInt(b.padEnd(3, '0'));
  });
  const W = w.reduce((a, b) => a + b, 0n);
  const num = BigInt(total) * w[i]!; // in euros
  const floor = num / W;
  return { floor: floor * 100n, ceil: (num % W === 0n ? floor : floor + 1n) * 100n };
}

describe('apportion properties', () => {
  it('fixed amounts: exactly fixed, no share; the others get the plain apportionment of the rest', () => {
    fc.assert(
      fc.property(recipientsArb(60), fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.nat(), { maxLength: 10 }), (weights, extra, picks) => {
        const fixedCodes = [...new Set(picks.map((p) => weights[p % weights.length]!.code))];
        const fixed = fixedCodes.map((code, k) => ({ code, amount: String(k * 7 + 1) }));
        const fixedSum = fixed.reduce((a, f) => a + BigInt(f.amount), 0n);
        const total = String(fixedSum + BigInt(extra));
        const others = weights.filter((w) => !fixedCodes.includes(w.code));
        const r = apportion({ total, weights, fixed });
        if (others.every((w) => Number(w.weight) === 0) && extra > 0) {
          expect(r.ok).toBe(false);
          return;
        }
        if (!r.ok) throw new Error(r.fouten.join('; '));
        expect(sum(r.rows.map((x) => x.amount))).toBe(BigInt(total) * 100n);
        for (const f of fixed) expect(r.rows.find((x) => x.code === f.code)!.amount).toBe(BigInt(f.amount) * 100n);
        if (others.length === 0) return;
        // The plain definition: the rest over the others alone.
        const plain = apportion({ total: String(extra), weights: others });
        if (!plain.ok) throw new Error(plain.fouten.join('; '));
        expect(r.rows.filter((x) => !fixedCodes.includes(x.code)).map((x) => x.amount)).toEqual(plain.rows.map((x) => x.amount));
      }),
      { numRuns: 200 },
    );
  });

  it('adds up exactly for totals up to 10^12 euro and many recipients; each share is floor or ceiling of its quota', () => {
    fc.assert(
      fc.property(totalArb, recipientsArb(300), (total, weights) => {
        const r = apportion({ total, weights });
        if (!r.ok) return false;
        expect(sum(r.rows.map((x) => x.amount))).toBe(BigInt(total) * 100n);
        r.rows.forEach((row, i) => {
          const { floor, ceil } = exactQuotaCents(total, weights, i);
          expect(row.amount === floor || row.amount === ceil).toBe(true);
        });
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('adds up exactly with 10,000 recipients', () => {
    fc.assert(
      fc.property(totalArb, fc.array(weightArb, { minLength: 10_000, maxLength: 10_000 }), (total, ws) => {
        const weights = ws.map((w, i) => ({ code: `R${i}`, weight: i === 0 ? '1' : w }));
        const r = apportion({ total, weights });
        return r.ok && sum(r.rows.map((x) => x.amount)) === BigInt(total) * 100n;
      }),
      { numRuns: 5 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(totalArb, recipientsArb(50), fc.integer(), (total, weights, seed) => {
        const shuffled = [...weights].sort((a, b) => ((a.code.charCodeAt(5) * 31 + seed) % 7) - ((b.code.charCodeAt(5) * 31 + seed) % 7) || (a.code < b.code ? 1 : -1));
        const a = apportion({ total, weights });
        const b = apportion({ total, weights: shuffled });
        if (!a.ok || !b.ok) return false;
        const byCode = new Map(b.rows.map((r) => [r.code, r.amount]));
        return a.rows.every((r) => byCode.get(r.code) === r.amount);
      }),
    );
  });

  it('gives a zero weight zero', () => {
    fc.assert(
      fc.property(totalArb, recipientsArb(50), (total, weights) => {
        const withZero = [...weights, { code: 'ZERO', weight: '0' }];
        const r = apportion({ total, weights: withZero });
        return r.ok && r.rows.find((x) => x.code === 'ZERO')!.amount === 0n;
      }),
    );
  });
});

describe('selection and full ranking agree', () => {
  it('property: rounding without ranks (selection) gives the same amounts as with a full ranking', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }), (total, ws) => {
        fc.pre(ws.some((w) => w > 0));
        // Small weights make equal remainders (ties) common, so the tie-break is exercised.
        const W = BigInt(ws.reduce((a, b) => a + b, 0));
        const ids = ws.map((_, i) => `C${String((i * 7919) % 1000).padStart(3, '0')}-${i}`);
        const nums = ws.map((w) => total * BigInt(w));
        const a = largestRemainderCore(total, nums, W, ids, { ranks: false });
        const b = largestRemainderCore(total, nums, W, ids, { ranks: true });
        expect(a.units).toEqual(b.units);
        expect(a.leftover).toBe(b.leftover);
      }),
      { numRuns: 300 },
    );
  });
});

describe('remainders beyond 2^53', () => {
  // A reference: the plain definition, sorting remainders as bigints.
  function reference(total: bigint, nums: bigint[], den: bigint, ids: string[]): bigint[] {
    const floors = nums.map((x) => x / den);
    const rems = nums.map((x) => x % den);
    const left = Number(total - floors.reduce((a, b) => a + b, 0n));
    const order = nums.map((_, i) => i).filter((i) => rems[i]! > 0n);
    order.sort((a, b) => (rems[a] !== rems[b] ? (rems[a]! > rems[b]! ? -1 : 1) : ids[a]! < ids[b]! ? -1 : 1));
    order.slice(0, left).forEach((i) => (floors[i] = floors[i]! + 1n));
    return floors;
  }

  it('property: ordering by doubles with exact tie checks equals the plain bigint definition', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 16n, max: 10n ** 30n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 120 }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (scale, ws, total) => {
          fc.pre(ws.some((w) => w > 0n));
          // Weights that are multiples of a huge scale make the denominator exceed 2^53, and
          // repeated weights make exactly equal remainders (ties).
          const weights = ws.map((w) => w * scale + (w % 3n));
          const den = weights.reduce((a, b) => a + b, 0n);
          const nums = weights.map((w) => total * w);
          const ids = ws.map((_, i) => `G${String((i * 37) % 120).padStart(3, '0')}${i}`);
          const r = largestRemainderCore(total, nums, den, ids, { ranks: true });
          expect(r.units).toEqual(reference(total, nums, den, ids));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('several sets of claims', () => {
  it('property: rounding sets with their own denominators equals rounding on the common denominator', () => {
    const setArb = fc.record({
      den: fc.bigInt({ min: 1n, max: 10n ** 20n }),
      parts: fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 30 }),
    });
    fc.assert(
      fc.property(fc.array(setArb, { minLength: 1, maxLength: 4 }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (specs, total) => {
        // Each set gets a share of the total: set k's quotas are total * parts / (sum of parts * sets).
        const k = BigInt(specs.length);
        const sets = specs
          .map((sp, s) => {
            const sum = sp.parts.reduce((a, b) => a + b, 0n);
            if (sum === 0n) return null;
            const den = sum * k * sp.den;
            return { ids: sp.parts.map((_, j) => `S${s}-${String(j).padStart(2, '0')}`), nums: sp.parts.map((p) => total * p * sp.den), den };
          })
          .filter((x): x is NonNullable<typeof x> => x !== null);
        fc.pre(sets.length === specs.length);
        const common = sets.reduce((d, s) => {
          let [a, b] = [d, s.den];
          while (b !== 0n) [a, b] = [b, a % b];
          return (d / a) * s.den;
        }, 1n);
        const ids = sets.flatMap((s) => s.ids);
        const nums = sets.flatMap((s) => s.nums.map((x) => x * (common / s.den)));
        const a = largestRemainderSets(total, sets);
        const b = largestRemainderCore(total, nums, common, ids);
        expect(a.units).toEqual(b.units);
        expect([...a.rank]).toEqual([...b.rank]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('large totals in doubles with exact fallbacks', () => {
  it('property: equals the exact bigint rounding, also for integer quotas and ties', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 9n, max: 10n ** 12n }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 ** 8 })), { minLength: 1, maxLength: 400 }),
        fc.boolean(),
        (total, ws, multiple) => {
          // With `multiple`, the total is a multiple of the weight sum: every quota is an integer.
          const sum = ws.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0 && Number.isSafeInteger(sum));
          const t = multiple ? BigInt(sum) * (total / BigInt(sum) + 1n) : total;
          fc.pre(t <= BigInt(Number.MAX_SAFE_INTEGER));
          const ids = ws.map((_, i) => `R${String((i * 131) % 400).padStart(3, '0')}-${i}`);
          const a = largestRemainderWeights(t, Float64Array.from(ws), sum, (i) => ids[i]!);
          const b = largestRemainderCore(t, ws.map((w) => t * BigInt(w)), BigInt(sum), ids, { ranks: false });
          expect(unitsOf(a)).toEqual(b.units);
          expect([...a.roundedUp]).toEqual([...b.roundedUp]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('weights beyond what doubles hold', () => {
  it('property: weights of 16 to 30 digits take the bigint path and still add up exactly', () => {
    fc.assert(
      fc.property(totalArb, fc.array(fc.bigInt({ min: 10n ** 15n, max: 10n ** 30n }), { minLength: 1, maxLength: 200 }), (total, ws) => {
        const weights = ws.map((w, i) => ({ code: `B${i}`, weight: w.toString() }));
        const r = apportion({ total, weights });
        if (!r.ok) return false;
        const W = ws.reduce((a, b) => a + b, 0n);
        r.rows.forEach((row, i) => {
          const exact = BigInt(total) * ws[i]!;
          const floor = (exact / W) * 100n;
          expect(row.amount === floor || row.amount === floor + 100n).toBe(true);
        });
        return sum(r.rows.map((x) => x.amount)) === BigInt(total) * 100n;
      }),
      { numRuns: 100 },
    );
  });
});

describe('apportion at the edges of its range', () => {
  it('refuses what it cannot compute exactly instead of rounding it: a total beyond 10^15 euro, a weight of more than 30 digits', () => {
    const big = apportion({ total: `${10n ** 80n + 1n}`, weights: [{ code: 'a', weight: '1' }] });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.fouten.join(' ')).toMatch(/cijfers|grootste bedrag/);
    const weight = `${'9'.repeat(85)}1`;
    const w = apportion({ total: '10', weights: [{ code: 'a', weight }, { code: 'b', weight: '1' }] });
    expect(!w.ok && w.fouten).toEqual(["gewicht 1 (\"a\") heeft meer dan 30 cijfers; zo'n getal kan niet exact worden verwerkt"]);
    // At the edge of the range it is exact: 10^15 euro over weights of 30 digits.
    const edge = apportion({ total: `${10n ** 15n}`, weights: [{ code: 'a', weight: '1'.repeat(30) }, { code: 'b', weight: '2'.repeat(30) }, { code: 'c', weight: '3'.repeat(30) }] });
    // Shares 1/6, 2/6 and 3/6 of 10^15 euro: 166666666666666.67, 333333333333333.33 and 500000000000000;
    // the one euro left goes to the largest remainder (a's 2/3).
    expect(edge.ok && edge.rows.map((r) => r.amount)).toEqual([166666666666667n * 100n, 333333333333333n * 100n, 500000000000000n * 100n]);
  });

  it('gives Dutch problems, never a TypeError, for input of the wrong kind', () => {
    for (const input of [null, 42, { total: 1000, weights: [{ code: 'a', weight: '1' }] }, { total: '1000', weights: null }, { total: '1000', weights: [null] }, { total: '1000', weights: [{ code: 'a', weight: 1 }] }]) {
      const r = apportion(input as never);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.fouten.length).toBeGreaterThan(0);
    }
  });

  it('is immune to what the application does to decimal.js: its own Decimal and the global one', async () => {
    const { Decimal: Exported } = await import('../index.js');
    const { Decimal: Global } = await import('decimal.js');
    const before = apportion({ total: '123456.78', weights: [{ code: 'a', weight: '1' }], unit: 'cent' });
    Exported.set({ precision: 2 });
    Global.set({ precision: 2 });
    try {
      const after = apportion({ total: new Exported('123456.78'), weights: [{ code: 'a', weight: new Exported('1') }], unit: 'cent' });
      expect(after).toEqual(before);
      expect(after.ok && after.rows[0]!.amount).toBe(12345678n);
    } finally {
      Exported.set({ precision: 80 });
      Global.set({ precision: 20 });
    }
  });
});

describe('the fast path at the edge of double precision', () => {
  it('decides a quota a hair below a whole number exactly, where the double rounds it up', () => {
    // W = 2^30, weights x = 2^29 + 1 and W - x, and t = k·2^30 - x⁻¹ (mod 2^30), about 2^50:
    // the exact quotas are k0 - 2^-30 and k1 + 2^-30, which doubles round to whole numbers.
    const W = 2n ** 30n;
    const x = 2n ** 29n + 1n;
    let inv = 1n;
    for (let k = 0; k < 30; k++) inv = (inv * (2n - x * inv)) % W; // Newton: x·inv ≡ 1 (mod 2^30)
    inv = ((inv % W) + W) % W;
    expect((x * inv) % W).toBe(1n);
    const t = 2n ** 20n * W + (W - inv);
    expect((t * x) % W).toBe(W - 1n);
    const ids = ['a', 'b'];
    const fast = largestRemainderWeights(t, Float64Array.of(Number(x), Number(W - x)), Number(W), (i) => ids[i]!);
    const plain = largestRemainderCore(t, [t * x, t * (W - x)], W, ids, { ranks: false });
    const units = unitsOf(fast);
    expect(units).toEqual(plain.units);
    expect([...fast.roundedUp]).toEqual([...plain.roundedUp]);
    expect(units[0]).toBe((t * x) / W + 1n); // the floor, plus the one unit left (largest remainder)
    expect(units[0]! + units[1]!).toBe(t);
  });
});

describe('problems say which row', () => {
  it('numbers the row of a duplicate code and of a bad weight from 1', () => {
    const dup = apportion({ total: '10', weights: [{ code: 'A', weight: '1' }, { code: 'A', weight: '1' }] });
    expect(!dup.ok && dup.fouten).toEqual(['gewicht 2: code "A" komt twee keer voor']);
    const bad = apportion({ total: '10', weights: [{ code: 'A', weight: '1' }, { code: 'B', weight: 'x' }] });
    expect(!bad.ok && bad.fouten).toEqual(['gewicht 2 ("B"): "x" is geen gewicht van 0 of meer']);
    const fixed = apportion({ total: '10', weights: [{ code: 'A', weight: '1' }], fixed: [{ code: 'A', amount: '1' }, { code: 'A', amount: '1' }] });
    expect(!fixed.ok && fixed.fouten).toEqual(['vast bedrag 2: code "A" komt twee keer voor']);
  });
});


describe('the text of a weight', () => {
  it('reads plain digits with one optional `.` (whitespace around allowed) and refuses anything else', () => {
    const one = (weight: string) => apportion({ total: '10', weights: [{ code: 'A', weight }, { code: 'B', weight: '1' }] });
    for (const ok of ['0', '7', '1.5', '01.50', ' 2.25 ', '3\n', '9007199254740993', '0.000000000001', '12345678901234567890.5'])
      expect(one(ok).ok, JSON.stringify(ok)).toBe(true);
    for (const bad of ['', ' ', '.5', '5.', '1.2.3', '1,5', '+1', '-1', '1e5', '0x10', 'Infinity', 'NaN', '1_000', '\u0661', '1 000', '١'])
      expect(one(bad).ok, JSON.stringify(bad)).toBe(false);
    // Beyond 2^53 the digits are read again exactly: 2^53 + 1 and 2^53 - 1 share 3 euro as 1.5 + 2^-53
    // and 1.5 - 2^-53, so A gets the unit left over (as doubles, both would read as 2^53: a tie, and
    // the unit would still go to A, by code; so also B first, where the tie would give it to B).
    const big = apportion({ total: '3', weights: [{ code: 'A', weight: '9007199254740993' }, { code: 'B', weight: '9007199254740991' }] });
    expect(big.ok && big.rows.map((r) => r.amount)).toEqual([200n, 100n]);
    const swapped = apportion({ total: '3', weights: [{ code: 'A', weight: '9007199254740991' }, { code: 'B', weight: '9007199254740993' }] });
    expect(swapped.ok && swapped.rows.map((r) => r.amount)).toEqual([100n, 200n]);
  });
});
