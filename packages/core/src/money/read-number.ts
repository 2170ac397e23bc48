import { Decimal } from './decimal.js';
import { tooManyDigits } from './limits.js';

/**
 * The one reader of numbers that people type or upload. There are two notations, and where a
 * number comes from decides which one holds:
 *
 * - Dutch notation (`nl`): the fields of the app, and CSV files separated by `;` (as Dutch Excel
 *   writes them). The decimal mark is the comma; a point or a space separates thousands, and only
 *   between groups of three digits:
 *   `1,5` = 1.5; `1.234` = 1234; `1.234,5` = 1234.5; `1 234` = 1234; `6.000.000` = 6000000.
 *   A point that cannot separate thousands (`2.5`, `1234.5`) is refused, with the advice to
 *   write `2,5`: a number is never guessed.
 * - Machine notation (`machine`): JSON, the command line and CSV files separated by `,`. The
 *   decimal mark is the point and there are no thousands separators: `1.234` = 1.234. A comma is
 *   refused, with the advice to write a point.
 *
 * In the Dutch notation a leading `€` and a trailing `%` are allowed (people type them).
 * Never floating point: the value is an exact decimal.
 */
export type Notation = 'nl' | 'machine';

/** Result of reading user text: a value, or a Dutch message. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** At most this much of the input is quoted in a message. */
const QUOTE = 40;
export const excerpt = (text: string): string => {
  const t = text.trim();
  return `"${t.length > QUOTE ? `${t.slice(0, QUOTE)}…` : t}"`;
};

const MACHINE = /^\d+(\.\d+)?$/;
const NL_PLAIN = /^\d+(,\d+)?$/;
const NL_POINTS = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const NL_SPACES = /^\d{1,3}( \d{3})+(,\d+)?$/;
const SPACES = /[\s\u00a0\u202f]+/g;

export interface ReadOptions {
  /** Whether a leading minus is allowed (default: no). */
  negative?: boolean;
  /** What is expected, for the message: "een gewicht van 0 of meer" (default: "een getal"). */
  what?: string;
}

/** Reads `text` in the given notation; see the rules above. */
export function readNumber(text: string, notation: Notation, opts: ReadOptions = {}): Parsed<Decimal> {
  const r = readDecimalText(text, notation, opts);
  return r.ok ? { ok: true, value: new Decimal(r.value) } : r;
}

/**
 * The same reading, giving the number as decimal text with a `.` and the digits as written
 * (`"2,50"` in Dutch notation gives `"2.50"`), for values that are kept as text.
 */
export function readDecimalText(text: string, notation: Notation, opts: ReadOptions = {}): Parsed<string> {
  let t = text.trim();
  if (t === '') return { ok: false, message: 'er staat geen getal' };
  let negative = false;
  if (t.startsWith('-') || t.startsWith('−')) {
    negative = true;
    t = t.slice(1).trim();
  }
  let normalized: string | null = null;
  let message: string | null = null;
  if (notation === 'machine') {
    if (MACHINE.test(t)) normalized = t;
    else if (/^\d+,\d+$/.test(t)) message = `${excerpt(text)} heeft een decimale komma; hier is de punt het decimaalteken: schrijf ${t.replace(',', '.')}`;
    else if (/^\d{1,3}([.,]\d{3})+([.,]\d+)?$/.test(t)) message = `${excerpt(text)} heeft een scheidingsteken voor duizendtallen; schrijf het getal zonder, met een punt als decimaalteken (zoals 1234567.89)`;
  } else {
    t = t.replace(/^€\s*/, '').replace(/\s*%$/, '');
    const spaced = t.replace(SPACES, ' ');
    if (NL_PLAIN.test(t)) normalized = t.replace(',', '.');
    else if (NL_POINTS.test(t)) normalized = t.replace(/\./g, '').replace(',', '.');
    else if (NL_SPACES.test(spaced)) normalized = spaced.replace(/ /g, '').replace(',', '.');
    else if (/^\d+\.\d+$/.test(t)) message = `${excerpt(text)}: de komma is het decimaalteken; schrijf ${t.replace('.', ',')} (een punt scheidt alleen duizendtallen, zoals in 1.234)`;
  }
  if (normalized === null) {
    return { ok: false, message: message ?? `${excerpt(text)} is geen getal; verwacht ${opts.what ?? 'een getal'}, zoals ${notation === 'nl' ? '1.234,5' : '1234.5'}` };
  }
  const digits = tooManyDigits(normalized, excerpt(text));
  if (digits) return { ok: false, message: digits };
  if (negative && !opts.negative) return { ok: false, message: `${excerpt(text)} is negatief; verwacht ${opts.what ?? 'een getal van 0 of meer'}` };
  return { ok: true, value: (negative ? '-' : '') + normalized };
}
