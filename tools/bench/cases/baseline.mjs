// The whole baseline: every stream, year and recipient, through the front door (allocateScenario).
import * as core from '@kansrijke-start/core';

/**
 * One allocation of the baseline per call: on a fresh copy of the data (`fresh`: a new identity,
 * so no result of an earlier run is re-used) or on the same data (with the core's caches), and
 * with every line of every result read (`lines`: the lines are written when first read).
 */
function baseline({ fresh, lines }) {
  return () => {
    const data = core.baselineData();
    const scenario = core.emptyScenario();
    return {
      work() {
        const out = core.allocateScenario(fresh ? { ...data } : data, scenario);
        if (!out.ok) throw new Error('baseline failed');
        if (lines) {
          let n = 0;
          for (const r of out.allocation.resultaten) n += r.regels.length;
          if (n === 0) throw new Error('no lines');
        }
      },
    };
  };
}

export const benchmarks = [
  {
    id: 'baseline',
    label: 'hele basis, zonder caches (alle stromen, jaren, ontvangers)',
    target: '≤ 1,5 ms',
    runs: 200,
    check: (m) => ({ ok: m.median <= 1.5, tekst: '' }),
    setup: baseline({ fresh: true, lines: false }),
  },
  { id: 'baselineLines', label: 'hele basis, zonder caches, met elke regel uitgeschreven', runs: 200, setup: baseline({ fresh: true, lines: true }) },
  { id: 'baselineWarm', label: 'hele basis, opnieuw (met caches, zoals de app)', runs: 200, setup: baseline({ fresh: false, lines: false }) },
];
