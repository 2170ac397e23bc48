import { STREAM_IDS, type BaselineData } from '../data/types.js';
import { streamRank, type StreamRef } from '../streams/own.js';
import type { Allocation, AllocationLine, RecipientKind, RoundingUnit, StreamYearResult } from '../allocation/types.js';
import type { Cell, Column, Table } from '../export/table.js';
import { memoPerOwner } from '../memo/memo.js';
import { centsToPlain } from '../money/format.js';
import { lineColumns, type LineColumns } from '../allocation/stream-year.js';
import { streamById } from '../streams/streams.js';
import { compareAllocations, comparedStreamYears, resultOf, type ComparisonRow } from './comparison.js';

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
  /** How many of the largest increases and decreases: a whole number from 0 (default 5). */
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

/**
 * The municipalities' summed differences (null = unknown), counted and ranked: the largest
 * `count` increases and decreases, equal differences by code.
 */
function movers(sums: readonly { ontvanger: string; naam: string; soort: RecipientKind; verschil: bigint | null }[], count: number): SummaryMovers {
  return selectMovers(sums.length, count, {
    sign: (i) => {
      const v = sums[i]!.verschil;
      return v === null ? null : v > 0n ? 1 : v < 0n ? -1 : 0;
    },
    compare: (a, b) => {
      const x = sums[a]!.verschil!;
      const y = sums[b]!.verschil!;
      return x === y ? 0 : x > y ? 1 : -1;
    },
    code: (i) => sums[i]!.ontvanger,
    mover: (i) => ({ ...sums[i]!, verschil: sums[i]!.verschil! }),
  });
}

/** What `selectMovers` reads of difference i. */
interface MoverSource {
  /** The sign of the difference; null when it is unknown, undefined when i is not a municipality. */
  sign(i: number): 1 | -1 | 0 | null | undefined;
  /** The order of two known differences: positive when a's is the larger. */
  compare(a: number, b: number): number;
  code(i: number): string;
  /** The mover of a difference that is kept. */
  mover(i: number): SummaryMover;
}

/**
 * Differences 0..n-1 counted by sign, with the `count` largest increases and decreases kept
 * (equal ones by code): a selection, not a sort, since a comparison has hundreds of
 * municipalities and the summary keeps a few; a mover is made only for the ones kept.
 */
function selectMovers(n: number, count: number, d: MoverSource): SummaryMovers {
  const up: number[] = [];
  const down: number[] = [];
  const increases = (a: number, b: number): boolean => {
    const c = d.compare(a, b);
    return c === 0 ? d.code(a) < d.code(b) : c > 0;
  };
  const decreases = (a: number, b: number): boolean => {
    const c = d.compare(a, b);
    return c === 0 ? d.code(a) < d.code(b) : c < 0;
  };
  let aantalStijgers = 0;
  let aantalDalers = 0;
  let aantalGelijk = 0;
  let aantalOnbekend = 0;
  for (let i = 0; i < n; i++) {
    const sign = d.sign(i);
    if (sign === undefined) continue;
    if (sign === null) aantalOnbekend++;
    else if (sign === 0) aantalGelijk++;
    else if (sign > 0) {
      aantalStijgers++;
      keepLargest(up, i, count, increases);
    } else {
      aantalDalers++;
      keepLargest(down, i, count, decreases);
    }
  }
  return { stijgers: up.map((i) => d.mover(i)), dalers: down.map((i) => d.mover(i)), aantalStijgers, aantalDalers, aantalGelijk, aantalOnbekend };
}

/** Puts `i` into `list` (at most `count` long, in the order `before`) when it belongs there. */
function keepLargest(list: number[], i: number, count: number, before: (a: number, b: number) => boolean): void {
  if (list.length === count && (count === 0 || !before(i, list[count - 1]!))) return;
  let at = list.length === count ? count - 1 : list.length;
  while (at > 0 && before(i, list[at - 1]!)) {
    list[at] = list[at - 1]!;
    at--;
  }
  list[at] = i;
}

