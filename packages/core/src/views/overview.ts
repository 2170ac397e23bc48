import { STREAMS } from '../streams/streams.js';
import { YEARS, type StreamId } from '../data/types.js';
import type { Fraction } from '../money/fraction.js';
import { centsOf } from '../money/cents.js';
import type { Allocation, StreamYearResult } from '../allocation/types.js';
import type { Origin } from '../scenario/parameters.js';
import type { Status } from '../status/status.js';
import { memoPerOwner } from '../memo/memo.js';
import { sourceReference, type SourceReference } from '../data/sources.js';

/** One stream in one year of the national overview: the source figure, the adjustments, the result. */
export interface OverviewCell {
  stroom: StreamId;
  jaar: number;
  /** False when the stream does not run this year (not the same as 0 or unknown). */
  loopt: boolean;
  /** The national amount before adjustments, in cents; null = unknown. */
  bronbedrag: bigint | null;
  bronStatus: Status | null;
  /** The cut in percent, when there is one. */
  korting: string | null;
  /** The compounded indexation factor, when there is one. */
  indexatie: Fraction | null;
  /** The amount after cut, indexation and the one rounding: what is divided. Cents; null = unknown. */
  bedrag: bigint | null;
  status: Status | null;
  redenen: readonly string[];
  verdeling: 'gemeenten' | 'landelijk' | null;
  /** Numbers (from 1) of the sources in `Overview.bronnen` that this figure uses. */
  bronnen: number[];
  /** The stand of the figure: the newest date of the documents its sources cite (ISO); null when unknown. */
  stand: string | null;
  /** The note of the source figure (derivation, caveats), and whether it is the structural amount. */
  toelichting: string;
  structureel: boolean;
}

/** One year of the national overview: a cell per stream and the year totals. */
export interface OverviewYear {
  jaar: number;
  cellen: OverviewCell[];
  /** Sum of the known amounts after adjustments, and whether an unknown amount is left out. */
  totaal: bigint;
  onbekend: boolean;
  /** The same for the source figures before adjustments. */
  bronTotaal: bigint;
}

/** The national overview (`nationalOverview`): per year and stream the source figure, its adjustments and the amount divided, with the sources. */
export interface Overview {
  stromen: { id: StreamId; naam: string }[];
  jaren: OverviewYear[];
  /**
   * Every distinct source, numbered from 1 in order of first use, with what it is used for, the
   * documents it cites, its stand (the newest date of those documents) and a link where one exists.
   */
  bronnen: (SourceReference & { nummer: number; gebruikt: string[] })[];
}

const sourceOf = (o: Origin): string | null => (o.herkomst === 'basis' && o.bron ? o.bron : null);

function cell(
  r: StreamYearResult | undefined,
  stroom: StreamId,
  jaar: number,
  source: (tekst: string, gebruik: string) => number,
  standOf: (nummers: readonly number[]) => string | null,
  naam: string,
): OverviewCell {
  if (!r) {
    return { stroom, jaar, loopt: false, bronbedrag: null, bronStatus: null, korting: null, indexatie: null, bedrag: null, status: null, redenen: [], verdeling: null, bronnen: [], stand: null, toelichting: '', structureel: false };
  }
  const p = r.parameters;
  const bronnen: number[] = [];
  const amountSource = p.bedrag ? sourceOf(p.bedrag.oorsprong) : null;
  if (amountSource) bronnen.push(source(amountSource, naam));
  const cutSource = p.korting ? sourceOf(p.korting.oorsprong) : null;
  if (cutSource) bronnen.push(source(cutSource, `${naam} (korting)`));
  const ix = r.stappen.find((s) => s.stap === 'indexatie');
  const first = r.stappen[0];
  return {
    stroom,
    jaar,
    loopt: true,
    bronbedrag: p.bedrag?.waarde == null ? null : centsOf(p.bedrag.waarde),
    bronStatus: first?.stap === 'landelijk-bedrag' ? first.status : null,
    korting: p.korting?.waarde ?? null,
    indexatie: ix?.stap === 'indexatie' ? ix.factor : null,
    bedrag: r.totaal,
    status: r.bedragStatus,
    redenen: r.bedragRedenen,
    verdeling: p.verdeling.waarde,
    bronnen: [...new Set(bronnen)],
    stand: standOf(bronnen),
    toelichting: p.bedrag?.oorsprong.herkomst === 'basis' ? p.bedrag.oorsprong.toelichting : p.bedrag?.oorsprong.toelichting ?? '',
    structureel: p.structureel,
  };
}

/**
 * The national overview of an allocation: per year and stream the source figure, the cut and
 * indexation, the amount after them (what is divided), its status and sources, and the year's
 * totals (known amounts only; an unknown amount is said, never counted as 0).
 */
export const nationalOverview = memoPerOwner((allocation: Allocation): Overview => {
  const bronnen: Overview['bronnen'] = [];
  const source = (tekst: string, gebruik: string): number => {
    let b = bronnen.find((x) => x.tekst === tekst);
    if (!b) bronnen.push((b = { ...sourceReference(allocation.gegevens.bronnen, tekst), nummer: bronnen.length + 1, gebruikt: [] }));
    if (!b.gebruikt.includes(gebruik)) b.gebruikt.push(gebruik);
    return b.nummer;
  };
  const standOf = (nummers: readonly number[]): string | null => {
    let stand: string | null = null;
    for (const n of nummers) {
      const s = bronnen[n - 1]!.stand;
      if (s !== null && (stand === null || s > stand)) stand = s;
    }
    return stand;
  };
  const index = new Map(allocation.resultaten.map((r) => [`${r.stroom}|${r.jaar}`, r]));
  const jaren = YEARS.map((jaar): OverviewYear => {
    const cellen = STREAMS.map((s) => cell(index.get(`${s.id}|${jaar}`), s.id, jaar, source, standOf, s.naam));
    let totaal = 0n;
    let bronTotaal = 0n;
    let onbekend = false;
    for (const c of cellen) {
      if (!c.loopt) continue;
      if (c.bedrag === null) onbekend = true;
      else totaal += c.bedrag;
      if (c.bronbedrag !== null) bronTotaal += c.bronbedrag;
    }
    return { jaar, cellen, totaal, onbekend, bronTotaal };
  });
  return { stromen: STREAMS.map((s) => ({ id: s.id, naam: s.naam })), jaren, bronnen };
});
