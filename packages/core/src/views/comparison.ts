import type { BaselineData } from '../data/types.js';
import { streamNameIn, streamRank, type StreamRef } from '../streams/own.js';
import { type Fraction, fraction } from '../money/fraction.js';
import { memoPerOwner } from '../memo/memo.js';
import type { Allocation, AllocationLine, RecipientKind, StreamYearResult } from '../allocation/types.js';
import { weakest, type Status } from '../status/status.js';
import { inhabitantsIn, perInhabitant } from './per-inhabitant.js';
import { divisionOf, successionIn, type YearDivision } from '../municipalities/division.js';
import { membershipIn, type RegionKind } from './regions.js';

/**
 * Comparisons of allocations: the baseline and one or more scenarios, side by side. The first
 * allocation is the reference; every difference is "this one minus the first". An amount that
 * is not in an allocation (the stream does not run that year there) is absent, which is not the
 * same as unknown (null) or 0; its difference counts it as 0 when the other side is known.
 */

/** One allocation's side of a comparison row. */
export interface Side {
  /** False when the stream-year or the recipient is not in this allocation. */
  aanwezig: boolean;
  /** Cents; null = unknown (or absent). */
  bedrag: bigint | null;
  status: Status | null;
}

/** The difference of one side with the first. */
export interface Difference {
  /** Cents; null when either side is unknown. */
  verschil: bigint | null;
  /** verschil / first amount (0.05 = 5%); null when the first is 0, unknown or absent. */
  fractie: Fraction | null;
  /** Euro per inhabitant of the difference, exact; null without inhabitants. */
  perInwoner: Fraction | null;
}

/** One recipient, stream and year in `compareAllocations`: a side per allocation and the differences with the first. */
export interface ComparisonRow {
  stroom: StreamRef;
  jaar: number;
  ontvanger: string;
  naam: string;
  soort: RecipientKind;
  /** For a region: who receives its money. */
  mandaatgemeente: { naam: string; code: string | null } | null;
  /** Inhabitants of a municipality (the per-inhabitant basis); null for other recipients. */
  inwoners: bigint | null;
  zijden: Side[];
  /** One per allocation after the first. */
  verschillen: Difference[];
}

/** Which rows `compareAllocations` gives: years, a stream, only differences, one region, one recipient. */
export interface ComparisonFilter {
  van?: number;
  tot?: number;
  stroom?: StreamRef | null;
  /** Only rows in which some side differs from the first. */
  alleenVerschillen?: boolean;
  /** Only the municipalities of this GGD region or province (in the division of each year). */
  regio?: { soort: RegionKind; code: string } | null;
  /**
   * Only these recipients (codes). A municipality that a planned merger takes in, in a year it
   * applies, stands for its successor that year (whose amount covers it).
   */
  ontvangers?: readonly string[] | null;
}

/** The codes a recipient filter means in a year's division: each code, or its successor where a planned merger took it in. */
export function recipientCodesIn(division: YearDivision, codes: readonly string[]): Set<string> {
  return new Set(codes.map((c) => successionIn(division, c)?.opvolger.code ?? c));
}

const ABSENT: Side = { aanwezig: false, bedrag: null, status: null };

export function difference(first: Side, other: Side, inwoners: bigint | null): Difference {
  let verschil: bigint | null = null;
  if (first.aanwezig && other.aanwezig) verschil = first.bedrag !== null && other.bedrag !== null ? other.bedrag - first.bedrag : null;
  else if (other.aanwezig) verschil = other.bedrag;
  else if (first.aanwezig) verschil = first.bedrag === null ? null : -first.bedrag;
  const fractie = verschil !== null && first.bedrag !== null && first.bedrag !== 0n && first.aanwezig ? fraction(verschil, first.bedrag) : null;
  return { verschil, fractie, perInwoner: perInhabitant(verschil, inwoners) };
}

/** True when some side differs from the first in amount or presence. */
export const differs = (zijden: readonly Side[]): boolean =>
  zijden.some((z) => z.aanwezig !== zijden[0]!.aanwezig || z.bedrag !== zijden[0]!.bedrag);

const streamOrder = streamRank;

/** The results of an allocation by stream and year. */
const resultIndex = memoPerOwner((a: Allocation) => {
  const out = new Map<StreamRef, Map<number, StreamYearResult>>();
  for (const r of a.resultaten) {
    let years = out.get(r.stroom);
    if (!years) out.set(r.stroom, (years = new Map()));
    years.set(r.jaar, r);
  }
  return out;
});
/** The lines of a result by recipient code. */
const lineIndex = memoPerOwner((r: StreamYearResult) => new Map(r.regels.map((l) => [l.ontvanger, l])));

