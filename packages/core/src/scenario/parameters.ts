import type { BaselineData, NationalAmountRow, Status, StreamId } from '../data/types.js';
import { streamById } from '../streams/streams.js';
import type { Scenario, Sleutel, Wijziging } from './schema.js';

/** Where a parameter's value comes from: the baseline data, or change N of the scenario. */
export type Origin =
  | { herkomst: 'basis'; status: Status; bron: string; toelichting: string }
  | { herkomst: 'scenario'; wijziging: number; geldigheid: Wijziging['geldigheid']; vanafJaar: number; toelichting: string };

export interface WithOrigin<T> {
  waarde: T;
  oorsprong: Origin;
}

/** Everything that determines one stream in one year, each value with its origin. */
export interface StreamYearParameters {
  stroom: StreamId;
  jaar: number;
  /** National amount in euros as a decimal string; null = unknown. Absent when the stream does not run that year. */
  bedrag: WithOrigin<string | null> | null;
  /** The row the amount came from, when it came from the data ('structureel' for a continued structural amount). */
  bedragRij: NationalAmountRow | null;
  korting: WithOrigin<string> | null; // percentage
  /** Indexation percentage per year from the first year with one up to this year; they compound. */
  indexaties: { jaar: number; percentage: string; oorsprong: Origin }[];
  reserveringen: WithOrigin<{ code: string; naam: string; bedrag: string }[]> | null;
  verdeling: WithOrigin<'gemeenten' | 'landelijk'>;
  lokaalPercentage: WithOrigin<string>;
  sleutel: WithOrigin<Sleutel>;
  deelname: WithOrigin<{ gemeenten: readonly string[]; nietDeelnemers: 'herverdelen' | 'onbenut' }> | null;
}

function appliesTo(w: Wijziging, jaar: number): boolean {
  return w.geldigheid === 'alleen-dit-jaar' ? w.jaar === jaar : w.jaar <= jaar;
}

function scenarioOrigin(w: Wijziging, index: number): Origin {
  return { herkomst: 'scenario', wijziging: index, geldigheid: w.geldigheid, vanafJaar: w.jaar, toelichting: w.toelichting ?? '' };
}

/** The last change of a kind that applies to (stream, year): later changes override earlier ones. */
function lastChange<K extends Wijziging['soort']>(
  scenario: Scenario,
  soort: K,
  stroom: StreamId,
  jaar: number,
): { w: Extract<Wijziging, { soort: K }>; index: number } | null {
  for (let i = scenario.wijzigingen.length - 1; i >= 0; i--) {
    const w = scenario.wijzigingen[i]!;
    if (w.soort === soort && w.stroom === stroom && appliesTo(w, jaar)) {
      return { w: w as Extract<Wijziging, { soort: K }>, index: i };
    }
  }
  return null;
}

/**
 * The national amount row for a year: the dated row, or the structural amount after the last
 * dated year. Null when the stream does not run that year (which is not the same as unknown).
 */
const rowsByStream = new WeakMap<BaselineData, Map<StreamId, NationalAmountRow[]>>();

export function nationalRow(data: BaselineData, stroom: StreamId, jaar: number): NationalAmountRow | null {
  let index = rowsByStream.get(data);
  if (!index) {
    index = new Map();
    for (const r of data.landelijkeBudgetten) index.set(r.stroom, [...(index.get(r.stroom) ?? []), r]);
    rowsByStream.set(data, index);
  }
  const rows = index.get(stroom) ?? [];
  const dated = rows.find((r) => r.jaar === jaar);
  if (dated) return dated;
  const lastDated = Math.max(...rows.map((r) => (typeof r.jaar === 'number' ? r.jaar : -Infinity)));
  const structural = rows.find((r) => r.jaar === 'structureel');
  if (structural && jaar > lastDated) return structural;
  return null;
}

const BASE_ORIGIN_RULE = (bron: string, toelichting: string, status: Status = 'officieel'): Origin => ({
  herkomst: 'basis',
  status,
  bron,
  toelichting,
});

