import { describe, expect, it } from 'vitest';
import {
  allocationTable,
  baselineData,
  comparisonTable,
  explain,
  overviewTable,
  renderExplanation,
  tableToCsv,
  tableToObjects,
} from '@kansrijke-start/core';
import { GOLDEN } from '../../core/test/golden/index.js';
import { VANDAAG, baselineAllocation, calculate, ksBudget } from './run.js';

// The golden scenarios through the built CLI: every file it writes is the core's table for the
// same question, cell for cell; the app's browser test checks its downloads against the same.
const data = baselineData();
const basis = baselineAllocation(data);

describe('golden scenarios through the CLI', () => {
  for (const g of GOLDEN) {
    it(`${g.naam}: compare, allocate, streams and explain give the core's figures`, () => {
      const a = calculate(data, g.tekst);
      const namen = ['Basis', a.scenario.naam];
      for (const excel of [false, true]) {
        const r = ksBudget(['compare', '--scenario', g.pad, ...(excel ? ['--excel'] : [])]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe(tableToCsv(comparisonTable(data, [basis, a], namen), { excel }));
      }
      const json = ksBudget(['allocate', '--scenario', g.pad, '--format', 'json']);
      expect(json.status, json.stderr).toBe(0);
      expect((JSON.parse(json.stdout) as { regels: unknown }).regels).toEqual(tableToObjects(allocationTable(a)));
      const streams = ksBudget(['streams', '--scenario', g.pad]);
      expect(streams.stdout).toBe(tableToCsv(overviewTable(a)));
      const e = ksBudget(['explain', '--gemeente', 'GM0363', '--year', '2028', '--stream', 'integrale-gezinspoli', '--scenario', g.pad]);
      expect(e.status, e.stderr).toBe(0);
      const core = explain(a, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: 'GM0363', vandaag: VANDAAG });
      if (!core.ok) throw new Error(core.bericht);
      for (const line of renderExplanation(core.uitleg)) expect(e.stdout).toContain(line);
    });
  }
});
