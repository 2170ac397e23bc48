import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { apportion, type ApportionInput } from './apportion.js';
import { largestRemainderWeights } from './weights-fast.js';
import { BLOCK } from './block.js';

/**
 * The plain definition of `apportion`, in bigints only, written to be obviously right rather than
 * fast: the fixed and base amounts come off the total; every other recipient's exact quota of the
 * rest is rest × w / W; each gets its floor, and the units left go one each to the largest
 * remainders, equal remainders by code in code-point order.
 */
function plainApportion(input: {
  total: string;
  weights: { code: string; weight: string }[];
  fixed?: { code: string; amount: string }[];
  base?: { code: string; amount: string }[];
  unit?: 'euro' | 'cent';
}): { code: string; amount: bigint; roundedUp: boolean }[] | 'nothing to divide over' {
  const centsOf = (text: string): bigint => {
    const [whole, part = ''] = text.split('.');
    return BigInt(whole!) * 100n + BigInt(part.padEnd(2, '0'));
  };
  const perUnit = input.unit === 'cent' ? 1n : 100n;
  const fixed = new Map((input.fixed ?? []).map((f) => [f.code, centsOf(f.amount)]));
  const base = new Map((input.base ?? []).map((b) => [b.code, centsOf(b.amount)]));
  let restCents = centsOf(input.total);
  for (const c of [...fixed.values(), ...base.values()]) restCents -= c;
  const rest = restCents / perUnit;
  const scale = Math.max(...input.weights.map((w) => (w.weight.split('.')[1] ?? '').length));
  const w = input.weights.map((x) => {
    if (fixed.has(x.code)) return 0n;
    const [whole, part = ''] = x.weight.split('.');
    return BigInt(whole! + part.padEnd(scale, '0'));
  });
  const W = w.reduce((a, b) => a + b, 0n);
  if (W === 0n && rest > 0n) return 'nothing to divide over';
  const floors = w.map((x) => (W === 0n ? 0n : (rest * x) / W));
  const rems = w.map((x) => (W === 0n ? 0n : (rest * x) % W));
  const left = rest - floors.reduce((a, b) => a + b, 0n);
  const codePoints = (s: string) => Array.from(s, (ch) => ch.codePointAt(0)!);
  const byCode = (a: string, b: string): number => {
    const [x, y] = [codePoints(a), codePoints(b)];
    for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
    return x.length - y.length;
  };
  const order = input.weights.map((_, i) => i).filter((i) => rems[i]! > 0n);
  order.sort((a, b) => (rems[a] !== rems[b] ? (rems[a]! > rems[b]! ? -1 : 1) : byCode(input.weights[a]!.code, input.weights[b]!.code)));
  const up = new Set(order.slice(0, Number(left)));
  return input.weights.map((x, i) => {
    const f = fixed.get(x.code);
    if (f !== undefined) return { code: x.code, amount: f, roundedUp: false };
    const units = floors[i]! + (up.has(i) ? 1n : 0n);
    return { code: x.code, amount: (base.get(x.code) ?? 0n) + units * perUnit, roundedUp: up.has(i) };
  });
}

