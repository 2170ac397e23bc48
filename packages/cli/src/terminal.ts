/**
 * Output for people at a terminal. When standard output is a terminal and no --format is
 * given, a table command prints its core table as an aligned text table (amounts in Dutch
 * notation, `€ 1.234.567,89`, numbers right-aligned) and prose is wrapped to the terminal's
 * width. Piped, or with --format, the output stays the machine-readable text it always was.
 *
 * Only the layout is made here: the figures, the columns and their headers are the core's
 * table, and every cell is written with the core's formatting (`formatEuro`, `formatNumber`).
 * Whether standard output is a terminal is injectable (the Io's `terminal`; for the process,
 * KS_BUDGET_TTY=1 or 0 and KS_BUDGET_COLUMNS), so tests can force it.
 */
import { formatDate, formatEuro, formatNumber, isNumericColumn, type Column, type Table } from '@kansrijke-start/core';
import { terminalSafe, type Io, type Terminal } from './output.js';

/** The width when a terminal does not say its width. */
export const DEFAULT_COLUMNS = 80;
/** Space between two columns of a text table. */
const GAP = '  ';
/** Below this width a table is not narrowed further: each row becomes a block of lines. */
const MIN_COLUMNS = 20;

/**
 * The terminal of the process's standard output, or null: KS_BUDGET_TTY=1 forces a terminal
 * and =0 forbids it; otherwise the stream decides. The width is KS_BUDGET_COLUMNS, else the
 * terminal's own, else 80.
 */
export function processTerminal(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = process.env): Terminal | null {
  const forced = env['KS_BUDGET_TTY'];
  const tty = forced === '1' ? true : forced === '0' ? false : stream.isTTY === true;
  if (!tty) return null;
  const given = Number(env['KS_BUDGET_COLUMNS']);
  const columns = Number.isInteger(given) && given > 0 ? given : stream.columns && stream.columns > 0 ? stream.columns : DEFAULT_COLUMNS;
  return { columns: Math.max(columns, MIN_COLUMNS) };
}

/** Whether standard error is a terminal (for a progress line): KS_BUDGET_STDERR_TTY=1 or 0 forces it. */
export function processErrTerminal(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const forced = env['KS_BUDGET_STDERR_TTY'];
  return forced === '1' ? true : forced === '0' ? false : stream.isTTY === true;
}

/**
 * The terminal to lay out for, or null for machine-readable output: only when standard output
 * is a terminal and none of --format, --excel or --metadata (which ask for a file) is given.
 */
export function textLayout(io: Io, values: { format?: string | undefined; excel?: boolean | undefined; metadata?: string | undefined }): Terminal | null {
  if (!io.terminal || values.format !== undefined || values.excel !== undefined || values.metadata !== undefined) return null;
  return io.terminal;
}

/** The length of a text as a terminal shows it (code points; the texts here have no wide characters). */
const len = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** The longest word of a text (what cannot be broken). */
const longestWord = (s: string): number => s.split('\n').flatMap(wordsOf).reduce((m, w) => Math.max(m, len(w)), 0);

/**
 * The words of a line: split at spaces, but the euro sign stays with its amount (`€ 1.234`,
 * `-€ 5`), so an amount is never broken over two lines.
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const w of text.split(' ')) {
    if (w === '') continue;
    const last = words.at(-1);
    if (last !== undefined && /^[-+]?€$/.test(last)) words[words.length - 1] = `${last} ${w}`;
    else words.push(w);
  }
  return words;
}

/** Splits one line into pieces of at most `width` at spaces; a longer word stays whole on its own piece. */
function breakLine(text: string, width: number): string[] {
  const words = wordsOf(text);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line === '') line = w;
    else if (len(line) + 1 + len(w) <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Prose wrapped to `width`: every line longer than the width is broken at spaces; its
 * continuation lines keep the line's indentation (and that of a list item, `1. ` or `- `), so
 * an indented list stays readable. A word longer than the width is never broken.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (len(line) <= width) return line;
      const indent = /^ */.exec(line)![0];
      const marker = /^ *(?:\d+\.|[-*•]|==) /.exec(line)?.[0] ?? indent;
      const hang = marker.length * 2 <= width ? ' '.repeat(marker.length) : '';
      const pieces = breakLine(line.slice(indent.length), width - indent.length);
      const out = [indent + pieces[0]!];
      // The rest again, with the hanging indent, to the full width.
      const rest = pieces.slice(1).join(' ');
      if (rest !== '') out.push(...breakLine(rest, width - hang.length).map((p) => hang + p));
      return out.join('\n');
    })
    .join('\n');
}

