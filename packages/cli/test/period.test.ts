import { describe, expect, it } from 'vitest';
import { baselineData, periodTable, periodView, tableToCsv, winnersAndLosers } from '@kansrijke-start/core';
import { baselineAllocation, calculate, files, ksBudget } from './run.js';
import { scenarioText } from './fixtures.js';

const KEY = [{ soort: 'sleutel', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }] } }];

describe('ks-budget period', () => {
  const text = scenarioText('Geboorten', KEY);
  const f = files({ 's.json': text });

  it('writes the core period tables, byte for byte, for each --by', () => {
    const data = baselineData();
    const view = periodView(data, [baselineAllocation(data), calculate(data, JSON.parse(text))], { van: 2026, tot: 2030 });
    for (const by of ['stromen', 'gemeenten', 'klassen'] as const) {
      const r = ksBudget(['period', '--scenario', f['s.json']!, '--format', 'csv', '--by', by]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(tableToCsv(periodTable(view, ['Basis', 'Geboorten'], by)));
    }
  });

  it('summarises in words with the largest increases and decreases', () => {
    const data = baselineData();
    const view = periodView(data, [baselineAllocation(data), calculate(data, JSON.parse(text))]);
    const { stijgers, dalers } = winnersAndLosers(view, 1, 'euro', 5);
    const r = ksBudget(['period', '--scenario', f['s.json']!]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Periode 2026-2030: Basis naast Geboorten\n/);
    // One year is a year, not a period from it to itself.
    const one = ksBudget(['period', '--scenario', f['s.json']!, '--years', '2027']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^Jaar 2027: Basis naast Geboorten\n/);
    expect(r.stdout).toContain(`Grootste stijgers, Geboorten tegen Basis:\n  ${stijgers[0]!.naam} (${stijgers[0]!.code})`);
    expect(r.stdout).toContain(`Grootste dalers, Geboorten tegen Basis:\n  ${dalers[0]!.naam} (${dalers[0]!.code})`);
  });

  it('refuses a table it does not have, in Dutch', () => {
    const r = ksBudget(['period', '--by', 'provincies']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--by: "provincies" is geen tabel; kies stromen, gemeenten, klassen');
  });
});
