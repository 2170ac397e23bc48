/**
 * Writing results. The tables people download are defined by the core (`allocationTable`,
 * `comparisonTable`, `overviewTable`, ...) and written here exactly as the core writes them:
 * `tableToCsv` (plain or Excel-NL) or `tableToObjects` (JSON), so the CLI and the app give the
 * same file for the same question. Amounts are always decimal strings; a JS number is only used
 * for a year.
 *
 * Everything the CLI writes passes `terminalSafe` (through `safeIo`, in `main`): a scenario
 * name, a code or a file name cannot make a terminal change colour, move the cursor or reverse
 * the text.
 */
import { csvMetadata, tableToCsv, tableToObjects, writeCsv, type ExportMetadata, type Table } from '@kansrijke-start/core';
import type { Format } from './args.js';
import { csvNameFor, writeMetadataFile } from './metadata.js';
import { layoutTable, tableText } from './terminal.js';

/** A terminal that standard output goes to: its width in characters. */
export interface Terminal {
  columns: number;
}

/** Where a command writes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Set when standard output is a terminal (people read it): tables are laid out, prose wrapped. */
  terminal?: Terminal | null;
  /** True when standard error is a terminal (a progress line may be shown there). */
  errTerminal?: boolean;
  /** A line on standard error that each call replaces (progress); null clears it. Only on a terminal. */
  status?: (line: string | null) => void;
}

/**
 * Characters a terminal acts on: the C0 controls except tab and line feed (ESC starts colour
 * and cursor sequences), a carriage return that is not part of a CRLF line end (it moves back
 * over the line), DEL, the C1 controls (U+0080-U+009F; U+009B is a one-character CSI), and the
 * Unicode bidi embeddings, overrides and isolates (they reverse what follows, "Trojan Source").
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/**
 * The one place where output is made safe for a terminal: each character a terminal acts on
 * is written out as `\u001b` (visible, and in JSON output the same escape JSON itself uses, so
 * the JSON stays valid and reads back to the same text). Tab, line feed and CRLF stay as they are.
 */
export function terminalSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An Io whose every write passes `terminalSafe`. */
export function safeIo(io: Io): Io {
  return {
    out: (text) => io.out(terminalSafe(text)),
    err: (text) => io.err(terminalSafe(text)),
    terminal: io.terminal ?? null,
    errTerminal: io.errTerminal === true,
    ...(io.status ? { status: (line: string | null) => io.status!(line === null ? null : terminalSafe(line)) } : {}),
  };
}

export interface TableOptions {
  format: Format;
  excel: boolean;
}

export interface ExportOptions extends TableOptions {
  /** The file for the CSVW metadata of CSV output (--metadata), or null. */
  metadata: string | null;
  /** A terminal to lay the table out for (see `textLayout`), instead of CSV or JSON. */
  tekst?: Terminal | null;
}

/**
 * Writes a core table as an export: JSON is one document `{ metadata, ...json(regels) }`
 * (without `json`: `{ metadata, regels }`); CSV is the table alone, and with --metadata its CSVW
 * metadata goes to that file first (so a file that cannot be written stops before any output).
 */
export function writeExport(
  io: Io,
  table: Table,
  opts: ExportOptions,
  metadata: ExportMetadata,
  json?: (regels: ReturnType<typeof tableToObjects>) => Record<string, unknown>,
): void {
  if (opts.tekst) {
    io.out(tableText(table, opts.tekst.columns));
    return;
  }
  if (opts.format === 'json') {
    const regels = tableToObjects(table);
    io.out(toJson({ metadata, ...(json ? json(regels) : { regels }) }));
    return;
  }
  if (opts.metadata !== null) writeMetadataFile(opts.metadata, csvMetadata(table, metadata, csvNameFor(opts.metadata), { excel: opts.excel }));
  io.out(tableToCsv(table, { excel: opts.excel }));
}

/** Rows are written in batches of this many, so a large table never exists as one text. */
const BATCH = 10_000;

/** The rows in batches, each batch an array. */
function* batches<T>(rows: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Writes a plain table of text cells (the apportion tool, which has no core table); null is
 * empty. `numeric` says which columns hold numbers; any other cell is text, made harmless.
 * The rows may be produced as they are written (an iterable); the text is written in batches,
 * byte for byte the same as writing all rows at once.
 */
export function writeTable(
  io: Io,
  header: readonly string[],
  rows: Iterable<readonly (string | null)[]>,
  opts: TableOptions & { numeric: readonly boolean[]; tekst?: Terminal | null; display?: (row: readonly (string | null)[]) => string[] },
): void {
  if (opts.tekst) {
    const all = [...rows];
    io.out(layoutTable({ koppen: header, rijen: all.map((r) => (opts.display ? opts.display(r) : r.map((c) => c ?? ''))), rechts: opts.numeric }, opts.tekst.columns));
    return;
  }
  if (opts.format === 'json') {
    // The same text as toJson(array of objects): `[`, each object indented by two, `]`.
    let first = true;
    for (const batch of batches(rows)) {
      const objects = batch.map((r) => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])), null, 2).replace(/\n/g, '\n  '));
      io.out(`${first ? '[\n  ' : ',\n  '}${objects.join(',\n  ')}`);
      first = false;
    }
    io.out(first ? '[]\n' : '\n]\n');
    return;
  }
  const csvOpts = { excel: opts.excel, numeric: opts.numeric };
  // writeCsv always starts with the header (and the BOM for Excel): written once, cut off the batches.
  const head = writeCsv(header, [], csvOpts);
  io.out(head);
  for (const batch of batches(rows)) {
    io.out(writeCsv(header, batch.map((r) => r.map((c) => c ?? '')), csvOpts).slice(head.length));
  }
}

/** JSON text with bigints as strings, indented, with a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}