/** Prose for the standard output: wrapped when it goes to a terminal (and no machine format was asked for). */
export function prose(io: Io, text: string, machine = false): string {
  // Made safe first (as every write is), so that the width is that of what the terminal shows.
  return io.terminal && !machine ? wrapText(terminalSafe(text), io.terminal.columns) : text;
}

/** Decimal text (`-12.5`) in Dutch notation, with all its decimals: no rounding for display. */
function dutchDecimal(text: string): string {
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  return formatNumber(text, decimals);
}

/** A cell of a core table as people read it; empty stays empty (unknown or not applicable, never 0). */
export function displayCell(t: Table, c: Column, v: Table['rijen'][number][number]): string {
  if (v === null || v === undefined) return '';
  switch (c.soort) {
    case 'euro':
      return formatEuro(v as bigint, t.eenheid === 'euro' ? 'auto' : 'always');
    case 'aantal':
      return formatNumber(BigInt(v), 0);
    case 'getal':
      return /^-?\d+(\.\d+)?$/.test(String(v)) ? dutchDecimal(String(v)) : String(v);
    case 'datum':
      return formatDate(String(v)); // "12 september 2025"
    default:
      return String(v);
  }
}


export interface TextTable {
  koppen: readonly string[];
  rijen: readonly (readonly string[])[];
  /** Per column: right-aligned (numbers). */
  rechts: readonly boolean[];
}

/** A core table as a text table, with the Dutch headers. */
export function textTableOf(t: Table): TextTable {
  return {
    koppen: t.kolommen.map((c) => c.kop),
    rijen: t.rijen.map((r) => t.kolommen.map((c, i) => displayCell(t, c, r[i] ?? null))),
    rechts: t.kolommen.map(isNumericColumn), // numbers right-aligned
  };
}

/** The lines of one cell in a column of `width`: numbers are never broken (they have no spaces). */
function cellLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((l) => (len(l) <= width ? [l] : breakLine(l, width)));
}

const pad = (s: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - len(s)));
  return right ? fill + s : s + fill;
};

/**
 * The column widths that fit `width`: each column as wide as its widest cell or header, and
 * when that is too wide the widest columns narrowed (their text wraps) down to their longest
 * word; null when even that does not fit.
 */
function fitWidths(t: TextTable, width: number): number[] | null {
  const n = t.koppen.length;
  const natural = t.koppen.map((k, i) => Math.max(len(k), ...t.rijen.map((r) => len(r[i] ?? ''))));
  // Numbers are not wrapped; text and headers may wrap at spaces.
  const minimum = t.koppen.map((k, i) => Math.max(longestWord(k), ...t.rijen.map((r) => (t.rechts[i] ? len(r[i] ?? '') : longestWord(r[i] ?? '')))));
  const total = (w: number[]) => w.reduce((s, x) => s + x, 0) + GAP.length * (n - 1);
  if (total(minimum) > width) return null;
  const widths = [...natural];
  while (total(widths) > width) {
    // Narrow the widest column that can still be narrowed, by one.
    let k = -1;
    for (let i = 0; i < n; i++) if (widths[i]! > minimum[i]! && (k < 0 || widths[i]! > widths[k]!)) k = i;
    widths[k] = widths[k]! - 1;
  }
  return widths;
}

