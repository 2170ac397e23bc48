import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate } from './allocate.js';
import { allocateScenario } from './allocate-scenario.js';
import type { Allocation, StreamYearResult } from './types.js';
import { baselineData } from '../data/baseline.js';
import type { Sleutel, Wijziging } from '../scenario/schema.js';
import { largestRemainder } from '../apportion/largest-remainder.js';
import { fraction, type Fraction } from '../money/fraction.js';
import { divisionOf } from '../municipalities/division.js';
import { explain } from '../explain/explain.js';
import { renderExplanation } from '../explain/render.js';
import { describeChange } from '../scenario/describe.js';

const data = baselineData();
const STREAM = 'nu-niet-zwanger' as const; // divided over municipalities 2026-2030, across the merger of 2027
const WIJDEMEREN = 'GM1696';
const HILVERSUM = 'GM0402';

function run(wijzigingen: Wijziging[]): Allocation {
  const out = allocate(data, { versie: 1, naam: 'test', afronding: 'euro', herindelingen: 'gepland', wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n'));
  return out.allocation;
}
const result = (a: Allocation, jaar: number): StreamYearResult => a.resultaten.find((x) => x.stroom === STREAM && x.jaar === jaar)!;
const keyChange = (sleutel: Sleutel, jaar = 2026): Wijziging => ({ soort: 'sleutel', stroom: STREAM, jaar, geldigheid: 'vanaf-dit-jaar', sleutel });
const lines = (r: StreamYearResult) => r.regels.filter((l) => l.soort === 'gemeente');

/**
 * The plain definition, in whole units of `unit` cents: fixed recipients get their amount; every
 * other recipient's exact quota is its base amount plus its weight's share of what is left after
 * all fixed and base amounts; then one largest-remainder rounding over all quotas.
 */
function plain(local: Fraction, unit: bigint, rows: { code: string; weight: bigint; fixed?: bigint; base?: bigint }[]): Map<string, bigint> {
  const units = fraction(local.n, local.d * unit);
  const fixed = rows.reduce((s, r) => s + (r.fixed ?? 0n), 0n);
  const base = rows.reduce((s, r) => s + (r.fixed === undefined ? (r.base ?? 0n) : 0n), 0n);
  const sharing = rows.filter((r) => r.fixed === undefined);
  const W = sharing.reduce((s, r) => s + r.weight, 0n);
  const restN = units.n - (fixed + base) * units.d; // rest = restN / units.d
  const claims = rows.map((r) =>
    r.fixed !== undefined ? { id: r.code, quota: fraction(r.fixed) } : { id: r.code, quota: fraction((r.base ?? 0n) * units.d * W + restN * r.weight, units.d * W) },
  );
  const total = units.n / units.d;
  const out = largestRemainder(total, claims);
  return new Map(out.claims.map((c) => [c.id, c.units]));
}

const weightsOf = (jaar: number) => {
  const key = data.bredeSpuk2025.bedragen;
  const division = divisionOf(data, jaar);
  return division.gemeenten.map((g, i) => ({ code: g.code, weight: division.delen[i]!.reduce((w, j) => w + (key.get(data.gemeenten[j]!.code) ?? 0n), 0n) }));
};

describe('fixed amounts per municipality in a key (vasteBedragen)', () => {
  const codes = data.gemeenten.map((g) => g.code);

  it('property: a fixed recipient gets exactly its amount, takes no weighted share, and the rest equals the plain definition', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: codes.length - 1 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 2026, max: 2028 }),
        (picked, amounts, jaar) => {
          const vasteBedragen = picked.map((i, k) => ({ code: codes[i]!, bedrag: String(amounts[k]!) }));
          const a = run([keyChange({ type: 'brede-spuk-2025', vasteBedragen }, 2026)]);
          const r = result(a, jaar);
          const division = divisionOf(data, jaar);
          const fixedBy = new Map<string, bigint>();
          for (const v of vasteBedragen) {
            const at = division.gemeenten === data.gemeenten ? v.code : division.gemeenten[division.opvolger![codes.indexOf(v.code)]!]!.code;
            fixedBy.set(at, (fixedBy.get(at) ?? 0n) + BigInt(v.bedrag));
          }
          const expected = plain(r.lokaal, a.eenheid, weightsOf(jaar).map((w) => ({ ...w, ...(fixedBy.has(w.code) ? { fixed: fixedBy.get(w.code)! } : {}) })));
          const sum = r.regels.reduce((s, l) => s + (l.bedrag ?? 0n), 0n);
          expect(sum).toBe(r.totaal);
          for (const l of lines(r)) {
            expect(l.bedrag, l.ontvanger).toBe(expected.get(l.ontvanger)! * a.eenheid);
            if (fixedBy.has(l.ontvanger)) {
              expect(l.bedrag).toBe(fixedBy.get(l.ontvanger)! * 100n);
              expect(l.status).toBe('scenario');
              expect(l.redenen.join(' ')).toMatch(/vast bedrag in plaats van een aandeel; volgt uit wijziging 1/);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives a fixed amount of a municipality a merger takes in to its successor (as participation does)', () => {
    const a = run([keyChange({ type: 'brede-spuk-2025', vasteBedragen: [{ code: WIJDEMEREN, bedrag: '1000', toelichting: 'kleine gemeente' }, { code: HILVERSUM, bedrag: '2000' }] })]);
    const in2026 = lines(result(a, 2026));
    expect(in2026.find((l) => l.ontvanger === WIJDEMEREN)!.bedrag).toBe(1000_00n);
    expect(in2026.find((l) => l.ontvanger === HILVERSUM)!.bedrag).toBe(2000_00n);
    const h = lines(result(a, 2027)).find((l) => l.ontvanger === HILVERSUM)!;
    expect(h.bedrag).toBe(3000_00n);
    expect(h.redenen.join(' ')).toMatch(/kleine gemeente/);
    expect(h.redenen.join(' ')).toMatch(/Wijdemeren/); // it rests on the planned merger as well
    const e = explain(a, { stroom: STREAM, jaar: 2027, ontvanger: HILVERSUM });
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toMatch(/krijgt in deze sleutel een vast bedrag van € 3\.000 in plaats van een aandeel/);
    expect(text).toMatch(/Toelichting: kleine gemeente/);
    expect(text).not.toMatch(/Het aandeel van Hilversum/);
  });

  it('refuses a fixed total above the amount the key divides, with a Dutch message at the change', () => {
    const text = JSON.stringify({
      versie: 1,
      naam: 't',
      wijzigingen: [{ soort: 'sleutel', stroom: STREAM, jaar: 2026, geldigheid: 'alleen-dit-jaar', sleutel: { type: 'brede-spuk-2025', vasteBedragen: [{ code: HILVERSUM, bedrag: '9000000' }] } }],
    }, null, 2);
    const c = allocateScenario(data, text);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.fouten[0]!.pad).toBe('wijzigingen[0]');
    expect(c.fouten[0]!.plaats).not.toBeNull();
    expect(c.fouten[0]!.bericht).toMatch(/de vaste bedragen van de verdeelsleutel \("vasteBedragen"\) zijn samen € 9\.000\.000, meer dan het lokale deel/);
  });

  it('says a problem of several years once, with the years together', () => {
    const c = allocateScenario(data, { versie: 1, naam: 't', wijzigingen: [keyChange({ type: 'brede-spuk-2025', vasteBedragen: [{ code: HILVERSUM, bedrag: '9000000' }] })] });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    // The local part differs in 2026 (3 mln), 2027 (5 mln) and 2028-2030 (6 mln): three messages, the last for three years.
    expect(c.fouten.map((f) => f.bericht.match(/\(€ [\d.]+\) \(nu-niet-zwanger, ([\d-]+)\)$/)?.[1])).toEqual(['2026', '2027', '2028-2030']);
  });

  it('checks the codes and amounts against the data, located', () => {
    const c = allocateScenario(data, {
      versie: 1,
      naam: 't',
      wijzigingen: [
        keyChange({
          type: 'brede-spuk-2025',
          vasteBedragen: [{ code: 'GM9999', bedrag: '10' }, { code: HILVERSUM, bedrag: '10.50' }, { code: HILVERSUM, bedrag: '10' }],
          basisbedragen: [{ code: HILVERSUM, bedrag: '5' }],
        }),
      ],
    });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    const at = (pad: string) => c.fouten.filter((f) => f.pad === pad).map((f) => f.bericht).join(' | ');
    expect(at('wijzigingen[0].sleutel.vasteBedragen[0].code')).toMatch(/GM9999 is geen gemeente/);
    expect(at('wijzigingen[0].sleutel.vasteBedragen[1].bedrag')).toMatch(/geen heel aantal euro/);
    expect(at('wijzigingen[0].sleutel.vasteBedragen[2].code')).toMatch(/twee keer/);
    expect(at('wijzigingen[0].sleutel.basisbedragen[0].code')).toMatch(/heeft al een vast bedrag/);
  });

  it('describes the key with its fixed and base amounts', () => {
    const w = keyChange({ type: 'brede-spuk-2025', vasteBedragen: [{ code: HILVERSUM, bedrag: '10' }], basisbedragen: [{ code: WIJDEMEREN, bedrag: '5' }] });
    expect(describeChange(w)).toBe('Brede SPUK-sleutel; 1 gemeente krijgt een vast bedrag in plaats van een aandeel; 1 gemeente krijgt een basisbedrag bovenop het aandeel');
  });
});

describe('base amounts per municipality in a key (basisbedragen)', () => {
  const codes = data.gemeenten.map((g) => g.code);

  it('property: a base amount is paid on top of the weighted share of the rest; equals the plain definition; with fixed amounts too', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: codes.length - 1 }), { minLength: 2, maxLength: 14 }),
        fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 14, maxLength: 14 }),
        fc.boolean(),
        (picked, amounts, formula) => {
          const half = Math.floor(picked.length / 2);
          const basisbedragen = picked.slice(0, half).map((i, k) => ({ code: codes[i]!, bedrag: String(amounts[k]!) }));
          const vasteBedragen = picked.slice(half).map((i, k) => ({ code: codes[i]!, bedrag: String(amounts[half + k]!) }));
          const sleutel: Sleutel = formula
            ? { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }], basisbedragen, vasteBedragen }
            : { type: 'brede-spuk-2025', basisbedragen, vasteBedragen };
          const a = run([keyChange(sleutel)]);
          const r = result(a, 2026);
          const base = new Map(basisbedragen.map((b) => [b.code, BigInt(b.bedrag)]));
          const fixed = new Map(vasteBedragen.map((b) => [b.code, BigInt(b.bedrag)]));
          const weights = r.sleutel!.weights;
          const rows = data.gemeenten.map((g, i) => ({
            code: g.code,
            weight: weights[i]!,
            ...(fixed.has(g.code) ? { fixed: fixed.get(g.code)! } : {}),
            ...(base.has(g.code) ? { base: base.get(g.code)! } : {}),
          }));
          const expected = plain(r.lokaal, 100n, rows);
          for (const l of lines(r)) expect(l.bedrag, l.ontvanger).toBe(expected.get(l.ontvanger)! * 100n);
          expect(r.regels.reduce((s, l) => s + (l.bedrag ?? 0n), 0n)).toBe(r.totaal);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('says so in the explanation of the key and of the amount', () => {
    const a = run([keyChange({ type: 'brede-spuk-2025', basisbedragen: [{ code: HILVERSUM, bedrag: '25000', toelichting: 'regiofunctie' }] })]);
    const e = explain(a, { stroom: STREAM, jaar: 2026, ontvanger: HILVERSUM });
    if (!e.ok) throw new Error(e.bericht);
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toMatch(/1 gemeente krijgt een basisbedrag bovenop het aandeel \(samen € 25\.000\)/);
    expect(text).toMatch(/Hilversum krijgt een basisbedrag van € 25\.000, bovenop zijn aandeel naar verhouding in de rest\. Toelichting: regiofunctie/);
  });
});

