import type { BaselineData, Merger, Municipality } from '../data/types.js';
import { ALIASES } from './aliases.js';

export interface MunicipalityMatch {
  gemeente: Municipality;
  /** How the query matched; for a former municipality, the Dutch note that explains the merger. */
  via: 'code' | 'naam' | 'andere-naam' | 'voormalige-gemeente';
  /** True when the whole query is the code or the (former) name, not just a part of it. */
  exact: boolean;
  toelichting: string | null;
}

const normalize = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${y}`;
}

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

/**
 * Finds municipalities by GM code, by current name (also the CBS spelling such as
 * "Beek (L.)"), or by the name or code of a former municipality, which leads to its
 * successor(s). Exact matches come first, then names that start with the query, then names
 * that contain it.
 */
export function findMunicipality(data: BaselineData, query: string, limit = 10): MunicipalityMatch[] {
  const q = normalize(query);
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
  if (byCode) {
    const g = data.gemeenten.find((x) => x.code === byCode);
    if (g) push({ gemeente: g, via: 'code', exact: true, toelichting: null });
  }
  const names = data.gemeenten.map((g) => ({ g, names: [normalize(g.naam), normalize(g.naamCbs)] }));
  for (const rank of [0, 1, 2] as const) {
    for (const { g, names: ns } of names) {
      const hit = ns.some((n) => (rank === 0 ? n === q : rank === 1 ? n.startsWith(q) : n.includes(q)));
      if (hit) push({ gemeente: g, via: 'naam', exact: rank === 0, toelichting: null });
    }
  }
  // Other names in use (Den Haag for 's-Gravenhage).
  for (const a of ALIASES) {
    const n = normalize(a.naam);
    if (n === q || n.startsWith(q)) {
      const g = data.gemeenten.find((x) => x.code === a.code);
      if (g) push({ gemeente: g, via: 'andere-naam', exact: n === q, toelichting: `${a.naam} is een gangbare naam van ${g.naam} (${g.code}).` });
    }
  }
  // Former municipalities: by old name or old code.
  const former = data.herindelingen.filter(
    (m) => m.oudeCode !== m.nieuweCode && (normalize(m.oudeNaam).startsWith(q) || m.oudeCode === byCode),
  );
  const oldCodes = [...new Set(former.map((m) => m.oudeCode))];
  for (const oc of oldCodes) {
    const { gemeenten, stappen } = successorsOf(data, oc);
    const oldName = former.find((m) => m.oudeCode === oc)!.oudeNaam;
    const exact = normalize(oldName) === q || oc === byCode;
    const first = stappen[0];
    for (const g of gemeenten) {
      const split = gemeenten.length > 1;
      push({
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