/**
 * A text table laid out for a terminal of `width` characters: a header (wrapped), a line of
 * dashes, the rows; numbers right-aligned, text left-aligned and wrapped within its column. A
 * table that does not fit even with every text column at its longest word is written as one
 * block per row (`kop  waarde`). No line is longer than `width`, except for a single word (or
 * number) that is longer on its own. Lines have no trailing spaces.
 */
export function layoutTable(table: TextTable, width: number): string {
  if (table.koppen.length === 0) return '';
  // Made safe first (as every write is), so that the widths are those of what the terminal shows.
  const t: TextTable = { ...table, koppen: table.koppen.map(terminalSafe), rijen: table.rijen.map((r) => r.map(terminalSafe)) };
  const widths = fitWidths(t, width);
  if (widths === null) return layoutBlocks(t, width);
  const line = (cells: readonly string[], right: readonly boolean[]): string[] => {
    const split = cells.map((c, i) => cellLines(c, widths[i]!));
    const height = Math.max(...split.map((s) => s.length));
    const out: string[] = [];
    for (let h = 0; h < height; h++) out.push(split.map((s, i) => pad(s[h] ?? '', widths[i]!, right[i]!)).join(GAP).trimEnd());
    return out;
  };
  const lines = [...line(t.koppen, t.rechts), widths.map((w) => '-'.repeat(w)).join(GAP)];
  for (const r of t.rijen) lines.push(...line(r, t.rechts));
  return `${lines.join('\n')}\n`;
}

/** One block per row: each column as `kop  waarde`, the value wrapped; a blank line between rows. */
function layoutBlocks(t: TextTable, width: number): string {
  const label = Math.min(Math.max(...t.koppen.map(len)), Math.floor(width / 3));
  const value = width - label - GAP.length;
  // Without rows, the columns it would have: one header per line.
  if (t.rijen.length === 0) return `${t.koppen.flatMap((k) => cellLines(k, width)).join('\n')}\n`;
  const blocks = t.rijen.map((r) =>
    t.koppen
      .flatMap((k, i) => {
        const heads = cellLines(k, label);
        const values = cellLines(r[i] ?? '', value);
        const height = Math.max(heads.length, values.length);
        const out: string[] = [];
        for (let h = 0; h < height; h++) out.push(`${pad(heads[h] ?? '', label, false)}${GAP}${values[h] ?? ''}`.trimEnd());
        return out;
      })
      .join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/**
 * A core table for a terminal of `width`. Columns that would only repeat themselves are taken
 * out of the table and said once above it, so that the table fits more often: a column empty in
 * every row ("zonder waarde"), and, with more than one row, a column with the same value in
 * every row ("in alle regels"). Nothing is left out without being said. The CSV and JSON
 * output always have every column.
 */
export function tableText(table: Table, width: number): string {
  const t = textTableOf(table);
  const n = t.koppen.length;
  const empty: number[] = [];
  const same: number[] = [];
  if (t.rijen.length > 0) {
    for (let i = 0; i < n; i++) {
      const first = t.rijen[0]![i] ?? '';
      if (!t.rijen.every((r) => (r[i] ?? '') === first)) continue;
      if (first === '') empty.push(i);
      else if (t.rijen.length > 1) same.push(i);
    }
  }
  const keep = t.koppen.map((_, i) => i).filter((i) => !empty.includes(i) && !same.includes(i));
  if (keep.length === n || keep.length === 0) return layoutTable(t, width);
  const notes: string[] = [];
  if (same.length > 0) notes.push(`In alle regels: ${same.map((i) => `${t.koppen[i]}: ${t.rijen[0]![i]}`).join('; ')}.`);
  if (empty.length > 0) notes.push(`Zonder waarde in alle regels: ${empty.map((i) => t.koppen[i]).join('; ')}.`);
  const narrowed: TextTable = { koppen: keep.map((i) => t.koppen[i]!), rechts: keep.map((i) => t.rechts[i]!), rijen: t.rijen.map((r) => keep.map((i) => r[i] ?? '')) };
  return `${wrapText(terminalSafe(notes.join('\n')), width)}\n\n${layoutTable(narrowed, width)}`;
}
