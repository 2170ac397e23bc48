import {
  fraction,
  type Allocation,
  type AllocationLine,
  type Fraction,
  type ResultStatus,
  type StreamId,
  type StreamYearResult,
  weakest,
} from '@kansrijke-start/core';
import { data, inwoners } from './state.js';

/** One municipality in the comparison of the baseline with the scenario, for one year and one stream (or all streams). */
export interface GemeenteVergelijking {
  code: string;
  naam: string;
  provincie: string;
  inwoners: bigint | null;
  basis: bigint | null;
  scenario: bigint | null;
  verschil: bigint | null;
  /** (scenario - basis) / basis; null when the base is 0 or unknown. */
  fractie: Fraction | null;
  status: ResultStatus | null;
}

export type StroomKeuze = StreamId | 'alle';

const lineMaps = new WeakMap<StreamYearResult, Map<string, AllocationLine>>();
function municipalLines(r: StreamYearResult): Map<string, AllocationLine> {
  let m = lineMaps.get(r);
  if (!m) {
    m = new Map();
    for (const l of r.regels) if (l.soort === 'gemeente') m.set(l.ontvanger, l);
    lineMaps.set(r, m);
  }
  return m;
}

function selected(a: Allocation, jaar: number, stroom: StroomKeuze): StreamYearResult[] {
  return a.resultaten.filter((r) => r.jaar === jaar && (stroom === 'alle' || r.stroom === stroom) && r.regels.some((l) => l.soort === 'gemeente'));
}

/** Per municipality: the sum over the selected stream(s) of the year; null when any part is unknown or nothing is divided. */
function sums(a: Allocation, jaar: number, stroom: StroomKeuze): Map<string, { bedrag: bigint | null; status: ResultStatus }> {
  const rs = selected(a, jaar, stroom).map(municipalLines);
  const out = new Map<string, { bedrag: bigint | null; status: ResultStatus }>();
  if (rs.length === 0) return out;
  for (const g of data.gemeenten) {
    let bedrag: bigint | null = 0n;
    let status: ResultStatus = 'officieel';
    for (const m of rs) {
      const l = m.get(g.code);
      if (!l) continue;
      status = weakest(status, l.status);
      bedrag = bedrag === null || l.bedrag === null ? null : bedrag + l.bedrag;
    }
    out.set(g.code, { bedrag, status });
  }
  return out;
}

const cache = new WeakMap<Allocation, Map<string, ReturnType<typeof sums>>>();
function cachedSums(a: Allocation, jaar: number, stroom: StroomKeuze) {
  let m = cache.get(a);
  if (!m) cache.set(a, (m = new Map()));
  const k = `${jaar}|${stroom}`;
  let v = m.get(k);
  if (!v) m.set(k, (v = sums(a, jaar, stroom)));
  return v;
}

export function vergelijkGemeenten(basis: Allocation, scenario: Allocation, jaar: number, stroom: StroomKeuze): GemeenteVergelijking[] {
  const b = cachedSums(basis, jaar, stroom);
  const s = cachedSums(scenario, jaar, stroom);
  const inB = b.size > 0;
  const inS = s.size > 0;
  return data.gemeenten.map((g) => {
    const vb = inB ? (b.get(g.code)?.bedrag ?? null) : null;
    const vs = inS ? (s.get(g.code)?.bedrag ?? null) : null;
    // A stream-year that runs in only one of the two counts as 0 on the other side.
    const verschil = inB && inS ? (vb !== null && vs !== null ? vs - vb : null) : inS ? vs : inB && vb !== null ? -vb : null;
    return {
      code: g.code,
      naam: g.naam,
      provincie: g.provincie,
      inwoners: inwoners.get(g.code) ?? null,
      basis: vb,
      scenario: vs,
      verschil,
      fractie: verschil !== null && vb !== null && vb !== 0n ? fraction(verschil, vb) : null,
      status: s.get(g.code)?.status ?? b.get(g.code)?.status ?? null,
    };
  });
}

/** Totals per stream and year in both allocations. */
export interface TotaalRij {
  stroom: StreamId;
  jaar: number;
  basis: bigint | null;
  scenario: bigint | null;
  inBasis: boolean;
  inScenario: boolean;
  status: ResultStatus;
  gewijzigd: boolean;
}

export function vergelijkTotalen(basis: Allocation, scenario: Allocation): TotaalRij[] {
  const key = (r: StreamYearResult) => `${r.stroom}|${r.jaar}`;
  const b = new Map(basis.resultaten.map((r) => [key(r), r]));
  const s = new Map(scenario.resultaten.map((r) => [key(r), r]));
  const keys = [...new Set([...b.keys(), ...s.keys()])];
  const rows = keys.map((k) => {
    const rb = b.get(k);
    const rs = s.get(k);
    const r = (rs ?? rb)!;
    return {
      stroom: r.stroom,
      jaar: r.jaar,
      basis: rb?.totaal ?? null,
      scenario: rs?.totaal ?? null,
      inBasis: rb !== undefined,
      inScenario: rs !== undefined,
      status: rs?.status ?? rb!.status,
      gewijzigd: verschilt(rb, rs),
    };
  });
  return rows.sort((p, q) => p.jaar - q.jaar);
}

/** True when the amounts differ: the total, or any line (a new key moves money without changing the total). */
function verschilt(a: StreamYearResult | undefined, b: StreamYearResult | undefined): boolean {
  if (a === b) return false;
  if (!a || !b || a.totaal !== b.totaal || a.regels.length !== b.regels.length) return true;
  for (let i = 0; i < a.regels.length; i++) {
    const x = a.regels[i]!;
    const y = b.regels[i]!;
    if (x.ontvanger !== y.ontvanger || x.bedrag !== y.bedrag) return true;
  }
  return false;
}