describe('the scenario format with the new levers', () => {
  it('round-trips fixed and base amounts, a transition path and a GGD split, and the JSON Schema names them', async () => {
    const { parseScenario, serializeScenario } = await import('../scenario/parse.js');
    const { scenarioJsonSchema } = await import('../scenario/schema.js');
    const input = {
      versie: 1,
      naam: 'hefbomen',
      afronding: 'euro',
      herindelingen: 'gepland',
      wijzigingen: [
        keyChange({ type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }], vasteBedragen: [{ code: HILVERSUM, bedrag: '1000', toelichting: 'x' }], basisbedragen: [{ code: WIJDEMEREN, bedrag: '5' }] }),
        { soort: 'ingroeipad', stroom: STREAM, jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '2.5' },
        { soort: 'lokaal-regionaal', stroom: STREAM, jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '80', regio: 'ggd' },
      ],
    };
    const p = parseScenario(input);
    if (!p.ok) throw new Error(p.fouten.map((f) => f.bericht).join('; '));
    expect(JSON.parse(serializeScenario(p.scenario))).toEqual(input);
    const schema = JSON.stringify(scenarioJsonSchema());
    for (const word of ['"ingroeipad"', '"vasteBedragen"', '"basisbedragen"', '"perInwoner"', '"ggd"']) expect(schema).toContain(word);
  });
});

describe('what the product says at a key with amounts for a municipality a merger takes in', () => {
  it('notes that the amount counts for the successor from the merger on, at the change', async () => {
    const { changeEffects } = await import('../scenario/effects.js');
    const w = keyChange({ type: 'brede-spuk-2025', vasteBedragen: [{ code: WIJDEMEREN, bedrag: '1000' }] });
    const notes = changeEffects(data, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [w] });
    const note = notes.find((n) => /Wijdemeren/.test(n.bericht));
    expect(note?.pad).toBe('wijzigingen[0]');
    expect(note?.bericht).toMatch(/in 2027-2030 telt het vaste bedrag mee voor Hilversum/);
    const without = changeEffects(data, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'zonder', wijzigingen: [w] });
    expect(without.some((n) => /telt het vaste bedrag mee/.test(n.bericht))).toBe(false);
  });
});
