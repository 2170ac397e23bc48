/**
 * Readers for the CSV files a user supplies: weights and fixed amounts for the apportion tool,
 * and a distribution key uploaded in the app. Pure functions of the text; every problem is a
 * Dutch message naming file, line and column, e.g.
 * `gewichten.csv, regel 3, kolom weight: "-2" is negatief; verwacht een gewicht van 0 of meer`.
 */
import { formatDate } from '../dates/dates.js';
import type { BaselineData, Municipality } from '../data/types.js';
import { Decimal } from '../money/decimal.js';
import { formatNumber } from '../money/format.js';
import { successorsOf } from '../municipalities/lookup.js';
import { findColumn, looksLikeHeader, notAHeader, place, readCode, readGemeentecode, readNonNegative } from './columns.js';
import { CsvCursor, LineMessages, Messages, csvBody, detectSeparator, emptyMessage, raggedMessage, type Separator } from './parse.js';

/** One row of a code/value file, with the line it came from. */
export interface CodeValue {
  code: string;
  /** A decimal of 0 or more with a `.` as decimal point, exactly as given (`"2.50"`). */
  value: string;
  line: number;
}

/** The outcome of `readWeights` and `readFixed`: code and value per row, or Dutch messages with their line. */
export type CodeValueResult =
  | {
      ok: true;
      rows: CodeValue[];
      separator: Separator;
      /** The names of the code and value columns as written in the file (for messages). */
      kolommen: { code: string; value: string };
    }
  | { ok: false; fouten: string[] };

interface TableSpec {
  codeColumns: readonly string[];
  valueColumns: readonly string[];
  /** "een gewicht", "een bedrag": used in messages. */
  what: string;
  readCode: (cell: string) => { ok: true; code: string } | { ok: false; bericht: string };
}

/**
 * At most this many data rows in a code/value file (weights, fixed amounts, a key table).
 * The Netherlands has 342 municipalities, about 14,500 neighbourhoods (buurten) and 460,000
 * postcodes of six positions: no real file comes near it, and the memory of reading and
 * dividing a file stays proportional and modest (a few hundred bytes per row).
 */
export const MAX_CSV_ROWS = 1_000_000;

type CodeValuesRead =
  | { ok: true; rows: CodeValue[]; fouten: LineMessages; separator: Separator; kolommen: { code: string; value: string } }
  | { ok: false; fouten: string[] };

/**
 * Reads a file with a code column and a value column, other columns ignored; codes unique.
 * Cell problems are collected with their line, next to the rows that were read well, so a
 * caller can add its own checks and report everything in line order.
 *
 * The records are read one at a time and only the two cells are kept, so the memory is the
 * text and the rows read (no table of all cells). A first line that does not look like a CSV
 * header stops the reading with a message that does not quote it.
 */
function readCodeValues(text: string, bestand: string, spec: TableSpec): CodeValuesRead {
  const prepared = csvBody(text, bestand);
  if (!prepared.ok) return { ok: false, fouten: [prepared.fout] };
  const where = (line: number) => place(bestand, line);
  const separator = detectSeparator(prepared.body);
  const syntax = new Messages();
  const cursor = new CsvCursor(prepared.body, separator, where, syntax);
  const head = cursor.next();
  if (head === null) return { ok: false, fouten: syntax.count > 0 ? syntax.list() : [emptyMessage(bestand)] };
  // Before anything of the file is quoted: is this a CSV file at all? (A first line that the
  // CSV rules cannot even read is not a header either: its message would quote it.)
  if (syntax.count > 0 || !looksLikeHeader(head.cells)) return { ok: false, fouten: [notAHeader(bestand, [spec.codeColumns, spec.valueColumns])] };

  const codeCol = findColumn(head.cells, spec.codeColumns, bestand);
  const valueCol = findColumn(head.cells, spec.valueColumns, bestand);
  // Without its columns the file is not of the expected kind: nothing below the header is read (or quoted).
  if (!codeCol.ok || !valueCol.ok) return { ok: false, fouten: [codeCol, valueCol].flatMap((c) => (c.ok ? [] : [c.fout])) };
  const width = head.cells.length;
  const fouten = new LineMessages();
  const rows: CodeValue[] = [];
  const firstLine = new Map<string, number>();
  let records = 0;
  for (let row = cursor.next(); row !== null; row = cursor.next()) {
    if (++records > MAX_CSV_ROWS) {
      return {
        ok: false,
        fouten: [
          `${where(row.line)}: het bestand heeft meer dan ${formatNumber(BigInt(MAX_CSV_ROWS), 0)} regels met gegevens, ` +
            'de grens voor dit soort bestand; het lezen is hier gestopt',
        ],
      };
    }
    if (row.cells.length !== width) {
      syntax.push(raggedMessage(where(row.line), row.cells.length, width, separator));
      continue;
    }
    // After a problem with the file's structure only that is reported: the cells are not read.
    if (syntax.count > 0) continue;
    const line = row.line;
    const fout = (kolom: string, bericht: string) => fouten.push(line, `${place(bestand, line, kolom)}: ${bericht}`);
    const c = spec.readCode(row.cells[codeCol.index]!);
    const v = readNonNegative(row.cells[valueCol.index]!, separator, spec.what);
    if (!c.ok) fout(codeCol.naam, c.bericht);
    else if (firstLine.has(c.code)) fout(codeCol.naam, `"${c.code}" komt twee keer voor (ook op regel ${firstLine.get(c.code)})`);
    else firstLine.set(c.code, line);
    if (!v.ok) fout(valueCol.naam, v.bericht);
    if (c.ok && v.ok) rows.push({ code: c.code, value: v.value, line });
  }
  if (syntax.count > 0) return { ok: false, fouten: syntax.list() };
  if (records === 0) return { ok: false, fouten: [`${bestand}: er staan geen regels onder de kopregel`] };
  return { ok: true, rows, fouten, separator, kolommen: { code: codeCol.naam, value: valueCol.naam } };
}

