import { describe, expect, it } from 'vitest';
import { baselineData, describeScenario, descriptionTable, emptyScenario, tableToCsv } from '@kansrijke-start/core';
import { baselineAllocation, calculate, files, ksBudget } from './run.js';
import { scenarioText } from './fixtures.js';

const changes = [
  { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000', toelichting: 'voorstel van het ministerie' },
  { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2030, geldigheid: 'alleen-dit-jaar', bedrag: '7000000' },
];

describe('ks-budget describe', () => {
  const text = scenarioText('Gezinspoli', changes);
  const f = files({ 's.json': text });

  it('writes the core description as CSV, byte for byte', () => {
    const data = baselineData();
    const expected = tableToCsv(descriptionTable(describeScenario(data, baselineAllocation(data), calculate(data, JSON.parse(text)))));
    const r = ksBudget(['describe', '--scenario', f['s.json']!, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('describes every change in words, per year, saying where a later change holds', () => {
    const r = ksBudget(['describe', '--scenario', f['s.json']!]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Scenario "Gezinspoli": 2 wijzigingen\n/);
    expect(r.stdout).toContain('1. Landelijk bedrag, Integrale Gezinspoli (AZWA), vanaf 2028: € 6.000.000');
    expect(r.stdout).toContain('   Toelichting: voorstel van het ministerie');
    expect(r.stdout).toMatch(/ {3}2030: basis € [\d.]+; scenario € 7\.000\.000 \(hier geldt een latere wijziging\)\./);
  });

  it('says the baseline has no changes, and refuses a wrong format in Dutch', () => {
    const b = files({ 'b.json': JSON.stringify(emptyScenario()) });
    expect(ksBudget(['describe', '--scenario', b['b.json']!]).stdout).toBe('Scenario "Basis": geen wijzigingen (dit is de basis)\n');
    const bad = ksBudget(['describe', '--scenario', f['s.json']!, '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format: "xml" is geen uitvoervorm; kies text, csv of json');
  });
});
