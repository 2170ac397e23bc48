import { describe, it, expect } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { YEARS } from '../data/types.js';
import { allocateScenario } from './allocate-scenario.js';
import { emptyScenario } from '../scenario/format.js';
import { type ScenarioInput } from '../scenario/schema.js';
import { explain } from '../explain/explain.js';

const data = baselineData();
const scenario: ScenarioInput = {
  ...emptyScenario('Jaren'),
  wijzigingen: [
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '7000000' },
    { soort: 'korting', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'alleen-dit-jaar', percentage: '5' },
  ],
};

describe('allocateScenario with jaren (only some years)', () => {
  it('has the results of those years alone, each the same as in the whole allocation, and says which years it has', () => {
    const whole = allocateScenario(data, scenario);
    if (!whole.ok) throw new Error('whole');
    expect(whole.allocation.jaren).toBeUndefined();
    for (const jaren of [[2027], [2019, 2028], [...YEARS]]) {
      // Another data object: nothing remembered from the whole allocation is shared.
      const part = allocateScenario({ ...data }, scenario, { jaren });
      if (!part.ok) throw new Error('part');
      expect(part.allocation.jaren).toEqual(jaren);
      const expected = whole.allocation.resultaten.filter((r) => jaren.includes(r.jaar));
      expect(part.allocation.resultaten.map((r) => `${r.stroom} ${r.jaar}`)).toEqual(expected.map((r) => `${r.stroom} ${r.jaar}`));
      part.allocation.resultaten.forEach((r, i) => {
        expect(r.regels).toEqual(expected[i]!.regels);
        expect(r.totaal).toBe(expected[i]!.totaal);
      });
      expect(part.waarschuwingen.map((w) => w.bericht)).toEqual(whole.waarschuwingen.map((w) => w.bericht));
    }
    // The explanation of an amount of such a year is the same too.
    const only = allocateScenario(data, scenario, { jaren: [2027] });
    if (!only.ok) throw new Error('only');
    const query = { stroom: 'ks-gala-structureel', jaar: 2027, ontvanger: 'GM0344' } as const;
    expect(explain(only.allocation, query)).toEqual(explain(whole.allocation, query));
  });

  it('refuses a year outside the data (a mistake of the caller, not of the scenario)', () => {
    expect(() => allocateScenario(data, scenario, { jaren: [2031] })).toThrow(RangeError);
    expect(() => allocateScenario(data, scenario, { jaren: [2027.5] })).toThrow(RangeError);
  });
});