/** An allocation's result of a stream in a year; undefined when the stream does not run that year there. */
export const resultOf = (a: Allocation, stroom: StreamRef, jaar: number): StreamYearResult | undefined => resultIndex(a).get(stroom)?.get(jaar);

/** The stream-years of `compareAllocations`: those of any of the allocations within the filter's years and stream, by year and then in the order of the streams. */
export function comparedStreamYears(allocations: readonly Allocation[], filter: Pick<ComparisonFilter, 'van' | 'tot' | 'stroom'>): { stroom: StreamRef; jaar: number }[] {
  const seen = new Map<StreamRef, Set<number>>();
  const keys: { stroom: StreamRef; jaar: number }[] = [];
  for (const a of allocations) {
    for (const r of a.resultaten) {
      let years = seen.get(r.stroom);
      if (!years) seen.set(r.stroom, (years = new Set()));
      if (years.has(r.jaar)) continue;
      years.add(r.jaar);
      keys.push({ stroom: r.stroom, jaar: r.jaar });
    }
  }
  return keys
    .filter((k) => (filter.van === undefined || k.jaar >= filter.van) && (filter.tot === undefined || k.jaar <= filter.tot) && (!filter.stroom || k.stroom === filter.stroom))
    .sort((x, y) => x.jaar - y.jaar || streamOrder(x.stroom) - streamOrder(y.stroom));
}

const side = (l: AllocationLine | undefined): Side => (l ? { aanwezig: true, bedrag: l.bedrag, status: l.status } : ABSENT);

/**
 * Every recipient, stream and year of the allocations side by side, ordered by year, stream
 * (in the order of the streams) and then as the allocations list their recipients.
 */
export function compareAllocations(data: BaselineData, allocations: readonly Allocation[], filter: ComparisonFilter = {}): ComparisonRow[] {
  const pairs = comparedStreamYears(allocations, filter);
  const rows: ComparisonRow[] = [];
  // The codes a recipient filter means, once per division (not once per row).
  const filterCodes = new Map<YearDivision, Set<string>>();
  const codesIn = (division: YearDivision, codes: readonly string[]): Set<string> => {
    let set = filterCodes.get(division);
    if (!set) filterCodes.set(division, (set = recipientCodesIn(division, codes)));
    return set;
  };
  for (const { stroom, jaar } of pairs) {
    const results = allocations.map((a) => resultOf(a, stroom, jaar));
    // Recipients in the order of the first allocation that has them.
    const order = new Map<string, AllocationLine>();
    for (const r of results) for (const l of r?.regels ?? []) if (!order.has(l.ontvanger)) order.set(l.ontvanger, l);
    for (const [code, l] of order) {
      const zijden = results.map((r) => (r ? side(lineIndex(r).get(code)) : ABSENT));
      if (filter.alleenVerschillen && !differs(zijden)) continue;
      // The inhabitants of the municipality in the division of the first allocation that has it.
      const holder = results.find((r) => r && lineIndex(r).has(code));
      if (filter.ontvangers && !codesIn((holder ?? results.find((r) => r))!.indeling, filter.ontvangers).has(code)) continue;
      if (filter.regio && !(l.soort === 'gemeente' && holder && membershipIn(data, holder.indeling, filter.regio.soort).regioVan.get(code) === filter.regio.code)) continue;
      const inwoners = l.soort === 'gemeente' && holder ? (inhabitantsIn(data, holder.indeling).get(code) ?? null) : null;
      rows.push({
        stroom,
        jaar,
        ontvanger: code,
        naam: l.naam,
        soort: l.soort,
        mandaatgemeente: l.mandaatgemeente ?? null,
        inwoners,
        zijden,
        verschillen: zijden.slice(1).map((z) => difference(zijden[0]!, z, inwoners)),
      });
    }
  }
  return rows;
}

/** Totals of one stream in one year in each allocation. */
export interface TotalRow {
  stroom: StreamRef;
  /** The stream's Dutch name (an own stream's as its scenario names it). */
  naam: string;
  jaar: number;
  zijden: Side[];
  verschillen: Difference[];
  /** True when some allocation differs from the first: in the total, or in any recipient's amount. */
  gewijzigd: boolean;
}

function linesDiffer(a: StreamYearResult | undefined, b: StreamYearResult | undefined): boolean {
  if (a === b) return false;
  if (!a || !b || a.totaal !== b.totaal || a.regels.length !== b.regels.length) return true;
  for (let i = 0; i < a.regels.length; i++) if (a.regels[i]!.ontvanger !== b.regels[i]!.ontvanger || a.regels[i]!.bedrag !== b.regels[i]!.bedrag) return true;
  return false;
}

