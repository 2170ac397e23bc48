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

/** At most this many columns, each name at most this long, for a first line to be quoted as a header. */
const HEADER_MAX_COLUMNS = 50;
const HEADER_MAX_NAME = 50;
/** A column name as people write them: letters, digits, spaces and a few signs, starting with a letter, digit or `_`. */
const PLAIN_NAME = /^(?:[\p{L}\p{N}_][\p{L}\p{N} _\-.()/%]*)?$/u;

/**
 * Whether the first line of a file looks like the header of a CSV file: few, short, plain
 * names. Only then are its names quoted in a message: the first line of a file of another
 * kind (a password file, a key) is never echoed.
 */
export function looksLikeHeader(header: readonly string[]): boolean {
  if (header.length > HEADER_MAX_COLUMNS) return false;
  let named = 0;
  for (const h of header) {
    const t = h.trim();
    if (t.length > HEADER_MAX_NAME || !PLAIN_NAME.test(t)) return false;
    if (t !== '') named++;
  }
  return named > 0;
}

/** `"code" of "gemeentecode"` */
const alternatives = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(' of ');

/**
 * The message for a first line that does not look like a CSV header (see `looksLikeHeader`):
 * what was expected, without quoting what is there.
 */
export function notAHeader(bestand: string, columns: readonly (readonly string[])[]): string {
  const wanted = columns.map(alternatives);
  const list = wanted.length <= 1 ? (wanted[0] ?? '') : `${wanted.slice(0, -1).join(', ')} en ${wanted.at(-1)}`;
  return (
    `${place(bestand, 1)}: de eerste regel lijkt geen kopregel van een CSV-bestand; ` +
    `verwacht een kopregel met de ${columns.length === 1 ? 'kolom' : 'kolommen'} ${list}, gescheiden door komma's of puntkomma's`
  );
}

/**
 * The index of the first column whose name (trimmed, any case) is one of `names`, or a Dutch
 * message when it is missing or occurs more than once. The names found are quoted only when
 * the first line looks like a CSV header.
 */
export function findColumn(
  header: readonly string[],
  names: readonly string[],
  bestand: string,
): { ok: true; index: number; naam: string } | { ok: false; fout: string } {
  const wanted = names.map(norm);
  const hits = header.map((h, i) => ({ h: h.trim(), i })).filter(({ h }) => wanted.includes(norm(h)));
  if (hits.length === 0) {
    if (!looksLikeHeader(header)) return { ok: false, fout: notAHeader(bestand, [names]) };
    const shown = header.slice(0, 20).map((h) => `"${h.trim()}"`).join(', ') + (header.length > 20 ? `, en nog ${header.length - 20}` : '');
    return { ok: false, fout: `${place(bestand, 1)}: kolom ${alternatives(names)} ontbreekt in de kopregel (gevonden: ${shown})` };
  }
  if (hits.length > 1) {
    return { ok: false, fout: `${place(bestand, 1)}: kolom ${alternatives(names)} staat meer dan eens in de kopregel (${hits.map((x) => `"${x.h}"`).join(', ')})` };
  }
  return { ok: true, index: hits[0]!.i, naam: hits[0]!.h };
}

const GM_CODE = /^GM\d{4}$/;

/** The characters of a code: ASCII letters, digits, `-`, `_`, `.` and `/`. */
const CODE_CHARS = /^[A-Za-z0-9_./-]*$/;
const CODE_RULE = 'een code bestaat alleen uit Latijnse letters (A-Z, a-z), cijfers (0-9) en de tekens - _ . /';