/** The public result: every row, or every problem (in line order, limited). */
function finish(r: CodeValuesRead): CodeValueResult {
  if (!r.ok) return r;
  if (r.fouten.count > 0) return { ok: false, fouten: r.fouten.list() };
  return { ok: true, rows: r.rows, separator: r.separator, kolommen: r.kolommen };
}

/**
 * The weights file of the apportion tool: a header with the columns `code` and `weight` (found
 * by name, in any order; other columns are ignored), `,` or `;` separated; with `;` a decimal
 * comma is accepted. Codes are unique and without spaces; a code starting with GM must be a
 * municipality code. Weights are decimals of 0 or more.
 */
export function readWeights(text: string, bestand: string): CodeValueResult {
  return finish(readCodeValues(text, bestand, { codeColumns: ['code'], valueColumns: ['weight'], what: 'een gewicht', readCode }));
}

/** The fixed-amounts file of the apportion tool: columns `code` and `amount` (euros), as `readWeights`. */
export function readFixed(text: string, bestand: string): CodeValueResult {
  const r = readCodeValues(text, bestand, { codeColumns: ['code'], valueColumns: ['amount'], what: 'een bedrag', readCode });
  if (!r.ok) return r;
  for (const row of r.rows) {
    if ((row.value.split('.')[1] ?? '').length > 2) {
      r.fouten.push(row.line, `${place(bestand, row.line, r.kolommen.value)}: ${row.value} heeft meer dan 2 decimalen; een bedrag is in hele centen`);
    }
  }
  return finish(r);
}

// ---------------------------------------------------------------------------------------------
// A distribution key uploaded as CSV (the app's "eigen tabel")

/** The outcome of `readKeyTable`: a value per municipality (with messages about what was mapped), or Dutch messages. */
export type KeyTableResult =
  | { ok: true; waarden: { code: string; waarde: string }[]; meldingen: string[] }
  | { ok: false; fouten: string[] };

/** At most this many decimals in a key value (the scenario's `tabel` key allows 12). */
const MAX_KEY_DECIMALS = 12;


