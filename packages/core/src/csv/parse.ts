/**
 * A small RFC 4180 CSV reader for user files: quoted fields, doubled quotes, line breaks inside
 * quotes, a UTF-8 byte order mark, CRLF or LF line ends, and `,` or `;` as separator (detected
 * from the header line). Pure: no file system, no DOM. Never throws on any input; problems come
 * back as Dutch messages that name the file and the line.
 */

export type Separator = ',' | ';';

/** One data record; `line` is the line in the file where it starts (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvParseResult =
  | { ok: true; header: string[]; rows: CsvRow[]; separator: Separator }
  | { ok: false; fouten: string[] };

/** At most this many messages; after that one line says how many more there are. */
export const MAX_FOUTEN = 50;

interface RawRecord {
  line: number;
  cells: string[];
  /** True for a line with nothing on it (not even `""`): skipped. */
  blank: boolean;
}

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

/** Splits text into records. Line breaks: CRLF, LF, or a lone CR. */
function records(text: string, sep: Separator, where: (line: number) => string, fouten: string[]): RawRecord[] {
  const out: RawRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
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
          const chunk = q === -1 ? text.slice(j) : text.slice(j, q);
          line += countLineBreaks(chunk);
          value += chunk;
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
          fouten.push(`${where(fieldLine)}: een aanhalingsteken (") wordt geopend maar niet gesloten`);
          return out;
        }
        cells.push(value);
        i = j;
        // After the closing quote: a separator, a line end, or the end of the text.
        if (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          // Report the stray text and resynchronise on the next separator or line end.
          const from = i;
          while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') i++;
          const rest = text.slice(from, Math.min(i, from + 20));
          fouten.push(`${where(line)}: na het sluitende aanhalingsteken staat nog tekst ("${rest}"); zet de hele cel tussen aanhalingstekens`);
        }
      } else {
        // An unquoted field: up to the separator or the line end. A quote inside it is kept as it is.
        let j = i;
        while (j < n) {
          const ch = text[j];
          if (ch === sep || ch === '\n' || ch === '\r') break;
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
    out.push({ line: start, cells, blank: !sawQuote && cells.length === 1 && cells[0] === '' });
  }
  return out;
}

function countLineBreaks(s: string): number {
  let c = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 10) c++;
    else if (ch === 13) {
      c++;
      if (s.charCodeAt(k + 1) === 10) k++;
    }
  }
  return c;
}

/**
 * Reads a CSV text with a header line. The separator is `;` when the header line holds more
 * `;` than `,` (outside quotes), else `,`. Empty lines are skipped; every other record must have
 * as many cells as the header.
 */
export function parseCsv(text: string, opts: { bestand: string }): CsvParseResult {
  const bestand = opts.bestand;
  const where = (line: number) => `${bestand}, regel ${line}`;
  if (typeof text !== 'string') return { ok: false, fouten: [`${bestand}: de inhoud is geen tekst`] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = detectSeparator(body);
  const fouten: string[] = [];
  const all = records(body, separator, where, fouten).filter((r) => !r.blank);
  if (fouten.length === 0 && all.length === 0) {
    return { ok: false, fouten: [`${bestand}: het bestand is leeg; verwacht een kopregel met kolomnamen en daaronder de gegevens`] };
  }
  const [head, ...rest] = all;
  if (head) {
    const width = head.cells.length;
    for (const r of rest) {
      if (r.cells.length !== width) {
        fouten.push(
          `${where(r.line)}: ${r.cells.length} ${r.cells.length === 1 ? 'kolom' : 'kolommen'} in plaats van ${width} zoals in de kopregel` +
            ` (scheidingsteken "${separator}")`,
        );
      }
    }
  }
  if (fouten.length > 0) return { ok: false, fouten: limit(fouten) };
  return { ok: true, header: head!.cells, rows: rest.map((r) => ({ line: r.line, cells: r.cells })), separator };
}

/** The first MAX_FOUTEN messages, and a last line with the number left out. */
export function limit(fouten: string[], max = MAX_FOUTEN): string[] {
  if (fouten.length <= max) return fouten;
  return [...fouten.slice(0, max), `... en nog ${fouten.length - max} ${fouten.length - max === 1 ? 'fout' : 'fouten'}`];
}
