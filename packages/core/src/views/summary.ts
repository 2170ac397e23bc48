import { STREAM_IDS } from '../data/types.js';
import { streamRank, type StreamRef } from '../streams/own.js';
import type { RecipientKind, RoundingUnit } from '../allocation/types.js';
import type { Cell, Column, Table } from '../export/table.js';
import { streamById } from '../streams/streams.js';
import type { ComparisonRow } from './comparison.js';

/**
 * The summary of a comparison (the rows of `compareAllocations`): per stream and year the total
 * of each side and the difference with the first, per stream the total over the years, and the
 * municipalities whose amount changes most, in euro, summed over the rows. Every figure is a sum
 * of the rows, exactly (bigint cents): the CLI's `compare` and `sweep` and the app show the same.
 *
 * Unknown is never zero: a total with an unknown part (a side's amount null while present) is
 * unknown (null), and so is its difference. A side that has none of a stream-year's rows (the
 * stream does not run that year there) is absent: `aanwezig` false, total null. A municipality
 * whose difference is unknown in some row is counted as `onbekend`, never ranked.
 */

/** One side's total of a group of rows. */
export interface SummaryTotal {
  /** False when none of the rows is present on this side. */
  aanwezig: boolean;
  /** Cents; null when some present row's amount is unknown, or when absent. */
  bedrag: bigint | null;
}

/** The totals of one stream in one year (or, in `perStroom`, over all years of the rows). */
export interface SummaryTotalRow {
  stroom: StreamRef;
  /** The year; null in `perStroom` (the sum over the years). */
  jaar: number | null;
  /** One per side, in the order of the allocations. */
  totalen: SummaryTotal[];
  /** One per side after the first: the sum of the rows' differences; null when any is unknown. */
  verschillen: (bigint | null)[];
}

/** A municipality's difference with the first side, summed over the rows (its streams and years). */
export interface SummaryMover {
  ontvanger: string;
  naam: string;
  soort: RecipientKind;
  /** Cents, never 0 in `stijgers`/`dalers`. */
  verschil: bigint;
}

/** Per side after the first: who gains and who loses against the first side. */
export interface SummaryMovers {
  /** The largest increases, largest first; equal differences by code. */
  stijgers: SummaryMover[];
  /** The largest decreases, most negative first; equal differences by code. */
  dalers: SummaryMover[];
  /** How many municipalities gain, lose, stay equal, or have an unknown difference. */
  aantalStijgers: number;
  aantalDalers: number;
  aantalGelijk: number;
  aantalOnbekend: number;
}

/** The summary of a comparison (`comparisonSummary`): totals per stream and year of each side, and the largest moves. */
export interface ComparisonSummary {
  /** Per stream and year, in year and stream order. */
  totalen: SummaryTotalRow[];
  /** Per stream, summed over the years of the rows, in stream order. */
  perStroom: SummaryTotalRow[];
  /** One per side after the first. */
  bewegingen: SummaryMovers[];
}

/** Options of `comparisonSummary`. */
export interface SummaryOptions {
  /** How many of the largest increases and decreases (default 5). */
  aantal?: number;
}

const streamOrder = streamRank;

/** A running sum of a group of rows for every side (plain loops: a sweep sums thousands of rows per scenario). */
class Accumulator {
  readonly totalen: SummaryTotal[];
  readonly verschillen: (bigint | null)[];
  /** Per side: an unknown amount was seen (the total is then unknown, whatever follows). */
  private readonly unknown: boolean[];
  constructor(sides: number) {
    this.totalen = [];
    this.unknown = [];
    for (let k = 0; k < sides; k++) {
      this.totalen.push({ aanwezig: false, bedrag: null });
      this.unknown.push(false);
    }
    this.verschillen = [];
    for (let j = 1; j < sides; j++) this.verschillen.push(0n);
  }
  add(r: ComparisonRow): void {
    const zijden = r.zijden;
    for (let k = 0; k < zijden.length; k++) {
      const z = zijden[k]!;
      if (!z.aanwezig) continue;
      const t = this.totalen[k]!;
      t.aanwezig = true;
      if (z.bedrag === null) this.unknown[k] = true;
      if (this.unknown[k]) t.bedrag = null;
      else t.bedrag = (t.bedrag ?? 0n) + z.bedrag!;
    }
    const verschillen = r.verschillen;
    for (let j = 0; j < verschillen.length; j++) {
      const s = this.verschillen[j];
      const v = verschillen[j]!.verschil;
      this.verschillen[j] = s === null || s === undefined || v === null ? null : s + v;
    }
  }
}

