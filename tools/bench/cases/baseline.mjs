// The whole baseline: every stream, year and recipient, through the front door (allocateScenario).
import * as core from '@kansrijke-start/core';

export const benchmarks = [
  {
    id: 'baseline',
    label: 'hele basis, zonder caches (alle stromen, jaren, ontvangers)',
    target: '≤ 1,5 ms',
    runs: 200,
    check: (m) => ({ ok: m.median <= 1.5, tekst: '' }),
    setup() {
      const data = core.baselineData();
      const scenario = core.emptyScenario();
      return {
        work() {
          // A fresh data object has a new identity, so no result of an earlier run is re-used.
          const out = core.allocateScenario({ ...data }, scenario);
          if (!out.ok) throw new Error('baseline failed');
        },
      };
    },
  },
  {
    id: 'baselineWarm',
    label: 'hele basis, opnieuw (met caches, zoals de app)',
    runs: 200,
    setup() {
      const data = core.baselineData();
      const scenario = core.emptyScenario();
      return {
        work() {
          const out = core.allocateScenario(data, scenario);
          if (!out.ok) throw new Error('baseline failed');
        },
      };
    },
  },
];
