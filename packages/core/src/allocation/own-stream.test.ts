import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { LAST_YEAR, STREAM_IDS } from '../data/types.js';
import { allocateScenario } from './allocate-scenario.js';
import type { Allocation, StreamYearResult } from './types.js';
import { parseScenario } from '../scenario/parse.js';
import { emptyScenario } from '../scenario/format.js';
import { scenarioJsonSchema, type EigenStroom, type ScenarioInput, type Sleutel, type Wijziging } from '../scenario/schema.js';
import { centsOf } from '../money/cents.js';
import { fromDecimal, mul, fraction, roundHalfUp } from '../money/fraction.js';
import { compareAllocations, compareTotals } from '../views/comparison.js';
import { periodView } from '../views/period.js';
import { describeScenario } from '../views/description.js';
import { explain } from '../explain/explain.js';
import { renderExplanation } from '../explain/render.js';
import { streamsOf, streamName } from '../streams/own.js';
import { recipientCard } from '../views/card.js';
import { comparisonTable, descriptionTable, periodTable } from '../export/tables.js';

const data = baselineData();
const PILOT = 'eigen:pilot' as const;

const pilot = (over: Partial<EigenStroom> = {}): EigenStroom => ({
  id: PILOT,
  naam: 'Pilot kraamzorg',
  toelichting: 'toezegging in het coalitieakkoord, nog niet in de begroting',
  bedragen: [
    { jaar: 2027, geldigheid: 'vanaf-dit-jaar', bedrag: '1000000' },
    { jaar: 2029, geldigheid: 'alleen-dit-jaar', bedrag: '2500000.55' },
  ],
  sleutel: { type: 'brede-spuk-2025' },
  ...over,
});

function run(input: Partial<ScenarioInput>): Allocation {
  const out = allocateScenario(data, { ...emptyScenario('Met pilot'), ...input });
  if (!out.ok) throw new Error(out.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n'));
  return out.allocation;
}
const fouten = (input: unknown) => {
  const out = allocateScenario(data, input);
  return out.ok ? [] : out.fouten.map((f) => ({ pad: f.pad, bericht: f.bericht, plaats: f.plaats }));
};
const resultOf = (a: Allocation, jaar: number, stroom: string = PILOT): StreamYearResult | undefined => a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar);
const municipal = (r: StreamYearResult) => r.regels.filter((l) => l.soort === 'gemeente');
const sum = (r: StreamYearResult) => municipal(r).reduce((s, l) => s + l.bedrag!, 0n);

const basis = run({});
const withPilot = run({ eigenStromen: [pilot()] });

