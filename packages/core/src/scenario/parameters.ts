import { FIRST_YEAR, type BaselineData, type NationalAmountRow, type StreamId } from '../data/types.js';
import type { Ground, Status } from '../status/status.js';
import { streamById } from '../streams/streams.js';
import { memoPerContent, memoPerOwner } from '../memo/memo.js';
import type { EigenStroom, Scenario, Sleutel, Wijziging } from './schema.js';
import { isOwnStream, type OwnStreamId, type StreamRef } from '../streams/own.js';

/** Where a parameter's value comes from: the baseline data, or change N of the scenario. */
export type Origin =
  | { herkomst: 'basis'; status: Status; bron: string; toelichting: string }
  | {
      herkomst: 'scenario';
      /** Index of the change in `scenario.wijzigingen` (0-based). */
      wijziging: number;
      soort: Wijziging['soort'];
      geldigheid: Wijziging['geldigheid'];
      vanafJaar: number;
      toelichting: string;
    }
  /**
   * A value of an own stream of the scenario (`eigenStromen`): its amount (`bedrag`: which entry
   * of its `bedragen` holds, with its validity), or its key and its division over municipalities.
   */
  | {
      herkomst: 'eigen-stroom';
      stroom: OwnStreamId;
      naam: string;
      /** Place of the stream in `scenario.eigenStromen` (0-based). */
      index: number;
      bedrag?: { index: number; geldigheid: Wijziging['geldigheid']; vanafJaar: number };
      toelichting: string;
    };

/** A value with where it comes from: the data (with its source), or a change or own stream of the scenario. */
export interface WithOrigin<T> {
  waarde: T;
  oorsprong: Origin;
}

/**
 * Everything that determines one stream in one year, each value with its origin. Plain data
 * (strings, numbers, arrays), so that equal parameters give equal results.
 */
export interface StreamYearParameters {
  stroom: StreamRef;
  jaar: number;
  /** National amount in euros as a decimal string; null = unknown. Absent when the stream does not run that year. */
  bedrag: WithOrigin<string | null> | null;
  /** True when the amount is the structural amount, carried on after the last year with an amount of its own. */
  structureel: boolean;
  korting: WithOrigin<string> | null; // percentage
  /** Indexation percentage per year from the first year with one up to this year; they compound. */
  indexaties: { jaar: number; percentage: string; oorsprong: Origin }[];
  reserveringen: WithOrigin<{ code: string; naam: string; bedrag: string }[]> | null;
  verdeling: WithOrigin<'gemeenten' | 'landelijk'>;
  lokaalPercentage: WithOrigin<string>;
  /** The scale of the regional part (origin: that of `lokaalPercentage`); absent means `iza`. */
  regioSchaal?: 'iza' | 'ggd';
  sleutel: WithOrigin<Sleutel>;
  deelname: WithOrigin<{ gemeenten: readonly string[]; nietDeelnemers: 'herverdelen' | 'onbenut' }> | null;
  /**
   * The transition path that holds this year, if any: its cap per year (one of the two) and the
   * year of the path this is (1 in its first year; the allowed change is `jaarInPad` times the cap).
   * Optional, so that parameters built before it existed stay valid.
   */
  ingroeipad?: WithOrigin<{ perInwoner: string | null; percentage: string | null; vanafJaar: number; jaarInPad: number }> | null;
}

/** True when change `w` holds for `jaar`. */
export function appliesTo(w: Wijziging, jaar: number): boolean {
  return w.geldigheid === 'alleen-dit-jaar' ? w.jaar === jaar : w.jaar <= jaar;
}

function scenarioOrigin(w: Wijziging, index: number): Origin {
  return { herkomst: 'scenario', wijziging: index, soort: w.soort, geldigheid: w.geldigheid, vanafJaar: w.jaar, toelichting: w.toelichting ?? '' };
}

/** The changes per stream and kind, in list order: `lastChange` looks only at these. */
const changesByKind = memoPerOwner((scenario: Scenario) => {
  const index = new Map<StreamRef, Map<Wijziging['soort'], number[]>>();
  scenario.wijzigingen.forEach((w, i) => {
    let byKind = index.get(w.stroom);
    if (!byKind) index.set(w.stroom, (byKind = new Map()));
    const list = byKind.get(w.soort);
    if (list) list.push(i);
    else byKind.set(w.soort, [i]);
  });
  return index;
});