/** Per stream and year, the amount that is divided in each allocation, in year and stream order. */
export function compareTotals(allocations: readonly Allocation[]): TotalRow[] {
  return comparedStreamYears(allocations, {}).map(({ stroom, jaar }) => {
    const results = allocations.map((a) => resultOf(a, stroom, jaar));
    const zijden = results.map((r): Side => (r ? { aanwezig: true, bedrag: r.totaal, status: r.bedragStatus } : ABSENT));
    return {
      stroom,
      naam: streamNameIn(stroom, allocations),
      jaar,
      zijden,
      verschillen: zijden.slice(1).map((z) => difference(zijden[0]!, z, null)),
      gewijzigd: results.slice(1).some((r) => linesDiffer(results[0], r)),
    };
  });
}

/** One recipient in one year, summed over the chosen stream or over all streams. */
export interface RecipientRow {
  ontvanger: string;
  naam: string;
  soort: Exclude<RecipientKind, 'landelijk'>;
  /** Province of a municipality; for a region, its mandate holder. */
  provincie: string | null;
  mandaatgemeente: { naam: string; code: string | null } | null;
  inwoners: bigint | null;
  zijden: Side[];
  verschillen: Difference[];
}

/** One stream, or `alle` for the sum over all streams. */
export type StreamChoice = StreamRef | 'alle';

/**
 * Per recipient (municipalities, regions, reservations, unspent money) the amount of one year,
 * for one stream or summed over all streams, in each allocation: where the money goes. A sum
 * with an unknown part is unknown. Municipalities come first, in the order of the division,
 * then the other recipients in the order they appear.
 */
export function compareRecipients(
  data: BaselineData,
  allocations: readonly Allocation[],
  q: { jaar: number; stroom: StreamChoice; /** Only the municipalities of this GGD region or province. */ regio?: { soort: RegionKind; code: string } },
): RecipientRow[] {
  const { jaar, stroom } = q;
  // The division of the year in each allocation (the first that has the year decides inhabitants).
  const divisions: YearDivision[] = [];
  const perAllocation = allocations.map((a) => {
    const sums = new Map<string, { l: AllocationLine; bedrag: bigint | null; status: Status }>();
    for (const r of a.resultaten) {
      if (r.jaar !== jaar || (stroom !== 'alle' && r.stroom !== stroom)) continue;
      if (!divisions.includes(r.indeling)) divisions.push(r.indeling);
      for (const l of r.regels) {
        if (l.soort === 'landelijk') continue;
        const key = `${l.soort}|${l.ontvanger}`;
        const s = sums.get(key);
        if (!s) sums.set(key, { l, bedrag: l.bedrag, status: l.status });
        else {
          s.bedrag = s.bedrag === null || l.bedrag === null ? null : s.bedrag + l.bedrag;
          s.status = weakest(s.status, l.status);
        }
      }
    }
    return sums;
  });
  // Municipalities in the order of the division, then every other recipient as it first appears.
  const order = new Map<string, AllocationLine>();
  const provincie = new Map<string, string>();
  const inhabitantsOf = new Map<string, bigint>();
  for (const division of divisions.length > 0 ? divisions : [divisionOf(data, jaar)]) {
    const inw = inhabitantsIn(data, division);
    for (const g of division.gemeenten) {
      const key = `gemeente|${g.code}`;
      if (!provincie.has(g.code)) provincie.set(g.code, g.provincie);
      if (!inhabitantsOf.has(g.code) && inw.has(g.code)) inhabitantsOf.set(g.code, inw.get(g.code)!);
      const s = perAllocation.find((m) => m.has(key))?.get(key);
      if (s && !order.has(key)) order.set(key, s.l);
    }
  }
  const regio = q.regio;
  if (regio) {
    // Only the region's municipalities (in any of the divisions): no other recipients.
    const members = divisions.map((d) => membershipIn(data, d, regio.soort).regioVan);
    for (const [k, l] of order) if (!members.some((m) => m.get(l.ontvanger) === regio.code)) order.delete(k);
  } else {
    for (const m of perAllocation) for (const [k, s] of m) if (!order.has(k)) order.set(k, s.l);
  }
  return [...order].map(([key, l]) => {
    const zijden = perAllocation.map((m): Side => {
      const s = m.get(key);
      return s ? { aanwezig: true, bedrag: s.bedrag, status: s.status } : ABSENT;
    });
    const inwoners = l.soort === 'gemeente' ? (inhabitantsOf.get(l.ontvanger) ?? null) : null;
    return {
      ontvanger: l.ontvanger,
      naam: l.naam,
      soort: l.soort as RecipientRow['soort'],
      provincie: l.soort === 'gemeente' ? (provincie.get(l.ontvanger) ?? null) : null,
      mandaatgemeente: l.mandaatgemeente ?? null,
      inwoners,
      zijden,
      verschillen: zijden.slice(1).map((z) => difference(zijden[0]!, z, inwoners)),
    };
  });
}
