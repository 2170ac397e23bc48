import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { STREAM_IDS, type StreamId } from '../data/types.js';
import { emptyScenario } from '../scenario/format.js';
import { type Wijziging } from '../scenario/schema.js';
import { compareAllocations, compareTotals, difference, type ComparisonRow, type Side } from './comparison.js';
import { comparisonSummary, comparisonSummaryOf, pairSummary } from './summary.js';
import { divisionOf } from '../municipalities/division.js';
import type { AllocationLine, StreamYearResult } from '../allocation/types.js';

const data = baselineData();
const run = (wijzigingen: Wijziging[]): Allocation => {
  const out = allocateScenario(data, { ...emptyScenario('Variant'), wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const basis = run([]);

/** The plain definition: the total of a side over some rows, unknown when any present amount is. */
function plainTotal(rows: readonly ComparisonRow[], k: number): { aanwezig: boolean; bedrag: bigint | null } {
  const present = rows.filter((r) => r.zijden[k]!.aanwezig);
  if (present.length === 0) return { aanwezig: false, bedrag: null };
  if (present.some((r) => r.zijden[k]!.bedrag === null)) return { aanwezig: true, bedrag: null };
  return { aanwezig: true, bedrag: present.reduce((s, r) => s + r.zijden[k]!.bedrag!, 0n) };
}
const plainDifference = (rows: readonly ComparisonRow[], j: number): bigint | null =>
  rows.some((r) => r.verschillen[j]!.verschil === null) ? null : rows.reduce((s, r) => s + r.verschillen[j]!.verschil!, 0n);

/** Checks every figure of the summary against the plain sums of the rows. */
function checkAgainstRows(rows: readonly ComparisonRow[], count: number): void {
  const s = comparisonSummary(rows, { aantal: count });
  const sides = rows[0]?.zijden.length ?? 0;
  const keys = new Set(rows.map((r) => `${r.stroom}|${r.jaar}`));
  expect(s.totalen.length).toBe(keys.size);
  for (const t of s.totalen) {
    const group = rows.filter((r) => r.stroom === t.stroom && r.jaar === t.jaar);
    expect(group.length).toBeGreaterThan(0);
    for (let k = 0; k < sides; k++) expect(t.totalen[k]).toEqual(plainTotal(group, k));
    for (let j = 0; j < sides - 1; j++) expect(t.verschillen[j]).toBe(plainDifference(group, j));
  }
  expect(s.perStroom.map((t) => t.stroom)).toEqual(STREAM_IDS.filter((id) => rows.some((r) => r.stroom === id)));
  for (const t of s.perStroom) {
    const group = rows.filter((r) => r.stroom === t.stroom);
    for (let k = 0; k < sides; k++) expect(t.totalen[k]).toEqual(plainTotal(group, k));
    for (let j = 0; j < sides - 1; j++) expect(t.verschillen[j]).toBe(plainDifference(group, j));
  }
  expect(s.bewegingen.length).toBe(Math.max(0, sides - 1));
  s.bewegingen.forEach((b, j) => {
    const codes = [...new Set(rows.filter((r) => r.soort === 'gemeente').map((r) => r.ontvanger))];
    const diff = new Map(codes.map((c) => [c, plainDifference(rows.filter((r) => r.soort === 'gemeente' && r.ontvanger === c), j)]));
    const known = codes.filter((c) => diff.get(c) !== null);
    const up = known.filter((c) => diff.get(c)! > 0n);
    const down = known.filter((c) => diff.get(c)! < 0n);
    expect([b.aantalStijgers, b.aantalDalers, b.aantalGelijk, b.aantalOnbekend]).toEqual([up.length, down.length, known.length - up.length - down.length, codes.length - known.length]);
    // The largest: no municipality left out has a larger increase (decrease) than the last one shown.
    expect(b.stijgers.length).toBe(Math.min(count, up.length));
    expect(b.dalers.length).toBe(Math.min(count, down.length));
    for (const m of b.stijgers) expect(m.verschil).toBe(diff.get(m.ontvanger));
    for (const m of b.dalers) expect(m.verschil).toBe(diff.get(m.ontvanger));
    // The order: largest first, equal differences by code (the plain way: sort them all and take the first).
    const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const sorted = (cs: string[], sign: bigint) => [...cs].sort((x, y) => (diff.get(x) === diff.get(y) ? byCode(x, y) : sign * diff.get(x)! > sign * diff.get(y)! ? -1 : 1));
    expect(b.stijgers.map((m) => m.ontvanger)).toEqual(sorted(up, 1n).slice(0, count));
    expect(b.dalers.map((m) => m.ontvanger)).toEqual(sorted(down, -1n).slice(0, count));
    const shownUp = new Set(b.stijgers.map((m) => m.ontvanger));
    const shownDown = new Set(b.dalers.map((m) => m.ontvanger));
    const lastUp = b.stijgers.at(-1)?.verschil;
    const lastDown = b.dalers.at(-1)?.verschil;
    for (const c of up) if (!shownUp.has(c)) expect(diff.get(c)! <= lastUp!).toBe(true);
    for (const c of down) if (!shownDown.has(c)) expect(diff.get(c)! >= lastDown!).toBe(true);
  });
}

/** Synthetic comparison rows: any mix of known, unknown and absent amounts. */
const sideArb: fc.Arbitrary<Side> = fc.oneof(
  fc.bigInt({ min: -(10n ** 9n), max: 10n ** 11n }).map((b): Side => ({ aanwezig: true, bedrag: b, status: 'berekend' })),
  // Small amounts: many equal differences (ties, ranked by code).
  fc.bigInt({ min: -2n, max: 2n }).map((b): Side => ({ aanwezig: true, bedrag: b, status: 'berekend' })),
  fc.constant<Side>({ aanwezig: true, bedrag: null, status: 'onbekend' }),
  fc.constant<Side>({ aanwezig: false, bedrag: null, status: null }),
);
const rowsArb = (sides: number) =>
  fc.array(
    fc.record({
      stroom: fc.constantFrom<StreamId>(...STREAM_IDS.slice(0, 3)),
      jaar: fc.integer({ min: 2026, max: 2028 }),
      code: fc.constantFrom('GM0001', 'GM0002', 'GM0003', 'GM0004', 'regio-1', 'landelijk'),
      zijden: fc.array(sideArb, { minLength: sides, maxLength: sides }),
    }),
    { maxLength: 60 },
  ).map((xs) =>
    xs.map(
      (x): ComparisonRow => ({
        stroom: x.stroom,
        jaar: x.jaar,
        ontvanger: x.code,
        naam: x.code,
        soort: x.code.startsWith('GM') ? 'gemeente' : x.code === 'landelijk' ? 'landelijk' : 'regio',
        mandaatgemeente: null,
        inwoners: null,
        zijden: x.zijden,
        verschillen: x.zijden.slice(1).map((z) => difference(x.zijden[0]!, z, null)),
      }),
    ),
  );

describe('comparisonSummary', () => {
  it('property: every total, difference and count is the plain sum of the comparison rows (with unknown and absent amounts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(rowsArb(n), fc.integer({ min: 1, max: 4 }))), ([rows, count]) => checkAgainstRows(rows, count)),
      { numRuns: 300 },
    );
  });

  it('property: for real scenarios the totals per stream and year are the allocations\' totals, and the rows\' sums', () => {
    const changes = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((p): Wijziging => ({ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: String(p) })),
      fc.integer({ min: 0, max: 20_000_000 }).map((b): Wijziging => ({ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: String(b) })),
      fc.integer({ min: 0, max: 50 }).map((p): Wijziging => ({ soort: 'korting', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: String(p) })),
    );
    fc.assert(
      fc.property(fc.array(changes, { minLength: 1, maxLength: 2 }), (ws) => {
        const variant = run(ws);
        const rows = compareAllocations(data, [basis, variant], { van: 2026, tot: 2029 });
        checkAgainstRows(rows, 5);
        const s = comparisonSummary(rows);
        const byKey = new Map(compareTotals([basis, variant]).map((t) => [`${t.stroom}|${t.jaar}`, t]));
        for (const t of s.totalen) {
          const ref = byKey.get(`${t.stroom}|${t.jaar}`)!;
          expect(t.totalen.map((x) => x.bedrag)).toEqual(ref.zijden.map((z) => z.bedrag));
          expect(t.verschillen).toEqual(ref.verschillen.map((v) => v.verschil));
        }
      }),
      { numRuns: 8 },
    );
  });

  it('an unchanged scenario has no movers and equal totals', () => {
    const s = comparisonSummary(compareAllocations(data, [basis, basis], { van: 2027, tot: 2027 }));
    expect(s.totalen.length).toBeGreaterThan(0);
    for (const t of s.totalen) expect(t.verschillen).toEqual([t.totalen[0]!.bedrag === null ? null : 0n]);
    expect(s.totalen.some((t) => t.verschillen[0] === 0n)).toBe(true);
    expect(s.bewegingen[0]!.stijgers).toEqual([]);
    expect(s.bewegingen[0]!.aantalDalers).toBe(0);
    expect(s.bewegingen[0]!.aantalGelijk).toBeGreaterThan(300);
  });

  it('no rows: an empty summary', () => {
    expect(comparisonSummary([])).toEqual({ totalen: [], perStroom: [], bewegingen: [] });
  });
});