/** Sums of the rows by group key, each group with its first row. */
function totalsBy(rows: readonly ComparisonRow[], sides: number, keyOf: (r: ComparisonRow) => string): Map<string, { first: ComparisonRow; acc: Accumulator }> {
  const groups = new Map<string, { first: ComparisonRow; acc: Accumulator }>();
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { first: r, acc: new Accumulator(sides) }));
    g.acc.add(r);
  }
  return groups;
}

/** The summary of comparison rows (all from one `compareAllocations` call, so they have the same sides). */
export function comparisonSummary(rows: readonly ComparisonRow[], opts: SummaryOptions = {}): ComparisonSummary {
  const count = opts.aantal ?? 5;
  const sides = rows[0]?.zijden.length ?? 0;
  const row = (stroom: StreamRef, jaar: number | null, acc: Accumulator): SummaryTotalRow => ({ stroom, jaar, totalen: acc.totalen, verschillen: acc.verschillen });

  const totalen = [...totalsBy(rows, sides, (r) => `${r.stroom}|${r.jaar}`).values()]
    .map((g) => row(g.first.stroom, g.first.jaar, g.acc))
    .sort((a, b) => a.jaar! - b.jaar! || streamOrder(a.stroom) - streamOrder(b.stroom));
  const perStroom = [...totalsBy(rows, sides, (r) => r.stroom).values()]
    .map((g) => row(g.first.stroom, null, g.acc))
    .sort((a, b) => streamOrder(a.stroom) - streamOrder(b.stroom));

  const municipal = rows.filter((r) => r.soort === 'gemeente');
  const bewegingen: SummaryMovers[] = [];
  for (let j = 0; j < sides - 1; j++) {
    const sums = new Map<string, { r: ComparisonRow; verschil: bigint | null }>();
    for (let i = 0; i < municipal.length; i++) {
      const r = municipal[i]!;
      const v = r.verschillen[j]!.verschil;
      const s = sums.get(r.ontvanger);
      if (!s) sums.set(r.ontvanger, { r, verschil: v });
      else if (s.verschil !== null) s.verschil = v === null ? null : s.verschil + v;
    }
    const movers: SummaryMover[] = [];
    let onbekend = 0;
    let gelijk = 0;
    for (const { r, verschil } of sums.values()) {
      if (verschil === null) onbekend++;
      else if (verschil === 0n) gelijk++;
      else movers.push({ ontvanger: r.ontvanger, naam: r.naam, soort: r.soort, verschil });
    }
    const byCode = (a: SummaryMover, b: SummaryMover) => (a.ontvanger < b.ontvanger ? -1 : a.ontvanger > b.ontvanger ? 1 : 0);
    const up = movers.filter((m) => m.verschil > 0n).sort((a, b) => (a.verschil === b.verschil ? byCode(a, b) : a.verschil > b.verschil ? -1 : 1));
    const down = movers.filter((m) => m.verschil < 0n).sort((a, b) => (a.verschil === b.verschil ? byCode(a, b) : a.verschil < b.verschil ? -1 : 1));
    bewegingen.push({
      stijgers: up.slice(0, count),
      dalers: down.slice(0, count),
      aantalStijgers: up.length,
      aantalDalers: down.length,
      aantalGelijk: gelijk,
      aantalOnbekend: onbekend,
    });
  }
  return { totalen, perStroom, bewegingen };
}

