import { LAST_YEAR, YEARS, type BaselineData } from '../data/types.js';
import { streamName, type OwnStreamId, type StreamRef } from '../streams/own.js';
import { centsOf } from '../money/cents.js';
import { formatEuro, formatPercent } from '../money/format.js';
import type { Allocation, RoundingUnit } from '../allocation/types.js';
import { CHANGE_KIND_NAMES, describeChange, describeKey } from '../scenario/describe.js';
import { baseParameters, lastChange, ownStreamReason, resolveParameters, type StreamYearParameters } from '../scenario/parameters.js';
import type { Wijziging } from '../scenario/schema.js';

/**
 * A scenario in words: every change with, for each year it touches, the value the baseline has
 * there and the value the scenario has (which may be this change's or a later one's), and the
 * amount that is divided in that year in both. Built from the parameters the allocations used,
 * so it says exactly what was computed.
 */

export interface ChangeYear {
  jaar: number;
  /** The value of this kind of parameter in the baseline and in the scenario (Dutch). */
  basis: string;
  scenario: string;
  /** False when a later change of the same kind holds in this year. */
  geldt: boolean;
  /** The amount divided in this stream and year (cents), in the baseline and the scenario; null = unknown or not running (see `loopt`). */
  bedragBasis: bigint | null;
  bedragScenario: bigint | null;
  /**
   * Whether the stream has a result this year in the baseline and in the scenario: an own stream
   * is not in the baseline, which is neither 0 nor unknown.
   */
  loopt: { basis: boolean; scenario: boolean };
}

/** One change of a scenario in words (`describeScenario`), with per year the value in the baseline and in the scenario. */
export interface ChangeDescription {
  nummer: number;
  soort: string;
  /** A stream of the data or an own stream (for which "basis" is the stream as the scenario declares it, before changes). */
  stroom: StreamRef;
  stroomNaam: string;
  /** "alleen 2028" or "vanaf 2027". */
  geldigheid: string;
  /** What the change sets. */
  waarde: string;
  toelichting: string;
  /** The years it touches in which the stream runs. */
  jaren: ChangeYear[];
}

/** One year of an own stream: the amount the scenario gives (text), and the amount divided (cents, after changes and rounding). */
export interface OwnStreamYear {
  jaar: number;
  /** "€ 1.000.000 (bedrag 1, vanaf 2028)" */
  bedrag: string;
  /** The amount divided in the scenario's allocation; null = unknown. */
  verdeeld: bigint | null;
}

/** An own stream of the scenario in words. */
export interface OwnStreamDescription {
  id: OwnStreamId;
  naam: string;
  /** Always `scenario`; `reden` says why. */
  status: 'scenario';
  reden: string;
  toelichting: string;
  /** Its key in words. */
  sleutel: string;
  /** The years with an amount (a year without one has no result, which is not zero). */
  jaren: OwnStreamYear[];
}

/** A scenario in words (`describeScenario`): its own streams and every change, each with what it does per year. */
export interface ScenarioDescription {
  naam: string;
  /** The unit the amounts are rounded to in the scenario. */
  eenheid: RoundingUnit;
  /** The streams the scenario adds of its own (empty when it has none). */
  eigenStromen: OwnStreamDescription[];
  wijzigingen: ChangeDescription[];
}

const euroText = (s: string | null): string => (s === null ? 'onbekend' : formatEuro(centsOf(s), 'auto'));
const pct = (s: string): string => formatPercent(s, 6);