/** `opts.aantal`, checked. */
function summaryCount(opts: SummaryOptions): number {
  const count = opts.aantal ?? 5;
  if (!(count >= 0 && (Number.isInteger(count) || count === Infinity))) throw new RangeError(`aantal: ${count} is not a whole number from 0`);
  return count;
}

/** The summary of comparison rows (all from one `compareAllocations` call, so they have the same sides). */
export function comparisonSummary(rows: readonly ComparisonRow[], opts: SummaryOptions = {}): ComparisonSummary {
  const count = summaryCount(opts);
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
    bewegingen.push(movers([...sums.values()].map(({ r, verschil }) => ({ ontvanger: r.ontvanger, naam: r.naam, soort: r.soort, verschil })), count));
  }
  return { totalen, perStroom, bewegingen };
}

/**
 * The summary of the comparison of allocations (the first is the reference) over the years
 * `van`-`tot`: the same as `comparisonSummary(compareAllocations(data, allocations, { van, tot }),
 * { aantal })`, figure for figure, but without building the rows, for a sweep that summarises
 * thousands of scenarios. Two allocations are summed straight from their lines, in doubles that
 * hold cents exactly (see `pairSummary`); anything else goes through the rows.
 */
export function comparisonSummaryOf(data: BaselineData, allocations: readonly Allocation[], opts: SummaryOptions & { van?: number; tot?: number } = {}): ComparisonSummary {
  const count = summaryCount(opts);
  const filter = { van: opts.van, tot: opts.tot };
  const pair = allocations.length === 2 ? pairSummary(allocations[0]!, allocations[1]!, filter, count) : null;
  return pair ?? comparisonSummary(compareAllocations(data, allocations, filter), { aantal: count });
}

/**
 * The cents of a result's lines (from its columns) as doubles (NaN for an unknown amount), their total (NaN when
 * any is unknown) and the sum of the magnitudes of the known ones: every sum the summary forms
 * of these lines is at most that large. Infinity when an amount is 2^53 or more in magnitude
 * (not exact as a double).
 */
interface LineCents {
  cents: Float64Array;
  total: number;
  magnitude: number;
}

/** Below this in magnitude an integer is exact as a double. */
const EXACT = 2n ** 53n;
const EXACT_D = 2 ** 53;
/** Which 32-bit half of a 64-bit integer in memory is the low one (the platform's byte order). */
const LOW = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 0 : 1;

function lineCents(columns: LineColumns): LineCents {
  if (columns.eenhedenD) return centsOfDoubles(columns.eenhedenD, Number(columns.eenheid));
  const { eenheden, eenheid } = columns;
  const n = eenheden.length;
  const unit = Number(eenheid);
  const limit = EXACT / eenheid; // below it in magnitude, units × unit is below 2^53
  // Through a BigInt64Array: storing a bigint there and reading its two 32-bit halves is several
  // times faster than Number(bigint), and as exact for |b| < 2^53 (checked, as the store wraps).
  const ints = new BigInt64Array(n);
  const cents = new Float64Array(n);
  let magnitude = 0;
  for (let i = 0; i < n; i++) {
    const b = eenheden[i]!;
    if (b === null) cents[i] = NaN;
    else if (b < limit && b > -limit) ints[i] = b;
    else magnitude = Infinity;
  }
  const low = new Uint32Array(ints.buffer);
  const high = new Int32Array(ints.buffer);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(cents[i])) {
      total = NaN;
      continue;
    }
    const c = (high[2 * i + 1 - LOW]! * 2 ** 32 + low[2 * i + LOW]!) * unit;
    cents[i] = c;
    total += c;
    magnitude += Math.abs(c);
  }
  return { cents, total, magnitude };
}

/** `lineCents` of units held as exact doubles (none unknown): each times the unit, exact below 2^53. */
function centsOfDoubles(units: Float64Array, unit: number): LineCents {
  const cents = new Float64Array(units.length);
  let total = 0;
  let magnitude = 0;
  for (let i = 0; i < units.length; i++) {
    const c = units[i]! * unit;
    cents[i] = c;
    total += c;
    magnitude += Math.abs(c) < EXACT_D ? Math.abs(c) : Infinity;
  }
  return { cents, total, magnitude };
}

