import type { BaselineData, Merger, Municipality, PlannedMerger } from '../data/types.js';
import { FIRST_YEAR, LAST_YEAR } from '../data/types.js';
import { memo, memoPerContent } from '../memo/memo.js';
import { formatDate } from '../dates/dates.js';
import type { Ground } from '../status/status.js';

/**
 * The municipal division of each year: the municipalities that exist on 1 January of the year.
 * 2019-2022 are the divisions of those years (derived from the 2021 list and the mergers; their
 * money is not divided over municipalities, the key is unknown), 2023-2026 the 342 of the data,
 * and from the first year of a planned merger the division with that merger applied, unless a
 * scenario asks for the figures without it.
 */

/** Whether a division applies the planned mergers (`gepland`) or keeps the last known division (`zonder`). */
export type MergerChoice = 'gepland' | 'zonder';

/** A municipality that is to take in others on a coming 1 January. */
export interface PlannedSuccession {
  /** The municipality after the merger (its code and name as the data gives them). */
  opvolger: Municipality;
  /** The municipalities of the base division that go into it (the successor itself first when it keeps existing). */
  delen: readonly Municipality[];
  /** The parts that stop existing. */
  opgeheven: readonly Municipality[];
  /** ISO date it takes effect, and its first year. */
  datum: string;
  jaar: number;
  type: string;
  /** The state of its legal basis, as the data says it. */
  status: string;
  bron: string;
  /** Why figures that use it are an estimate (Dutch, one clause). */
  reden: string;
}

/** The municipal division of one year (`divisionOf`): its municipalities, and for a successor the municipalities it takes in. */
export interface YearDivision {
  jaar: number;
  /** Dutch name, for explanations and exports: "indeling 2027 (met de geplande samenvoeging van Hilversum en Wijdemeren)". */
  naam: string;
  gemeenten: readonly Municipality[];
  /**
   * Per municipality of the year (same index): the indices in `data.gemeenten` of the
   * municipalities of the base division it covers (itself first where it is one of them).
   * Empty before the base division (2019-2022).
   */
  delen: readonly (readonly number[])[];
  /** Per index of `data.gemeenten`: the index in `gemeenten` it belongs to this year; null before the base division. */
  opvolger: Int32Array | null;
  /** The planned mergers applied in this year's division. */
  samenvoegingen: readonly PlannedSuccession[];
  /** False before 2023: the key of those years is unknown, so money stays national. */
  verdeelbaar: boolean;
  /** The ground of the division itself: official, or an estimate resting on planned mergers. */
  grond: Ground;
  /** True when planned mergers take effect in this year or before, but the choice keeps them out. */
  zonderGepland: boolean;
}

const BASE_HISTORIC_YEAR = 2021;

/** Why a figure on a planned merger is an estimate. */
function reasonOf(m: PlannedMerger, opvolger: string, opgeheven: readonly string[]): string {
  const wat = `de samenvoeging van ${opgeheven.join(', ')} met ${opvolger} per ${formatDate(m.datum)}`;
  const law = /wetsvoorstel/i.test(m.status) && /niet/i.test(m.status);
  return law ? `${wat} berust op een wetsvoorstel dat nog niet als aangenomen is gezien` : `${wat} is gepland en nog niet in werking (${m.status})`;
}

