import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { STREAM_IDS, type StreamId } from '../data/types.js';
import { emptyScenario, type Wijziging } from '../scenario/schema.js';
import { compareAllocations, compareTotals, difference, type ComparisonRow, type Side } from './comparison.js';
import { comparisonSummary } from './summary.js';

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
    for (let i = 1; i < b.stijgers.length; i++) expect(b.stijgers[i - 1]!.verschil >= b.stijgers[i]!.verschil).toBe(true);
    for (let i = 1; i < b.dalers.length; i++) expect(b.dalers[i - 1]!.verschil <= b.dalers[i]!.verschil).toBe(true);
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
