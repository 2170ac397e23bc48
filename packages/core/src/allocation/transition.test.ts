import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { transitionPath, type TransitionRow } from './transition.js';
import { fraction, type Fraction } from '../money/fraction.js';
import { largestRemainder } from '../apportion/largest-remainder.js';
import { allocate } from './allocate.js';
import { allocateScenario } from './allocate-scenario.js';
import type { Allocation, StreamYearResult } from './types.js';
import { baselineData } from '../data/baseline.js';
import type { Wijziging } from '../scenario/schema.js';
import { inhabitantsIn } from '../views/per-inhabitant.js';
import { explain } from '../explain/explain.js';
import { renderExplanation } from '../explain/render.js';
import { parseScenario } from '../scenario/parse.js';
import { describeChange } from '../scenario/describe.js';
import { changeEffects } from '../scenario/effects.js';

const rowsArb = fc
  .array(
    fc.record({
      amount: fc.bigInt({ min: 0n, max: 2_000_000n }),
      weight: fc.bigInt({ min: 0n, max: 50_000n }),
      cap: fc.option(fc.tuple(fc.bigInt({ min: 0n, max: 300_000n }), fc.bigInt({ min: 1n, max: 7n })), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .filter((rows) => rows.some((r) => r.weight > 0n))
  .map((rows) =>
    rows.map((r, i): TransitionRow => ({ code: `GM${String(i).padStart(4, '0')}`, amount: r.amount, weight: r.weight, ...(r.cap ? { cap: fraction(r.cap[0], r.cap[1]) } : {}) })),
  );
const factorArb = fc.option(
  fc.tuple(fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: 1n, max: 100n })).map(([n, d]) => fraction(n, d)),
  { nil: null },
);
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

/** The plain definition of the reference: the rows' total by the weights, largest remainder. */
function plainReference(rows: readonly TransitionRow[]): bigint[] {
  const total = sum(rows.map((r) => r.amount));
  const W = sum(rows.map((r) => r.weight));
  const out = largestRemainder(
    total,
    rows.map((r) => ({ id: r.code, quota: fraction(r.weight * total, W) })),
  );
  return out.claims.map((c) => c.units);
}
const floorOf = (f: Fraction) => f.n / f.d;

describe('the transition path (transitionPath)', () => {
  it('property: totals exact, every cap held, the reference is the plain largest-remainder division of the same total', () => {
    fc.assert(
      fc.property(rowsArb, factorArb, (rows, factor) => {
        const f = transitionPath(rows, factor);
        expect(sum(f.amount)).toBe(sum(rows.map((r) => r.amount)));
        expect(f.reference).toEqual(plainReference(rows));
        rows.forEach((r, i) => {
          const cap = r.cap ? floorOf(r.cap) : factor ? floorOf(fraction(factor.n * f.reference[i]!, factor.d)) : 0n;
          expect(f.cap[i]).toBe(cap);
          const dev = f.amount[i]! - f.reference[i]!;
          expect(dev <= cap && -dev <= cap, `${r.code}: ${dev} vs cap ${cap}`).toBe(true);
          expect(f.amount[i]! >= 0n).toBe(true);
          expect(f.amount[i]).toBe(f.before[i]! + (f.clamped[i] === 0 ? 0n : (f.clamped[i] === 1 ? f.reference[i]! + cap : f.reference[i]! - cap > 0n ? f.reference[i]! - cap : 0n) - f.before[i]!) + f.balance[i]!);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: no municipality ends further from its reference than it was, except to stay within its cap', () => {
    fc.assert(
      fc.property(rowsArb, factorArb, (rows, factor) => {
        const f = transitionPath(rows, factor);
        rows.forEach((_, i) => {
          const before = f.before[i]! - f.reference[i]!;
          const after = f.amount[i]! - f.reference[i]!;
          const abs = (x: bigint) => (x < 0n ? -x : x);
          // Within its cap either way; a clamped municipality is at its cap or moved back towards the reference.
          expect(abs(after) <= f.cap[i]!).toBe(true);
          if (f.clamped[i] !== 0) expect(abs(after) <= abs(before)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('property: the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        factorArb,
        ([rows, shuffled], factor) => {
          const a = transitionPath(rows, factor);
          const b = transitionPath(shuffled, factor);
          const byCode = (rs: readonly TransitionRow[], f: ReturnType<typeof transitionPath>) => new Map(rs.map((r, i) => [r.code, [f.amount[i], f.reference[i], f.cap[i], f.balance[i]]]));
          expect(byCode(shuffled, b)).toEqual(byCode(rows, a));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: with a huge cap the amounts are those without the path', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, perRow) => {
        const big = fraction(10n ** 15n);
        const f = perRow ? transitionPath(rows.map((r) => ({ ...r, cap: big }))) : transitionPath(rows.map(({ cap: _, ...r }) => r), fraction(10n ** 12n));
        // A percentage of a reference of nothing is nothing: such a municipality is held at 0 whatever the percentage.
        if (!perRow && f.reference.some((ref, i) => ref === 0n && rows[i]!.amount !== 0n)) return;
        rows.forEach((r, i) => expect(f.amount[i]).toBe(r.amount));
        if (perRow) expect(f.rounds).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('with a cap of 0 gives everyone exactly the reference', () => {
    const rows: TransitionRow[] = [
      { code: 'GM0003', amount: 700n, weight: 1n, cap: fraction(0n) },
      { code: 'GM0001', amount: 200n, weight: 1n, cap: fraction(0n) },
      { code: 'GM0002', amount: 100n, weight: 1n, cap: fraction(0n) },
    ];
    const f = transitionPath(rows);
    // 1000 by equal weights: 333.33 each; the one unit left goes to the lowest code.
    expect(f.reference).toEqual([333n, 334n, 333n]);
    expect(f.amount).toEqual(f.reference);
  });

  it('balances freed money over those not at a cap, in proportion to their reference (water-filling)', () => {
    // A gains 300 against its reference but may gain 100: 200 is freed; B is at its lower cap; C and D share 200 by reference 1:3.
    const rows: TransitionRow[] = [
      { code: 'A', amount: 400n, weight: 1n, cap: fraction(100n) },
      { code: 'B', amount: 0n, weight: 1n, cap: fraction(50n) },
      { code: 'C', amount: 100n, weight: 1n, cap: fraction(1000n) },
      { code: 'D', amount: 300n, weight: 5n, cap: fraction(1000n) },
    ];
    const f = transitionPath(rows);
    expect(f.reference).toEqual([100n, 100n, 100n, 500n]);
    expect([...f.clamped]).toEqual([1, -1, 0, 0]);
    // After clamping: 200, 50, 100, 300 = 650; 150 to balance over C and D by 100:500.
    expect(f.amount).toEqual([200n, 50n, 125n, 425n]);
    expect(f.balance).toEqual([0n, 0n, 25n, 125n]);
  });
});

const data = baselineData();
const STREAM = 'ks-gala-structureel' as const; // divided over municipalities 2027-2030
const INHABITANTS_KEY: Wijziging = {
  soort: 'sleutel',
  stroom: STREAM,
  jaar: 2027,
  geldigheid: 'vanaf-dit-jaar',
  sleutel: { type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }] },
};
const path = (grens: { perInwoner: string } | { percentage: string }, jaar = 2027): Wijziging => ({ soort: 'ingroeipad', stroom: STREAM, jaar, geldigheid: 'vanaf-dit-jaar', ...grens });
function run(wijzigingen: Wijziging[]): Allocation {
  const out = allocate(data, { versie: 1, naam: 'test', afronding: 'euro', herindelingen: 'gepland', wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n'));
  return out.allocation;
}
const result = (a: Allocation, jaar: number): StreamYearResult => a.resultaten.find((x) => x.stroom === STREAM && x.jaar === jaar)!;
const municipal = (r: StreamYearResult) => r.regels.filter((l) => l.soort === 'gemeente');

describe('a transition path in a scenario (ingroeipad)', () => {
  const base = run([]);
  const without = run([INHABITANTS_KEY]);
  const withPath = run([INHABITANTS_KEY, path({ perInwoner: '0.50' })]);

  it('keeps every total exact, and holds k × the cap per inhabitant against the baseline key on the same total in year k', () => {
    let capped = 0;
    for (const jaar of [2027, 2028, 2029, 2030]) {
      const r = result(withPath, jaar);
      const b = result(base, jaar);
      const k = BigInt(jaar - 2026);
      expect(r.regels.reduce((s, l) => s + (l.bedrag ?? 0n), 0n)).toBe(r.totaal);
      const inw = inhabitantsIn(data, r.indeling);
      // The baseline key on the same total is the baseline itself here (same national amount, no other change).
      for (const l of municipal(r)) {
        const ref = municipal(b).find((x) => x.ontvanger === l.ontvanger)!.bedrag!;
        const capCents = (k * 50n * inw.get(l.ontvanger)!) / 100n * 100n; // floored to whole euros
        const dev = l.bedrag! - ref;
        expect(dev <= capCents && -dev <= capCents, `${jaar} ${l.ontvanger}`).toBe(true);
        if (dev === capCents || -dev === capCents) capped++;
        expect(l.status).toBe('scenario');
      }
    }
    expect(capped).toBeGreaterThan(0); // the test has something to check
    // The path grows in: by 2030 fewer municipalities are held than in 2027.
    const held = (jaar: number) => result(withPath, jaar).ingroeipad!.facts.atCap.reduce((a, b) => a + b, 0);
    expect(held(2030)).toBeLessThan(held(2027));
  });

  it('with a huge cap equals the scenario without the path', () => {
    const huge = run([INHABITANTS_KEY, path({ perInwoner: '1000000' })]);
    const pct = run([INHABITANTS_KEY, path({ percentage: '100' }, 2020)]); // year 8+ of the path: 800% and more
    for (const jaar of [2027, 2028, 2029, 2030]) {
      const plainLines = municipal(result(without, jaar)).map((l) => [l.ontvanger, l.bedrag]);
      expect(municipal(result(huge, jaar)).map((l) => [l.ontvanger, l.bedrag])).toEqual(plainLines);
      expect(municipal(result(pct, jaar)).map((l) => [l.ontvanger, l.bedrag])).toEqual(plainLines);
    }
  });

  it('caps by a percentage of the reference', () => {
    const a = run([INHABITANTS_KEY, path({ percentage: '2' }, 2028)]);
    expect(result(a, 2027).ingroeipad ?? null).toBeNull(); // the path starts in 2028
    for (const jaar of [2028, 2030]) {
      const r = result(a, jaar);
      const k = BigInt(jaar - 2027);
      const f = r.ingroeipad!.facts;
      f.reference.forEach((ref, i) => {
        expect(f.cap[i]).toBe((ref * 2n * k) / 100n);
        const dev = f.amount[i]! - ref;
        expect(dev <= f.cap[i]! && -dev <= f.cap[i]!).toBe(true);
      });
      expect(r.regels.reduce((s, l) => s + (l.bedrag ?? 0n), 0n)).toBe(r.totaal);
    }
  });

  it('explains an amount with its reference, its cap, whether it was hit, and its balancing share', () => {
    const r = result(withPath, 2027);
    const { index, facts: f } = r.ingroeipad!;
    const hit = index[f.clamped.findIndex((c) => c !== 0)]!;
    const free = index[f.clamped.findIndex((c, k) => c === 0 && f.balance[k] !== 0n)]!;
    expect(hit).toBeDefined();
    expect(free).toBeDefined();
    for (const at of [hit, free]) {
      const g = r.indeling.gemeenten[at]!;
      const e = explain(withPath, { stroom: STREAM, jaar: 2027, ontvanger: g.code });
      if (!e.ok) throw new Error(e.bericht);
      const text = renderExplanation(e.uitleg).join('\n');
      expect(text).toMatch(/Ingroeipad vanaf 2027: 2027 is jaar 1 van het pad/);
      expect(text).toMatch(new RegExp(`Zonder ingroeipad zou ${g.naam} € [\\d.]+ krijgen\\. Het referentiebedrag is € [\\d.]+; de grens is 1 × € 0,50 × [\\d.]+ inwoners`));
      expect(text).toMatch(at === hit ? /(meer dan de bovengrens|minder dan de ondergrens)/ : /Bij de verevening (krijgt|gaat er)/);
      const line = r.regels.find((l) => l.ontvanger === g.code)!;
      expect(e.uitleg.stappen.at(-1)).toMatchObject({ stap: 'ingroeipad-ontvanger', bedrag: line.bedrag });
    }
  });

  it('is a change of its own kind: from a year on, with one cap; described in words; old scenarios stay valid', () => {
    const bad = (w: Record<string, unknown>) => {
      const p = parseScenario({ versie: 1, naam: 't', wijzigingen: [{ soort: 'ingroeipad', stroom: STREAM, jaar: 2027, geldigheid: 'vanaf-dit-jaar', ...w }] });
      return p.ok ? [] : p.fouten.map((f) => `${f.pad}: ${f.bericht}`);
    };
    expect(bad({ perInwoner: '1' })).toEqual([]);
    expect(bad({}).join(' ')).toMatch(/één grens: "perInwoner".*of "percentage"/);
    expect(bad({ perInwoner: '1', percentage: '2' }).join(' ')).toMatch(/wijzigingen\[0\]\.percentage: een ingroeipad heeft één grens/);
    expect(bad({ perInwoner: '1', geldigheid: 'alleen-dit-jaar' }).join(' ')).toMatch(/wijzigingen\[0\]\.geldigheid: een ingroeipad loopt vanaf een jaar/);
    expect(describeChange(path({ perInwoner: '2.5' }))).toMatch(/^ingroeipad: de verandering tegenover de basissleutel is per gemeente hoogstens € 2,50 per inwoner in het eerste jaar/);
    const warn = changeEffects(data, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [path({ perInwoner: '1' }, 2023)] });
    expect(warn.map((w) => w.bericht).join(' ')).not.toMatch(/geen effect/); // it applies where the money is divided
    const c = allocateScenario(data, { versie: 1, naam: 't', wijzigingen: [path({ perInwoner: '1' }, 2026)].map((w) => ({ ...w, stroom: 'rookvrije-start' })) });
    expect(c.ok && c.waarschuwingen.map((w) => w.bericht).join(' ')).toMatch(/geen effect/); // not divided over municipalities
  });
});

describe('the description of a scenario with the new levers', () => {
  it('describes each year of a transition path, a key with fixed amounts and a GGD split against the baseline', async () => {
    const { describeScenario } = await import('../views/description.js');
    const base = run([]);
    const a = run([
      { ...INHABITANTS_KEY, sleutel: { type: 'brede-spuk-2025', vasteBedragen: [{ code: 'GM0088', bedrag: '20000' }] } },
      path({ perInwoner: '0.50' }, 2028),
      { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '80', regio: 'ggd' },
    ]);
    const d = describeScenario(data, base, a);
    const [key, tp, split] = d.wijzigingen;
    expect(key!.jaren[0]).toMatchObject({ jaar: 2027, basis: 'Brede SPUK-sleutel', scenario: 'Brede SPUK-sleutel; 1 gemeente krijgt een vast bedrag in plaats van een aandeel' });
    expect(tp!.soort).toBe('Ingroeipad');
    expect(tp!.jaren.map((j) => [j.jaar, j.basis, j.scenario])).toEqual([
      [2028, 'geen ingroeipad', 'jaar 1 van het ingroeipad: hoogstens 1 × € 0,50 per inwoner verandering'],
      [2029, 'geen ingroeipad', 'jaar 2 van het ingroeipad: hoogstens 2 × € 0,50 per inwoner verandering'],
      [2030, 'geen ingroeipad', 'jaar 3 van het ingroeipad: hoogstens 3 × € 0,50 per inwoner verandering'],
    ]);
    expect(split!.jaren[0]).toMatchObject({ basis: '100% lokaal', scenario: "80% lokaal, regionaal over de GGD-regio's" });
  });
});
