import type { BaselineData, Indicator, IndicatorId } from '../data/types.js';
import { Decimal } from '../money/decimal.js';
import type { Sleutel } from '../scenario/schema.js';
import { memo, memoPerOwner } from '../memo/memo.js';

/** Integer weights per municipality; a municipality's share is its weight over the sum. */
export interface KeyWeights {
  /** Aligned with `data.gemeenten`: weights[i] belongs to data.gemeenten[i]. */
  weights: readonly bigint[];
  /** Dutch description of the key, for explanations. */
  omschrijving: string;
  bron: string;
  /**
   * Municipalities (codes) whose value the key needs but the data does not know and the
   * scenario did not supply. A key with any is refused: unknown is never weighed as 0.
   */
  ontbrekend: readonly string[];
}

/** Scales decimals to integers with one common power of ten, exactly. */
export function scaleToIntegers(values: readonly Decimal[]): bigint[] {
  const dp = values.reduce((m, v) => Math.max(m, v.decimalPlaces()), 0);
  return values.map((v) => BigInt(v.times(`1e${dp}`).toFixed(0)));
}

/**
 * An indicator as integers (one power of ten for all), aligned with data.gemeenten, with the
 * values the scenario supplies for municipalities the data has no value for; an unknown value
 * stays null. Computed once per data set and set of supplied values.
 */
const scaledColumn = memo(50, (data: BaselineData, [id, supplied]: [IndicatorId, string]): (bigint | null)[] => {
  const ind = indicatorById(data, id);
  const extra = new Map<string, string>(supplied === '' ? [] : (JSON.parse(supplied) as [string, string][]));
  const values = data.gemeenten.map((g) => {
    const v = ind.waarden.get(g.code) ?? null;
    if (v !== null) return v;
    const given = extra.get(g.code);
    return given === undefined ? null : new Decimal(given);
  });
  const known = values.filter((v): v is Decimal => v !== null);
  const scaled = scaleToIntegers(known);
  let k = 0;
  return values.map((v) => (v === null ? null : scaled[k++]!));
});

/** The supplied values of one indicator, as a stable key: `[[code, value], ...]` in code order, or ''. */
function suppliedFor(sleutel: Extract<Sleutel, { type: 'formule' }>, id: IndicatorId): string {
  const list = (sleutel.aanvullingen ?? []).filter((a) => a.indicator === id).map((a) => [a.code, a.waarde] as [string, string]);
  return list.length === 0 ? '' : JSON.stringify(list.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * `keyWeights`, remembered per data set, since a scenario re-uses its keys on every edit. A
 * formula's base and minimum amounts do not change its weights, so they are not part of the key.
 */
export const keyWeightsOf = (data: BaselineData, sleutel: Sleutel): KeyWeights => {
  const part = weightsPart(sleutel);
  // The baseline key comes from the data alone: one for every copy of the data (`perContent`).
  return part.type === 'brede-spuk-2025' ? baseKeyMemo(data, part) : keyMemo(data, part);
};

/** The part of a key that determines its weights: without base, minimum, fixed or base amounts per municipality. */
function weightsPart(sleutel: Sleutel): Sleutel {
  switch (sleutel.type) {
    case 'formule':
      return { type: 'formule', gewichten: sleutel.gewichten, ...(sleutel.aanvullingen ? { aanvullingen: sleutel.aanvullingen } : {}) };
    case 'tabel':
      return sleutel.vasteBedragen || sleutel.basisbedragen ? { type: 'tabel', naam: sleutel.naam, waarden: sleutel.waarden } : sleutel;
    case 'brede-spuk-2025':
      return sleutel.vasteBedragen || sleutel.basisbedragen ? { type: 'brede-spuk-2025' } : sleutel;
  }
}
const keyMemo = memo(16, (data: BaselineData, sleutel: Sleutel) => keyWeights(sleutel, data));
const baseKeyMemo = memo(1, (data: BaselineData, sleutel: Sleutel) => keyWeights(sleutel, data), { key: () => 'brede-spuk-2025', perContent: true });

/** The codes of the municipalities, once per list. */
const codesOf = memoPerOwner((gemeenten: BaselineData['gemeenten']): string[] => gemeenten.map((g) => g.code));

/** The sum of a column's known values: once per column. */
const columnTotal = memoPerOwner((col: readonly (bigint | null)[]): bigint => {
  let sum = 0n;
  for (const v of col) if (v !== null) sum += v;
  return sum;
});

/**
 * Per municipality i: the sum over the columns k of factors[k] × columns[k][i] (every value
 * known). A loop, starting from the first column's product rather than from 0n: one bigint
 * fewer per municipality.
 */
function weightedSums(columns: readonly (readonly (bigint | null)[])[], factors: readonly bigint[], n: number): bigint[] {
  const out = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    let w = columns.length === 0 ? 0n : factors[0]! * columns[0]![i]!;
    for (let k = 1; k < columns.length; k++) w += factors[k]! * columns[k]![i]!;
    out[i] = w;
  }
  return out;
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
  const codes = codesOf(data.gemeenten);
  switch (sleutel.type) {
    case 'brede-spuk-2025': {
      const t = data.bredeSpuk2025;
      return {
        weights: codes.map((c) => t.bedragen.get(c) ?? 0n),
        omschrijving: 'Brede SPUK-sleutel: het aandeel van de gemeente in de officiële Brede SPUK-bedragen 2025',
        bron: t.bron,
        ontbrekend: [],
      };
    }
    case 'formule': {
      const indicators = sleutel.gewichten.map((g) => indicatorById(data, g.indicator));
      const scaledG = scaleToIntegers(sleutel.gewichten.map((g) => new Decimal(g.gewicht)));
      const columns = indicators.map((ind) => scaledColumn(data, [ind.id, suppliedFor(sleutel, ind.id)]));
      const ontbrekend = codes.filter((_, i) => columns.some((col) => col[i] === null));
      const totals = columns.map(columnTotal);
      const product = totals.reduce((a, b) => a * (b === 0n ? 1n : b), 1n);
      const factors = totals.map((t, k) => (t === 0n ? 0n : scaledG[k]! * (product / t)));
      const weights = ontbrekend.length > 0 ? codes.map(() => 0n) : weightedSums(columns, factors, codes.length);
      const parts = sleutel.gewichten.map((g, k) => `${g.gewicht} × aandeel in ${indicators[k]!.naam.toLowerCase()}`);
      const supplied = (sleutel.aanvullingen ?? []).filter((a) => sleutel.gewichten.some((g) => g.indicator === a.indicator));
      const note = supplied.length > 0 ? ` (met ${supplied.length === 1 ? 'één waarde' : `${supplied.length} waarden`} die het scenario aanvult)` : '';
      return {
        weights,
        omschrijving: `Formule: ${parts.join(' + ')}${note}`,
        bron: [...new Set(indicators.map((i) => i.bron))].join('; '),
        ontbrekend,
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
        ontbrekend: [],
      };
    }
  }
}
