import type { BaselineData, Indicator, IndicatorId } from '../data/types.js';
import { Decimal } from '../money/decimal.js';
import type { Sleutel } from '../scenario/schema.js';

/** Integer weights per recipient; a recipient's share is its weight over the sum. */
export interface KeyWeights {
  weights: ReadonlyMap<string, bigint>;
  status: 'officieel' | 'scenario';
  /** Dutch description of the key, for explanations. */
  omschrijving: string;
  bron: string;
}

/** Scales decimals to integers with one common power of ten, exactly. */
export function scaleToIntegers(values: readonly Decimal[]): bigint[] {
  const dp = values.reduce((m, v) => Math.max(m, v.decimalPlaces()), 0);
  return values.map((v) => BigInt(v.times(`1e${dp}`).toFixed(0)));
}

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
        weights: new Map(codes.map((c) => [c, t.bedragen.get(c) ?? 0n])),
        status: 'officieel',
        omschrijving: 'Brede SPUK-sleutel: het aandeel van de gemeente in de officiële Brede SPUK-bedragen 2025',
        bron: t.bron,
      };
    }
    case 'formule': {
      const indicators = sleutel.gewichten.map((g) => indicatorById(data, g.indicator));
      const scaledG = scaleToIntegers(sleutel.gewichten.map((g) => new Decimal(g.gewicht)));
      const columns = indicators.map((ind) => scaleToIntegers(codes.map((c) => ind.waarden.get(c)!)));
      const totals = columns.map((col) => col.reduce((a, b) => a + b, 0n));
      const product = totals.reduce((a, b) => a * (b === 0n ? 1n : b), 1n);
      const weights = new Map<string, bigint>();
      codes.forEach((c, i) => {
        let w = 0n;
        columns.forEach((col, k) => {
          if (totals[k] !== 0n) w += scaledG[k]! * col[i]! * (product / totals[k]!);
        });
        weights.set(c, w);
      });
      const parts = sleutel.gewichten.map((g, k) => `${g.gewicht} × aandeel in ${indicators[k]!.naam.toLowerCase()}`);
      return {
        weights,
        status: 'scenario',
        omschrijving: `Formule: ${parts.join(' + ')}`,
        bron: [...new Set(indicators.map((i) => i.bron))].join('; '),
      };
    }
    case 'tabel': {
      // Codes were checked against the 342 when the scenario was validated; absent means 0.
      const scaled = scaleToIntegers(sleutel.waarden.map((w) => new Decimal(w.waarde)));
      const given = new Map(sleutel.waarden.map((w, i) => [w.code, scaled[i]!]));
      const weights = new Map(codes.map((c) => [c, given.get(c) ?? 0n]));
      return {
        weights,
        status: 'scenario',
        omschrijving: `Eigen tabel "${sleutel.naam}"`,
        bron: 'ingelezen door de gebruiker',
      };
    }
  }
}
