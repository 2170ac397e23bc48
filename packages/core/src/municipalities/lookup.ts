import type { BaselineData, Merger, Municipality } from '../data/types.js';
import { formatDate } from '../dates/dates.js';
import { ALIASES } from './aliases.js';
import { divisionOf, successionIn, type MergerChoice } from './division.js';

/** One municipality that `findMunicipality` found, and how the query matched it. */
export interface MunicipalityMatch {
  /** A municipality of the year's division (without a year: of the base division, 2023-2026). */
  gemeente: Municipality;
  /**
   * How the query matched; for a former municipality, or one that a planned merger takes in
   * in the year asked for, `toelichting` says why the match is another municipality.
   */
  via: 'code' | 'naam' | 'andere-naam' | 'voormalige-gemeente' | 'samenvoeging-gepland';
  /** True when the whole query is the code or the (former) name, not just a part of it. */
  exact: boolean;
  toelichting: string | null;
}

/** A name as lookups compare it: without accents and case, punctuation as single spaces. */
export const normalizeName = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The municipalities of 2023-2026 that a former code ended up in, following chains of mergers. */
export function successorsOf(data: BaselineData, code: string): { gemeenten: Municipality[]; stappen: Merger[] } {
  const current = new Map(data.gemeenten.map((g) => [g.code, g]));
  const result = new Map<string, Municipality>();
  const stappen: Merger[] = [];
  const visit = (c: string, depth: number) => {
    const g = current.get(c);
    const next = data.herindelingen.filter((m) => m.oudeCode === c && m.nieuweCode !== c);
    if (next.length === 0 || depth > 10) {
      if (g) result.set(g.code, g);
      return;
    }
    for (const m of next) {
      stappen.push(m);
      visit(m.nieuweCode, depth + 1);
    }
  };
  visit(code, 0);
  return { gemeenten: [...result.values()], stappen };
}

/** Options of `findMunicipality`. */
export interface LookupOptions {
  /** At most this many matches (10). */
  limit?: number;
  /** Find the municipality of this year's division: one that a planned merger takes in leads to its successor. */
  jaar?: number;
  /** With `jaar`: whether the division applies planned mergers (default) or not. */
  herindelingen?: MergerChoice;
}

/** Matches by code and by name (also the CBS spelling), exact first, then prefixes, then parts. */
function byCodeAndName(list: readonly Municipality[], q: string, byCode: string | null, push: (m: MunicipalityMatch) => void): void {
  if (byCode) {
    const g = list.find((x) => x.code === byCode);
    if (g) push({ gemeente: g, via: 'code', exact: true, toelichting: null });
  }
  const names = list.map((g) => ({ g, names: [normalizeName(g.naam), normalizeName(g.naamCbs)] }));
  for (const rank of [0, 1, 2] as const) {
    for (const { g, names: ns } of names) {
      const hit = ns.some((n) => (rank === 0 ? n === q : rank === 1 ? n.startsWith(q) : n.includes(q)));
      if (hit) push({ gemeente: g, via: 'naam', exact: rank === 0, toelichting: null });
    }
  }
}

/**
 * Finds municipalities by GM code, by current name (also the CBS spelling such as
 * "Beek (L.)"), by a name in everyday use, or by the name or code of a former municipality,
 * which leads to its successor(s). Exact matches come first, then names that start with the
 * query, then names that contain it.
 *
 * With a year, the match is a municipality of that year's division: from the first year of a
 * planned merger, a municipality it takes in leads to the successor, with a sentence saying why;
 * in the years before, it is itself. For 2019-2022 the division of that year is searched.
 */
