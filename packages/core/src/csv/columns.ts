/**
 * Shared cell readers for the CSV inputs (weights, fixed amounts, key tables): finding a column
 * by name, checking a code, reading a non-negative decimal. Every message is Dutch and is
 * prefixed by the caller with file, line and column.
 */
import type { Separator } from './parse.js';

/** `gewichten.csv, regel 3, kolom weight` */
export function place(bestand: string, line: number, kolom?: string): string {
  return kolom === undefined ? `${bestand}, regel ${line}` : `${bestand}, regel ${line}, kolom ${kolom}`;
}

const norm = (s: string): string => s.trim().toLowerCase();

/**
 * The index of the first column whose name (trimmed, any case) is one of `names`, or a Dutch
 * message when it is missing or occurs more than once.
 */
export function findColumn(
  header: readonly string[],
  names: readonly string[],
  bestand: string,
): { ok: true; index: number; naam: string } | { ok: false; fout: string } {
  const wanted = names.map(norm);
  const hits = header.map((h, i) => ({ h: h.trim(), i })).filter(({ h }) => wanted.includes(norm(h)));
  const shown = header.map((h) => `"${h.trim()}"`).join(', ');
  const alternatives = names.map((n) => `"${n}"`).join(' of ');
  if (hits.length === 0) {
    return { ok: false, fout: `${place(bestand, 1)}: kolom ${alternatives} ontbreekt in de kopregel (gevonden: ${shown})` };
  }
  if (hits.length > 1) {
    return { ok: false, fout: `${place(bestand, 1)}: kolom ${alternatives} staat meer dan eens in de kopregel (${hits.map((x) => `"${x.h}"`).join(', ')})` };
  }
  return { ok: true, index: hits[0]!.i, naam: hits[0]!.h };
}

const GM_CODE = /^GM\d{4}$/;

/**
 * A recipient code: not empty, no spaces; a code that starts with GM must be a municipality
 * code (GM and four digits). Surrounding spaces are removed.
 */
export function readCode(cell: string): { ok: true; code: string } | { ok: false; bericht: string } {
  const code = cell.trim();
  if (code === '') return { ok: false, bericht: 'de code is leeg' };
  if (/\s/.test(code)) return { ok: false, bericht: `"${code}" bevat een spatie; een code is één woord` };
  if (/^gm/i.test(code) && !GM_CODE.test(code)) {
    return { ok: false, bericht: `"${code}" is geen geldige gemeentecode (vorm: GM gevolgd door 4 cijfers, zoals GM0363)` };
  }
  return { ok: true, code };
}

/** A municipality code only: GM and four digits. */
export function readGemeentecode(cell: string): { ok: true; code: string } | { ok: false; bericht: string } {
  const code = cell.trim();
  if (code === '') return { ok: false, bericht: 'de gemeentecode is leeg' };
  if (!GM_CODE.test(code)) return { ok: false, bericht: `"${code}" is geen gemeentecode (vorm: GM gevolgd door 4 cijfers, zoals GM0363)` };
  return { ok: true, code };
}

const POINT = /^\d+(\.\d+)?$/;
const COMMA = /^\d+,\d+$/;
const NEGATIVE = /^-\s*\d+([.,]\d+)?$/;

/** The decimal mark a number cell used, to catch files that mix them. */
export type Mark = 'punt' | 'komma' | null;

/**
 * A decimal of 0 or more as a canonical string with a `.` (`"2,50"` → `"2.50"` kept exact, no
 * floating point). With `;` as separator a decimal comma is accepted; with `,` it is not (the
 * cell must then have been quoted, and the user most likely meant a point).
 */
export function readNonNegative(
  cell: string,
  separator: Separator,
  what: string,
): { ok: true; value: string; mark: Mark } | { ok: false; bericht: string } {
  const t = cell.trim();
  if (t === '') return { ok: false, bericht: `is leeg; verwacht ${what} van 0 of meer` };
  if (POINT.test(t)) return { ok: true, value: t, mark: t.includes('.') ? 'punt' : null };
  if (COMMA.test(t)) {
    if (separator === ';') return { ok: true, value: t.replace(',', '.'), mark: 'komma' };
    return {
      ok: false,
      bericht: `"${t}" heeft een decimale komma; in een bestand met een komma als scheidingsteken hoort een punt (${t.replace(',', '.')})`,
    };
  }
  if (NEGATIVE.test(t)) return { ok: false, bericht: `"${t}" is negatief; verwacht ${what} van 0 of meer` };
  if (/^\d{1,3}([.,]\d{3})+([.,]\d+)?$/.test(t)) {
    return { ok: false, bericht: `"${t}" bevat een scheidingsteken voor duizendtallen; schrijf het getal zonder (bijvoorbeeld 1234567,89 of 1234567.89)` };
  }
  return { ok: false, bericht: `"${t}" is geen getal; verwacht ${what} van 0 of meer` };
}

/**
 * In a `;` file both a decimal comma and a decimal point are accepted, but not both in one file:
 * then the point was most likely a thousands separator ("1.234" meant 1234). Returns the
 * message for a cell whose mark differs from the file's first mark.
 */
export function mixedMarks(first: { mark: Mark; line: number } | null, mark: Mark): string | null {
  if (first === null || mark === null || first.mark === mark) return null;
  return (
    `in dit bestand staat op regel ${first.line} een decimale ${first.mark} en hier een decimale ${mark}; ` +
    'gebruik overal hetzelfde decimaalteken en geen scheidingstekens voor duizendtallen'
  );
}
