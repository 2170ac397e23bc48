import type { BaselineData } from '../data/types.js';
import { streamRank, type StreamRef } from '../streams/own.js';
import type { Allocation, StreamYearResult } from '../allocation/types.js';
import { unknownPerMunicipality } from '../allocation/unknown-share.js';
import { divisionOf, successionIn, type MergerChoice, type YearDivision } from '../municipalities/division.js';
import { normalizeName } from '../municipalities/lookup.js';
import { weakest, type Status } from '../status/status.js';
import { difference, type Difference, type Side, type StreamChoice } from './comparison.js';

/**
 * What the municipalities of a region get together: per GGD region (25, which carry out Nu Niet
 * Zwanger) or per province (12). A region's total is the sum of the amounts of its
 * municipalities in the division of the year, no more: the regional part of a stream goes to
 * the 42 IZA regions, whose borders are others, and is never counted in a GGD or province.
 */

export type RegionKind = 'ggd' | 'provincie';

/** The Dutch name of each kind of region, singular and plural. */
export const REGION_KIND_NAMES: Readonly<Record<RegionKind, { een: string; meer: string }>> = {
  ggd: { een: 'GGD-regio', meer: "GGD-regio's" },
  provincie: { een: 'provincie', meer: 'provincies' },
};

/** A GGD region or province: its kind, code and name. */
export interface Region {
  soort: RegionKind;
  code: string; // GG0111, PV27
  naam: string;
}

/** How a region's membership is known: its status, and why when it is an estimate. */
export interface Membership {
  /** Region code per municipality code of the division. */
  regioVan: ReadonlyMap<string, string>;
  /** Per region code: why its membership is uncertain (empty when it is not). */
  redenen: ReadonlyMap<string, readonly string[]>;
  /** Dutch: how the membership was derived, and its source. */
  toelichting: string;
  bron: string;
}

