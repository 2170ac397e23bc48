/**
 * Writes CSV for people and programs. Two variants:
 * - plain: `,` separator, `.` decimal point, `\n` line ends (for programs and `parseCsv`);
 * - Excel-NL (`excel: true`): `;` separator, decimal comma in numeric cells, a UTF-8 byte order
 *   mark and CRLF, so a Dutch Excel opens it with the numbers as numbers.
 *
 * No cell is ever written so that a spreadsheet would run it as a formula: a text cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP advice on
 * CSV injection). A plain number such as `-12.50` is left alone: it is data, not a formula.
 */

/** A cell that is written as a number: optional minus, digits, optional `.` and digits. */
export const NUMERIC_CELL = /^-?\d+(\.\d+)?$/;

/** First characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export const BOM = '\uFEFF';

/** Options of `writeCsv`: Excel-NL (`;`, decimal comma, BOM) and which columns hold numbers. */
export interface WriteCsvOptions {
  excel?: boolean;
  /**
   * Which columns hold numbers. Without it, every cell that looks like a number is written as
   * one; with it, only these columns are, and a cell of any other column is always text (a code
   * such as `-2.5` stays `-2.5` as text, made harmless like any text).
   */
  numeric?: readonly boolean[];
}

/** A text cell made harmless: a leading `'` when it would start a formula. */
export function neutralizeFormula(cell: string): string {
  if (cell.length > 0 && FORMULA_START.has(cell[0]!) && !NUMERIC_CELL.test(cell)) return `'${cell}`;
  return cell;
}

/** A cell of a text column: a leading `'` whenever it starts like a formula, even when it reads as a number. */
export function neutralizeText(cell: string): string {
  return cell.length > 0 && FORMULA_START.has(cell[0]!) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

/** Text cells are quoted when they hold a separator of either kind, a quote or a line break, or start with a BOM. */
const NEEDS_QUOTES = /[",;\r\n]|^\uFEFF/;

/**
 * The CSV text of a header and rows. Every row must have as many cells as the header (a
 * programming error otherwise). Each record ends with a line end.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[], opts: WriteCsvOptions = {}): string {
  const excel = opts.excel === true;
  const sep = excel ? ';' : ',';
  const eol = excel ? '\r\n' : '\n';
  const single = header.length === 1;

  // A reader detects the separator from the header line, so a decimal comma there is quoted;
  // with one column the separator cannot be told at all, so a decimal comma is always quoted.
  const cell = (value: string, inHeader: boolean, column: number): string => {
    const asNumber = opts.numeric === undefined || inHeader ? NUMERIC_CELL.test(value) : opts.numeric[column] === true && NUMERIC_CELL.test(value);
    if (asNumber) {
      if (!excel) return value;
      const comma = value.replace('.', ',');
      return (single || inHeader) && comma.includes(',') ? quote(comma) : comma;
    }
    const safe = opts.numeric !== undefined && !inHeader ? neutralizeText(value) : neutralizeFormula(value);
    return NEEDS_QUOTES.test(safe) ? quote(safe) : safe;
  };
  const record = (cells: readonly string[], inHeader = false): string => {
    // A record of one empty cell would be an empty line, which readers skip: write `""`.
    if (cells.length === 1 && cells[0] === '') return `""${eol}`;
    return cells.map((c, i) => cell(c, inHeader, i)).join(sep) + eol;
  };

  let out = excel ? BOM : '';
  out += record(header, true);
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`writeCsv: row ${i} has ${row.length} cells, the header has ${header.length}`);
    }
    out += record(row);
  });
  return out;
}
