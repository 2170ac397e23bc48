import { describe, it, expect } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { emptyScenario } from '../scenario/format.js';
import { type Wijziging } from '../scenario/schema.js';
import { describeScenario } from './description.js';
import { descriptionTable } from '../export/tables.js';
import { formatEuro } from '../money/format.js';

const data = baselineData();
const run = (wijzigingen: Wijziging[]): Allocation => {
  const out = allocateScenario(data, { versie: 1, naam: 'Variant', wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const basis = run([]);
const total = (a: Allocation, stroom: string, jaar: number) => a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar)!.totaal;

describe('a scenario in words', () => {
  const scenario = run([
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000', toelichting: 'voorstel van het ministerie' },
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2030, geldigheid: 'alleen-dit-jaar', bedrag: '7000000' },
    { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60' },
  ]);
  const d = describeScenario(data, basis, scenario);

  it('gives every change, each year it touches with the baseline value and the scenario value, and its explanation', () => {
    expect(d.naam).toBe('Variant');
    expect(d.wijzigingen.map((w) => [w.nummer, w.geldigheid, w.jaren.map((j) => j.jaar)])).toEqual([
      [1, 'vanaf 2028', [2028, 2029, 2030]],
      [2, 'alleen 2030', [2030]],
      [3, 'alleen 2027', [2027]],
    ]);
    const [first, second, third] = d.wijzigingen;
    expect(first!.toelichting).toBe('voorstel van het ministerie');
    const y2028 = first!.jaren[0]!;
    expect(y2028.basis).toBe(formatEuro(total(basis, 'integrale-gezinspoli', 2028)!, 'auto'));
    expect(y2028.scenario).toBe('€ 6.000.000');
    expect(y2028.bedragScenario).toBe(total(scenario, 'integrale-gezinspoli', 2028));
    // In 2030 the later change holds: the first says so, and the scenario value is the later one's.
    const y2030 = first!.jaren[2]!;
    expect([y2030.geldt, y2030.scenario]).toEqual([false, '€ 7.000.000']);
    expect(second!.jaren[0]!.geldt).toBe(true);
    expect([third!.jaren[0]!.basis, third!.jaren[0]!.scenario]).toEqual(['100% lokaal', '60% lokaal']);
  });

  it('writes one row per change and year, with both amounts', () => {
    const t = descriptionTable(d);
    expect(t.rijen).toHaveLength(5);
    const col = (id: string) => t.kolommen.findIndex((c) => c.id === id);
    const row = t.rijen.find((r) => r[col('nr')] === 1n && r[col('jaar')] === 2030)!;
    expect(row[col('geldt_in_jaar')]).toBe('nee');
    expect(row[col('bedrag_scenario')]).toBe(total(scenario, 'integrale-gezinspoli', 2030));
  });

  it('leaves out the years of a change in which the stream does not run', () => {
    const s = run([{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2026, geldigheid: 'vanaf-dit-jaar', percentage: '5' }]);
    const w = describeScenario(data, basis, s).wijzigingen[0]!;
    expect(w.jaren.map((j) => [j.jaar, j.basis, j.scenario])).toEqual([[2026, '10% korting', '5% korting']]);
  });

  it('is empty for the baseline', () => {
    expect(describeScenario(data, basis, run([])).wijzigingen).toEqual([]);
    expect(emptyScenario().wijzigingen).toEqual([]);
  });
});