/** The plain definition of `comparisonSummaryOf`: the summary of the comparison rows. */
const plainSummaryOf = (allocations: readonly Allocation[], van: number | undefined, tot: number | undefined, aantal: number) =>
  comparisonSummary(compareAllocations(data, allocations, { van, tot }), { aantal });

/**
 * Synthetic allocations for `comparisonSummaryOf`: stream-years that one side has and the other
 * not, lines with no amount, unknown amounts, amounts near 10^12 euro and beyond 2^53 cents,
 * recipients listed twice, in another order, or only on one side, and small amounts (ties).
 */
const amountArb: fc.Arbitrary<bigint | null> = fc.oneof(
  { weight: 20, arbitrary: fc.bigInt({ min: -3n, max: 3n }) },
  { weight: 20, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 11n }) },
  { weight: 10, arbitrary: fc.bigInt({ min: 10n ** 14n - 10n ** 6n, max: 10n ** 14n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 2n ** 53n - 4n, max: 2n ** 60n }) },
  { weight: 5, arbitrary: fc.constant(null) },
);
const CODES = ['GM0014', 'GM0034', 'GM0037', 'GM0047', 'GM0050', 'regio-1', 'landelijk'] as const;
/** A line; its name differs per stream, year and side, so that a mover's name shows which row named it. */
const lineOf = (stroom: StreamId, jaar: number, code: string, bedrag: bigint | null, side = 'a'): AllocationLine => ({
  stroom,
  jaar,
  ontvanger: code,
  naam: `${code} ${stroom} ${jaar} ${side}`,
  soort: code.startsWith('GM') ? 'gemeente' : code === 'landelijk' ? 'landelijk' : 'regio',
  bedrag,
  status: bedrag === null ? 'onbekend' : 'berekend',
  redenen: [],
});
const resultOfLines = (stroom: StreamId, jaar: number, regels: AllocationLine[]): StreamYearResult => ({ ...basis.resultaten[0]!, stroom, jaar, indeling: divisionOf(data, jaar), regels });
const allocationOf = (resultaten: StreamYearResult[]): Allocation => ({ ...basis, resultaten });
const streamYearArb = fc.record({
  stroom: fc.constantFrom<StreamId>(...STREAM_IDS.slice(0, 3)),
  jaar: fc.integer({ min: 2026, max: 2028 }),
  codes: fc.subarray([...CODES]).chain((cs) => fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })),
  twice: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});
