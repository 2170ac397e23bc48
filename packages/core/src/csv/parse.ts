/**
 * A small RFC 4180 CSV reader for user files: quoted fields, doubled quotes, line breaks inside
 * quotes, a UTF-8 byte order mark, CRLF or LF line ends, and `,` or `;` as separator (detected
 * from the header line). Pure: no file system, no DOM. Never throws on any input; problems come
 * back as Dutch messages that name the file and the line.
 *
 * The records are read one at a time (`CsvCursor`), so a reader that needs only some columns
 * (the weights) keeps only those, and never a second copy of the whole table; messages are
 * collected up to a limit and counted after it, so a file full of errors costs no memory either.
 */

export type Separator = ',' | ';';

/** One data record; `line` is the line in the file where it starts (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** The outcome of `parseCsv`: the header and rows, or Dutch messages with their line. */
export type CsvParseResult =
  | { ok: true; header: string[]; rows: CsvRow[]; separator: Separator }
  | { ok: false; fouten: string[] };

/** At most this many messages; after that one line says how many more there are. */
export const MAX_FOUTEN = 50;

/** Counts `,` and `;` outside quotes on the first line, and picks the more frequent one (`,` on a tie). */
export function detectSeparator(text: string): Separator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted; // a doubled quote toggles twice: no effect
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The last line of a list of messages that was cut off: `... en nog 3 fouten`. */
const more = (n: number): string => `... en nog ${n} ${n === 1 ? 'fout' : 'fouten'}`;

/** Messages in the order they are found: the first MAX_FOUTEN are kept, the rest only counted. */
export class Messages {
  private readonly kept: string[] = [];
  private extra = 0;
  constructor(private readonly max = MAX_FOUTEN) {}
  push(text: string): void {
    if (this.kept.length < this.max) this.kept.push(text);
    else this.extra++;
  }
  get count(): number {
    return this.kept.length + this.extra;
  }
  /** The kept messages, and a last line with the number left out. */
  list(): string[] {
    return this.extra === 0 ? [...this.kept] : [...this.kept, more(this.extra)];
  }
}

/**
 * Messages that belong to a line, reported in line order (stable for one line): only the
 * MAX_FOUTEN with the lowest lines are kept, the others counted. The same result as sorting all
 * of them and keeping the first MAX_FOUTEN, without keeping all of them.
 */
export class LineMessages {
  private readonly kept: { line: number; text: string; seq: number }[] = [];
  private extra = 0;
  private seq = 0;
  constructor(private readonly max = MAX_FOUTEN) {}
  push(line: number, text: string): void {
    const item = { line, text, seq: this.seq++ };
    if (this.kept.length < this.max) {
      this.kept.push(item);
      return;
    }
    this.extra++;
    // Replace the one that sorts last (the highest line, the latest of that line) when the new one sorts before it.
    let last = 0;
    for (let i = 1; i < this.kept.length; i++) {
      const k = this.kept[i]!;
      const l = this.kept[last]!;
      if (k.line > l.line || (k.line === l.line && k.seq > l.seq)) last = i;
    }
    if (line < this.kept[last]!.line) this.kept[last] = item;
  }
  get count(): number {
    return this.kept.length + this.extra;
  }
  list(): string[] {
    const texts = [...this.kept].sort((a, b) => a.line - b.line || a.seq - b.seq).map((k) => k.text);
    return this.extra === 0 ? texts : [...texts, more(this.extra)];
  }
}

function countLineBreaks(s: string, from = 0, to = s.length): number {
  let c = 0;
  for (let k = from; k < to; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 10) c++;
    else if (ch === 13) {
      c++;
      if (s.charCodeAt(k + 1) === 10 && k + 1 < to) k++;
    }
  }
  return c;
}