const NO_CENTS: LineCents = { cents: new Float64Array(0), total: 0, magnitude: 0 };
const NO_COLUMNS: LineColumns = { ontvangers: [], soorten: [], eenheden: [], eenhedenD: null, eenheid: 1n };

/**
 * The municipalities of comparisons against one reference allocation, numbered: their
 * differences are summed in an array, not a map. `lines` has, per result of the reference, its
 * cents, the number of each line's municipality (-1 for other recipients) and the set of its
 * codes, or null when a code occurs twice.
 */
interface Municipalities {
  number: Map<string, number>;
  lines: WeakMap<StreamYearResult, ReferenceLines | null>;
}
interface ReferenceLines {
  cents: LineCents;
  numbers: Int32Array;
  codes: ReadonlySet<string>;
}
const municipalitiesOf = memoPerOwner((_reference: Allocation): Municipalities => ({ number: new Map(), lines: new WeakMap() }));

/** The number of a line's municipality; -1 for another recipient. */
function municipalityNumber(m: Municipalities, soort: RecipientKind, ontvanger: string): number {
  if (soort !== 'gemeente') return -1;
  let n = m.number.get(ontvanger);
  if (n === undefined) m.number.set(ontvanger, (n = m.number.size));
  return n;
}

function referenceLines(m: Municipalities, r: StreamYearResult): ReferenceLines | null {
  let out = m.lines.get(r);
  if (out === undefined) {
    const c = lineColumns(r);
    const codes = new Set(c.ontvangers);
    out = codes.size === c.ontvangers.length ? { cents: lineCents(c), numbers: Int32Array.from(c.ontvangers, (code, i) => municipalityNumber(m, c.soorten[i]!, code)), codes } : null;
    m.lines.set(r, out);
  }
  return out;
}

const NO_LINES: ReferenceLines = { cents: NO_CENTS, numbers: new Int32Array(0), codes: new Set() };

/**
 * The rows of one stream-year of a pair, as `compareAllocations` has them: the line that names
 * each, its municipality's number, and both sides' cents (0 when absent); and both results'
 * totals and the sum of their magnitudes.
 */
interface PairRows {
  /** How many rows there are, and the line that names row i (read for a municipality's first row only). */
  length: number;
  line: (i: number) => AllocationLine;
  numbers: Int32Array;
  first: Float64Array;
  other: Float64Array;
  totals: [number, number];
  magnitude: number;
}

/** `cents` followed by zeros up to `length`. */
function padded(cents: Float64Array, length: number): Float64Array {
  if (cents.length === length) return cents;
  const out = new Float64Array(length);
  out.set(cents);
  return out;
}

/**
 * The rows of a stream-year of a pair: its recipients in the order of the first result that has
 * them. Usually one result's recipients begin with all of the other's, in the same order (a
 * scenario changes amounts, or adds the regions' lines), and the rows are the longer one's
 * lines. Null when a result lists a recipient twice (its rows would not be its lines); the
 * caller then takes the rows' way.
 */