describe('an own stream in the scenario JSON', () => {
  it('is optional: a scenario without one computes exactly as before, and the JSON Schema describes it', () => {
    expect(basis.resultaten.every((r) => (STREAM_IDS as readonly string[]).includes(r.stroom))).toBe(true);
    for (const r of basis.resultaten) {
      const same = resultOf(withPilot, r.jaar, r.stroom)!;
      expect(same.totaal).toBe(r.totaal);
      expect(same.regels.map((l) => l.bedrag)).toEqual(r.regels.map((l) => l.bedrag));
    }
    expect(JSON.stringify(scenarioJsonSchema())).toContain('eigenStromen');
  });

  it('round-trips: the parsed scenario keeps the stream as written', () => {
    const p = parseScenario({ ...emptyScenario('x'), eigenStromen: [pilot()] });
    expect(p.ok && p.scenario.eigenStromen).toEqual([pilot()]);
  });

  it('refuses a bad id, name, status, amount or key with a located Dutch message', () => {
    const text = JSON.stringify({ ...emptyScenario('x'), eigenStromen: [{ ...pilot(), id: 'pilot' }] }, null, 2);
    const [bad] = fouten(text);
    expect(bad!.pad).toBe('eigenStromen[0].id');
    expect(bad!.bericht).toMatch(/geen id van een eigen stroom.*"eigen:"/);
    expect(bad!.plaats?.regel).toBe(text.split('\n').findIndex((l) => l.includes('"id": "pilot"')) + 1);

    const cases: [Partial<Record<keyof EigenStroom, unknown>>, string, RegExp][] = [
      [{ naam: '   ' }, 'eigenStromen[0].naam', /heeft een naam/],
      [{ naam: 'x'.repeat(201) }, 'eigenStromen[0].naam', /hoogstens 200/],
      [{ status: 'gepubliceerd' }, 'eigenStromen[0].status', /status van een eigen stroom is "scenario"/],
      [{ bedragen: [] }, 'eigenStromen[0].bedragen', /minstens één bedrag/],
      [{ bedragen: [{ jaar: 2027, geldigheid: 'vanaf-dit-jaar', bedrag: '1,5' }] }, 'eigenStromen[0].bedragen[0].bedrag', /decimaalteken/],
      [{ bedragen: [{ jaar: 2031, geldigheid: 'vanaf-dit-jaar', bedrag: '1' }] }, 'eigenStromen[0].bedragen[0].jaar', /2030 of eerder/],
      [{ bedragen: [{ jaar: 2027, geldigheid: 'altijd', bedrag: '1' }] }, 'eigenStromen[0].bedragen[0].geldigheid', /geldigheid/],
      [{ sleutel: { type: 'onbekend' } }, 'eigenStromen[0].sleutel.type', /sleutel moet type/],
    ];
    for (const [over, pad, bericht] of cases) {
      const found = fouten({ ...emptyScenario('x'), eigenStromen: [{ ...pilot(), ...over }] });
      expect(found.map((f) => f.pad), JSON.stringify(over)).toContain(pad);
      expect(found.find((f) => f.pad === pad)!.bericht).toMatch(bericht);
    }
  });

  it('refuses a double id, and a change that names an undeclared own stream', () => {
    expect(fouten({ ...emptyScenario('x'), eigenStromen: [pilot(), pilot({ naam: 'Tweede' })] }).map((f) => [f.pad, f.bericht])).toEqual([
      ['eigenStromen[1].id', 'de eigen stroom eigen:pilot staat er twee keer in; geef elke eigen stroom een eigen id'],
    ]);
    const text = JSON.stringify(
      { ...emptyScenario('x'), eigenStromen: [pilot()], wijzigingen: [{ soort: 'korting', stroom: 'eigen:andere', jaar: 2028, geldigheid: 'vanaf-dit-jaar', percentage: '10' }] },
      null,
      2,
    );
    const [f] = fouten(text);
    expect(f!.pad).toBe('wijzigingen[0].stroom');
    expect(f!.bericht).toBe('de eigen stroom eigen:andere bestaat niet in dit scenario; voeg haar toe onder "eigenStromen" of kies uit eigen:pilot');
    expect(f!.plaats?.regel).toBe(text.split('\n').findIndex((l) => l.includes('"stroom": "eigen:andere"')) + 1);
    // A stream that is neither a data stream nor an own id.
    expect(fouten({ ...emptyScenario('x'), wijzigingen: [{ soort: 'korting', stroom: 'pilot', jaar: 2028, geldigheid: 'vanaf-dit-jaar', percentage: '10' }] })[0]!.bericht).toMatch(
      /onbekende stroom "pilot".*eigen stroom/,
    );
  });

  it('is checked against the data: codes of its key, and years that can be divided over municipalities', () => {
    const found = fouten({
      ...emptyScenario('x'),
      eigenStromen: [pilot({ bedragen: [{ jaar: 2020, geldigheid: 'alleen-dit-jaar', bedrag: '5' }], sleutel: { type: 'brede-spuk-2025', vasteBedragen: [{ code: 'GM9999', bedrag: '10' }] } })],
    });
    expect(found.map((f) => f.pad)).toEqual(['eigenStromen[0].sleutel.vasteBedragen[0].code', 'eigenStromen[0].bedragen[0].jaar']);
    expect(found[1]!.bericht).toMatch(/kan pas vanaf 2023/);
  });
});

