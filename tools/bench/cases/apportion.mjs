// One apportionment over many recipients (largest remainder), at several sizes; at 100,000
// recipients also against dinero.js `allocate` on the same weights, in the same process.
import * as core from '@kansrijke-start/core';
import { allocate, dinero } from 'dinero.js';
import { EUR } from 'dinero.js/currencies';
import { prng } from '../lib.mjs';

/** n recipients with codes in ascending order and weights of 3 decimals below 100,000. */
function weightsOf(n, { shuffled = false } = {}) {
  const rnd = prng(42);
  const out = Array.from({ length: n }, (_, i) => ({ code: `R${String(i).padStart(7, '0')}`, weight: (rnd() * 100000).toFixed(3) }));
  if (shuffled) {
    const r = prng(7);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
  }
  return out;
}

/**
 * dinero.js 2 (the current major version) on the same weights: its `allocate` takes whole-number
 * ratios (a fractional one only as a scaled amount), so every weight of 3 decimals is given times
 * 1000 as an integer, and the total in whole euros (scale 0), the unit `apportion` rounds to.
 * dinero.js gives the units left over in order of the ratios, not by largest remainder, and on
 * numbers (not bigints) it is exact only while total × ratio stays below 2^53: this compares speed.
 */
function dineroReference(weights, total) {
  const ratios = weights.map((w) => Number(w.weight.replace('.', '')));
  const amount = dinero({ amount: Number(total), currency: EUR, scale: 0 });
  return {
    label: 'dinero.js 2.0.2 allocate (gewichten × 1000 als gehele verhoudingen, totaal in hele euro)',
    work() {
      if (allocate(amount, ratios).length !== weights.length) throw new Error('dinero.js allocate failed');
    },
  };
}

// Memory: each row but the one with dinero.js takes its peak and growth from a process that makes
// one call (see run.mjs), so that the growth at 1,000 to 1,000,000 recipients is that of one call.
const apportionCase = (id, n, total, label, { shuffled = false, reference = false, ...extra } = {}) => ({
  id,
  label,
  runs: n >= 1_000_000 ? 5 : 15,
  ...(reference ? {} : { memory: 'single' }),
  ...extra,
  setup() {
    const weights = weightsOf(n, { shuffled });
    return {
      work() {
        const out = core.apportion({ total, weights });
        if (!out.ok) throw new Error('apportion failed');
      },
      ...(reference ? { reference: dineroReference(weights, total) } : {}),
    };
  },
});

export const benchmarks = [
  apportionCase('apportion100k', 100_000, '18000000', 'verdeling over 100.000 ontvangers, € 18 mln', {
    target: '≤ 20 ms, ≤ 100 MiB',
    check: (m) => ({ ok: m.median <= 20 && m.peakMiB <= 100, tekst: '' }),
  }),
  // The same division, timed alternately with dinero.js in one process (whose garbage then also
  // weighs on the memory and the times of this row: its own row above gives those).
  apportionCase('apportion100kDinero', 100_000, '18000000', 'dezelfde verdeling, afgewisseld met dinero.js', {
    reference: true,
    target: '≥ 5x zo snel als dinero.js',
    check: (m) => ({ ok: m.reference.median >= 5 * m.median, tekst: '' }),
  }),
  apportionCase('apportion100kHuge', 100_000, '987654321012', 'verdeling over 100.000 ontvangers, € 987 mld'),
  apportionCase('apportion100kShuffled', 100_000, '18000000', 'verdeling over 100.000 ontvangers in willekeurige volgorde, € 18 mln', { shuffled: true }),
  apportionCase('apportionScale1k', 1_000, '18000000', 'verdeling over 1.000 ontvangers'),
  apportionCase('apportionScale10k', 10_000, '18000000', 'verdeling over 10.000 ontvangers'),
  apportionCase('apportionScale1m', 1_000_000, '18000000', 'verdeling over 1.000.000 ontvangers'),
];
