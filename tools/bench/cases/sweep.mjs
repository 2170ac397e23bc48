// A sweep of 1,000 scenarios through allocateScenario, in one process on one core.
import * as core from '@kansrijke-start/core';
import { prng } from '../lib.mjs';

export function sweepScenarios(data, count = 1000) {
  const rnd = prng(7);
  // Indicators with a value for every municipality: a key on one with unknown values
  // (inwoners-2026 for Hilversum and Wijdemeren) is refused unless the scenario supplies them.
  const known = new Set(data.indicatoren.filter((i) => [...i.waarden.values()].every((v) => v !== null)).map((i) => i.id));
  const indicators = core.INDICATOR_IDS.filter((id) => known.has(id));
  return Array.from({ length: count }, (_, i) => ({
    versie: 1,
    naam: `sweep ${i}`,
    afronding: 'euro',
    wijzigingen: [
      { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: String(4_000_000 + Math.floor(rnd() * 4_000_000)) },
      { soort: 'korting', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: String(Math.floor(rnd() * 20)) },
      { soort: 'indexatie', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: (rnd() * 4).toFixed(2) },
      { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: String(Math.floor(rnd() * 100)) },
      {
        soort: 'sleutel', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar',
        sleutel: {
          type: 'formule',
          gewichten: [
            { indicator: indicators[Math.floor(rnd() * indicators.length)], gewicht: String(1 + Math.floor(rnd() * 9)) },
            { indicator: 'inwoners-2024', gewicht: String(1 + Math.floor(rnd() * 9)) },
          ],
          minimumbedrag: String(Math.floor(rnd() * 5000)),
        },
      },
    ],
  }));
}

export const benchmarks = [
  {
    id: 'sweep1000',
    label: "sweep van 1.000 scenario's (core, één kern)",
    target: '≤ 1 s',
    runs: 5,
    check: (m) => ({ ok: m.median <= 1000, tekst: '' }),
    setup() {
      const data = core.baselineData();
      const scenarios = sweepScenarios(data);
      return {
        work() {
          for (const s of scenarios) {
            const out = core.allocateScenario(data, s);
            if (!out.ok) throw new Error(`sweep failed: ${JSON.stringify(out.fouten)}`);
          }
        },
      };
    },
  },
];
