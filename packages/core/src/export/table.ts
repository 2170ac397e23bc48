import { centsToPlain } from '../money/format.js';
import { writeCsv } from '../csv/write.js';
import type { RoundingUnit } from '../allocation/types.js';

/**
 * One definition of every table a person can download: its columns (with a machine name, a
 * Dutch header and a kind) and its rows of typed cells. CSV (plain and Excel-NL), JSON and xlsx
 * (`table-xlsx.ts`) are all written from it, so the CLI and the app give the same file for the
 * same question.
 */

/** What a column holds; it decides how a cell is written in each format. */
export type ColumnKind =
  /** Free text. */
  | 'tekst'
  /** A code (municipality, stream, recipient, status): always text, never a number. */
  | 'code'
  /** A year: a plain integer. */
  | 'jaar'
  /** Money: bigint cents, written in euros in the table's unit. */
  | 'euro'
  /** A number given as exact decimal text with a `.` (a percentage, a factor, a count). */
  | 'getal'
  /** A whole number (bigint), such as inhabitants. */
  | 'aantal'
  /** A date as precise as its source, ISO text (`2025-09-12`, `2026-01`, `2025`): as it is in files, in Dutch for people. */
  | 'datum';

/** A column of an export table: its machine name, Dutch header, kind and width. */
export interface Column {
  /** Machine name: the CSV header and the JSON key (`jaar`, `bedrag`, `status_basis`). */
  id: string;
  /** Dutch header for people (the xlsx sheet). */
  kop: string;
  soort: ColumnKind;
  /** Width in characters in the xlsx sheet. */
  breedte?: number;
  /** For a `getal` column that holds euros with cents as decimal text (per inhabitant): the xlsx sheet shows it in the euro format. */
  euroCent?: boolean;
}

/** A cell: text for text and code columns, a number for years, bigint for money and counts, decimal text for numbers; null = empty (unknown). */
export type Cell = string | number | bigint | null;

/** An export table: one definition, written as CSV, JSON or an xlsx sheet. */
export interface Table {
  /** Sheet name and file name part (`vergelijking`, `totalen`). */
  naam: string;
  kolommen: readonly Column[];
  rijen: readonly (readonly Cell[])[];
  /** Money columns are written in whole euros (`1234`) or with cents (`1234.56`). */
  eenheid: RoundingUnit;
  /**
   * A totals row, computed exactly in the core (see `withTotals`): only the xlsx sheet shows it,
   * below the rows and outside the autofilter; CSV and JSON hold the rows alone.
   */
  totaal?: readonly Cell[];
}

/** The label of a totals row. */
export const TOTAL_LABEL = 'Totaal';

/**
 * The table with a totals row: every money column summed exactly over the rows (bigint cents);
 * a column with an unknown amount has an unknown total (empty), never a partial sum. The label
 * goes in the first column that is not money (or in `labelKolom`, a column id).
 */
export function withTotals(t: Table, opts: { label?: string; labelKolom?: string } = {}): Table {
  const labelAt = opts.labelKolom !== undefined ? t.kolommen.findIndex((c) => c.id === opts.labelKolom) : t.kolommen.findIndex((c) => c.soort !== 'euro');
  const totaal: Cell[] = t.kolommen.map((c, i) => {
    if (c.soort !== 'euro') return i === labelAt ? (opts.label ?? TOTAL_LABEL) : null;
    let sum: bigint | null = 0n;
    for (const r of t.rijen) {
      const v = r[i] ?? null;
      if (v === null) return null;
      sum += v as bigint;
    }
    return sum;
  });
  return { ...t, totaal };
}

/** The text of a cell as CSV and JSON write it (money in euros with a `.`); '' for empty. */
export function cellText(t: Table, c: Column, v: Cell): string {
  if (v === null) return '';
  if (c.soort === 'euro') return centsToPlain(v as bigint, t.eenheid);
  return String(v);
}

/** Whether a column holds numbers (years, money, decimals, counts); the others are text. */
export const isNumericColumn = (c: Column): boolean => c.soort === 'euro' || c.soort === 'getal' || c.soort === 'aantal' || c.soort === 'jaar';

/** The table as CSV: plain (`,`, `.`), or for Dutch Excel (`;`, decimal comma, BOM, CRLF). */
export function tableToCsv(t: Table, opts: { excel?: boolean } = {}): string {
  return writeCsv(
    t.kolommen.map((c) => c.id),
    t.rijen.map((r) => t.kolommen.map((c, i) => cellText(t, c, r[i] ?? null))),
    { excel: opts.excel === true, numeric: t.kolommen.map(isNumericColumn) },
  );
}

/** The rows as JSON objects keyed by column id: money and counts as decimal text, years as numbers, empty as null. */
export function tableToObjects(t: Table): Record<string, string | number | null>[] {
  return t.rijen.map((r) =>
    Object.fromEntries(
      t.kolommen.map((c, i) => {
        const v = r[i] ?? null;
        return [c.id, v === null ? null : c.soort === 'jaar' ? Number(v) : cellText(t, c, v)];
      }),
    ),
  );
}