// Weights at the edges: zeros, small integers (many equal remainders), 3 and 12 decimals, tiny
// and huge side by side. Each list draws from one family: the first three keep the scaled weights
// and their sum exact doubles (the fast path), the last goes beyond (the bigint path).
const decimals = (places: number, maxWhole: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.bigInt({ min: 0n, max: 10n ** BigInt(places) - 1n })).map(([i, f]) => `${i}.${f.toString().padStart(places, '0')}`);
const smallInts = fc.oneof(fc.constant('0'), fc.integer({ min: 0, max: 7 }).map(String));
const weightFamilies = [
  fc.oneof(smallInts, decimals(3, 99_999)),
  fc.oneof(smallInts, decimals(12, 9), fc.bigInt({ min: 1n, max: 999n }).map((f) => `0.${f.toString().padStart(12, '0')}`)),
  fc.oneof(smallInts, fc.constantFrom('0.001', '0.002'), fc.integer({ min: 10 ** 9, max: 10 ** 11 }).map(String)),
  fc.oneof(smallInts, decimals(3, 99_999), decimals(12, 999), fc.bigInt({ min: 10n ** 12n, max: 10n ** 15n - 1n }).map(String)),
];
const weightArb = fc.oneof(...weightFamilies);
// Totals near 10^12 euro, the largest allowed (10^15 euro), round ones and small ones.
const totalArb = fc.oneof(
  fc.bigInt({ min: 10n ** 12n - 1000n, max: 10n ** 12n + 1000n }),
  fc.constantFrom(987_654_321_012n, 10n ** 15n, 18_000_000n, 1n, 0n),
  fc.bigInt({ min: 0n, max: 10n ** 9n }),
);
// Codes: letters and digits, sometimes with characters beyond U+FFFF, given in ascending order or
// not (the two ways `CodeIndex` finds duplicates).
const codeArb = fc.oneof(fc.stringMatching(/^[A-Z][0-9]{1,4}$/), fc.constantFrom('GM\u{1F600}1', 'GM\uFFFD1', 'GM\u{10000}', 'GM\uE000'));
const recipientsArb = (maxLength: number) =>
  fc
    .tuple(fc.uniqueArray(codeArb, { minLength: 1, maxLength }), fc.boolean(), fc.constantFrom(...weightFamilies))
    .chain(([codes, sorted, family]) => {
      const list = sorted ? [...codes].sort() : codes;
      return fc.tuple(...list.map((code) => family.map((weight) => ({ code, weight }))));
    });

function expectPlain(input: ApportionInput & Parameters<typeof plainApportion>[0]): void {
  const expected = plainApportion(input);
  const got = apportion(input);
  if (expected === 'nothing to divide over') {
    expect(got.ok).toBe(false);
    return;
  }
  if (!got.ok) throw new Error(got.fouten.join('; '));
  expect(got.rows).toEqual(expected);
}

describe('apportion equals the plain bigint definition of largest remainder', () => {
  it('property: totals up to 10^15 euro, weights of up to 12 decimals, ties, zeros, tiny and huge weights mixed', () => {
    fc.assert(
      fc.property(totalArb, recipientsArb(60), (total, weights) => {
        expectPlain({ total: total.toString(), weights });
      }),
      { numRuns: 600 },
    );
  });

  it('property: in cents, with fixed and base amounts', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        recipientsArb(40),
        fc.array(fc.tuple(fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.boolean()), { maxLength: 6 }),
        (extraCents, weights, picks) => {
          const fixed = new Map<string, string>();
          const base = new Map<string, string>();
          for (const [p, cents, isFixed] of picks) {
            const code = weights[p % weights.length]!.code;
            if (fixed.has(code) || base.has(code)) continue;
            (isFixed ? fixed : base).set(code, `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`);
          }
          const off = [...fixed.values(), ...base.values()].reduce((s, a) => s + BigInt(a.replace('.', '')), 0n);
          const totalCents = off + extraCents;
          const total = `${totalCents / 100n}.${(totalCents % 100n).toString().padStart(2, '0')}`;
          const list = (m: Map<string, string>) => [...m].map(([code, amount]) => ({ code, amount }));
          expectPlain({ total, weights, fixed: list(fixed), base: list(base), unit: 'cent' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a single recipient gets everything', () => {
    fc.assert(
      fc.property(totalArb, weightArb.filter((w) => Number(w) > 0), (total, weight) => {
        expectPlain({ total: total.toString(), weights: [{ code: 'GM0001', weight }] });
      }),
    );
  });

  it('property: thousands of recipients with equal weights, in and out of code order (every remainder tied)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 3000 }), totalArb, fc.constantFrom('1', '3', '0.001'), fc.boolean(), (n, total, weight, reversed) => {
        const weights = Array.from({ length: n }, (_, i) => ({ code: `GM${String(i).padStart(4, '0')}`, weight }));
        if (reversed) weights.reverse();
        expectPlain({ total: total.toString(), weights });
      }),
      { numRuns: 20 },
    );
  });
});