/** The value of one kind of parameter in a stream and year, in Dutch. */
function parameterText(p: StreamYearParameters, soort: Wijziging['soort'], jaar: number): string {
  switch (soort) {
    case 'bedrag':
      return p.bedrag === null ? 'loopt niet' : euroText(p.bedrag.waarde);
    case 'korting':
      return p.korting ? `${pct(p.korting.waarde)} korting` : 'geen korting';
    case 'indexatie': {
      const own = p.indexaties.find((x) => x.jaar === jaar);
      return own ? `${pct(own.percentage)} indexatie` : 'geen indexatie';
    }
    case 'reservering':
      return p.reserveringen && p.reserveringen.waarde.length > 0 ? p.reserveringen.waarde.map((o) => `${o.naam} ${euroText(o.bedrag)}`).join('; ') : 'geen reserveringen';
    case 'lokaal-regionaal':
      return `${pct(p.lokaalPercentage.waarde)} lokaal${p.regioSchaal === 'ggd' && p.lokaalPercentage.waarde !== '100' ? ", regionaal over de GGD-regio's" : ''}`;
    case 'sleutel':
      return describeKey(p.sleutel.waarde);
    case 'deelname':
      return p.deelname ? `${p.deelname.waarde.gemeenten.length} gemeenten nemen deel` : 'alle gemeenten nemen deel';
    case 'verdeling':
      return p.verdeling.waarde === 'gemeenten' ? 'verdelen over gemeenten' : 'landelijk houden';
    case 'ingroeipad': {
      const x = p.ingroeipad?.waarde;
      if (!x) return 'geen ingroeipad';
      const grens = x.perInwoner !== null ? `${euroText(x.perInwoner)} per inwoner` : `${pct(x.percentage ?? '0')} van het referentiebedrag`;
      return `jaar ${x.jaarInPad} van het ingroeipad: hoogstens ${x.jaarInPad} × ${grens} verandering`;
    }
  }
}

/** The scenario of `scenario` described against `baseline` (both computed on `data`). */
export function describeScenario(data: BaselineData, baseline: Allocation, scenario: Allocation): ScenarioDescription {
  const s = scenario.scenario;
  const resultOf = (a: Allocation, stroom: StreamRef, jaar: number) => a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar);
  const total = (a: Allocation, stroom: StreamRef, jaar: number): bigint | null => resultOf(a, stroom, jaar)?.totaal ?? null;
  const wijzigingen = s.wijzigingen.map((w, i): ChangeDescription => {
    const span = w.geldigheid === 'alleen-dit-jaar' ? [w.jaar] : Array.from({ length: LAST_YEAR - w.jaar + 1 }, (_, k) => w.jaar + k);
    const jaren = span.flatMap((jaar): ChangeYear[] => {
      const before = baseParameters(data, s, w.stroom, jaar);
      const after = resolveParameters(data, s, w.stroom, jaar);
      if (before.bedrag === null && after.bedrag === null) return [];
      return [
        {
          jaar,
          basis: parameterText(before, w.soort, jaar),
          scenario: parameterText(after, w.soort, jaar),
          geldt: lastChange(s, w.soort, w.stroom, jaar, -1)?.index === i,
          bedragBasis: total(baseline, w.stroom, jaar),
          bedragScenario: total(scenario, w.stroom, jaar),
          loopt: { basis: resultOf(baseline, w.stroom, jaar) !== undefined, scenario: resultOf(scenario, w.stroom, jaar) !== undefined },
        },
      ];
    });
    return {
      nummer: i + 1,
      soort: CHANGE_KIND_NAMES[w.soort],
      stroom: w.stroom,
      stroomNaam: streamName(w.stroom, s),
      geldigheid: w.geldigheid === 'alleen-dit-jaar' ? `alleen ${w.jaar}` : `vanaf ${w.jaar}`,
      waarde: describeChange(w),
      toelichting: w.toelichting ?? '',
      jaren,
    };
  });
  const eigenStromen = (s.eigenStromen ?? []).map((e): OwnStreamDescription => {
    const jaren = YEARS.flatMap((jaar): OwnStreamYear[] => {
      const o = baseParameters(data, s, e.id, jaar).bedrag;
      if (!o || o.oorsprong.herkomst !== 'eigen-stroom' || !o.oorsprong.bedrag) return [];
      const b = o.oorsprong.bedrag;
      const scope = b.geldigheid === 'alleen-dit-jaar' ? `alleen ${b.vanafJaar}` : `vanaf ${b.vanafJaar}`;
      return [{ jaar, bedrag: `${euroText(o.waarde)} (bedrag ${b.index + 1}, ${scope})`, verdeeld: total(scenario, e.id, jaar) }];
    });
    const reden = ownStreamReason({ herkomst: 'eigen-stroom', stroom: e.id, naam: e.naam, index: 0, toelichting: e.toelichting ?? '' });
    return { id: e.id, naam: e.naam, status: 'scenario', reden, toelichting: e.toelichting ?? '', sleutel: describeKey(e.sleutel), jaren };
  });
  return { naam: s.naam, eenheid: baseline.eenheid === 1n || scenario.eenheid === 1n ? 'cent' : 'euro', eigenStromen, wijzigingen };
}