export function resolveParameters(data: BaselineData, scenario: Scenario, stroom: StreamId, jaar: number): StreamYearParameters {
  const stream = streamById(stroom);
  const row = nationalRow(data, stroom, jaar);

  const amountChange = lastChange(scenario, 'bedrag', stroom, jaar);
  let bedrag: StreamYearParameters['bedrag'] = null;
  if (amountChange) bedrag = { waarde: amountChange.w.bedrag, oorsprong: scenarioOrigin(amountChange.w, amountChange.index) };
  else if (row) {
    const structural = row.jaar === 'structureel';
    bedrag = {
      waarde: row.bedrag === null ? null : row.bedrag.toFixed(),
      oorsprong: BASE_ORIGIN_RULE(
        row.bron,
        [structural ? `structureel bedrag, voortgezet na het laatste jaar met een eigen bedrag` : '', row.toelichting]
          .filter(Boolean)
          .join('; '),
        row.status,
      ),
    };
  }

  const cutChange = lastChange(scenario, 'korting', stroom, jaar);
  let korting: StreamYearParameters['korting'] = null;
  if (cutChange) korting = { waarde: cutChange.w.percentage, oorsprong: scenarioOrigin(cutChange.w, cutChange.index) };
  else if (stream.regeling) {
    const cut = data.kortingen.find((k) => k.regeling === stream.regeling && k.jaren.includes(jaar));
    if (cut) korting = { waarde: cut.percentage.toFixed(), oorsprong: BASE_ORIGIN_RULE(cut.bron, cut.toelichting) };
  }

  const indexaties: StreamYearParameters['indexaties'] = [];
  for (let y = jaar; y >= 2019; y--) {
    const c = lastChange(scenario, 'indexatie', stroom, y);
    if (c && c.w.percentage !== '0') indexaties.unshift({ jaar: y, percentage: c.w.percentage, oorsprong: scenarioOrigin(c.w, c.index) });
  }

  const resChange = lastChange(scenario, 'reservering', stroom, jaar);
  const reserveringen = resChange ? { waarde: resChange.w.ontvangers, oorsprong: scenarioOrigin(resChange.w, resChange.index) } : null;

  const distChange = lastChange(scenario, 'verdeling', stroom, jaar);
  const verdeling: StreamYearParameters['verdeling'] = distChange
    ? { waarde: distChange.w.verdeling, oorsprong: scenarioOrigin(distChange.w, distChange.index) }
    : {
        waarde: stream.baseline.verdeling,
        oorsprong: BASE_ORIGIN_RULE(row?.bron ?? '', stream.baseline.verdeling === 'landelijk' ? stream.baseline.reden : (row?.sleutel ?? '')),
      };

  const splitChange = lastChange(scenario, 'lokaal-regionaal', stroom, jaar);
  const uncertain = stream.splitsingOnzekerVanaf !== null && jaar >= stream.splitsingOnzekerVanaf;
  const lokaalPercentage: StreamYearParameters['lokaalPercentage'] = splitChange
    ? { waarde: splitChange.w.lokaalPercentage, oorsprong: scenarioOrigin(splitChange.w, splitChange.index) }
    : {
        waarde: '100',
        oorsprong: BASE_ORIGIN_RULE(
          row?.bron ?? '',
          uncertain
            ? 'de verdeling over lokale en regionale doelen is nog niet vastgesteld; de basis zet alles lokaal (raming)'
            : 'het hele bedrag gaat naar gemeenten (lokaal)',
          uncertain ? 'raming' : 'officieel',
        ),
      };

  const keyChange = lastChange(scenario, 'sleutel', stroom, jaar);
  const sleutel: StreamYearParameters['sleutel'] = keyChange
    ? { waarde: keyChange.w.sleutel, oorsprong: scenarioOrigin(keyChange.w, keyChange.index) }
    : { waarde: { type: 'brede-spuk-2025' }, oorsprong: BASE_ORIGIN_RULE(data.bredeSpuk2025.bron, row?.sleutel ?? 'Brede SPUK-sleutel') };

  const partChange = lastChange(scenario, 'deelname', stroom, jaar);
  const deelname = partChange
    ? { waarde: { gemeenten: partChange.w.gemeenten, nietDeelnemers: partChange.w.nietDeelnemers }, oorsprong: scenarioOrigin(partChange.w, partChange.index) }
    : null;

  return { stroom, jaar, bedrag, bedragRij: row, korting, indexaties, reserveringen, verdeling, lokaalPercentage, sleutel, deelname };
}