/** Cyrillic and Greek letters that look like Latin ones (А, С, Е, О, Р, Х, ...). */
const CYRILLIC_LOOKALIKE = new Set([...'АВЕЅІЈКМНОРСТУХҮҺӀԀԚԜаеорсухѕіјһӏԁԛԝ'].map((c) => c.codePointAt(0)!));
const GREEK_LOOKALIKE = new Set([...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιονρτυχ'].map((c) => c.codePointAt(0)!));

/** `U+200B`, `U+1F600` */
const codePoint = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a character is, in Dutch words, for a message. */
function charKind(cp: number, ch: string): string {
  if (cp === 0) return 'een nul-byte';
  if (cp === 0x09) return 'een tab';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 'een stuurteken';
  if (cp === 0x20) return 'een spatie';
  if (cp === 0xa0 || cp === 0x202f || cp === 0x2007) return 'een harde spatie';
  if ((cp >= 0x2000 && cp <= 0x200a) || cp === 0x3000 || cp === 0x1680 || cp === 0x205f) return 'een spatie van een bijzondere breedte';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x180e || cp === 0x00ad) return 'een teken zonder breedte';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
    return 'een teken dat de schrijfrichting verandert';
  }
  if (cp >= 0x0400 && cp <= 0x052f) return CYRILLIC_LOOKALIKE.has(cp) ? 'een Cyrillische letter die op een Latijnse lijkt' : 'een Cyrillische letter';
  if (cp >= 0x0370 && cp <= 0x03ff) return GREEK_LOOKALIKE.has(cp) ? 'een Griekse letter die op een Latijnse lijkt' : 'een Griekse letter';
  if (cp >= 0xff01 && cp <= 0xff5e) return `een breed teken ("${ch}", uit Oost-Aziatische tekst) dat op een gewoon teken lijkt`;
  if ((cp >= 0x2010 && cp <= 0x2015) || cp === 0x2212) return `een streepje ("${ch}") dat geen gewoon - is`;
  if (cp >= 0xd800 && cp <= 0xdfff) return 'een ongeldig teken';
  if (/\p{L}/u.test(ch) && ch.normalize('NFD').replace(/\p{M}/gu, '') !== ch) return `een letter met een accent ("${ch}")`;
  if (/[\p{C}\p{Z}]/u.test(ch)) return 'een onzichtbaar teken';
  return `het teken "${ch}"`;
}

/** `U+200B (een teken zonder breedte)`: a character as a message names it. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `${codePoint(cp)} (${charKind(cp, ch)})`;
}

/** A code as quoted in a message: printable ASCII (and the space) as it is, every other character as `<U+200B>`; at most 40 characters. */
function shownCode(code: string): string {
  const chars = [...code];
  const shown = chars.slice(0, 40).map((c) => (/^[\x20-\x7e]$/.test(c) ? c : `<${codePoint(c.codePointAt(0)!)}>`)).join('');
  return `"${shown}${chars.length > 40 ? '…' : ''}"`;
}

/**
 * The first character of a code that is not allowed (see CODE_CHARS), as a message, or null.
 * Lookalikes (a Cyrillic С for a Latin C), invisible characters (a zero-width space, a
 * non-breaking space) and control characters are named with their code point.
 */
function badCodeChar(code: string, rule: string): string | null {
  if (CODE_CHARS.test(code)) return null;
  let position = 0;
  for (const ch of code) {
    position++;
    if (CODE_CHARS.test(ch)) continue;
    if (ch === ' ') return `${shownCode(code)} bevat een spatie; een code is één woord`;
    return `${shownCode(code)} bevat op positie ${position} ${describeChar(ch)}; ${rule}`;
  }
  return null;
}

/** Removes surrounding spaces and tabs (only those: any other character is part of the cell). */
const trimSpaces = (cell: string): string => cell.replace(/^[ \t]+|[ \t]+$/g, '');

/**
 * A recipient code: not empty, only ASCII letters, digits, `-`, `_`, `.` and `/`; a code that
 * starts with GM must be a municipality code (GM and four digits). Surrounding spaces and tabs
 * are removed.
 */
export function readCode(cell: string): { ok: true; code: string } | { ok: false; bericht: string } {
  const code = trimSpaces(cell);
  if (code === '') return { ok: false, bericht: 'de code is leeg' };
  const bad = badCodeChar(code, CODE_RULE);
  if (bad) return { ok: false, bericht: bad };
  if (/^gm/i.test(code) && !GM_CODE.test(code)) {
    return { ok: false, bericht: `"${code}" is geen geldige gemeentecode (vorm: GM gevolgd door 4 cijfers, zoals GM0363)` };
  }
  return { ok: true, code };
}

/** A municipality code only: GM and four digits. */
export function readGemeentecode(cell: string): { ok: true; code: string } | { ok: false; bericht: string } {
  const code = trimSpaces(cell);
  if (code === '') return { ok: false, bericht: 'de gemeentecode is leeg' };
  const bad = badCodeChar(code, 'een gemeentecode bestaat uit de Latijnse letters GM en 4 cijfers (0-9), zoals GM0363');
  if (bad) return { ok: false, bericht: bad };
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
