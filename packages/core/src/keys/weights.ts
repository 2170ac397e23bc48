import type { BaselineData, Indicator, IndicatorId } from '../data/types.js';
import { Decimal } from '../money/decimal.js';
import type { Sleutel } from '../scenario/schema.js';
import { memo } from '../memo/memo.js';

/** Integer weights per municipality; a municipality's share is its weight over the sum. */
export interface KeyWeights {
  /** Aligned with `data.gemeenten`: weights[i] belongs to data.gemeenten[i]. */
  weights: readonly bigint[];
  /** Dutch description of the key, for explanations. */
  omschrijving: string;
  bron: string;
}

/** Scales decimals to integers with one common power of ten, exactly. */
export function scaleToIntegers(values: readonly Decimal[]): bigint[] {
  const dp = values.reduce((m, v) => Math.max(m, v.decimalPlaces()), 0);
  return values.map((v) => BigInt(v.times(`1e${dp}`).toFixed(0)));
}

/** An indicator as integers (one power of ten for all), aligned with data.gemeenten; computed once per data set. */
const scaledColumn = memo(50, (data: BaselineData, id: IndicatorId): bigint[] => {
  const ind = indicatorById(data, id);
  return scaleToIntegers(data.gemeenten.map((g) => ind.waarden.get(g.code)!));
});

/**
 * `keyWeights`, remembered per data set, since a scenario re-uses its keys on every edit. A
 * formula's base and minimum amounts do not change its weights, so they are not part of the key.
 */
export const keyWeightsOf = (data: BaselineData, sleutel: Sleutel): KeyWeights => keyMemo(data, sleutel.type === 'formule' ? { type: 'formule', gewichten: sleutel.gewichten } : sleutel);
const keyMemo = memo(100, (data: BaselineData, sleutel: Sleutel) => keyWeights(sleutel, data));

const indicatorById = (data: BaselineData, id: IndicatorId): Indicator => {
  const ind = data.indicatoren.find((i) => i.id === id);
  if (!ind) throw new RangeError(`unknown indicator ${id}`);
  return ind;
};

/**
 * The weights of a key over the 342 municipalities.
 * - `brede-spuk-2025`: each municipality's official 2025 Brede SPUK amount (the key as applied).
 * - `formule`: each indicator's share of its national total, weighted: with weights 70
 *   (inwoners) and 30 (lage inkomens), 70% of the money follows the inhabitants and 30% the
 *   low-income households.
 * - `tabel`: the values of an uploaded table, as given.
 */
export function keyWeights(sleutel: Sleutel, data: BaselineData): KeyWeights {
  const codes = data.gemeenten.map((g) => g.code);
  switch (sleutel.type) {
    case 'brede-spuk-2025': {
      const t = data.bredeSpuk2025;
      return {
        weights: codes.map((c) => t.bedragen.get(c) ?? 0n),
        omschrijving: 'Brede SPUK-sleutel: het aandeel van de gemeente in de officiële Brede SPUK-bedragen 2025',
        bron: t.bron,
      };
    }
    case 'formule': {
      const indicators = sleutel.gewichten.map((g) => indicatorById(data, g.indicator));
      const scaledG = scaleToIntegers(sleutel.gewichten.map((g) => new Decimal(g.gewicht)));
      const columns = indicators.map((ind) => scaledColumn(data, ind.id));
      const totals = columns.map((col) => col.reduce((a, b) => a + b, 0n));
      const product = totals.reduce((a, b) => a * (b === 0n ? 1n : b), 1n);
      const factors = totals.map((t, k) => (t === 0n ? 0n : scaledG[k]! * (product / t)));
      const weights = codes.map((_, i) => columns.reduce((w, col, k) => w + factors[k]! * col[i]!, 0n));
      const parts = sleutel.gewichten.map((g, k) => `${g.gewicht} × aandeel in ${indicators[k]!.naam.toLowerCase()}`);
      return {
        weights,
        omschrijving: `Formule: ${parts.join(' + ')}`,
        bron: [...new Set(indicators.map((i) => i.bron))].join('; '),
      };
    }
    case 'tabel': {
      // Codes were checked against the 342 when the scenario was validated; absent means 0.
      const scaled = scaleToIntegers(sleutel.waarden.map((w) => new Decimal(w.waarde)));
      const given = new Map(sleutel.waarden.map((w, i) => [w.code, scaled[i]!]));
      const weights = codes.map((c) => given.get(c) ?? 0n);
      return {
        weights,
        omschrijving: `Eigen tabel "${sleutel.naam}"`,
        bron: 'ingelezen door de gebruiker',
      };
    }
  }
}