/** The regions of a kind, in the order of their code. */
export function regionsOf(data: BaselineData, soort: RegionKind): Region[] {
  if (soort === 'ggd') return data.ggdRegios.map((r) => ({ soort, code: r.code, naam: r.naam }));
  const byCode = new Map<string, Region>();
  for (const g of data.gemeenten) if (!byCode.has(g.provincieCode)) byCode.set(g.provincieCode, { soort, code: g.provincieCode, naam: g.provincie });
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

const membershipCache = new WeakMap<YearDivision, Map<RegionKind, Membership>>();

/**
 * The region of every municipality of a year's division. A successor belongs where its parts
 * belong; if its parts were in different regions, it is counted where the successor itself was,
 * and both regions are said to be uncertain. For GGD regions, a municipality whose two sources
 * (the CBS map and the BRP table) disagree makes both regions it may belong to uncertain.
 */
export function membershipIn(data: BaselineData, division: YearDivision, soort: RegionKind): Membership {
  let byKind = membershipCache.get(division);
  if (!byKind) membershipCache.set(division, (byKind = new Map()));
  const hit = byKind.get(soort);
  if (hit) return hit;
  const regionOfBase = (code: string): string | undefined => (soort === 'ggd' ? data.ggdVan.get(code) : data.gemeenten.find((g) => g.code === code)?.provincieCode);
  const names = new Map(regionsOf(data, soort).map((r) => [r.naam, r.code]));
  const regioVan = new Map<string, string>();
  const redenen = new Map<string, string[]>();
  const addReason = (region: string | undefined, reden: string) => {
    if (!region) return;
    const list = redenen.get(region) ?? [];
    if (!list.includes(reden)) list.push(reden);
    redenen.set(region, list);
  };
  division.gemeenten.forEach((g, i) => {
    const parts = (division.delen[i] ?? []).map((j) => data.gemeenten[j]!.code);
    const regions = [...new Set(parts.map(regionOfBase).filter((r): r is string => r !== undefined))];
    const own = regionOfBase(g.code) ?? regions[0];
    if (own) regioVan.set(g.code, own);
    if (regions.length > 1) {
      const reden = `${g.naam} omvat gemeenten uit verschillende ${REGION_KIND_NAMES[soort].meer}; hier geteld bij die van ${g.naam} zelf`;
      for (const r of regions) addReason(r, reden);
    }
  });
  let toelichting: string;
  let bron: string;
  if (soort === 'ggd') {
    const m = data.ggdIndeling;
    for (const a of m.afwijkingen) {
      const reden = `${a.naam} (${a.code}) hoort volgens de CBS-kaart bij ${a.kaart}, volgens de BRP-tabel bij ${a.brp}; hier geteld bij ${a.kaart}`;
      addReason(names.get(a.kaart), reden);
      addReason(names.get(a.brp), reden);
    }
    toelichting = m.toelichting;
    bron = m.bron;
  } else {
    toelichting = 'De provincie van elke gemeente volgens de gemeentelijke indeling van het CBS.';
    bron = data.gemeenten.length > 0 ? 'CBS, Gemeenten alfabetisch (bestand gemeenten-2023-2026.csv)' : '';
  }
  const out: Membership = { regioVan, redenen, toelichting, bron };
  byKind.set(soort, out);
  return out;
}

/** One allocation's side of a region total. */
export interface RegionSide extends Side {
  redenen: readonly string[];
}

/** One region in `regionTotals`: the total of its municipalities for one year and stream, per allocation. */
export interface RegionTotalRow {
  soort: RegionKind;
  code: string;
  naam: string;
  jaar: number;
  stroom: StreamChoice;
  /** The municipalities counted, in the division of the first allocation that divides the year. */
  gemeenten: readonly string[];
  zijden: RegionSide[];
  verschillen: Difference[];
}

const ABSENT: RegionSide = { aanwezig: false, bedrag: null, status: null, redenen: [] };

/** Is a result divided over municipalities? */
const divided = (r: StreamYearResult): boolean => r.regels.some((l) => l.soort === 'gemeente');

/**
 * Per region, the total of its municipalities for one year and one stream (or all streams), in
 * each allocation. A total with an unknown part is unknown; its status is the weakest of its
 * parts and of its membership. A year in which the chosen streams are not divided over
 * municipalities has no side (absent), which is not 0.
 */
export function regionTotals(data: BaselineData, allocations: readonly Allocation[], q: { soort: RegionKind; jaar: number; stroom: StreamChoice }): RegionTotalRow[] {
  const regions = regionsOf(data, q.soort);
  const sides = allocations.map((a) => {
    const chosen = a.resultaten.filter((r) => r.jaar === q.jaar && (q.stroom === 'alle' || r.stroom === q.stroom));
    const results = chosen.filter(divided);
    // Money that went to the municipalities without a known amount each: every region's total is unknown.
    const unknown = chosen.map(unknownPerMunicipality).filter((x) => x !== null);
    if (results.length === 0 && unknown.length === 0) return null;
    const sums = new Map<string, { bedrag: bigint | null; status: Status; redenen: string[]; gemeenten: Set<string> }>();
    if (unknown.length > 0) for (const region of regions) sums.set(region.code, { bedrag: null, status: 'onbekend', redenen: [...new Set(unknown)], gemeenten: new Set() });
    for (const r of results) {
      const m = membershipIn(data, r.indeling, q.soort);
      for (const l of r.regels) {
        if (l.soort !== 'gemeente') continue;
        const code = m.regioVan.get(l.ontvanger);
        if (!code) continue;
        let s = sums.get(code);
        if (!s) sums.set(code, (s = { bedrag: 0n, status: 'officieel', redenen: [...(m.redenen.get(code) ?? [])], gemeenten: new Set() }));
        s.bedrag = s.bedrag === null || l.bedrag === null ? null : s.bedrag + l.bedrag;
        s.status = weakest(s.status, l.status);
        s.gemeenten.add(l.ontvanger);
        for (const reden of l.redenen) if (!s.redenen.includes(reden)) s.redenen.push(reden);
      }
      for (const [code, reasons] of m.redenen) {
        const s = sums.get(code);
        if (s && reasons.length > 0) s.status = weakest(s.status, 'raming');
      }
    }
    return sums;
  });
  return regions.map((region) => {
    const zijden = sides.map((s): RegionSide => {
      const t = s?.get(region.code);
      if (!s) return ABSENT;
      if (!t) return { aanwezig: true, bedrag: 0n, status: 'berekend', redenen: [] };
      return { aanwezig: true, bedrag: t.bedrag, status: t.status === 'officieel' ? 'berekend' : t.status, redenen: t.redenen };
    });
    const first = sides.find((s) => s?.has(region.code))?.get(region.code);
    return {
      soort: q.soort,
      code: region.code,
      naam: region.naam,
      jaar: q.jaar,
      stroom: q.stroom,
      gemeenten: first ? [...first.gemeenten] : [],
      zijden,
      verschillen: zijden.slice(1).map((z) => difference(zijden[0]!, z, null)),
    };
  });
}

/** The streams and years of the allocations that are divided over municipalities, in year and stream order. */
export function dividedStreamYears(allocations: readonly Allocation[]): { stroom: StreamRef; jaar: number }[] {
  const keys = new Map<string, { stroom: StreamRef; jaar: number }>();
  for (const a of allocations) for (const r of a.resultaten) if (divided(r)) keys.set(`${r.stroom}|${r.jaar}`, { stroom: r.stroom, jaar: r.jaar });
  return [...keys.values()].sort((x, y) => x.jaar - y.jaar || streamRank(x.stroom) - streamRank(y.stroom));
}

/**
 * The region a municipality belongs to in a year's division (with or without the planned
 * mergers); a municipality that a merger took in that year leads to its successor's region.
 */
export function regionOfMunicipality(data: BaselineData, soort: RegionKind, code: string, jaar: number, keuze: MergerChoice = 'gepland'): Region | null {
  const division = divisionOf(data, jaar, keuze);
  const regioVan = membershipIn(data, division, soort).regioVan;
  const region = regioVan.get(code) ?? regioVan.get(successionIn(division, code)?.opvolger.code ?? '');
  return regionsOf(data, soort).find((r) => r.code === region) ?? null;
}

/**
 * The regions a query means, best first: the code (GG3606, PV27), else the regions whose whole
 * name it is, else those whose name contains it (case and accents aside). Empty when none does.
 */
export function findRegions(data: BaselineData, soort: RegionKind, query: string): Region[] {
  const regions = regionsOf(data, soort);
  const q = normalizeName(query);
  if (q === '') return [];
  const byCode = regions.find((r) => r.code.toLowerCase() === query.trim().toLowerCase());
  if (byCode) return [byCode];
  const exact = regions.filter((r) => normalizeName(r.naam) === q);
  if (exact.length > 0) return exact;
  return regions.filter((r) => normalizeName(r.naam).includes(q));
}