export function findMunicipality(data: BaselineData, query: string, opties: LookupOptions = {}): MunicipalityMatch[] {
  const limit = opties.limit ?? 10;
  const q = normalizeName(query);
  if (q === '') return [];
  const code = /^(gm)?\s*(\d{1,4})$/.exec(q);
  const byCode = code ? `GM${code[2]!.padStart(4, '0')}` : null;
  const out: MunicipalityMatch[] = [];
  const seen = new Set<string>();
  const push = (m: MunicipalityMatch) => {
    if (!seen.has(m.gemeente.code) && out.length < limit) {
      seen.add(m.gemeente.code);
      out.push(m);
    }
  };
  const division = opties.jaar === undefined ? null : divisionOf(data, opties.jaar, opties.herindelingen ?? 'gepland');
  if (division && !division.verdeelbaar) {
    byCodeAndName(division.gemeenten, q, byCode, push);
    return out;
  }
  // A match of the base division, led to its successor when the year's division merges it.
  const pushInYear = (m: MunicipalityMatch) => {
    const s = division ? successionIn(division, m.gemeente.code) : null;
    if (!s || s.opvolger.code === m.gemeente.code) return push(s ? { ...m, gemeente: s.opvolger } : m);
    push({
      gemeente: s.opvolger,
      via: 'samenvoeging-gepland',
      exact: m.exact,
      toelichting:
        `${m.gemeente.naam} (${m.gemeente.code}) gaat per ${formatDate(s.datum)} op in ${s.opvolger.naam} (${s.opvolger.code}); ` +
        `de bedragen vanaf ${s.jaar} staan bij ${s.opvolger.naam}. Dit is gepland: ${s.reden}.`,
    });
  };
  byCodeAndName(data.gemeenten, q, byCode, pushInYear);
  // Other names in use (Den Haag for 's-Gravenhage).
  for (const a of ALIASES) {
    const n = normalizeName(a.naam);
    if (n === q || n.startsWith(q)) {
      const g = data.gemeenten.find((x) => x.code === a.code);
      if (g) pushInYear({ gemeente: g, via: 'andere-naam', exact: n === q, toelichting: `${a.naam} is een gangbare naam van ${g.naam} (${g.code}).` });
    }
  }
  // Former municipalities: by old name or old code.
  const former = data.herindelingen.filter(
    (m) => m.oudeCode !== m.nieuweCode && (normalizeName(m.oudeNaam).startsWith(q) || m.oudeCode === byCode),
  );
  const oldCodes = [...new Set(former.map((m) => m.oudeCode))];
  for (const oc of oldCodes) {
    const { gemeenten, stappen } = successorsOf(data, oc);
    const oldName = former.find((m) => m.oudeCode === oc)!.oudeNaam;
    const exact = normalizeName(oldName) === q || oc === byCode;
    const first = stappen[0];
    for (const g of gemeenten) {
      const split = gemeenten.length > 1;
      pushInYear({
        gemeente: g,
        via: 'voormalige-gemeente',
        exact,
        toelichting: split
          ? `${oldName} (${oc}) is per ${formatDate(first!.datum)} opgeheven en verdeeld over ${gemeenten.map((x) => x.naam).join(', ')}.`
          : `${oldName} (${oc}) is per ${formatDate(first!.datum)} opgegaan in ${g.naam} (${g.code}).`,
      });
    }
  }
  return out;
}

/**
 * The municipality (or, for a former municipality that was split, the municipalities) that a
 * search certainly means, from `findMunicipality`'s matches: a code; the one municipality whose
 * whole name it is (or the successor a planned merger leads that name to); the successors of a
 * former municipality; or the only match. Null when the query fits several and none of these
 * (such as "Bergen": Bergen (NH.), Bergen (L.), Bergen op Zoom): the user must choose, never a
 * guess. Empty matches give null.
 */
export function meantMunicipalities(matches: readonly MunicipalityMatch[]): MunicipalityMatch[] | null {
  if (matches.length === 0) return null;
  if (matches[0]!.via === 'code') return [matches[0]!];
  const planned = matches.filter((m) => m.via === 'samenvoeging-gepland' && m.exact);
  if (planned.length === 1 && !matches.some((m) => m.via === 'naam' && m.exact)) return planned;
  const exact = matches.filter((m) => (m.via === 'naam' || m.via === 'andere-naam') && m.exact);
  if (exact.length === 1) return exact;
  const former = matches.filter((m) => m.via === 'voormalige-gemeente');
  if (exact.length === 0 && former.length > 0 && former.length === matches.length) return former;
  if (matches.length === 1) return [...matches];
  return null;
}
