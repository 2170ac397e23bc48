/**
 * Writing results. The tables people download are defined by the core (`allocationTable`,
 * `comparisonTable`, `overviewTable`, ...) and written here exactly as the core writes them:
 * `tableToCsv` (plain or Excel-NL) or `tableToObjects` (JSON), so the CLI and the app give the
 * same file for the same question. Amounts are always decimal strings; a JS number is only used
 * for a year.
 */
import { tableToCsv, tableToObjects, writeCsv, type Table } from '@kansrijke-start/core';
import type { Format } from './args.js';

/** Where a command writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface TableOptions {
  format: Format;
  excel: boolean;
}

/** Writes a core table as CSV or JSON; `json` wraps the JSON rows into the document that is written. */
export function writeCoreTable(io: Io, table: Table, opts: TableOptions, json?: (regels: ReturnType<typeof tableToObjects>) => unknown): void {
  if (opts.format === 'json') {
    const regels = tableToObjects(table);
    io.out(toJson(json ? json(regels) : regels));
    return;
  }
  io.out(tableToCsv(table, { excel: opts.excel }));
}

/**
 * Writes a plain table of text cells (the apportion tool, which has no core table); null is
 * empty. `numeric` says which columns hold numbers; any other cell is text, made harmless.
 */
export function writeTable(io: Io, header: readonly string[], rows: readonly (readonly (string | null)[])[], opts: TableOptions & { numeric: readonly boolean[] }): void {
  if (opts.format === 'json') {
    io.out(toJson(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])))));
    return;
  }
  io.out(writeCsv(header, rows.map((r) => r.map((c) => c ?? '')), { excel: opts.excel, numeric: opts.numeric }));
}

/** JSON text with bigints as strings, indented, with a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}
