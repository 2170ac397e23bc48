import type { BaselineData } from '../data/types.js';
import type { Allocation, RoundingUnit } from '../allocation/types.js';
import { isOwnStream, streamNameIn, streamRank, type StreamRef } from '../streams/own.js';
import { streamById } from '../streams/streams.js';
import { divisionOf, successionIn, type YearDivision } from '../municipalities/division.js';
import { difference, type Difference, type Side, type StreamChoice } from './comparison.js';
import { inhabitantsIn, perInhabitantCents } from './per-inhabitant.js';
import { ABSENT_SIDE, addSide } from './sides.js';
import { unknownPerMunicipality } from '../allocation/unknown-share.js';
import { classBreaks, classIndex, classLabel, type ClassScheme } from './classes.js';

/**
 * What a map of the municipalities shows: per municipality of a year's division the amount of
 * one stream (or of all streams together) in a year or summed over a period, in each allocation,
 * the difference with the first, and both per inhabitant. A municipality that a planned merger
 * takes in counts with its successor (the municipality of the division of the period's last
 * year), so every euro counts once, as in the period view. `delen` names the municipalities of
 * the base division each one covers: the shapes of the map.
 */

/** What colours the map. */
export type MapMeasure = 'bedrag' | 'per-inwoner' | 'verschil' | 'verschil-per-inwoner';

/** The measures a map can be coloured by, in the order the app offers them. */
export const MAP_MEASURES: readonly MapMeasure[] = ['per-inwoner', 'bedrag', 'verschil', 'verschil-per-inwoner'];

/** The Dutch name of each measure, for choices and legends. */
export const MAP_MEASURE_NAMES: Readonly<Record<MapMeasure, string>> = {
  'per-inwoner': 'euro per inwoner',
  bedrag: 'bedrag',
  verschil: 'verschil in euro',
  'verschil-per-inwoner': 'verschil per inwoner',
};

/** Which figures the map shows: a year or a period (van..tot) and one stream or all. */
export interface MapQuery {
  /** The first and last year (inclusive); one year when equal. */
  van: number;
  tot: number;
  stroom: StreamChoice;
}

/** One municipality on the map: its amount in each allocation, the difference with the first, per inhabitant, and the statuses. */
export interface MapRow {
  code: string;
  naam: string;
  provincie: string;
  /** The codes of the municipalities of the base division it covers (itself first where it is one). */
  delen: readonly string[];
  /** Inhabitants (the per-inhabitant basis; a successor: the sum of its parts); null = unknown. */
  inwoners: bigint | null;
  /** Per allocation: the sum of its amounts in the period. */
  zijden: Side[];
  /** Per allocation: euro per inhabitant in cents, rounded by the one rule; null without amount or inhabitants. */
  perInwoner: (bigint | null)[];
  /** Per allocation after the first: the difference with the first. */
  verschillen: Difference[];
  /** Per allocation after the first: the difference per inhabitant in cents, rounded by the one rule. */
  verschilPerInwoner: (bigint | null)[];
}

/** A stream-year of the period that ran but was not divided over municipalities: its money is in no municipality's amount. */
export interface MapNotDivided {
  stroom: StreamRef;
  naam: string;
  jaar: number;
  /** Why, when the data says it (the stream's baseline reason); null otherwise. */
  reden: string | null;
}

/** The map's figures: a row per municipality of the division of the last year, and the stream-years not divided over municipalities with their reason. */
export interface MapView {
  van: number;
  tot: number;
  stroom: StreamChoice;
  /** The division of the last year in the last allocation (the one the map shows). */
  indeling: YearDivision;
  /** True when some amount of the period is divided over municipalities. */
  verdeeld: boolean;
  nietVerdeeld: MapNotDivided[];
  rijen: MapRow[];
  /** Whole euros, or cents when an allocation rounds to cents: how exports write the amounts. */
  eenheid: RoundingUnit;
}