/** The last change of a kind that applies to (stream, year), skipping `skip`: later changes override earlier ones. */
export function lastChange<K extends Wijziging['soort']>(
  scenario: Scenario,
  soort: K,
  stroom: StreamRef,
  jaar: number,
  skip: number,
): { w: Extract<Wijziging, { soort: K }>; index: number } | null {
  const list = changesByKind(scenario).get(stroom)?.get(soort);
  if (!list) return null;
  for (let k = list.length - 1; k >= 0; k--) {
    const i = list[k]!;
    const w = scenario.wijzigingen[i]!;
    if (i !== skip && appliesTo(w, jaar)) return { w: w as Extract<Wijziging, { soort: K }>, index: i };
  }
  return null;
}

/** The national amount rows of each stream, per data set. */
const rowsByStream = memoPerContent((data: BaselineData) => {
  const index = new Map<StreamId, NationalAmountRow[]>();
  for (const r of data.landelijkeBudgetten) index.set(r.stroom, [...(index.get(r.stroom) ?? []), r]);
  return index;
});

/**
 * The national amount row for a year: the dated row, or the structural amount after the last
 * dated year. Null when the stream does not run that year (which is not the same as unknown).
 */
export function nationalRow(data: BaselineData, stroom: StreamId, jaar: number): NationalAmountRow | null {
  const rows = rowsByStream(data).get(stroom) ?? [];
  const dated = rows.find((r) => r.jaar === jaar);
  if (dated) return dated;
  const lastDated = Math.max(...rows.map((r) => (typeof r.jaar === 'number' ? r.jaar : -Infinity)));
  const structural = rows.find((r) => r.jaar === 'structureel');
  if (structural && jaar > lastDated) return structural;
  return null;
}

/** The baseline key, one object for all. */
const BREDE_SPUK_KEY: Sleutel = { type: 'brede-spuk-2025' };

const basis = (bron: string, toelichting: string, status: Status = 'officieel'): Origin => ({ herkomst: 'basis', status, bron, toelichting });

