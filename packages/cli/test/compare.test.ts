import { beforeAll, describe, expect, it } from 'vitest';
import {
  allocateScenario,
  baselineData,
  comparisonTable,
  divisionOf,
  exportMetadata,
  formatProblem,
  tableToCsv,
  tableToObjects,
  type Allocation,
  type BaselineData,
} from '@kansrijke-start/core';
import { STACK, VANDAAG, baselineAllocation, calculate, cents, csvObjects, files, ksBudget, toPlain } from './run.js';
import { BAD, GOOD, SPLIT } from './fixtures.js';

describe('ks-budget compare', () => {
  let data: BaselineData;
  let basis: Allocation;
  let split: Allocation;
  let good: Allocation;
  let f: Record<string, string>;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    split = calculate(data, SPLIT);
    good = calculate(data, GOOD);
    f = files({ 'split.json': SPLIT, 'goed.json': GOOD, 'fout.json': BAD });
  });

  it('writes exactly the core comparison table, plain and Excel-NL, with the IZA regions of a local/regional split', () => {
    const filter = { van: 2027, tot: 2028, stroom: null, alleenVerschillen: false };
    for (const excel of [false, true]) {
      const r = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027-2028', ...(excel ? ['--excel'] : [])]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(tableToCsv(comparisonTable(data, [basis, split], ['Basis', split.scenario.naam], filter), { excel }));
    }
    const t = csvObjects(ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027', '--stream', 'nu-niet-zwanger']).stdout);
    const regions = new Set(data.izaRegios.map((r) => r.id));
    const regional = t.rows.filter((r) => r['soort'] === 'regio');
    expect(regional.length).toBe(regions.size);
    for (const r of regional) {
      expect(regions.has(r['ontvanger']!)).toBe(true);
      // Not in the baseline (all local there): empty, which is not the same as 0.
      expect(r['basis']).toBe('');
      expect(cents(r['scenario']!)).toBeGreaterThan(0n);
      expect(r['status_scenario']).toBe('scenario');
    }
    // The split moves money between recipients; the total does not change.
    expect(t.rows.reduce((s, r) => s + cents(r['verschil']!), 0n)).toBe(0n);
  });

  it('--changes-only and --stream give the core filter; the differences add up to the change of the national amount', () => {
    const r = ksBudget(['compare', '--scenario', f['goed.json']!, '--changes-only']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(tableToCsv(comparisonTable(data, [basis, good], ['Basis', good.scenario.naam], { alleenVerschillen: true })));
    const t = csvObjects(r.stdout);
    expect(new Set(t.rows.map((x) => `${x['jaar']} ${x['stroom']}`))).toEqual(new Set(['2028 integrale-gezinspoli']));
    // One row per municipality of the year's division (a planned merger may make it fewer than the base division).
    expect(t.rows.length).toBe(divisionOf(data, 2028).gemeenten.length);
    const total = (a: Allocation) => a.resultaten.find((x) => x.stroom === 'integrale-gezinspoli' && x.jaar === 2028)!.totaal!;
    expect(t.rows.reduce((s, x) => s + cents(x['verschil']!), 0n)).toBe(total(good) - total(basis));
    const groningen = t.rows.find((x) => x['ontvanger'] === 'GM0014')!;
    expect(cents(groningen['scenario']!) - cents(groningen['basis']!)).toBe(cents(groningen['verschil']!));
    expect(groningen['verschil_pct']).toMatch(/^\d+\.\d{2}$/);
    expect(groningen['status_scenario']).toBe('scenario');

    const stream = ksBudget(['compare', '--scenario', f['split.json']!, '--stream', 'nu-niet-zwanger', '--excel']);
    expect(stream.stdout).toBe(tableToCsv(comparisonTable(data, [basis, split], ['Basis', split.scenario.naam], { stroom: 'nu-niet-zwanger' }), { excel: true }));
  });

  it('--against another scenario: that one is the reference, by its name', () => {
    const r = ksBudget(['compare', '--scenario', f['goed.json']!, '--against', f['split.json']!, '--years', '2028']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(tableToCsv(comparisonTable(data, [split, good], [split.scenario.naam, good.scenario.naam], { van: 2028, tot: 2028 })));
    const self = ksBudget(['compare', '--scenario', f['goed.json']!, '--against', f['goed.json']!, '--changes-only']);
    expect(self.stdout.trim().split('\n').length).toBe(1);
  });

  it('writes JSON: the names, the unit, the warnings and the core rows', () => {
    const r = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toEqual({
      metadata: toPlain(exportMetadata([basis, split], ['Basis', split.scenario.naam], { vandaag: VANDAAG, tabel: { id: 'vergelijking', naam: 'Vergelijking', filter: { van: 2027, tot: 2027 } } })),
      basis: 'Basis',
      scenario: split.scenario.naam,
      afronding: 'euro',
      waarschuwingen: [],
      regels: tableToObjects(comparisonTable(data, [basis, split], ['Basis', split.scenario.naam], { van: 2027, tot: 2027 })),
    });
  });

  it('requires --scenario', () => {
    const r = ksBudget(['compare']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('optie --scenario ontbreekt');
  });

  it('reports an invalid scenario as an input error, as the core places and words it', () => {
    const r = ksBudget(['compare', '--scenario', f['fout.json']!]);
    expect(r.status).toBe(2);
    const out = allocateScenario(data, BAD);
    if (out.ok) throw new Error('BAD must be invalid');
    expect(r.stderr).toBe(out.fouten.map((p) => `${formatProblem(p, f['fout.json'])}\n`).join(''));
    expect(r.stderr).toContain(`${f['fout.json']}, regel 5, kolom 68 (wijzigingen[0].jaar)`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });
});

describe('ks-budget compare with two variants', () => {
  it('puts the baseline and two scenarios side by side: the core table, byte for byte', () => {
    const data = baselineData();
    const basis = baselineAllocation(data);
    const split = calculate(data, SPLIT);
    const good = calculate(data, GOOD);
    const f = files({ 'split.json': SPLIT, 'goed.json': GOOD });
    const r = ksBudget(['compare', '--scenario', f['split.json']!, '--scenario', f['goed.json']!, '--years', '2027-2028']);
    expect(r.status).toBe(0);
    const names = [basis.scenario.naam, split.scenario.naam, good.scenario.naam];
    expect(r.stdout).toBe(tableToCsv(comparisonTable(data, [basis, split, good], names, { van: 2027, tot: 2028 })));
    expect(csvObjects(r.stdout).header).toContain('verschil_2');
    const json = JSON.parse(ksBudget(['compare', '--scenario', f['split.json']!, '--scenario', f['goed.json']!, '--years', '2028', '--format', 'json']).stdout);
    expect(json.scenarios).toEqual(names.slice(1));
    expect(json.metadata.scenarios.map((s: { naam: string }) => s.naam)).toEqual(names);
  });

  it('refuses a third scenario in Dutch', () => {
    const f = files({ 'goed.json': GOOD });
    const r = ksBudget(['compare', '--scenario', f['goed.json']!, '--scenario', f['goed.json']!, '--scenario', f['goed.json']!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--scenario: hoogstens 2 scenario's naast de basis; u gaf er 3");
  });
});