/** The planned mergers of the data, grouped per successor. Once per data set. */
export const plannedSuccessions = memoPerContent((data: BaselineData): PlannedSuccession[] => {
  const byCode = new Map(data.gemeenten.map((g) => [g.code, g]));
  const groups = new Map<string, PlannedMerger[]>();
  for (const m of data.herindelingenGepland) {
    const list = groups.get(m.nieuweCode) ?? [];
    list.push(m);
    groups.set(m.nieuweCode, list);
  }
  const out: PlannedSuccession[] = [];
  for (const [code, rows] of groups) {
    const parts = rows.map((r) => byCode.get(r.oudeCode)).filter((g): g is Municipality => g !== undefined);
    const existing = byCode.get(code);
    const first = parts[0]!;
    const opvolger: Municipality = existing
      ? { ...existing, naam: rows[0]!.nieuweNaam }
      : { code, naam: rows[0]!.nieuweNaam, naamCbs: rows[0]!.nieuweNaam, provincieCode: first.provincieCode, provincie: first.provincie };
    const delen = [...parts].sort((a, b) => Number(b.code === code) - Number(a.code === code));
    const opgeheven = delen.filter((g) => g.code !== code);
    // The row that describes the merger itself (not the "stays" row of the receiving municipality).
    const main = rows.find((r) => r.oudeCode !== r.nieuweCode) ?? rows[0]!;
    out.push({
      opvolger,
      delen,
      opgeheven,
      datum: main.datum,
      jaar: main.jaar,
      type: main.type,
      status: main.status,
      bron: main.bron,
      reden: reasonOf(main, opvolger.naam, opgeheven.map((g) => g.naam)),
    });
  }
  return out;
});

/** The first year of the planned division, or null when no merger is planned. */
export const firstPlannedYear = (data: BaselineData): number | null => {
  const years = plannedSuccessions(data).map((s) => s.jaar);
  return years.length === 0 ? null : Math.min(...years);
};

/**
 * The municipalities on 1 January of a year before the base division, by code in the order they
 * come (see `inDutchOrder`), from the 2021 list and the mergers: mergers after the year's
 * 1 January are undone, those up to it applied. A code that several old municipalities go into,
 * none of them itself, is a new municipality.
 */
function historicMunicipalities(data: BaselineData, jaar: number): Map<string, Municipality> {
  const start = `${jaar}-01-01`;
  const base = `${BASE_HISTORIC_YEAR}-01-01`;
  const current = new Map<string, Municipality>();
  for (const g of municipalities2021(data)) current.set(g.code, g);
  const byDate = (from: string, to: string) => data.herindelingen.filter((m) => m.datum > from && m.datum <= to);
  const groupsOf = (rows: readonly Merger[]) => {
    const g = new Map<string, Merger[]>();
    for (const m of rows) g.set(`${m.datum}|${m.nieuweCode}`, [...(g.get(`${m.datum}|${m.nieuweCode}`) ?? []), m]);
    return [...g.values()];
  };
  const isNew = (rows: readonly Merger[]) => !rows.some((r) => r.oudeCode === r.nieuweCode) && new Set(rows.map((r) => r.oudeCode)).size >= 2;
  const province = (codes: readonly string[], fallback: Municipality | undefined) => {
    for (const c of codes) {
      const g = current.get(c) ?? data.gemeenten.find((x) => x.code === c);
      if (g) return { provincieCode: g.provincieCode, provincie: g.provincie };
    }
    return fallback ? { provincieCode: fallback.provincieCode, provincie: fallback.provincie } : { provincieCode: '', provincie: '' };
  };
  if (jaar < BASE_HISTORIC_YEAR) {
    // Undo, newest first.
    const groups = groupsOf(byDate(start, base)).sort((a, b) => (a[0]!.datum < b[0]!.datum ? 1 : -1));
    for (const rows of groups) {
      const newCode = rows[0]!.nieuweCode;
      const p = province([newCode], undefined);
      if (isNew(rows)) current.delete(newCode);
      for (const r of rows) {
        if (r.oudeCode !== r.nieuweCode && !current.has(r.oudeCode)) {
          current.set(r.oudeCode, { code: r.oudeCode, naam: r.oudeNaam, naamCbs: r.oudeNaam, ...p });
        }
      }
    }
  } else if (jaar > BASE_HISTORIC_YEAR) {
    const groups = groupsOf(byDate(base, start)).sort((a, b) => (a[0]!.datum < b[0]!.datum ? -1 : 1));
    for (const rows of groups) {
      const r0 = rows[0]!;
      const p = province(rows.map((r) => r.oudeCode), undefined);
      for (const r of rows) if (r.oudeCode !== r.nieuweCode) current.delete(r.oudeCode);
      if (!current.has(r0.nieuweCode)) current.set(r0.nieuweCode, { code: r0.nieuweCode, naam: r0.nieuweNaam, naamCbs: r0.nieuweNaam, ...p });
    }
  }
  return current;
}