const YEAR_RANGE = (years: readonly number[]): string => {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 0 ? '' : sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}-${sorted[sorted.length - 1]}`;
};

/**
 * The baseline key of a stream in a year: the observed Brede SPUK table. It is the key as
 * officially applied only in the years of that table; in any other year it is an assumption.
 */
function baselineKey(data: BaselineData, naam: string, jaar: number): Origin {
  const t = data.bredeSpuk2025;
  if (t.sleutelJaren.includes(jaar)) return basis(t.bron, naam);
  return basis(
    t.bron,
    `de verdeelsleutel voor ${jaar} is niet gepubliceerd; gebruikt is de Brede SPUK-sleutel zoals toegepast in ${YEAR_RANGE(t.sleutelJaren)} (${t.naam})`,
    'raming',
  );
}

/** The parameters of (stream, year) in the baseline: from the data alone, built once per data set. */
export function baselineParameters(data: BaselineData, stroom: StreamId, jaar: number): StreamYearParameters {
  const table = baselineTable(data);
  let byYear = table.get(stroom);
  if (!byYear) table.set(stroom, (byYear = []));
  return (byYear[jaar - FIRST_YEAR] ??= buildBaselineParameters(data, stroom, jaar));
}
const baselineTable = memoPerContent((_data: BaselineData) => new Map<StreamId, StreamYearParameters[]>());

function buildBaselineParameters(data: BaselineData, stroom: StreamId, jaar: number): StreamYearParameters {
  const stream = streamById(stroom);
  const row = nationalRow(data, stroom, jaar);
  const cut = stream.regeling ? data.kortingen.find((k) => k.regeling === stream.regeling && k.jaren.includes(jaar)) : undefined;
  const uncertain = stream.splitsingOnzekerVanaf !== null && jaar >= stream.splitsingOnzekerVanaf;
  return {
    stroom,
    jaar,
    bedrag: row ? { waarde: row.bedrag === null ? null : row.bedrag.toFixed(), oorsprong: basis(row.bron, row.toelichting, row.status) } : null,
    structureel: row?.jaar === 'structureel',
    korting: cut ? { waarde: cut.percentage.toFixed(), oorsprong: basis(cut.bron, cut.toelichting) } : null,
    indexaties: [],
    reserveringen: null,
    verdeling: {
      waarde: stream.baseline.verdeling,
      oorsprong: basis(row?.bron ?? '', stream.baseline.verdeling === 'landelijk' ? stream.baseline.reden : (row?.sleutel ?? '')),
    },
    lokaalPercentage: {
      waarde: '100',
      oorsprong: basis(
        row?.bron ?? '',
        uncertain
          ? 'de verdeling over lokale en regionale doelen is nog niet vastgesteld; de basis zet alles lokaal'
          : 'het hele bedrag gaat naar gemeenten (lokaal)',
        uncertain ? 'raming' : 'officieel',
      ),
    },
    sleutel: { waarde: BREDE_SPUK_KEY, oorsprong: baselineKey(data, row?.sleutel ?? 'Brede SPUK-sleutel', jaar) },
    deelname: null,
    ingroeipad: null,
  };
}

/**
 * The parameters of (stream, year) under `scenario`: those of the baseline, each replaced by
 * the last change of its kind that holds for that year. With `skip`, change number `skip` is
 * left out: what the parameters would be without it (to tell whether a change has any effect).
 */
export function resolveParameters(data: BaselineData, scenario: Scenario, stroom: StreamRef, jaar: number, skip = -1): StreamYearParameters {
  const base = isOwnStream(stroom) ? ownParameters(scenario, stroom, jaar) : baselineParameters(data, stroom, jaar);
  const kinds = changesByKind(scenario).get(stroom);
  if (!kinds) return base;
  const last = <K extends Wijziging['soort']>(soort: K, y = jaar) => (kinds.has(soort) ? lastChange(scenario, soort, stroom, y, skip) : null);
  const p: StreamYearParameters = { ...base };

  const amountChange = last('bedrag');
  if (amountChange) {
    p.bedrag = { waarde: amountChange.w.bedrag, oorsprong: scenarioOrigin(amountChange.w, amountChange.index) };
    p.structureel = false;
  }
  const cutChange = last('korting');
  if (cutChange) p.korting = { waarde: cutChange.w.percentage, oorsprong: scenarioOrigin(cutChange.w, cutChange.index) };
  if (kinds.has('indexatie')) {
    const indexaties: StreamYearParameters['indexaties'] = [];
    for (let y = jaar; y >= FIRST_YEAR; y--) {
      const c = last('indexatie', y);
      if (c && c.w.percentage !== '0') indexaties.unshift({ jaar: y, percentage: c.w.percentage, oorsprong: scenarioOrigin(c.w, c.index) });
    }
    p.indexaties = indexaties;
  }
  const resChange = last('reservering');
  if (resChange) p.reserveringen = { waarde: resChange.w.ontvangers, oorsprong: scenarioOrigin(resChange.w, resChange.index) };
  const distChange = last('verdeling');
  if (distChange) p.verdeling = { waarde: distChange.w.verdeling, oorsprong: scenarioOrigin(distChange.w, distChange.index) };
  const splitChange = last('lokaal-regionaal');
  if (splitChange) {
    p.lokaalPercentage = { waarde: splitChange.w.lokaalPercentage, oorsprong: scenarioOrigin(splitChange.w, splitChange.index) };
    if (splitChange.w.regio === 'ggd') p.regioSchaal = 'ggd';
  }
  const keyChange = last('sleutel');
  if (keyChange) p.sleutel = { waarde: keyChange.w.sleutel, oorsprong: scenarioOrigin(keyChange.w, keyChange.index) };
  const partChange = last('deelname');
  if (partChange) {
    p.deelname = { waarde: { gemeenten: partChange.w.gemeenten, nietDeelnemers: partChange.w.nietDeelnemers }, oorsprong: scenarioOrigin(partChange.w, partChange.index) };
  }
  const pathChange = last('ingroeipad');
  if (pathChange) {
    const w = pathChange.w;
    p.ingroeipad = {
      waarde: { perInwoner: w.perInwoner ?? null, percentage: w.percentage ?? null, vanafJaar: w.jaar, jaarInPad: jaar - w.jaar + 1 },
      oorsprong: scenarioOrigin(w, pathChange.index),
    };
  }
  return p;
}

/**
 * The parameters of (stream, year) before any change: the baseline's for a stream of the data,
 * the scenario's own declaration for an own stream.
 */
export function baseParameters(data: BaselineData, scenario: Scenario, stroom: StreamRef, jaar: number): StreamYearParameters {
  return isOwnStream(stroom) ? ownParameters(scenario, stroom, jaar) : baselineParameters(data, stroom, jaar);
}

/** The own stream `id` of a scenario and its place; null when the scenario does not declare it. */
export function ownStreamOf(scenario: Pick<Scenario, 'eigenStromen'>, id: StreamRef): { stroom: EigenStroom; index: number } | null {
  // The list may be sparse (the engine keeps an own stream at its place): a hole is no stream.
  const index = (scenario.eigenStromen ?? []).findIndex((e) => e !== undefined && e.id === id);
  return index < 0 ? null : { stroom: scenario.eigenStromen![index]!, index };
}

/**
 * The parameters of an own stream in a year, before changes: the amount of the last entry of its
 * `bedragen` that holds for the year (in list order, like changes; none: the stream does not run
 * that year, which is not zero), divided wholly over the municipalities by its key. Every value
 * comes from the scenario. An undeclared id gives a stream that does not run.
 */
function ownParameters(scenario: Scenario, id: OwnStreamId, jaar: number): StreamYearParameters {
  const own = ownStreamOf(scenario, id);
  const e = own?.stroom;
  const from = (extra: Partial<Extract<Origin, { herkomst: 'eigen-stroom' }>> = {}): Origin => ({
    herkomst: 'eigen-stroom',
    stroom: id,
    naam: e?.naam ?? id,
    index: own?.index ?? -1,
    toelichting: e?.toelichting ?? '',
    ...extra,
  });
  let amount: WithOrigin<string | null> | null = null;
  for (const [k, b] of (e?.bedragen ?? []).entries()) {
    if (b.geldigheid === 'alleen-dit-jaar' ? b.jaar === jaar : b.jaar <= jaar) {
      amount = { waarde: b.bedrag, oorsprong: from({ bedrag: { index: k, geldigheid: b.geldigheid, vanafJaar: b.jaar } }) };
    }
  }
  const whole = from();
  return {
    stroom: id,
    jaar,
    bedrag: amount,
    structureel: false,
    korting: null,
    indexaties: [],
    reserveringen: null,
    verdeling: { waarde: 'gemeenten', oorsprong: whole },
    lokaalPercentage: { waarde: '100', oorsprong: whole },
    sleutel: { waarde: e?.sleutel ?? BREDE_SPUK_KEY, oorsprong: whole },
    deelname: null,
    ingroeipad: null,
  };
}

/** The ground an origin gives a computed figure: its status and, when it is not official, why. */
export function groundOf(o: Origin): Ground {
  if (o.herkomst === 'eigen-stroom') return { status: 'scenario', reden: ownStreamReason(o) };
  return o.herkomst === 'scenario' ? { status: 'scenario', reden: scenarioReason(o) } : basisGround(o);
}

/** "bedrag uit het scenario (eigen stroom “Pilot”): toelichting" */
export function ownStreamReason(o: Extract<Origin, { herkomst: 'eigen-stroom' }>): string {
  return `bedrag uit het scenario (eigen stroom “${o.naam}”)${o.toelichting ? `: ${o.toelichting}` : ''}`;
}

/** The ground of a baseline origin. */
const basisGround = (o: Extract<Origin, { herkomst: 'basis' }>): Ground => ({
  status: o.status,
  // The data writes an estimate's derivation as "raming: ..."; the status says that already.
  reden: o.status === 'raming' || o.status === 'onbekend' ? o.toelichting.replace(/^raming:\s*/, '') : null,
});

/** "wijziging 2 van het scenario (vanaf 2027): toelichting" */
export function scenarioReason(o: Extract<Origin, { herkomst: 'scenario' }>): string {
  const scope = o.geldigheid === 'alleen-dit-jaar' ? `alleen ${o.vanafJaar}` : `vanaf ${o.vanafJaar}`;
  return `volgt uit wijziging ${o.wijziging + 1} van het scenario (${scope})${o.toelichting ? `: ${o.toelichting}` : ''}`;
}
