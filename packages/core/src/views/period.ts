import type { BaselineData } from '../data/types.js';
import { streamsOf, type StreamRef } from '../streams/own.js';
import type { Allocation } from '../allocation/types.js';
import { divisionOf, successionIn, type YearDivision } from '../municipalities/division.js';
import { difference, type Difference, type Side } from './comparison.js';
import { inhabitantsIn } from './per-inhabitant.js';
import { ABSENT_SIDE, addSide } from './sides.js';
import { unknownPerMunicipality } from '../allocation/unknown-share.js';

const UNKNOWN_SIDE: Side = { aanwezig: true, bedrag: null, status: 'onbekend' };

/**
 * Allocations over a period of years (VWS reads budgets over a cabinet period: 2026-2030 by
 * default): per stream the amount of each year and the sum; per municipality the sum over the
 * period, with the difference with the first allocation in euro and per inhabitant (winners and
 * losers); and the same per size class of municipalities. A municipality that a planned merger
 * takes in during the period is counted with its successor (the municipality of the division of
 * the period's last year), so that every euro of the period is counted once.
 */

export const DEFAULT_PERIOD = { van: 2026, tot: 2030 } as const;

/** One stream in `PeriodView`: its amount in each year of the period and the sum, per allocation. */
export interface PeriodStreamRow {
  /** A stream of the data, or an own stream of one of the scenarios. */
  stroom: StreamRef;
  /** Its Dutch name (an own stream's as its scenario names it). */
  naam: string;
  /** Per year of the period, the amount divided in each allocation (absent when the stream does not run). */
  jaren: { jaar: number; zijden: Side[] }[];
  /** The sum over the period per allocation; unknown when a year is unknown. */
  som: Side[];
  verschillen: Difference[];
}

/** One municipality in `PeriodView`: the sum over the period per allocation, and the differences with the first. */
export interface PeriodMunicipalityRow {
  code: string;
  naam: string;
  /** Inhabitants in the division of the period's last year (a successor: the sum of its parts). */
  inwoners: bigint | null;
  /** The sum over the period of every stream, per allocation. */
  zijden: Side[];
  verschillen: Difference[];
}

/** A size class of municipalities by inhabitants (CBS gemeentegrootteklassen). */
export interface SizeClass {
  naam: string;
  van: bigint;
  /** Exclusive; null = no upper bound. */
  tot: bigint | null;
}

/** The size classes of CBS (gemeentegrootteklasse), by inhabitants. */
export const SIZE_CLASSES: readonly SizeClass[] = [
  { naam: 'minder dan 5.000 inwoners', van: 0n, tot: 5_000n },
  { naam: '5.000 tot 10.000 inwoners', van: 5_000n, tot: 10_000n },
  { naam: '10.000 tot 20.000 inwoners', van: 10_000n, tot: 20_000n },
  { naam: '20.000 tot 50.000 inwoners', van: 20_000n, tot: 50_000n },
  { naam: '50.000 tot 100.000 inwoners', van: 50_000n, tot: 100_000n },
  { naam: '100.000 tot 150.000 inwoners', van: 100_000n, tot: 150_000n },
  { naam: '150.000 tot 250.000 inwoners', van: 150_000n, tot: 250_000n },
  { naam: '250.000 inwoners of meer', van: 250_000n, tot: null },
];

/** One size class (`SIZE_CLASSES`) in `PeriodView`: its municipalities, inhabitants and sums per allocation. */
export interface PeriodClassRow {
  klasse: SizeClass;
  gemeenten: number;
  inwoners: bigint;
  zijden: Side[];
  verschillen: Difference[];
}

/** Allocations over a period (`periodView`): per stream, per municipality and per size class. */
export interface PeriodView {
  van: number;
  tot: number;
  /** The division the municipalities are counted in: that of the last year, in the first allocation. */
  indeling: YearDivision;
  stromen: PeriodStreamRow[];
  gemeenten: PeriodMunicipalityRow[];
  klassen: PeriodClassRow[];
}