describe('the allocation of an own stream', () => {
  it('applies its amounts in list order: from 2027 the first, in 2029 only the second; before 2027 no result (not zero)', () => {
    for (let jaar = 2019; jaar < 2027; jaar++) expect(resultOf(withPilot, jaar)).toBeUndefined();
    const expected: Record<number, string> = { 2027: '1000000', 2028: '1000000', 2029: '2500001', 2030: '1000000' };
    for (const [jaar, euros] of Object.entries(expected)) {
      const r = resultOf(withPilot, Number(jaar))!;
      expect(r.totaal, jaar).toBe(centsOf(euros));
      // The recipients' amounts add up exactly to the amount of the year.
      expect(sum(r), jaar).toBe(r.totaal);
      expect(r.regels.every((l) => l.soort === 'gemeente')).toBe(true);
      expect(r.naam).toBe('Pilot kraamzorg');
    }
  });

  it('computes a change on the second own stream (each own stream keeps its place in the list)', () => {
    const second: EigenStroom = { ...pilot(), id: 'eigen:tweede', naam: 'Tweede pilot' };
    const a = run({ eigenStromen: [pilot(), second], wijzigingen: [{ soort: 'korting', stroom: 'eigen:tweede', jaar: 2028, geldigheid: 'vanaf-dit-jaar', percentage: '10' }] });
    const r = a.resultaten.find((x) => x.stroom === 'eigen:tweede' && x.jaar === 2028)!;
    expect(r.naam).toBe('Tweede pilot');
    expect(r.totaal).toBe(90000000n);
  });

  it('gives every amount the status scenario with the stream and its reason', () => {
    const r = resultOf(withPilot, 2028)!;
    expect(r.bedragStatus).toBe('scenario');
    expect(r.bedragRedenen).toEqual(['bedrag uit het scenario (eigen stroom “Pilot kraamzorg”): toezegging in het coalitieakkoord, nog niet in de begroting']);
    for (const l of r.regels) {
      expect(l.status).toBe('scenario');
      expect(l.redenen).toContain(r.bedragRedenen[0]);
    }
  });

  it('takes the changes that name it: a cut, a key, participation, a split, a transition path', () => {
    const changes: Wijziging[] = [
      { soort: 'korting', stroom: PILOT, jaar: 2028, geldigheid: 'alleen-dit-jaar', percentage: '10' },
      { soort: 'sleutel', stroom: PILOT, jaar: 2030, geldigheid: 'alleen-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }] } },
      { soort: 'lokaal-regionaal', stroom: PILOT, jaar: 2029, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '50' },
    ];
    const a = run({ eigenStromen: [pilot()], wijzigingen: changes });
    expect(resultOf(a, 2028)!.totaal).toBe(centsOf('900000'));
    expect(sum(resultOf(a, 2028)!)).toBe(centsOf('900000'));
    const r2029 = resultOf(a, 2029)!;
    const regions = r2029.regels.filter((l) => l.soort === 'regio').reduce((s, l) => s + l.bedrag!, 0n);
    expect(regions).toBeGreaterThan(0n);
    expect(sum(r2029) + regions).toBe(r2029.totaal);
    // The key change holds in 2030 only: the division differs from 2027's key, the total does not.
    const k2030 = municipal(resultOf(a, 2030)!).map((l) => l.bedrag);
    expect(resultOf(a, 2030)!.totaal).toBe(resultOf(withPilot, 2030)!.totaal);
    expect(k2030).not.toEqual(municipal(resultOf(withPilot, 2030)!).map((l) => l.bedrag));
    // Data streams are untouched.
    for (const r of basis.resultaten) expect(resultOf(a, r.jaar, r.stroom)!.totaal).toBe(r.totaal);
  });

  it('property: for random amounts, validities and keys, each year divided adds up to the year amount, and years without amount have no result', () => {
    const keys: Sleutel[] = [
      { type: 'brede-spuk-2025' },
      { type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }] },
      { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '2' }, { indicator: 'geboorten-2022', gewicht: '1' }], basisbedrag: '1' },
      { type: 'tabel', naam: 'drie gemeenten', waarden: [{ code: 'GM0363', waarde: '3' }, { code: 'GM0518', waarde: '2' }, { code: 'GM0599', waarde: '1' }] },
      { type: 'brede-spuk-2025', vasteBedragen: [{ code: 'GM0363', bedrag: '1000' }], basisbedragen: [{ code: 'GM0518', bedrag: '500' }] },
    ];
    const entry = fc.record({
      jaar: fc.integer({ min: 2023, max: LAST_YEAR }),
      geldigheid: fc.constantFrom('alleen-dit-jaar' as const, 'vanaf-dit-jaar' as const),
      bedrag: fc.bigInt({ min: 200000n, max: 5_000_000_000n }).map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: keys.length - 1 }), fc.constantFrom('euro' as const, 'cent' as const), (bedragen, k, afronding) => {
        const a = run({ afronding, eigenStromen: [pilot({ bedragen, sleutel: keys[k]! })] });
        for (let jaar = 2023; jaar <= LAST_YEAR; jaar++) {
          // The plain definition: the last entry that holds for the year, rounded half up to the unit.
          const holding = bedragen.filter((b) => (b.geldigheid === 'alleen-dit-jaar' ? b.jaar === jaar : b.jaar <= jaar)).at(-1);
          const r = resultOf(a, jaar);
          if (!holding) {
            expect(r).toBeUndefined();
            continue;
          }
          const unit = afronding === 'cent' ? 1n : 100n;
          expect(r!.totaal).toBe(roundHalfUp(mul(fromDecimal(holding.bedrag), fraction(100n, unit))) * unit);
          expect(sum(r!)).toBe(r!.totaal);
          for (const l of r!.regels) expect(l.bedrag! % unit).toBe(0n);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('views and explanations include an own stream', () => {
  it('lists it after the data streams, with its name', () => {
    const list = streamsOf(withPilot);
    expect(list.slice(0, STREAM_IDS.length).map((s) => s.id)).toEqual([...STREAM_IDS]);
    expect(list.at(-1)).toEqual({ id: PILOT, naam: 'Pilot kraamzorg', eigen: true });
    expect(streamName(PILOT, withPilot.scenario)).toBe('Pilot kraamzorg');
    expect(streamName(PILOT)).toBe(PILOT);
  });

  it('compares it with the baseline, where it is absent (not zero)', () => {
    const totals = compareTotals([basis, withPilot]).filter((t) => t.stroom === PILOT);
    expect(totals.map((t) => t.jaar)).toEqual([2027, 2028, 2029, 2030]);
    for (const t of totals) {
      expect(t.naam).toBe('Pilot kraamzorg');
      expect(t.zijden[0]!.aanwezig).toBe(false);
      expect(t.zijden[1]!.bedrag).toBe(resultOf(withPilot, t.jaar)!.totaal);
      expect(t.verschillen[0]!.verschil).toBe(t.zijden[1]!.bedrag);
    }
    const rows = compareAllocations(data, [basis, withPilot], { stroom: PILOT, van: 2028, tot: 2028 });
    expect(rows.reduce((s, r) => s + r.verschillen[0]!.verschil!, 0n)).toBe(resultOf(withPilot, 2028)!.totaal);
    const table = comparisonTable(data, [basis, withPilot], ['Basis', 'Met pilot'], { stroom: PILOT, van: 2028, tot: 2028 });
    expect(table.rijen.length).toBe(rows.length);
  });

  it('sums it over a period, and counts it in each municipality\'s period sum', () => {
    const v = periodView(data, [basis, withPilot]);
    const row = v.stromen.find((s) => s.stroom === PILOT)!;
    expect(row.naam).toBe('Pilot kraamzorg');
    expect(v.stromen.at(-1)).toBe(row);
    expect(row.jaren.map((j) => j.zijden[1]!.aanwezig)).toEqual([false, true, true, true, true]);
    const expected = [2027, 2028, 2029, 2030].reduce((s, j) => s + resultOf(withPilot, j)!.totaal!, 0n);
    expect(row.som[1]!.bedrag).toBe(expected);
    expect(row.som[0]!.aanwezig).toBe(false);
    const table = periodTable(v, ['Basis', 'Met pilot'], 'stromen');
    expect(table.rijen.at(-1)!.slice(0, 2)).toEqual([PILOT, 'Pilot kraamzorg']);
    // The municipalities' period sums differ from the baseline by exactly the pilot's money.
    const diff = v.gemeenten.reduce((s, g) => s + (g.verschillen[0]!.verschil ?? 0n), 0n);
    expect(diff).toBe(expected);
  });

  it('puts it on the municipality card', () => {
    const card = recipientCard(data, [basis, withPilot], 'GM0363');
    const rows = card.rijen.filter((r) => r.stroom === PILOT);
    expect(rows.map((r) => r.jaar)).toEqual([2027, 2028, 2029, 2030]);
    const own = [2027, 2028, 2029, 2030].map((j) => resultOf(withPilot, j)!.regels.find((l) => l.ontvanger === 'GM0363')!.bedrag!);
    rows.forEach((r, k) => {
      expect(r.zijden[0]!.aanwezig).toBe(false);
      expect(r.zijden[1]!.bedrag).toBe(own[k]);
    });
    expect(card.perStroom.find((s) => s.stroom === PILOT)!.zijden[1]!.bedrag).toBe(own.reduce((a, b) => a + b, 0n));
  });

  it('explains an amount: the amount from the scenario, the key, the rounding', () => {
    const e = explain(withPilot, { stroom: PILOT, jaar: 2029, ontvanger: 'GM0363' });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg.status).toBe('scenario');
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toContain('Het landelijke bedrag voor Pilot kraamzorg in 2029 is € 2.500.000,55');
    expect(text).toContain('bedrag uit het scenario (eigen stroom “Pilot kraamzorg”): toezegging in het coalitieakkoord');
    expect(text).toContain('alleen 2029, bedrag 2 van de stroom');
    expect(text).toMatch(/afgerond op hele euro's/);
    expect(text).toMatch(/Verdeelsleutel/);
    expect(text).not.toMatch(/wijziging \d+ van het scenario/);
    const none = explain(withPilot, { stroom: PILOT, jaar: 2026, ontvanger: 'GM0363' });
    expect(none).toEqual({ ok: false, bericht: 'Pilot kraamzorg heeft in 2026 geen bedrag.' });
  });

  it('describes it in words, and a change on it with the stream as declared as its "basis"', () => {
    const a = run({ eigenStromen: [pilot()], wijzigingen: [{ soort: 'korting', stroom: PILOT, jaar: 2028, geldigheid: 'alleen-dit-jaar', percentage: '10' }] });
    const d = describeScenario(data, basis, a);
    expect(d.eigenStromen).toHaveLength(1);
    const s = d.eigenStromen[0]!;
    expect(s).toMatchObject({ id: PILOT, naam: 'Pilot kraamzorg', status: 'scenario', sleutel: 'Brede SPUK-sleutel' });
    expect(s.reden).toMatch(/^bedrag uit het scenario \(eigen stroom “Pilot kraamzorg”\)/);
    expect(s.jaren.map((j) => [j.jaar, j.bedrag])).toEqual([
      [2027, '€ 1.000.000 (bedrag 1, vanaf 2027)'],
      [2028, '€ 1.000.000 (bedrag 1, vanaf 2027)'],
      [2029, '€ 2.500.000,55 (bedrag 2, alleen 2029)'],
      [2030, '€ 1.000.000 (bedrag 1, vanaf 2027)'],
    ]);
    expect(s.jaren[1]!.verdeeld).toBe(centsOf('900000'));
    const rows = descriptionTable(d).rijen.filter((r) => r[1] === 'Eigen stroom');
    expect(rows.map((r) => [r[2], r[5], r[7], r[10]])).toEqual(s.jaren.map((j) => [PILOT, j.jaar, j.bedrag, j.verdeeld]));
    const w = d.wijzigingen[0]!;
    expect(w.stroomNaam).toBe('Pilot kraamzorg');
    expect(w.jaren).toEqual([expect.objectContaining({ jaar: 2028, basis: 'geen korting', scenario: '10% korting', bedragBasis: null, bedragScenario: centsOf('900000'), loopt: { basis: false, scenario: true } })]);
  });

  it('warns about an amount that later amounts override everywhere, and about a change on a year without amount', () => {
    const out = allocateScenario(data, {
      ...emptyScenario('x'),
      eigenStromen: [pilot({ bedragen: [{ jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '1' }, { jaar: 2027, geldigheid: 'vanaf-dit-jaar', bedrag: '2' }] })],
      wijzigingen: [{ soort: 'korting', stroom: PILOT, jaar: 2025, geldigheid: 'alleen-dit-jaar', percentage: '10' }],
    });
    expect(out.ok).toBe(true);
    const w = out.waarschuwingen.map((p) => [p.pad, p.bericht]);
    expect(w).toContainEqual(['eigenStromen[0].bedragen[0]', 'Bedrag 1 van de eigen stroom “Pilot kraamzorg” heeft geen effect: in 2028 geldt bedrag 2, dat later in de lijst staat.']);
    expect(w).toContainEqual(['wijzigingen[0]', 'Wijziging 1 (Pilot kraamzorg, alleen 2025) heeft geen effect: Pilot kraamzorg loopt niet in 2025.']);
  });
});