/**
 * Municipalities in the Dutch order of their names, as a stable sort by `localeCompare(b, 'nl')`
 * gives it: by the place of each name, then the place in the list (one number each, sorted
 * without a comparator).
 */
function inDutchOrder(data: BaselineData, list: readonly Municipality[]): Municipality[] {
  const rank = nameRanks(data);
  const n = list.length;
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) order[i] = rank.get(list[i]!.naam)! * n + i;
  order.sort();
  const out = new Array<Municipality>(n);
  for (let k = 0; k < n; k++) out[k] = list[order[k]! % n]!;
  return out;
}

/** The municipalities of 2021, as the divisions before the base division list them. Once per data set. */
const municipalities2021 = memoPerContent((data: BaselineData): Municipality[] =>
  data.gemeenten2021.map((g) => ({ code: g.code, naam: g.naam, naamCbs: g.naam, provincieCode: g.provincieCode, provincie: g.provincie })),
);

/**
 * The place of every name a municipality before the base division can have in the Dutch order
 * of names (names that compare as equal share a place): sorting by it gives the same order as
 * comparing the names. Once per data set.
 */
const nameRanks = memoPerContent((data: BaselineData): Map<string, number> => {
  const names = [...new Set([...data.gemeenten2021.map((g) => g.naam), ...data.herindelingen.flatMap((m) => [m.oudeNaam, m.nieuweNaam])])].sort((a, b) => a.localeCompare(b, 'nl'));
  const rank = new Map<string, number>();
  names.forEach((naam, i) => rank.set(naam, i > 0 && names[i - 1]!.localeCompare(naam, 'nl') === 0 ? rank.get(names[i - 1]!)! : i));
  return rank;
});

/** The parts of a base division shared by every year it holds: each municipality covers itself. Once per data set. */
const identityParts = memoPerContent((data: BaselineData) => {
  const n = data.gemeenten.length;
  const opvolger = new Int32Array(n);
  for (let i = 0; i < n; i++) opvolger[i] = i;
  return { delen: data.gemeenten.map((_, i) => [i]), opvolger };
});

/** A historic municipality covers no municipality of the base division. */
const NO_PARTS: readonly number[] = [];

const OFFICIAL: Ground = { status: 'officieel', reden: null };

/**
 * The division of a year. From the first year of a planned merger, `gepland` applies it: the
 * successor takes the place of its parts (at the place of its first part), `zonder` keeps the
 * last known division.
 */
export function divisionOf(data: BaselineData, jaar: number, keuze: MergerChoice = 'gepland'): YearDivision {
  return divisionMemo(data, [jaar, keuze]);
}

