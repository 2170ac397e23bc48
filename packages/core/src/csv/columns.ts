/**
 * Shared cell readers for the CSV inputs (weights, fixed amounts, key tables): finding a column
 * by name, checking a code, reading a non-negative decimal. Every message is Dutch and is
 * prefixed by the caller with file, line and column.
 */
import type { Separator } from './parse.js';
import { excerpt, readDecimalText } from '../money/read-number.js';

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

/**
 * A decimal of 0 or more as canonical text with a `.` (exact, no floating point). The notation
 * follows the file: a `;` file is in Dutch notation (decimal comma, `1.234` = 1234), a `,` file
 * in machine notation (decimal point); see `readNumber`.
 */
export function readNonNegative(cell: string, separator: Separator, what: string): { ok: true; value: string } | { ok: false; bericht: string } {
  if (cell.trim() === '') return { ok: false, bericht: `is leeg; verwacht ${what} van 0 of meer` };
  const notation = separator === ';' ? 'nl' : 'machine';
  const r = readDecimalText(cell, notation, { negative: true, what: `${what} van 0 of meer` });
  if (!r.ok) return { ok: false, bericht: r.message };
  if (r.value.startsWith('-')) return { ok: false, bericht: `${excerpt(cell)} is negatief; verwacht ${what} van 0 of meer` };
  return { ok: true, value: r.value };
}