const pairArb = fc
  .uniqueArray(streamYearArb, { maxLength: 6, selector: (x) => `${x.stroom}|${x.jaar}` })
  .chain((years) =>
    // An amount per recipient: at most every code, one of them twice, and once more ('extended-twice').
    fc.tuple(
      fc.constant(years),
      fc.array(fc.array(amountArb, { minLength: CODES.length + 2, maxLength: CODES.length + 2 }), { minLength: years.length, maxLength: years.length }),
      fc.array(fc.array(amountArb, { minLength: CODES.length + 2, maxLength: CODES.length + 2 }), { minLength: years.length, maxLength: years.length }),
      // Per stream-year how the other side differs: the same recipients (other amounts), another order or set, or absent.
      fc.array(fc.constantFrom('same', 'same', 'same', 'extended', 'extended', 'extended-twice', 'shortened', 'reordered', 'absent', 'only-other'), { minLength: years.length, maxLength: years.length }),
    ),
  )
  .map(([years, amountsA, amountsB, how]) => {
    const a: StreamYearResult[] = [];
    const b: StreamYearResult[] = [];
    years.forEach((y, i) => {
      const codes = y.twice && y.codes.length > 0 ? [...y.codes, y.codes[0]!] : y.codes;
      const lines = (amounts: (bigint | null)[], cs: readonly string[], side: string) => cs.map((c, k) => lineOf(y.stroom, y.jaar, c, amounts[k]!, side));
      if (how[i] !== 'only-other') a.push(resultOfLines(y.stroom, y.jaar, lines(amountsA[i]!, codes, 'a')));
      if (how[i] === 'same' || how[i] === 'only-other') b.push(resultOfLines(y.stroom, y.jaar, lines(amountsB[i]!, codes, 'b')));
      // The other's recipients begin with the first's, then more (as a scenario adds the regions' lines); or fewer.
      if (how[i] === 'extended') b.push(resultOfLines(y.stroom, y.jaar, lines(amountsB[i]!, [...codes, ...CODES.filter((c) => !codes.includes(c))], 'b')));
      if (how[i] === 'extended-twice') b.push(resultOfLines(y.stroom, y.jaar, lines(amountsB[i]!, [...codes, ...codes.slice(0, 1)], 'b')));
      if (how[i] === 'shortened') b.push(resultOfLines(y.stroom, y.jaar, lines(amountsB[i]!, codes.slice(0, i), 'b')));
      if (how[i] === 'reordered') b.push(resultOfLines(y.stroom, y.jaar, lines(amountsB[i]!, [...CODES].reverse().filter((_, k) => k % 2 === i % 2), 'b')));
    });
    return [allocationOf(a), allocationOf(b)] as const;
  });