describe('largestRemainderWeights equals the plain bigint definition', () => {
  function expectPlainWeights(total: bigint, ws: number[]): void {
    const sum = ws.reduce((a, b) => a + b, 0);
    const ids = ws.map((_, i) => `C${String((i * 7919) % 1000).padStart(3, '0')}-${i}`);
    const r = largestRemainderWeights(total, Float64Array.from(ws), sum, (i) => ids[i]!);
    const W = BigInt(sum);
    const rems = ws.map((w) => (total * BigInt(w)) % W);
    const floors = ws.map((w) => (total * BigInt(w)) / W);
    const left = Number(total - floors.reduce((a, b) => a + b, 0n));
    const order = ws.map((_, i) => i).filter((i) => rems[i]! > 0n);
    order.sort((a, b) => (rems[a] !== rems[b] ? (rems[a]! > rems[b]! ? -1 : 1) : ids[a]! < ids[b]! ? -1 : 1));
    const up = new Set(order.slice(0, left));
    expect(Array.from(r.floors, BigInt)).toEqual(floors);
    expect([...r.roundedUp]).toEqual(ws.map((_, i) => (up.has(i) ? 1 : 0)));
  }

  // Both of its paths: total × weight below 2^53 (exact doubles) and beyond (bounded error with
  // exact fallbacks), with many ties among small weights.
  it('property: exact and approximate paths, ties, zero weights', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 10n ** 11n, max: 2n ** 53n - 1n })),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 })), { minLength: 1, maxLength: 300 }),
        (total, ws) => {
          fc.pre(ws.some((w) => w > 0));
          expectPlainWeights(total, ws);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: remainders closer together than the error of the doubles are still ordered exactly', () => {
    // With total = k·W + m, weight w's quota is k·w + m·w/W: its remainder is m·w/W (for m·w < W),
    // so weights w, w+1, w+2 have remainders 1/W apart, while the doubles' error on a quota of
    // k·w (about 10^12) is near 10^-4. Only the exact comparison in the band orders them right.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10 ** 7, max: 10 ** 8 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1000, max: 10_000 }),
        fc.integer({ min: 1, max: 100 }),
        (bases, k, m) => {
          const ws = bases.flatMap((w) => [w, w + 1, w + 2]);
          const W = ws.reduce((a, b) => a + b, 0);
          fc.pre(m < ws.length);
          expectPlainWeights(BigInt(k) * BigInt(W) + BigInt(m), ws);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// The passes of the fast path go in blocks of `BLOCK` rows: what one block starts (the first code
// out of order, the table of codes, a duplicate of a code in an earlier block, a weight on another
// scale, the band of remainders around the threshold) must carry over to the next.
describe('apportion over more than one block of rows equals the plain definition', () => {
  const codeAt = (i: number) => `R${String(i).padStart(6, '0')}`;
  it('property: several blocks, in code order or with codes out of order from some row on, weights of one family', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: BLOCK - 3, max: 3 * BLOCK + 5 }),
        fc.constantFrom(...weightFamilies.slice(0, 3)),
        fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 3 * BLOCK })),
        totalArb,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, family, swapAt, total, seed) => {
          const [weights] = fc.sample(fc.array(family, { minLength: n, maxLength: n }), { numRuns: 1, seed });
          const rows = weights!.map((weight, i) => ({ code: codeAt(i), weight }));
          // Two codes swapped: the codes are ascending up to there and out of order from there on.
          if (swapAt > 0 && swapAt < n) [rows[swapAt - 1]!.code, rows[swapAt]!.code] = [rows[swapAt]!.code, rows[swapAt - 1]!.code];
          expectPlain({ total: total.toString(), weights: rows });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reports a duplicate code, a bad weight and a bad row in a later block with their row numbers', () => {
    const n = 2 * BLOCK + 10;
    const rows = () => Array.from({ length: n }, (_, i) => ({ code: codeAt(i), weight: '1.5' }));
    const dup = rows();
    dup[BLOCK + 7]!.code = codeAt(3);
    const a = apportion({ total: '1000', weights: dup });
    expect(!a.ok && a.fouten).toEqual([`gewicht ${BLOCK + 8}: code "${codeAt(3)}" komt twee keer voor`]);
    // Ascending up to a code equal to the one before it, at the first row of a block.
    const adjacent = rows();
    adjacent[BLOCK]!.code = codeAt(BLOCK - 1);
    const b = apportion({ total: '1000', weights: adjacent });
    expect(!b.ok && b.fouten).toEqual([`gewicht ${BLOCK + 1}: code "${codeAt(BLOCK - 1)}" komt twee keer voor`]);
    const badWeight = rows();
    badWeight[2 * BLOCK + 1]!.weight = '1,5';
    const c = apportion({ total: '1000', weights: badWeight });
    expect(!c.ok && c.fouten).toEqual([`gewicht ${2 * BLOCK + 2} ("${codeAt(2 * BLOCK + 1)}"): "1,5" is geen gewicht van 0 of meer`]);
    const badRow: unknown[] = rows();
    badRow[BLOCK + 1] = { weight: '1' };
    const d = apportion({ total: '1000', weights: badRow as { code: string; weight: string }[] });
    expect(!d.ok && d.fouten).toEqual([`gewicht ${BLOCK + 2}: verwacht { code, weight } met een code als tekst`]);
  });

  it('brings a weight with more decimals in a later block onto one scale with the earlier ones', () => {
    const rows = Array.from({ length: BLOCK + 5 }, (_, i) => ({ code: codeAt(i), weight: i === BLOCK + 2 ? '0.0000007' : String(1 + (i % 5)) }));
    expectPlain({ total: '987654321', weights: rows });
  });
});

