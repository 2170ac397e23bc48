// One apportionment over many recipients (largest remainder), at several sizes.
import * as core from '@kansrijke-start/core';
import { prng } from '../lib.mjs';

function weightsOf(n) {
  const rnd = prng(42);
  return Array.from({ length: n }, (_, i) => ({ code: `R${String(i).padStart(7, '0')}`, weight: (rnd() * 100000).toFixed(3) }));
}

const apportionCase = (id, n, total, label, extra = {}) => ({
  id,
  label,
  runs: n >= 1_000_000 ? 5 : 15,
  ...extra,
  setup() {
    const weights = weightsOf(n);
    return {
      work() {
        const out = core.apportion({ total, weights });
        if (!out.ok) throw new Error('apportion failed');
      },
    };
  },
});

export const benchmarks = [
  apportionCase('apportion100k', 100_000, '18000000', 'verdeling over 100.000 ontvangers, € 18 mln', {
    target: '≤ 20 ms, ≤ 100 MiB',
    check: (m) => ({ ok: m.median <= 20 && m.peakMiB <= 100, tekst: '' }),
  }),
  apportionCase('apportion100kHuge', 100_000, '987654321012', 'verdeling over 100.000 ontvangers, € 987 mld'),
  apportionCase('apportionScale1k', 1_000, '18000000', 'verdeling over 1.000 ontvangers'),
  apportionCase('apportionScale10k', 10_000, '18000000', 'verdeling over 10.000 ontvangers'),
  apportionCase('apportionScale1m', 1_000_000, '18000000', 'verdeling over 1.000.000 ontvangers'),
];
