import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { INDICATOR_IDS } from '../scenario/schema.js';
import { keyWeights, keyWeightsOf } from './weights.js';
import type { Sleutel } from '../scenario/schema.js';

const data = baselineData();
const known = INDICATOR_IDS.filter((id) => { const ind = data.indicatoren.find((i) => i.id === id); return ind !== undefined && [...ind.waarden.values()].every((v) => v !== null); });

/** The plain definition of a formula's weights: per municipality, the sum over the indicators of weight × (product of totals / own total) × value. */
function plainWeights(sleutel: Extract<Sleutel, { type: 'formule' }>): bigint[] {
  const scale = (xs: string[]) => {
    const dp = Math.max(0, ...xs.map((x) => (x.split('.')[1] ?? '').length));
    return xs.map((x) => BigInt(x.replace('.', '') + '0'.repeat(dp - (x.split('.')[1] ?? '').length)));
  };
  const g = scale(sleutel.gewichten.map((w) => w.gewicht));
  const cols = sleutel.gewichten.map((w) => {
    const ind = data.indicatoren.find((i) => i.id === w.indicator)!;
    const vals = data.gemeenten.map((m) => ind.waarden.get(m.code)!.toFixed());
    return scale(vals);
  });
  const totals = cols.map((c) => c.reduce((a, b) => a + b, 0n));
  const product = totals.reduce((a, b) => a * (b === 0n ? 1n : b), 1n);
  return data.gemeenten.map((_, i) => cols.reduce((w, c, k) => w + (totals[k] === 0n ? 0n : g[k]! * (product / totals[k]!)) * c[i]!, 0n));
}

describe('key weights', () => {
  it('property: a formula weighs as the plain definition, remembered or not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...known), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }),
        (ids, ws) => {
          const sleutel: Extract<Sleutel, { type: 'formule' }> = { type: 'formule', gewichten: ids.map((indicator, k) => ({ indicator, gewicht: String(ws[k]) })) };
          const plain = plainWeights(sleutel);
          expect(keyWeights(sleutel, data).weights).toEqual(plain);
          expect(keyWeightsOf({ ...data }, sleutel).weights).toEqual(plain);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('the baseline key is one for every copy of the data, and follows a replaced table', () => {
    const base = keyWeightsOf(data, { type: 'brede-spuk-2025' });
    expect(keyWeightsOf({ ...data }, { type: 'brede-spuk-2025' })).toBe(base);
    const t = data.bredeSpuk2025;
    const doubled = { ...t, bedragen: new Map([...t.bedragen].map(([c, v]) => [c, v * 2n])) };
    const other = keyWeightsOf({ ...data, bredeSpuk2025: doubled }, { type: 'brede-spuk-2025' });
    expect(other.weights).toEqual(base.weights.map((w) => w * 2n));
  });
});