const divisionMemo = memo(64, (data: BaselineData, [jaar, keuze]: [number, MergerChoice]): YearDivision => {
  if (!Number.isInteger(jaar) || jaar < FIRST_YEAR || jaar > LAST_YEAR) throw new RangeError(`geen jaar van dit product: ${jaar}`);
  if (jaar < data.indeling.van) {
    // The list in the order of the names is only read to show it: it is sorted when first read.
    const current = historicMunicipalities(data, jaar);
    let gemeenten: Municipality[] | null = null;
    let delen: (readonly number[])[] | null = null;
    const sorted = () => (gemeenten ??= inDutchOrder(data, [...current.values()]));
    return {
      jaar,
      naam: `indeling ${jaar} (${current.size} gemeenten)`,
      get gemeenten() {
        return sorted();
      },
      get delen() {
        return (delen ??= sorted().map(() => NO_PARTS));
      },
      opvolger: null,
      samenvoegingen: [],
      verdeelbaar: false,
      grond: OFFICIAL,
      zonderGepland: false,
    };
  }
  const base = data.gemeenten;
  const identity = (): YearDivision => ({
    jaar,
    naam: `${data.indeling.naam} (${base.length} gemeenten)`,
    gemeenten: base,
    ...identityParts(data),
    samenvoegingen: [],
    verdeelbaar: true,
    grond: OFFICIAL,
    zonderGepland: false,
  });
  const applying = jaar > data.indeling.tot ? plannedSuccessions(data).filter((s) => s.jaar <= jaar) : [];
  if (applying.length === 0) return identity();
  if (keuze === 'zonder') {
    return {
      ...identity(),
      naam: `${data.indeling.naam} (${base.length} gemeenten), zonder de geplande samenvoeging${applying.length > 1 ? 'en' : ''}`,
      zonderGepland: true,
    };
  }
  const { gemeenten, delen, opvolger } = mergedParts(data, applying);
  const names = applying.map((s) => `${s.opvolger.naam} en ${s.opgeheven.map((g) => g.naam).join(', ')}`);
  return {
    jaar,
    naam: `indeling ${jaar} (${gemeenten.length} gemeenten), met de geplande samenvoeging${applying.length > 1 ? 'en' : ''} van ${names.join('; ')}`,
    gemeenten,
    delen,
    opvolger,
    samenvoegingen: applying,
    verdeelbaar: true,
    grond: { status: 'raming', reden: applying.map((s) => s.reden).join('; ') },
    zonderGepland: false,
  };
}, { perContent: true });

/**
 * The municipalities of a division with planned mergers applied (`applying`: those of
 * `plannedSuccessions` that take effect by its year), with what each covers and where each
 * municipality of the base division went. Once per data set and set of mergers: the years that
 * apply the same mergers share them. A year's set holds those of the years before it, so two
 * sets of the same size are the same set.
 */
const mergedParts = memo(
  8,
  (data: BaselineData, applying: readonly PlannedSuccession[]) => {
    const base = data.gemeenten;
    const index = new Map(base.map((g, i) => [g.code, i]));
    const takenBy = new Map<number, PlannedSuccession>();
    for (const s of applying) for (const g of s.delen) takenBy.set(index.get(g.code)!, s);
    const gemeenten: Municipality[] = [];
    const delen: number[][] = [];
    const opvolger = new Int32Array(base.length).fill(-1);
    const placed = new Map<PlannedSuccession, number>();
    base.forEach((g, i) => {
      const s = takenBy.get(i);
      if (!s) {
        opvolger[i] = gemeenten.length;
        gemeenten.push(g);
        delen.push([i]);
        return;
      }
      let at = placed.get(s);
      if (at === undefined) {
        at = gemeenten.length;
        placed.set(s, at);
        gemeenten.push(s.opvolger);
        delen.push(s.delen.map((p) => index.get(p.code)!));
      }
      opvolger[i] = at;
    });
    return { gemeenten, delen, opvolger };
  },
  { key: (applying) => String(applying.length), perContent: true },
);

/** The planned merger a municipality of the base division is part of in a year's division, if any. */
export function successionIn(division: YearDivision, code: string): PlannedSuccession | null {
  return division.samenvoegingen.find((s) => s.delen.some((g) => g.code === code)) ?? null;
}

/**
 * The year and choice that name a division for remembering results: the base division for
 * every year that applies no planned merger, else the first year of the set it applies. Years
 * with the same division share their results.
 */
export function divisionKey(data: BaselineData, division: YearDivision): [number, MergerChoice] {
  if (division.samenvoegingen.length === 0) return [data.indeling.van, 'gepland'];
  return [Math.max(...division.samenvoegingen.map((s) => s.jaar)), 'gepland'];
}
