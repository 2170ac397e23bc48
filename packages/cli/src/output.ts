/**
 * Writing results: a table as CSV (plain or Excel-NL) or as JSON. Amounts are always decimal
 * strings; a JS number is only used for a year.
 */
import { centsToPlain, toDecimal, type Fraction } from '@kansrijke-start/core';
import { writeCsv } from '@kansrijke-start/core';
import type { Format } from './args.js';

/** Where a command writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** A table cell: text, a year, or null for "unknown / not applicable" (empty in CSV, null in JSON). */
export type Cell = string | number | null;

export interface TableOptions {
  format: Format;
  excel: boolean;
  /** Wraps the JSON rows into the document that is written (default: the rows themselves). */
  json?: (rows: Record<string, Cell>[]) => unknown;
}

export function writeTable(io: Io, header: readonly string[], rows: readonly (readonly Cell[])[], opts: TableOptions): void {
  if (opts.format === 'json') {
    const objects = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
    io.out(toJson(opts.json ? opts.json(objects) : objects));
    return;
  }
  io.out(writeCsv(header, rows.map((r) => r.map((c) => (c === null ? '' : String(c)))), { excel: opts.excel }));
}

/** JSON text with bigints as strings, indented, with a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}

/** Cents as euros with a `.` (`1234` in whole-euro mode, `1234.56` in cent mode); null stays null. */
export function euros(cents: bigint | null, unit: 'euro' | 'cent'): string | null {
  return cents === null ? null : centsToPlain(cents, unit);
}

/** A fraction as a decimal string with `digits` decimals, rounded half away from zero. */
export function fixed(f: Fraction | null, digits: number): string | null {
  return f === null ? null : toDecimal(f, digits).toFixed(digits);
}