/**
 * One scenario of a sweep (many scenarios against one reference): its number (the line of a
 * JSON Lines file, or the step of a range), its name, and the summary of its comparison with
 * the reference, or the problem that kept it from being computed.
 */
export interface SweepResult {
  nummer: number;
  naam: string | null;
  /** Set when the scenario could not be computed (a Dutch message); `samenvatting` is then null. */
  fout: string | null;
  /** The summary of [reference, scenario]. */
  samenvatting: ComparisonSummary | null;
}

/** The stream columns of a sweep table: the total of the scenario over the years, and its difference with the reference. */
const sweepStreamColumns = (): Column[] =>
  STREAM_IDS.flatMap((id): Column[] => [
    { id: `totaal_${id}`, kop: `Totaal ${streamById(id).naam} (euro)`, soort: 'euro' },
    { id: `verschil_${id}`, kop: `Verschil ${streamById(id).naam} (euro)`, soort: 'euro' },
  ]);

/**
 * The table of a sweep: one row per scenario, in input order: per stream the scenario's total
 * over the years compared and its difference with the reference (empty when the stream does
 * not run or is unknown), how many municipalities gain and lose, and the largest gain and loss.
 * A scenario that could not be computed has only its number, name and `fout`.
 */
export function sweepTable(results: readonly SweepResult[], eenheid: RoundingUnit): Table {
  const kolommen: Column[] = [
    { id: 'nummer', kop: 'Nummer', soort: 'aantal' },
    { id: 'naam', kop: 'Scenario', soort: 'tekst', breedte: 40 },
    { id: 'fout', kop: 'Fout', soort: 'tekst', breedte: 60 },
    ...sweepStreamColumns(),
    { id: 'gemeenten_vooruit', kop: 'Gemeenten erop vooruit', soort: 'aantal' },
    { id: 'gemeenten_achteruit', kop: 'Gemeenten erop achteruit', soort: 'aantal' },
    { id: 'gemeenten_onbekend', kop: 'Gemeenten met onbekend verschil', soort: 'aantal' },
    { id: 'grootste_stijging_code', kop: 'Grootste stijging (code)', soort: 'code' },
    { id: 'grootste_stijging_naam', kop: 'Grootste stijging', soort: 'tekst' },
    { id: 'grootste_stijging', kop: 'Grootste stijging (euro)', soort: 'euro' },
    { id: 'grootste_daling_code', kop: 'Grootste daling (code)', soort: 'code' },
    { id: 'grootste_daling_naam', kop: 'Grootste daling', soort: 'tekst' },
    { id: 'grootste_daling', kop: 'Grootste daling (euro)', soort: 'euro' },
  ];
  const rijen = results.map((r): Cell[] => {
    const s = r.samenvatting;
    if (!s) return [BigInt(r.nummer), r.naam, r.fout, ...kolommen.slice(3).map(() => null)];
    const perStroom = new Map(s.perStroom.map((t) => [t.stroom, t]));
    const b = s.bewegingen[0];
    const up = b?.stijgers[0] ?? null;
    const down = b?.dalers[0] ?? null;
    return [
      BigInt(r.nummer),
      r.naam,
      r.fout,
      ...STREAM_IDS.flatMap((id) => {
        const t = perStroom.get(id);
        return [t?.totalen[1]?.bedrag ?? null, t?.verschillen[0] ?? null];
      }),
      b ? BigInt(b.aantalStijgers) : null,
      b ? BigInt(b.aantalDalers) : null,
      b ? BigInt(b.aantalOnbekend) : null,
      up?.ontvanger ?? null,
      up?.naam ?? null,
      up?.verschil ?? null,
      down?.ontvanger ?? null,
      down?.naam ?? null,
      down?.verschil ?? null,
    ];
  });
  return { naam: 'Reeks', kolommen, rijen, eenheid };
}
