import { describe, expect, it } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import { emptyScenario } from '../scenario/format.js';
import type { Allocation } from '../allocation/types.js';
import { divisionOf, plannedSuccessions } from '../municipalities/division.js';
import { compareRecipients } from './comparison.js';
import { periodView } from './period.js';
import { perInhabitantCents } from './per-inhabitant.js';
import { inClass, classIndex } from './classes.js';
import { MAP_MEASURES, MAP_UNKNOWN_LABEL, mapClassLabel, mapClasses, mapValue, mapView } from './map.js';
import { mapTable } from '../export/map-table.js';
import { tableToCsv } from '../export/table.js';

const data = baselineData();

function allocationOf(input: unknown): Allocation {
  const c = allocateScenario(data, input);
  if (!c.ok) throw new Error(c.fouten.map((f) => f.bericht).join('; '));
  return c.allocation;
}

const base = allocationOf(emptyScenario());
const scenario = allocationOf({
  versie: 1,
  naam: 'Meer Nu Niet Zwanger',
  wijzigingen: [{ soort: 'bedrag', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', bedrag: '2500000' }],
});
const zonder = allocationOf({ ...emptyScenario('Zonder herindeling'), herindelingen: 'zonder' });
const merger = plannedSuccessions(data)[0]!;

describe('mapView', () => {
  it('2026, all streams: one row per municipality of the division, each with the amount of the comparison view', () => {
    const v = mapView(data, [base], { van: 2026, tot: 2026, stroom: 'alle' });
    const division = divisionOf(data, 2026);
    expect(v.rijen.length).toBe(division.gemeenten.length);
    expect(v.verdeeld).toBe(true);
    const cmp = new Map(compareRecipients(data, [base], { jaar: 2026, stroom: 'alle' }).map((r) => [r.ontvanger, r]));
    for (const r of v.rijen) {
      expect(r.delen).toEqual([r.code]);
      const c = cmp.get(r.code)!;
      expect(r.zijden[0]).toEqual(c.zijden[0]);
      expect(r.inwoners).toBe(c.inwoners);
      expect(r.perInwoner[0]).toBe(perInhabitantCents(c.zijden[0]!.bedrag, c.inwoners));
    }
    // Streams that run but are not divided over municipalities are named, not counted as 0.
    expect(v.nietVerdeeld.map((x) => x.stroom)).toEqual(['rookvrije-start', 'landelijk-vws']);
  });

  it('2027: the planned merger makes one row (and one shape) of its parts', () => {
    const v = mapView(data, [base], { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' });
    expect(v.rijen.length).toBe(divisionOf(data, 2027).gemeenten.length);
    expect(v.rijen.length).toBe(data.gemeenten.length - merger.opgeheven.length);
    const opvolger = v.rijen.find((r) => r.code === merger.opvolger.code)!;
    expect(opvolger.delen).toEqual(merger.delen.map((g) => g.code));
    for (const g of merger.opgeheven) expect(v.rijen.some((r) => r.code === g.code)).toBe(false);
    // Every shape of the base division is in exactly one row.
    expect(v.rijen.flatMap((r) => r.delen).sort()).toEqual(data.gemeenten.map((g) => g.code).sort());
    const c = compareRecipients(data, [base], { jaar: 2027, stroom: 'nu-niet-zwanger' }).find((r) => r.ontvanger === merger.opvolger.code)!;
    expect(opvolger.zijden[0]!.bedrag).toBe(c.zijden[0]!.bedrag);
    expect(opvolger.inwoners).toBe(c.inwoners);
  });

  it('a scenario without the planned merger keeps every municipality of the base division', () => {
    const v = mapView(data, [base, zonder], { van: 2027, tot: 2027, stroom: 'alle' });
    expect(v.rijen.length).toBe(data.gemeenten.length);
    expect(v.indeling.samenvoegingen).toEqual([]);
  });

  it('a period of all streams sums as the period view does', () => {
    const v = mapView(data, [base, scenario], { van: 2026, tot: 2030, stroom: 'alle' });
    const p = periodView(data, [base, scenario], { van: 2026, tot: 2030 });
    expect(v.rijen.map((r) => r.code)).toEqual(p.gemeenten.map((g) => g.code));
    v.rijen.forEach((r, i) => {
      expect(r.zijden).toEqual(p.gemeenten[i]!.zijden);
      expect(r.verschillen).toEqual(p.gemeenten[i]!.verschillen);
    });
  });

  it('a period of one stream is the sum of the years of the comparison view, a merged part with its successor', () => {
    const v = mapView(data, [base, scenario], { van: 2026, tot: 2028, stroom: 'nu-niet-zwanger' });
    const years = [2026, 2027, 2028].map((jaar) => new Map(compareRecipients(data, [base, scenario], { jaar, stroom: 'nu-niet-zwanger' }).map((r) => [r.ontvanger, r])));
    for (const r of v.rijen) {
      for (const k of [0, 1]) {
        let sum = 0n;
        for (const m of years) for (const code of r.delen) sum += m.get(code)?.zijden[k]!.bedrag ?? 0n;
        expect(r.zijden[k]!.bedrag).toBe(sum);
      }
      expect(r.verschillen[0]!.verschil).toBe(r.zijden[1]!.bedrag! - r.zijden[0]!.bedrag!);
      expect(r.verschilPerInwoner[0]).toBe(perInhabitantCents(r.verschillen[0]!.verschil, r.inwoners));
    }
    expect(v.rijen.some((r) => r.verschillen[0]!.verschil !== 0n)).toBe(true);
  });

  it('2021: the impuls went to the municipalities with an unknown key: every amount unknown (not 0, not absent), and the reason', () => {
    const v = mapView(data, [base], { van: 2021, tot: 2021, stroom: 'alle' });
    expect(v.verdeeld).toBe(false);
    expect(v.rijen.every((r) => r.zijden[0]!.aanwezig && r.zijden[0]!.bedrag === null && r.zijden[0]!.status === 'onbekend' && r.perInwoner[0] === null)).toBe(true);
    const impuls = v.nietVerdeeld.find((x) => x.stroom === 'ks-impuls')!;
    expect(impuls.reden).toMatch(/verdeelsleutel is onbekend.*ging wel naar gemeenten/);
    // A period with such a year: every sum is unknown, not the sum of the known years.
    const p = mapView(data, [base], { van: 2022, tot: 2023, stroom: 'alle' });
    expect(p.rijen.every((r) => r.zijden[0]!.bedrag === null)).toBe(true);
  });

  it('a stream that is not divided in a year: no amounts, never 0', () => {
    const v = mapView(data, [base], { van: 2027, tot: 2027, stroom: 'rookvrije-start' });
    expect(v.verdeeld).toBe(false);
    expect(v.rijen.every((r) => mapValue(r, 'bedrag', 0) === null)).toBe(true);
    expect(v.nietVerdeeld).toEqual([expect.objectContaining({ stroom: 'rookvrije-start', jaar: 2027, reden: expect.stringMatching(/nog niet bepaald/) })]);
  });

  it('refuses an empty period', () => {
    expect(() => mapView(data, [base], { van: 2028, tot: 2027, stroom: 'alle' })).toThrow(RangeError);
  });
});

describe('mapClasses and mapTable', () => {
  const v = mapView(data, [base, scenario], { van: 2027, tot: 2027, stroom: 'alle' });

  it('every municipality with a value is in the class that holds it; differences diverge around 0', () => {
    for (const maat of MAP_MEASURES) {
      const s = mapClasses(v, maat, 1);
      expect(s.divergerend).toBe(maat.startsWith('verschil'));
      for (const r of v.rijen) {
        const x = mapValue(r, maat, 1);
        if (x === null) continue;
        expect(inClass(s.klassen[classIndex(s, x)!]!, x)).toBe(true);
      }
      if (maat === 'bedrag' || maat === 'verschil') for (const c of s.klassen) if (c.van !== null) expect(c.van % 100n).toBe(0n);
    }
  });

  it('the table holds the figures of the view, the status of the shown side and the class label', () => {
    const s = mapClasses(v, 'per-inwoner', 1);
    const t = mapTable(v, ['Basis', 'Meer Nu Niet Zwanger'], { maat: 'per-inwoner', k: 1, klassen: s });
    expect(t.kolommen.map((c) => c.id)).toEqual(['gemeente', 'naam', 'inwoners', 'basis', 'per_inwoner_basis', 'scenario', 'per_inwoner_scenario', 'verschil', 'verschil_per_inwoner', 'status', 'klasse']);
    expect(t.rijen.length).toBe(v.rijen.length);
    const i = v.rijen.findIndex((r) => r.code === merger.opvolger.code);
    const r = v.rijen[i]!;
    expect(t.rijen[i]).toEqual([
      r.code,
      r.naam,
      r.inwoners,
      r.zijden[0]!.bedrag,
      expect.stringMatching(/^\d+\.\d\d$/),
      r.zijden[1]!.bedrag,
      expect.stringMatching(/^\d+\.\d\d$/),
      r.verschillen[0]!.verschil,
      expect.stringMatching(/^-?\d+\.\d\d$/),
      r.zijden[1]!.status,
      mapClassLabel(s, 'per-inwoner', r.perInwoner[1]!),
    ]);
    expect(tableToCsv(t).split('\n')[0]).toBe('gemeente,naam,inwoners,basis,per_inwoner_basis,scenario,per_inwoner_scenario,verschil,verschil_per_inwoner,status,klasse');
  });

  it('a municipality without a value is in the unknown class in the table', () => {
    const w = mapView(data, [base], { van: 2021, tot: 2021, stroom: 'alle' });
    const s = mapClasses(w, 'bedrag', 0);
    const t = mapTable(w, ['Basis'], { maat: 'bedrag', k: 0, klassen: s });
    expect(t.rijen.every((row) => row.at(-1) === MAP_UNKNOWN_LABEL && row.at(-2) === 'onbekend' && row[3] === null)).toBe(true);
  });
});