/** The text without its byte order mark, or the message why it is not a CSV text at all. */
export function csvBody(text: unknown, bestand: string): { ok: true; body: string } | { ok: false; fout: string } {
  if (typeof text !== 'string') return { ok: false, fout: `${bestand}: de inhoud is geen tekst` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A NUL byte is in no text a person writes: a binary file, a workbook, or UTF-16 without a BOM.
  const nul = body.indexOf('\0');
  if (nul >= 0) {
    const line = countLineBreaks(body, 0, nul) + 1;
    return {
      ok: false,
      fout:
        `${bestand}, regel ${line}: het bestand bevat een nul-byte (U+0000) en is dus geen CSV-tekst; ` +
        'is het een Excel-werkmap of opgeslagen als UTF-16? Sla het op als CSV UTF-8',
    };
  }
  return { ok: true, body };
}

/**
 * Reads the records of a CSV text one at a time. Line breaks: CRLF, LF, or a lone CR. Problems
 * go to `fouten`; after a quote that is never closed, there are no more records.
 */
export class CsvCursor {
  private i = 0;
  private lineNo = 1;
  private stopped = false;
  private readonly n: number;
  private readonly sepCode: number;

  constructor(
    private readonly text: string,
    readonly separator: Separator,
    private readonly where: (line: number) => string,
    private readonly fouten: Messages,
  ) {
    this.n = text.length;
    this.sepCode = separator.charCodeAt(0);
  }

  /** The next record that is not blank (a line with nothing on it, not even `""`), or null at the end. */
  next(): CsvRow | null {
    for (;;) {
      const r = this.record();
      if (r === null) return null;
      if (!r.blank) return { line: r.line, cells: r.cells };
    }
  }

  private record(): { line: number; cells: string[]; blank: boolean } | null {
    const { text, n, separator: sep } = this;
    if (this.stopped || this.i >= n) return null;
    let i = this.i;
    let line = this.lineNo;
    const start = line;
    const cells: string[] = [];
    let endOfRecord = false;
    let sawQuote = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        // A quoted field: up to the closing quote; `""` is one quote.
        sawQuote = true;
        const fieldLine = line;
        let value = '';
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          const end = q === -1 ? n : q;
          line += countLineBreaks(text, j, end);
          value += text.slice(j, end);
          if (q === -1) {
            j = n;
            break;
          }
          if (text[q + 1] === '"') {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          this.fouten.push(`${this.where(fieldLine)}: een aanhalingsteken (") wordt geopend maar niet gesloten`);
          this.stopped = true;
          return null;
        }
        cells.push(value);
        i = j;
        // After the closing quote: a separator, a line end, or the end of the text.
        if (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          // Report the stray text and resynchronise on the next separator or line end.
          const from = i;
          while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') i++;
          const rest = text.slice(from, Math.min(i, from + 20));
          this.fouten.push(`${this.where(line)}: na het sluitende aanhalingsteken staat nog tekst ("${rest}"); zet de hele cel tussen aanhalingstekens`);
        }
      } else {
        // An unquoted field: up to the separator or the line end. A quote inside it is kept as it is.
        let j = i;
        while (j < n) {
          const ch = text.charCodeAt(j);
          if (ch === this.sepCode || ch === 10 || ch === 13) break;
          j++;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) endOfRecord = true;
      else if (text[i] === sep) {
        i++;
        if (i >= n) {
          cells.push(''); // a separator at the very end: one more, empty field
          endOfRecord = true;
        }
      } else {
        // A line end: CRLF, LF or a lone CR.
        if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
        else i++;
        line++;
        endOfRecord = true;
      }
    }
    this.i = i;
    this.lineNo = line;
    return { line: start, cells, blank: !sawQuote && cells.length === 1 && cells[0] === '' };
  }
}

/** The message for a record whose number of cells differs from the header's. */
export function raggedMessage(where: string, cells: number, width: number, separator: Separator): string {
  return `${where}: ${cells} ${cells === 1 ? 'kolom' : 'kolommen'} in plaats van ${width} zoals in de kopregel (scheidingsteken "${separator}")`;
}

/** The message for a file without any record. */
export const emptyMessage = (bestand: string): string =>
  `${bestand}: het bestand is leeg; verwacht een kopregel met kolomnamen en daaronder de gegevens`;

/**
 * Reads a CSV text with a header line. The separator is `;` when the header line holds more
 * `;` than `,` (outside quotes), else `,`. Empty lines are skipped; every other record must have
 * as many cells as the header. A NUL byte anywhere is refused (the file is not text).
 */
export function parseCsv(text: string, opts: { bestand: string }): CsvParseResult {
  const bestand = opts.bestand;
  const where = (line: number) => `${bestand}, regel ${line}`;
  const prepared = csvBody(text, bestand);
  if (!prepared.ok) return { ok: false, fouten: [prepared.fout] };
  const separator = detectSeparator(prepared.body);
  const fouten = new Messages();
  const cursor = new CsvCursor(prepared.body, separator, where, fouten);
  const head = cursor.next();
  if (head === null && fouten.count === 0) return { ok: false, fouten: [emptyMessage(bestand)] };
  const rows: CsvRow[] = [];
  if (head) {
    const width = head.cells.length;
    for (let r = cursor.next(); r !== null; r = cursor.next()) {
      if (r.cells.length !== width) fouten.push(raggedMessage(where(r.line), r.cells.length, width, separator));
      else if (fouten.count === 0) rows.push(r);
    }
  }
  if (fouten.count > 0) return { ok: false, fouten: fouten.list() };
  return { ok: true, header: head!.cells, rows, separator };
}

/** The first MAX_FOUTEN messages, and a last line with the number left out. */
export function limit(fouten: string[], max = MAX_FOUTEN): string[] {
  if (fouten.length <= max) return fouten;
  return [...fouten.slice(0, max), more(fouten.length - max)];
}