function listNames(gs: readonly Municipality[]): string {
  const names = gs.map((g) => `${g.naam} (${g.code})`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/**
 * Where a code of the 2019-2023 divisions went: the current municipality itself, or the
 * municipalities of 2023-2026 it ended up in (following chains of mergers).
 */
function whereNow(
  data: BaselineData,
  current: ReadonlyMap<string, Municipality>,
  code: string,
): { soort: 'huidig'; gemeente: Municipality } | { soort: 'voormalig'; naam: string; datum: string; opvolgers: Municipality[] } | { soort: 'onbekend' } {
  const g = current.get(code);
  if (g) return { soort: 'huidig', gemeente: g };
  const { gemeenten, stappen } = successorsOf(data, code);
  const first = stappen[0];
  if (!first || gemeenten.length === 0) return { soort: 'onbekend' };
  // "Winsum (grootste deel)" -> "Winsum"
  return { soort: 'voormalig', naam: first.oudeNaam.replace(/\s*\(.*\)\s*$/, ''), datum: first.datum, opvolgers: gemeenten };
}

/**
 * A distribution key uploaded as CSV: columns `gemeentecode` (or `code`) and `waarde` (or
 * `weight`/`gewicht`). The code of a former municipality is mapped onto its successor, whose
 * values are then summed (with a message); a municipality that was split over several
 * successors cannot be mapped and is an error, as is an unknown code. Municipalities that are
 * absent get 0 (with a message).
 */
export function readKeyTable(text: string, bestand: string, data: BaselineData): KeyTableResult {
  const r = readCodeValues(text, bestand, {
    codeColumns: ['gemeentecode', 'code'],
    valueColumns: ['waarde', 'weight', 'gewicht'],
    what: 'een waarde',
    readCode: readGemeentecode,
  });
  if (!r.ok) return r;
  const { code: codeKolom, value: waardeKolom } = r.kolommen;

  const fouten = r.fouten;
  const firstMerger = data.herindelingen.reduce((y, m) => Math.min(y, Number(m.datum.slice(0, 4))), Infinity);
  const current = new Map(data.gemeenten.map((g) => [g.code, g]));
  const meldingen: string[] = [];
  const sums = new Map<string, Decimal>();
  const sources = new Map<string, string[]>(); // current code -> where its value came from
  for (const row of r.rows) {
    const decimals = (row.value.split('.')[1] ?? '').length;
    if (decimals > MAX_KEY_DECIMALS) {
      fouten.push(row.line, `${place(bestand, row.line, waardeKolom)}: ${row.value} heeft meer dan ${MAX_KEY_DECIMALS} decimalen`);
      continue;
    }
    const where = whereNow(data, current, row.code);
    let target: Municipality;
    if (where.soort === 'onbekend') {
      fouten.push(row.line, `${place(bestand, row.line, codeKolom)}: "${row.code}" is geen gemeente in de ${data.indeling.naam} en ook geen gemeente die sinds ${firstMerger} is opgeheven`);
      continue;
    } else if (where.soort === 'voormalig') {
      if (where.opvolgers.length > 1) {
        fouten.push(
          row.line,
          `${place(bestand, row.line, codeKolom)}: ${where.naam} (${row.code}) is per ${formatDate(where.datum)} opgeheven en verdeeld over ` +
            `${listNames(where.opvolgers)}; de waarde kan niet vanzelf over deze gemeenten worden verdeeld. Verdeel haar zelf en gebruik hun codes.`,
        );
        continue;
      }
      target = where.opvolgers[0]!;
      meldingen.push(
        `${place(bestand, row.line)}: ${where.naam} (${row.code}) is per ${formatDate(where.datum)} opgegaan in ${target.naam} (${target.code}); ` +
          `de waarde ${row.value} telt mee bij ${target.naam}.`,
      );
    } else target = where.gemeente;
    sums.set(target.code, (sums.get(target.code) ?? new Decimal(0)).plus(row.value));
    sources.set(target.code, [...(sources.get(target.code) ?? []), row.code]);
  }
  if (fouten.count > 0) return { ok: false, fouten: fouten.list() };

  if ([...sums.values()].every((v) => v.isZero())) {
    return { ok: false, fouten: [`${bestand}: alle waarden zijn 0; dan valt er niets naar te verdelen`] };
  }
  for (const [code, from] of sources) {
    if (from.length > 1) {
      const g = current.get(code)!;
      meldingen.push(`De waarden van ${from.join(', ')} zijn opgeteld voor ${g.naam} (${code}): ${sums.get(code)!.toFixed()}.`);
    }
  }
  const missing = data.gemeenten.filter((g) => !sums.has(g.code));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((g) => `${g.naam} (${g.code})`).join(', ');
    meldingen.push(
      `${missing.length} ${missing.length === 1 ? 'gemeente staat' : 'gemeenten staan'} niet in ${bestand} en ${missing.length === 1 ? 'krijgt' : 'krijgen'} 0: ` +
        `${shown}${missing.length > 5 ? ', ...' : ''}.`,
    );
  }
  // In the order of the municipality list, so the result does not depend on the file's order.
  const waarden = data.gemeenten.filter((g) => sums.has(g.code)).map((g) => ({ code: g.code, waarde: sums.get(g.code)!.toFixed() }));
  return { ok: true, waarden, meldingen };
}