describe('comparisonSummaryOf', () => {
  let fastRuns = 0;
  it('property: the same summary as the comparison rows give, for any pair of allocations (unknown, absent, huge amounts, recipients twice or in another order, ties)', () => {
    fc.assert(
      fc.property(pairArb, fc.option(fc.integer({ min: 2025, max: 2029 })), fc.option(fc.integer({ min: 2025, max: 2029 })), fc.integer({ min: 0, max: 4 }), ([a, b], van, tot, aantal) => {
        const opts = { van: van ?? undefined, tot: tot ?? undefined, aantal };
        for (const pair of [[a, b], [b, a]] as const) {
          const plain = plainSummaryOf(pair, opts.van, opts.tot, aantal);
          expect(comparisonSummaryOf(data, pair, opts)).toEqual(plain);
          const fast = pairSummary(pair[0], pair[1], opts, aantal);
          if (fast) {
            fastRuns++;
            expect(fast).toEqual(plain);
          }
        }
      }),
      { numRuns: 500 },
    );
    // Most pairs are summed from their lines (the rest has a sum beyond 2^53 or a recipient twice).
    expect(fastRuns).toBeGreaterThan(400);
  });

  it('property: for real scenarios the same summary as the comparison rows give, summed from the lines (not through the rows)', () => {
    const changes = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((p): Wijziging => ({ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: String(p) })),
      fc.bigInt({ min: 0n, max: 10n ** 12n }).map((b): Wijziging => ({ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: String(b) })),
      fc.integer({ min: 0, max: 50 }).map((p): Wijziging => ({ soort: 'korting', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: String(p) })),
    );
    fc.assert(
      fc.property(fc.array(changes, { minLength: 1, maxLength: 2 }), fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 0, max: 5 }), (ws, van, aantal) => {
        const variant = run(ws);
        for (const pair of [[basis, variant], [variant, basis], [variant, variant]] as const) {
          const fast = pairSummary(pair[0], pair[1], { van, tot: 2030 }, aantal);
          expect(fast).not.toBeNull();
          expect(fast).toEqual(plainSummaryOf(pair, van, 2030, aantal));
          expect(comparisonSummaryOf(data, pair, { van, tot: 2030, aantal })).toEqual(fast);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('sums beyond 2^53 cents, recipients listed twice and more than two allocations go through the rows', () => {
    const big = allocationOf([resultOfLines('ks-brede-spuk', 2026, [lineOf('ks-brede-spuk', 2026, 'GM0014', 2n ** 52n), lineOf('ks-brede-spuk', 2026, 'GM0034', 2n ** 52n)])]);
    const small = allocationOf([resultOfLines('ks-brede-spuk', 2026, [lineOf('ks-brede-spuk', 2026, 'GM0014', 1n), lineOf('ks-brede-spuk', 2026, 'GM0034', 2n)])]);
    expect(pairSummary(big, small, {}, 1)).toBeNull();
    expect(comparisonSummaryOf(data, [big, small], { aantal: 1 })).toEqual(plainSummaryOf([big, small], undefined, undefined, 1));
    expect(comparisonSummaryOf(data, [big, small], { aantal: 1 }).perStroom[0]!.totalen[0]!.bedrag).toBe(2n ** 53n);
    const twice = allocationOf([resultOfLines('ks-brede-spuk', 2026, [lineOf('ks-brede-spuk', 2026, 'GM0014', 1n), lineOf('ks-brede-spuk', 2026, 'GM0014', 5n)])]);
    expect(pairSummary(twice, small, {}, 1)).toBeNull();
    expect(comparisonSummaryOf(data, [twice, small], { aantal: 1 })).toEqual(plainSummaryOf([twice, small], undefined, undefined, 1));
    const variant = run([{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '40' }]);
    expect(comparisonSummaryOf(data, [basis, variant, basis], { van: 2027, tot: 2028 })).toEqual(plainSummaryOf([basis, variant, basis], 2027, 2028, 5));
  });

  it('refuses a count that is not a whole number from 0', () => {
    expect(() => comparisonSummaryOf(data, [basis, basis], { aantal: -1 })).toThrow(RangeError);
    expect(() => comparisonSummary([], { aantal: 1.5 })).toThrow(RangeError);
    expect(comparisonSummaryOf(data, [basis, basis], { aantal: 0, van: 2027, tot: 2027 }).bewegingen[0]!.stijgers).toEqual([]);
  });
});