function pairRows(m: Municipalities, first: StreamYearResult | undefined, other: StreamYearResult | undefined): PairRows | null {
  const ref = first ? referenceLines(m, first) : NO_LINES;
  if (!ref) return null;
  // Both sides' codes and cents from their columns; a line only to name a municipality (the first's), or when the recipients differ in order.
  const fa = first ? lineColumns(first).ontvangers : NO_COLUMNS.ontvangers;
  const ob = other ? lineColumns(other) : NO_COLUMNS;
  const lineOfFirst = (i: number): AllocationLine => first!.regels[i]!;
  const ca = ref.cents;
  const cb = !other ? NO_CENTS : other === first ? ca : lineCents(ob);
  const rows = (length: number, line: (i: number) => AllocationLine, numbers: Int32Array, a: Float64Array, b: Float64Array): PairRows => ({ length, line, numbers, first: a, other: b, totals: [ca.total, cb.total], magnitude: ca.magnitude + cb.magnitude });
  const codes = ob.ontvangers;
  let p = 0;
  if (first === other) p = fa.length;
  else while (p < fa.length && p < codes.length && fa[p] === codes[p]) p++;
  if (p === codes.length) return rows(fa.length, lineOfFirst, ref.numbers, ca.cents, padded(cb.cents, fa.length));
  if (p === fa.length) {
    // The other's recipients after the first's: each one the first does not have, once.
    const extra = codes.slice(p);
    if (new Set(extra).size !== extra.length || extra.some((c) => ref.codes.has(c))) return null;
    const numbers = new Int32Array(codes.length);
    numbers.set(ref.numbers);
    for (let i = p; i < codes.length; i++) numbers[i] = municipalityNumber(m, ob.soorten[i]!, codes[i]!);
    return rows(codes.length, (i) => (i < fa.length ? lineOfFirst(i) : other!.regels[i]!), numbers, padded(ca.cents, codes.length), cb.cents);
  }
  // Another order: the first's recipients, then the other's that the first does not have.
  const la = first?.regels ?? [];
  const lb = other!.regels;
  const at = new Map<string, number>();
  lb.forEach((l, i) => at.set(l.ontvanger, i));
  if (at.size !== lb.length) return null;
  const lines = [...la, ...lb.filter((l) => !ref.codes.has(l.ontvanger))];
  const otherCents = Float64Array.from(lines, (l) => {
    const i = at.get(l.ontvanger);
    return i === undefined ? 0 : cb.cents[i]!;
  });
  return rows(lines.length, (i) => lines[i]!, Int32Array.from(lines, (l) => municipalityNumber(m, l.soort, l.ontvanger)), padded(ca.cents, lines.length), otherCents);
}

/** Cents held exactly in a double (NaN = unknown) as a bigint. */
const toCents = (x: number): bigint | null => (Number.isNaN(x) ? null : BigInt(x));

/**
 * The summary of a pair of allocations from their lines. Every row's difference is `other -
 * first` with an absent side as 0 (a row always has a present side) and an unknown amount as NaN,
 * which makes every sum it is part of unknown, as in the rows' way; so a stream-year's difference
 * is the difference of its totals. Each sum is of distinct lines' cents, so it is at most the
 * sum of all their magnitudes; when that bound is below 2^53 every double here is an exact
 * integer. Null when it is not (amounts near 10^13 euro), or when a result lists a recipient
 * twice.
 */
export function pairSummary(first: Allocation, other: Allocation, filter: { van?: number; tot?: number }, count: number): ComparisonSummary | null {
  const m = municipalitiesOf(first);
  const blocks: PairRows[] = [];
  const groups: { stroom: StreamRef; jaar: number; totals: [number, number]; present: [boolean, boolean] }[] = [];
  let magnitude = 0;
  for (const { stroom, jaar } of comparedStreamYears([first, other], filter)) {
    const a = resultOf(first, stroom, jaar);
    const b = resultOf(other, stroom, jaar);
    const rows = pairRows(m, a, b);
    if (!rows) return null;
    if (rows.length === 0) continue;
    magnitude += rows.magnitude;
    blocks.push(rows);
    groups.push({ stroom, jaar, totals: rows.totals, present: [!!a && lineColumns(a).ontvangers.length > 0, !!b && lineColumns(b).ontvangers.length > 0] });
  }
  if (!(magnitude <= Number.MAX_SAFE_INTEGER)) return null;
  if (groups.length === 0) return { totalen: [], perStroom: [], bewegingen: [] };

  const total = (present: boolean, cents: number): SummaryTotal => ({ aanwezig: present, bedrag: present ? toCents(cents) : null });
  const totalen = groups.map((g): SummaryTotalRow => ({ stroom: g.stroom, jaar: g.jaar, totalen: [total(g.present[0], g.totals[0]), total(g.present[1], g.totals[1])], verschillen: [toCents(g.totals[1] - g.totals[0])] }));
  const streams = new Map<StreamRef, { totals: [number, number]; present: [boolean, boolean] }>();
  for (const g of groups) {
    const s = streams.get(g.stroom);
    if (!s) streams.set(g.stroom, { totals: [...g.totals], present: [...g.present] });
    else for (const k of [0, 1] as const) {
      s.totals[k] += g.totals[k];
      s.present[k] ||= g.present[k];
    }
  }
  const perStroom = [...streams]
    .map(([stroom, s]): SummaryTotalRow => ({ stroom, jaar: null, totalen: [total(s.present[0], s.totals[0]), total(s.present[1], s.totals[1])], verschillen: [toCents(s.totals[1] - s.totals[0])] }))
    .sort((a, b) => streamOrder(a.stroom) - streamOrder(b.stroom));

  // Per municipality its difference summed over the rows, and its first row (which names it).
  const sums = new Float64Array(m.number.size);
  const named: (AllocationLine | undefined)[] = new Array<AllocationLine | undefined>(m.number.size).fill(undefined);
  for (const { line, numbers, first: fa, other: fb } of blocks) {
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (n < 0) continue;
      if (named[n] === undefined) named[n] = line(i);
      sums[n] = sums[n]! + (fb[i]! - fa[i]!);
    }
  }
  return { totalen, perStroom, bewegingen: [moversOfCents(sums, named, count)] };
}