/** The map's figures of `allocations` (the first is the reference of the differences). */
export function mapView(data: BaselineData, allocations: readonly Allocation[], q: MapQuery): MapView {
  const { van, tot, stroom } = q;
  if (!(van <= tot)) throw new RangeError(`mapView: ${van}-${tot} is geen periode`);
  if (allocations.length === 0) throw new RangeError('mapView: geen verdeling');
  const keuze = allocations[allocations.length - 1]!.scenario.herindelingen ?? 'gepland';
  const indeling = divisionOf(data, tot, keuze);
  const index = new Map(indeling.gemeenten.map((g, i) => [g.code, i]));
  const sums = allocations.map(() => indeling.gemeenten.map((): Side => ABSENT_SIDE));
  const divided = new Set<string>();
  const ran = new Map<string, { stroom: StreamRef; jaar: number }>();
  allocations.forEach((a, k) => {
    for (const r of a.resultaten) {
      if (r.jaar < van || r.jaar > tot || (stroom !== 'alle' && r.stroom !== stroom)) continue;
      const key = `${r.stroom}|${r.jaar}`;
      if (!ran.has(key)) ran.set(key, { stroom: r.stroom, jaar: r.jaar });
      // Money that went to the municipalities without a known amount each: every municipality's sum is unknown.
      if (unknownPerMunicipality(r) !== null) {
        for (let i = 0; i < sums[k]!.length; i++) sums[k]![i] = addSide(sums[k]![i]!, { aanwezig: true, bedrag: null, status: 'onbekend' });
        continue;
      }
      for (const l of r.regels) {
        if (l.soort !== 'gemeente') continue;
        divided.add(key);
        const code = successionIn(indeling, l.ontvanger)?.opvolger.code ?? l.ontvanger;
        const i = index.get(code);
        if (i === undefined) continue;
        sums[k]![i] = addSide(sums[k]![i]!, { aanwezig: true, bedrag: l.bedrag, status: l.status });
      }
    }
  });
  const inw = inhabitantsIn(data, indeling);
  const rijen = indeling.gemeenten.map((g, i): MapRow => {
    const zijden = allocations.map((_, k) => sums[k]![i]!);
    const inwoners = inw.get(g.code) ?? null;
    const verschillen = zijden.slice(1).map((z) => difference(zijden[0]!, z, inwoners));
    return {
      code: g.code,
      naam: g.naam,
      provincie: g.provincie,
      delen: (indeling.delen[i] ?? []).map((j) => data.gemeenten[j]!.code),
      inwoners,
      zijden,
      perInwoner: zijden.map((z) => (z.aanwezig ? perInhabitantCents(z.bedrag, inwoners) : null)),
      verschillen,
      verschilPerInwoner: verschillen.map((d) => perInhabitantCents(d.verschil, inwoners)),
    };
  });
  const nietVerdeeld = [...ran.entries()]
    .filter(([key]) => !divided.has(key))
    .map(([, { stroom: s, jaar }]): MapNotDivided => {
      const base = isOwnStream(s) ? null : streamById(s).baseline;
      return { stroom: s, naam: streamNameIn(s, allocations), jaar, reden: base && base.verdeling === 'landelijk' ? base.perGemeente ? `${base.reden} ${base.perGemeente}.` : base.reden : null };
    })
    .sort((x, y) => x.jaar - y.jaar || streamRank(x.stroom) - streamRank(y.stroom));
  const eenheid: RoundingUnit = allocations.some((a) => a.eenheid === 1n) ? 'cent' : 'euro';
  return { van, tot, stroom, indeling, verdeeld: divided.size > 0, nietVerdeeld, rijen, eenheid };
}

/**
 * The value that colours a municipality, in cents: of allocation `k` (an amount, or per
 * inhabitant), or its difference with the first (k >= 1). Null = unknown or no amount.
 */
export function mapValue(row: MapRow, maat: MapMeasure, k: number): bigint | null {
  switch (maat) {
    case 'bedrag':
      return row.zijden[k]?.aanwezig ? row.zijden[k]!.bedrag : null;
    case 'per-inwoner':
      return row.perInwoner[k] ?? null;
    case 'verschil':
      return k >= 1 ? (row.verschillen[k - 1]?.verschil ?? null) : null;
    case 'verschil-per-inwoner':
      return k >= 1 ? (row.verschilPerInwoner[k - 1] ?? null) : null;
  }
}

/**
 * The classes of the map: differences diverge around a class of their own for no difference;
 * amounts are classed in whole euros, per-inhabitant figures down to cents.
 */
export function mapClasses(view: MapView, maat: MapMeasure, k: number, klassen = 5): ClassScheme {
  const verschil = maat === 'verschil' || maat === 'verschil-per-inwoner';
  const perInwoner = maat === 'per-inwoner' || maat === 'verschil-per-inwoner';
  return classBreaks(
    view.rijen.map((r) => mapValue(r, maat, k)),
    { klassen, divergerend: verschil, minStap: perInwoner ? 1n : 100n },
  );
}

/** The legend's name for a municipality without a value: unknown, or no amount at all (never 0). */
export const MAP_UNKNOWN_LABEL = 'onbekend / geen bedrag';

/** The legend label of a municipality's class (see `classLabel`), or `MAP_UNKNOWN_LABEL`. */
export function mapClassLabel(scheme: ClassScheme, maat: MapMeasure, value: bigint | null): string {
  const i = classIndex(scheme, value);
  return i === null ? MAP_UNKNOWN_LABEL : classLabel(scheme, scheme.klassen[i]!, { perInwoner: maat === 'per-inwoner' || maat === 'verschil-per-inwoner' });
}