/** The allocations over the years `van`-`tot` (inclusive). */
export function periodView(data: BaselineData, allocations: readonly Allocation[], period: { van: number; tot: number } = DEFAULT_PERIOD): PeriodView {
  const { van, tot } = period;
  if (!(van <= tot)) throw new RangeError(`periodView: ${van}-${tot} is geen periode`);
  const years = Array.from({ length: tot - van + 1 }, (_, k) => van + k);
  const keuze = allocations[0]?.scenario.herindelingen ?? 'gepland';
  const last = divisionOf(data, tot, keuze);

  // The streams of the data, then the own streams of the scenarios (a scenario without one is absent there).
  const stromen = streamsOf(...allocations).flatMap(({ id: stroom, naam }): PeriodStreamRow[] => {
    const jaren = years.map((jaar) => ({
      jaar,
      zijden: allocations.map((a): Side => {
        const r = a.resultaten.find((x) => x.stroom === stroom && x.jaar === jaar);
        return r ? { aanwezig: true, bedrag: r.totaal, status: r.bedragStatus } : ABSENT_SIDE;
      }),
    }));
    if (jaren.every((j) => j.zijden.every((z) => !z.aanwezig))) return [];
    const som = allocations.map((_, k) => jaren.reduce((s, j) => addSide(s, j.zijden[k]!), ABSENT_SIDE));
    return [{ stroom, naam, jaren, som, verschillen: som.slice(1).map((z) => difference(som[0]!, z, null)) }];
  });

  // Per municipality of the last year's division: the sum of its lines (and its parts' lines) over the period.
  const index = new Map(last.gemeenten.map((g, i) => [g.code, i]));
  const inw = inhabitantsIn(data, last);
  const sums = allocations.map(() => last.gemeenten.map((): Side => ABSENT_SIDE));
  allocations.forEach((a, k) => {
    for (const r of a.resultaten) {
      if (r.jaar < van || r.jaar > tot) continue;
      // Money that went to the municipalities without a known amount each: every sum is unknown, not short of it.
      if (unknownPerMunicipality(r) !== null) {
        for (let i = 0; i < sums[k]!.length; i++) sums[k]![i] = addSide(sums[k]![i]!, UNKNOWN_SIDE);
        continue;
      }
      for (const l of r.regels) {
        if (l.soort !== 'gemeente') continue;
        const code = successionIn(last, l.ontvanger)?.opvolger.code ?? l.ontvanger;
        const i = index.get(code);
        if (i === undefined) continue;
        sums[k]![i] = addSide(sums[k]![i]!, { aanwezig: true, bedrag: l.bedrag, status: l.status });
      }
    }
  });
  const gemeenten = last.gemeenten.map((g, i): PeriodMunicipalityRow => {
    const zijden = allocations.map((_, k) => sums[k]![i]!);
    const inwoners = inw.get(g.code) ?? null;
    return { code: g.code, naam: g.naam, inwoners, zijden, verschillen: zijden.slice(1).map((z) => difference(zijden[0]!, z, inwoners)) };
  });

  const klassen = SIZE_CLASSES.map((klasse): PeriodClassRow => {
    const rows = gemeenten.filter((g) => g.inwoners !== null && g.inwoners >= klasse.van && (klasse.tot === null || g.inwoners < klasse.tot));
    const inwoners = rows.reduce((s, g) => s + g.inwoners!, 0n);
    const zijden = allocations.map((_, k) => rows.reduce((s, g) => addSide(s, g.zijden[k]!), ABSENT_SIDE));
    return { klasse, gemeenten: rows.length, inwoners, zijden, verschillen: zijden.slice(1).map((z) => difference(zijden[0]!, z, inwoners === 0n ? null : inwoners)) };
  });
  return { van, tot, indeling: last, stromen, gemeenten, klassen };
}

/** The municipalities with the largest increase and decrease over the period in allocation `k` (from 1), in euro or per inhabitant. */
export function winnersAndLosers(view: PeriodView, k = 1, by: 'euro' | 'per-inwoner' = 'euro', count = 10): { stijgers: PeriodMunicipalityRow[]; dalers: PeriodMunicipalityRow[] } {
  const key = (r: PeriodMunicipalityRow) => {
    const d = r.verschillen[k - 1];
    if (!d) return null;
    if (by === 'euro') return d.verschil === null ? null : { n: d.verschil, d: 1n };
    return d.perInwoner;
  };
  const known = view.gemeenten.filter((r) => key(r) !== null);
  // Largest first; equal values by code ascending.
  const by_ = (sign: 1n | -1n) => (a: PeriodMunicipalityRow, b: PeriodMunicipalityRow) => {
    const x = key(a)!;
    const y = key(b)!;
    const l = sign * x.n * y.d;
    const r = sign * y.n * x.d;
    return l === r ? (a.code < b.code ? -1 : 1) : l > r ? -1 : 1;
  };
  const positive = known.filter((r) => key(r)!.n > 0n).sort(by_(1n));
  const negative = known.filter((r) => key(r)!.n < 0n).sort(by_(-1n));
  return { stijgers: positive.slice(0, count), dalers: negative.slice(0, count) };
}