describe('largestRemainderWeights over more than one block', () => {
  it('property: both paths, with remainders tied across blocks', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 10n ** 11n, max: 2n ** 53n - 1n })),
        fc.integer({ min: BLOCK + 1, max: 2 * BLOCK + 3 }),
        fc.oneof(fc.constant(3), fc.constant(1000), fc.constant(2 ** 31)),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (total, n, most, seed) => {
          const [ws] = fc.sample(fc.array(fc.integer({ min: 0, max: most }), { minLength: n, maxLength: n }), { numRuns: 1, seed });
          fc.pre(ws!.some((w) => w > 0));
          const sum = ws!.reduce((a, b) => a + b, 0);
          const ids = ws!.map((_, i) => `C${String(n - i).padStart(6, '0')}`);
          const r = largestRemainderWeights(total, Float64Array.from(ws!), sum, (i) => ids[i]!);
          const W = BigInt(sum);
          const rems = ws!.map((w) => (total * BigInt(w)) % W);
          const floors = ws!.map((w) => (total * BigInt(w)) / W);
          const left = Number(total - floors.reduce((a, b) => a + b, 0n));
          const order = ws!.map((_, i) => i).filter((i) => rems[i]! > 0n);
          order.sort((a, b) => (rems[a] !== rems[b] ? (rems[a]! > rems[b]! ? -1 : 1) : ids[a]! < ids[b]! ? -1 : 1));
          const up = new Set(order.slice(0, left));
          expect(Array.from(r.floors, BigInt)).toEqual(floors);
          expect([...r.roundedUp]).toEqual(ws!.map((_, i) => (up.has(i) ? 1 : 0)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