/**
 * `movers` of municipalities' differences held as exact doubles (NaN = unknown), by number, each
 * named by its line: the same counts and the same selection (the doubles compare as the cents
 * do), with a bigint made only for the ones kept.
 */
function moversOfCents(sums: Float64Array, named: readonly (AllocationLine | undefined)[], count: number): SummaryMovers {
  return selectMovers(named.length, count, {
    sign: (n) => {
      if (!named[n]) return undefined;
      const v = sums[n]!;
      return Number.isNaN(v) ? null : v > 0 ? 1 : v < 0 ? -1 : 0;
    },
    compare: (a, b) => sums[a]! - sums[b]!,
    code: (n) => named[n]!.ontvanger,
    mover: (n) => {
      const l = named[n]!;
      return { ontvanger: l.ontvanger, naam: l.naam, soort: l.soort, verschil: BigInt(sums[n]!) };
    },
  });
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

/** A summary as an export writes it: every amount an exact decimal text in euros, as in the export's rows. */
export interface PlainComparisonSummary {
  totalen: PlainSummaryTotalRow[];
  perStroom: PlainSummaryTotalRow[];
  bewegingen: {
    stijgers: PlainSummaryMover[];
    dalers: PlainSummaryMover[];
    aantalStijgers: number;
    aantalDalers: number;
    aantalGelijk: number;
    aantalOnbekend: number;
  }[];
}
/** `SummaryTotalRow` with its amounts in euros ("1234", "1234.56"; null = unknown or absent). */
export interface PlainSummaryTotalRow {
  stroom: StreamRef;
  jaar: number | null;
  totalen: { aanwezig: boolean; bedrag: string | null }[];
  verschillen: (string | null)[];
}
/** `SummaryMover` with its difference in euros. */
export interface PlainSummaryMover {
  ontvanger: string;
  naam: string;
  soort: RecipientKind;
  verschil: string;
}

/**
 * The summary with its amounts as exact decimal texts in euros (`centsToPlain` in the export's
 * unit: whole euros, or two decimals when it rounds to cents), so that a JSON export's summary
 * and its rows (`regels`) speak the same unit.
 */
export function plainSummary(s: ComparisonSummary, eenheid: RoundingUnit): PlainComparisonSummary {
  const plain = (c: bigint | null): string | null => (c === null ? null : centsToPlain(c, eenheid));
  const row = (r: SummaryTotalRow): PlainSummaryTotalRow => ({
    stroom: r.stroom,
    jaar: r.jaar,
    totalen: r.totalen.map((t) => ({ aanwezig: t.aanwezig, bedrag: plain(t.bedrag) })),
    verschillen: r.verschillen.map(plain),
  });
  const mover = (m: SummaryMover): PlainSummaryMover => ({ ontvanger: m.ontvanger, naam: m.naam, soort: m.soort, verschil: centsToPlain(m.verschil, eenheid) });
  return {
    totalen: s.totalen.map(row),
    perStroom: s.perStroom.map(row),
    bewegingen: s.bewegingen.map((b) => ({ ...b, stijgers: b.stijgers.map(mover), dalers: b.dalers.map(mover) })),
  };
}
