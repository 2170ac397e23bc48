import { Decimal, isDecimal } from '../money/decimal.js';
import { MAX_APPORTION_EUROS, MAX_DIGITS, tooManyDigits } from '../money/limits.js';
import { excerpt } from '../money/read-number.js';
import { formatEuro } from '../money/format.js';
import { largestRemainderCore } from './largest-remainder.js';
import { largestRemainderWeights } from './weights-fast.js';
import { CodeIndex, codeTable, addCode, type CodeTable } from './code-index.js';
import { BLOCK } from './block.js';

/** The unit `apportion` rounds to: whole euros or cents. */
export type Unit = 'euro' | 'cent';

/** The input of `apportion`: a total, weights, and optional fixed and base amounts. */
export interface ApportionInput {
  /** The total in euros, a decimal string with a `.` (or a Decimal). */
  total: string | Decimal;
  /** Weights, in input order; codes unique; each weight a decimal >= 0. */
  weights: readonly { code: string; weight: string | Decimal }[];
  /**
   * Fixed amounts in euros: such a recipient gets exactly its fixed amount and takes no part in
   * the weighted division of the rest (its weight is not used). Each code must be in `weights`.
   */
  fixed?: readonly { code: string; amount: string | Decimal }[];
  /**
   * Base amounts in euros: taken off the total first and paid on top of the recipient's weighted
   * share of the rest. Each code must be in `weights`, and not also in `fixed`.
   */
  base?: readonly { code: string; amount: string | Decimal }[];
  unit?: Unit;
}

/** One recipient in the result of `apportion`: its amount, and whether the rounding gave it one unit more. */
export interface ApportionedRow {
  code: string;
  /** Cents: the fixed amount, or the base amount plus the rounded share. */
  amount: bigint;
  roundedUp: boolean;
}

/** The outcome of `apportion`: a row per recipient in input order, or Dutch messages about the input. */
export type ApportionResult = { ok: true; rows: ApportionedRow[] } | { ok: false; fouten: string[] };

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * What `scanWeights` finds besides the weights themselves. It reads them as scaled integers from
 * their exact decimal text, without a Decimal or a regular expression (fast for 10^5 rows), into
 * the caller's typed arrays: "12.5" is stored as 125 in `ints` with scale 1 in `scales`. An
 * integer is a double while it is exact (below 2^53), else a bigint in `bigInts`.
 *
 * Plain typed arrays and functions, passes in blocks and no class made per call: see `BLOCK`.
 */
interface ScannedWeights {
  /** Index of the first row that is not `{ code, weight }` with a code as text, or -1. */
  badRow: number;
  maxScale: number;
  /** The integers of 16 digits or more, by index; null while there are none. */
  bigInts: Map<number, bigint> | null;
  /** The code table of `CodeIndex`, null while the codes are ascending. */
  table: CodeTable | null;
}

/**
 * The one pass over the rows of the weights: each row's shape, its code (given once: see
 * `CodeIndex`) and its weight, read into `ints` and `scales`; Dutch problems go to `fouten`.
 */
function scanWeights(recipients: readonly { code: string; weight: string | Decimal }[], ints: Float64Array, scales: Uint8Array, fouten: string[]): ScannedWeights {
  const scan: ScannedWeights = { badRow: -1, maxScale: 0, bigInts: null, table: null };
  const n = recipients.length;
  for (let lo = 0; lo < n && scan.badRow < 0; lo += BLOCK) scanBlock(recipients, lo, Math.min(n, lo + BLOCK), ints, scales, scan, fouten);
  return scan;
}

/** Rows [lo, hi) of `scanWeights`; stops at a row that is not a weight row (in `badRow`). */
function scanBlock(
  recipients: readonly { code: string; weight: string | Decimal }[],
  lo: number,
  hi: number,
  ints: Float64Array,
  scales: Uint8Array,
  scan: ScannedWeights,
  fouten: string[],
): void {
  let table = scan.table;
  let maxScale = scan.maxScale;
  let prev = lo > 0 ? recipients[lo - 1]!.code : '';
  for (let i = lo; i < hi; i++) {
    const w = recipients[i]!;
    if (!isWeightRow(w)) {
      scan.badRow = i;
      break;
    }
    const code = w.code;
    if (table === null && i > 0 && !(prev < code)) {
      // The first code out of order: from here on, a table of every code (those before it are distinct).
      table = scan.table = codeTable(recipients.length);
      for (let j = 0; j < i; j++) addCode(table, recipients, j);
    }
    if (table !== null && addCode(table, recipients, i) >= 0) fouten.push(`gewicht ${i + 1}: code ${excerpt(code)} komt twee keer voor`);
    prev = code;
    // Most weights are plain text already: read them without trimming first.
    const value: unknown = w.weight;
    let text = typeof value === 'string' ? value : null;
    let scale = text !== null ? readDigits(text, i, ints) : -1;
    if (scale < 0) {
      text = textOf(value);
      scale = text !== null ? readDigits(text, i, ints) : -1;
    }
    if (scale < 0 || text === null) {
      fouten.push(`gewicht ${i + 1} (${excerpt(code)}): ${shown(value)} is geen gewicht van 0 of meer`);
      continue;
    }
    if (ints[i]! > Number.MAX_SAFE_INTEGER) {
      // Beyond 2^53 the double may be rounded: read the digits again, exactly.
      const m = PLAIN.exec(text)!;
      (scan.bigInts ??= new Map()).set(i, BigInt(m[1]! + (m[2] ?? '')));
      ints[i] = 0;
    }
    scales[i] = scale;
    if (scale > maxScale) maxScale = scale;
    // Only a weight written with more digits than the limit can have too many significant ones.
    const digits = text.length > MAX_DIGITS ? tooManyDigits(text, `gewicht ${i + 1} (${excerpt(code)})`) : null;
    if (digits) fouten.push(digits);
  }
  scan.maxScale = maxScale;
}

/**
 * Reads plain digits with an optional `.` (no sign, no exponent, no whitespace) into ints[i], as
 * a double, exact while at most 2^53 - 1 (it only grows: once beyond, it stays beyond); returns
 * the number of digits after the `.` (at most 255), or -1 for any other text.
 */
function readDigits(text: string, i: number, ints: Float64Array): number {
  const len = text.length;
  let v = 0;
  let k = 0;
  // The digits before the `.`: (c - 48) >>> 0 is at most 9 for a digit only.
  for (let c = 0; k < len && (c = (text.charCodeAt(k) - 48) >>> 0) <= 9; k++) v = v * 10 + c;
  if (k === 0) return -1;
  if (k < len) {
    // A `.` with at least one digit after it, and only digits.
    if (text.charCodeAt(k) !== 46 || k === len - 1 || len - k - 1 > 255) return -1;
    for (let j = k + 1; j < len; j++) {
      const c = (text.charCodeAt(j) - 48) >>> 0;
      if (c > 9) return -1;
      v = v * 10 + c;
    }
  }
  ints[i] = v;
  return k < len ? len - k - 1 : 0;
}

/**
 * Brings every weight onto the largest scale in place, as exact doubles, and returns their sum;
 * null (with the weights unchanged where not yet scaled) when a weight or the sum would not be
 * an exact double.
 */
function scaleAsDoubles(ints: Float64Array, scales: Uint8Array, maxScale: number, bigInts: Map<number, bigint> | null): number | null {
  if (maxScale > 15 || bigInts !== null) return null;
  const n = ints.length;
  let sum = 0;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const s = scaleBlock(ints, scales, maxScale, lo, Math.min(n, lo + BLOCK));
    if (s < 0) return null;
    sum += s;
  }
  // Each partial sum is exact while below 2^53; once beyond, it stays beyond.
  return sum <= Number.MAX_SAFE_INTEGER ? sum : null;
}

/** Weights [lo, hi) of `scaleAsDoubles`: their sum, or -1 when one would not be an exact double. */
function scaleBlock(ints: Float64Array, scales: Uint8Array, maxScale: number, lo: number, hi: number): number {
  let sum = 0;
  for (let i = lo; i < hi; i++) {
    const s = scales[i]!;
    if (s === maxScale) {
      sum += ints[i]!;
      continue;
    }
    // A product of exact integers is exact when below 2^53, and else rounds to 2^53 or more.
    const w = ints[i]! * POW10[maxScale - s]!;
    if (!(w <= Number.MAX_SAFE_INTEGER)) return -1;
    ints[i] = w;
    scales[i] = maxScale;
    sum += w;
  }
  return sum;
}

/** Every weight on the largest scale, as bigints. */
function scaledBigInts(ints: Float64Array, scales: Uint8Array, maxScale: number, bigInts: Map<number, bigint> | null): bigint[] {
  const pow = Array.from({ length: maxScale + 1 }, (_, k) => 10n ** BigInt(k));
  return Array.from(ints, (v, i) => {
    const w = bigInts?.get(i) ?? BigInt(v);
    return scales[i] === maxScale ? w : w * pow[maxScale - scales[i]!]!;
  });
}

/** 10^0 to 10^15, exact doubles (each an exact product of the one before and 10). */
const POW10 = new Float64Array(16);
for (let k = 0, p = 1; k < 16; k++, p *= 10) POW10[k] = p;

/** Decimal text of a number given as text or as a decimal.js value (of any constructor), or null. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (isDecimal(value)) return value.isFinite() ? value.toFixed() : null;
  return null;
}

/** A value for a message: what it is, in a few characters. */
const shown = (value: unknown): string =>
  typeof value === 'string' ? excerpt(value) : typeof value === 'number' ? `het JavaScript-getal ${value} (geef een getal als tekst, zoals "1000.50")` : value === null ? 'null' : typeof value;

function cents(value: unknown, what: string, unitCents: bigint, fouten: string[]): bigint | null {
  const text = textOf(value);
  if (text === null || !PLAIN.test(text)) {
    fouten.push(`${what}: ${shown(value)} is geen bedrag van 0 of meer`);
    return null;
  }
  const digits = tooManyDigits(text, `${what}: het bedrag`);
  if (digits) {
    fouten.push(digits);
    return null;
  }
  const c = new Decimal(text).times(100);
  if (!c.isInteger() || !c.modulo(unitCents.toString()).isZero()) {
    fouten.push(`${what}: ${text} is niet af te ronden zonder verlies op hele ${unitCents === 100n ? 'euro' : 'centen'}; geef het bedrag in die eenheid`);
    return null;
  }
  const out = BigInt(c.toFixed(0));
  if (out > MAX_APPORTION_EUROS * 100n) {
    fouten.push(`${what}: ${text} is meer dan het grootste bedrag dat deze rekenhulp verdeelt (${formatEuro(MAX_APPORTION_EUROS * 100n, 'auto')})`);
    return null;
  }
  return out;
}

/** A row of the weights is an object with a code that is a non-empty string. */
const isWeightRow = (w: unknown): boolean => typeof w === 'object' && w !== null && typeof (w as { code?: unknown }).code === 'string' && (w as { code: string }).code !== '';

/**
 * The shape of the input, for callers that do not use TypeScript: Dutch problems, never a
 * TypeError. Without `weightRows`, each row of the weights is left to `apportion`'s own pass over
 * them (with `isWeightRow`), which asks for the full check when one is not.
 */
function checkShape(input: unknown, weightRows: boolean): string[] {
  if (typeof input !== 'object' || input === null) return ['de invoer moet een object zijn met total (het totaal) en weights (de gewichten)'];
  const i = input as Record<string, unknown>;
  const out: string[] = [];
  if (!Array.isArray(i['weights'])) out.push('weights moet een lijst zijn van { code, weight }');
  else if (weightRows) {
    const bad = i['weights'].findIndex((w) => !isWeightRow(w));
    if (bad >= 0) out.push(`gewicht ${bad + 1}: verwacht { code, weight } met een code als tekst`);
  }
  for (const [key, what] of [['fixed', 'vast bedrag'], ['base', 'basisbedrag']] as const) {
    if (i[key] === undefined) continue;
    const list = i[key];
    if (!Array.isArray(list)) out.push(`${key} moet een lijst zijn van { code, amount }`);
    else {
      const bad = list.findIndex((f) => typeof f !== 'object' || f === null || typeof (f as { code?: unknown }).code !== 'string');
      if (bad >= 0) out.push(`${what} ${bad + 1}: verwacht { code, amount } met een code als tekst`);
    }
  }
  if (i['unit'] !== undefined && i['unit'] !== 'euro' && i['unit'] !== 'cent') out.push(`unit moet "euro" of "cent" zijn, niet ${shown(i['unit'])}`);
  return out;
}

/**
 * Divides a total over recipients by weight, in whole euros or cents, by the largest-remainder
 * method (ties: code ascending). Fixed amounts and base amounts come off the total first; a
 * recipient with a fixed amount gets exactly that and no share; the others share the rest by
 * weight, each on top of its base amount. The amounts add up exactly to the total; each share is
 * the floor or the ceiling of its exact quota; a weight of 0 gets no share.
 */
export function apportion(input: ApportionInput): ApportionResult {
  if (checkShape(input, false).length > 0) return { ok: false, fouten: checkShape(input, true) };
  const unit = input.unit ?? 'euro';
  const unitCents = unit === 'euro' ? 100n : 1n;
  const fouten: string[] = [];
  const total = cents(input.total, 'totaal', unitCents, fouten);
  const n = input.weights.length;
  const ints = new Float64Array(n);
  const scales = new Uint8Array(n);
  const scan = scanWeights(input.weights, ints, scales, fouten);
  if (scan.badRow >= 0) return { ok: false, fouten: checkShape(input, true) };
  const index = new CodeIndex(input.weights, scan.table);
  const fixedByCode = amountsByCode(input.fixed, 'vast bedrag', index, unitCents, fouten);
  const baseByCode = amountsByCode(input.base, 'basisbedrag', index, unitCents, fouten);
  for (const code of baseByCode.keys()) if (fixedByCode.has(code)) fouten.push(`code "${code}" heeft een vast bedrag én een basisbedrag; een vast bedrag vervangt het aandeel, een basisbedrag komt erbovenop: kies één`);
  if (n === 0) fouten.push('er zijn geen gewichten');
  if (fouten.length > 0 || total === null) return { ok: false, fouten };
  let offTop = 0n;
  for (const c of fixedByCode.values()) offTop += c;
  for (const c of baseByCode.values()) offTop += c;
  if (offTop > total) return { ok: false, fouten: ['de vaste bedragen en basisbedragen zijn samen meer dan het totaal'] };
  // A recipient with a fixed amount takes no part in the weighted division.
  for (const code of fixedByCode.keys()) {
    const i = index.indexOf(code);
    ints[i] = 0;
    scan.bigInts?.delete(i);
  }
  const rest = (total - offTop) / unitCents; // in units
  const codeOf = (i: number): string => input.weights[i]!.code;
  // Fast path: the total, every weight and their sum are exact doubles.
  const sum = rest <= BigInt(Number.MAX_SAFE_INTEGER) ? scaleAsDoubles(ints, scales, scan.maxScale, scan.bigInts) : null;
  let units: (i: number) => bigint;
  let roundedUp: Uint8Array;
  if (sum !== null && sum > 0) {
    const r = largestRemainderWeights(rest, ints, sum, codeOf);
    const { floors } = r;
    roundedUp = r.roundedUp;
    units = (i) => BigInt(floors[i]! + roundedUp[i]!);
    if (fixedByCode.size === 0 && baseByCode.size === 0) return { ok: true, rows: plainRows(input.weights, floors, roundedUp, Number(rest), unit) };
  } else {
    const big = scaledBigInts(ints, scales, scan.maxScale, scan.bigInts);
    const weightSum = big.reduce((a, b) => a + b, 0n);
    if (weightSum === 0n && rest !== 0n) {
      return { ok: false, fouten: [fixedByCode.size > 0 ? 'alle gewichten van de ontvangers zonder vast bedrag zijn 0: er is niets om de rest naar te verdelen' : 'alle gewichten zijn 0: er is niets om naar te verdelen'] };
    }
    const nums = big.map((w) => rest * w);
    const r = largestRemainderCore(rest, nums, weightSum === 0n ? 1n : weightSum, input.weights.map((w) => w.code), { ranks: false });
    roundedUp = r.roundedUp;
    units = (i) => r.units[i]!;
  }
  return {
    ok: true,
    rows: input.weights.map(({ code }, i) => {
      const fixed = fixedByCode.size > 0 ? fixedByCode.get(code) : undefined;
      if (fixed !== undefined) return { code, amount: fixed, roundedUp: false };
      return { code, amount: (baseByCode.size > 0 ? (baseByCode.get(code) ?? 0n) : 0n) + units(i) * unitCents, roundedUp: roundedUp[i] === 1 };
    }),
  };
}

/**
 * The rows when nothing is fixed or based: each amount is floor + rounded up, in cents. The
 * amounts repeat (10^5 recipients of a few hundred euros have a few hundred distinct amounts), so
 * each distinct amount up to 2^16 units is made into a bigint once and shared; and while the
 * total in cents is an exact double, so is every amount, and it is multiplied as a double.
 */
function plainRows(recipients: readonly { code: string }[], floors: Float64Array, roundedUp: Uint8Array, total: number, unit: Unit): ApportionedRow[] {
  const n = floors.length;
  const perUnit = unit === 'euro' ? 100 : 1;
  const exact = Number.isSafeInteger(total * perUnit);
  let most = 0;
  for (let lo = 0; lo < n; lo += BLOCK) most = Math.max(most, largestFloor(floors, lo, Math.min(n, lo + BLOCK)));
  const shared: bigint[] = new Array(Math.min(most + 1, 2 ** 16) + 1);
  const rows: ApportionedRow[] = new Array(n);
  for (let lo = 0; lo < n; lo += BLOCK) rowsBlock(recipients, floors, roundedUp, lo, Math.min(n, lo + BLOCK), shared, perUnit, exact, rows);
  return rows;
}

function largestFloor(floors: Float64Array, lo: number, hi: number): number {
  let most = 0;
  for (let i = lo; i < hi; i++) if (floors[i]! > most) most = floors[i]!;
  return most;
}

/** Rows [lo, hi) of `plainRows`: each amount from `shared` where it has been made before. */
function rowsBlock(
  recipients: readonly { code: string }[],
  floors: Float64Array,
  roundedUp: Uint8Array,
  lo: number,
  hi: number,
  shared: bigint[],
  perUnit: number,
  exact: boolean,
  rows: ApportionedRow[],
): void {
  for (let i = lo; i < hi; i++) {
    const up = roundedUp[i]!;
    const u = floors[i]! + up;
    rows[i] = { code: recipients[i]!.code, amount: u < shared.length ? (shared[u] ??= amountOf(u, perUnit, exact)) : amountOf(u, perUnit, exact), roundedUp: up === 1 };
  }
}

/** u units in cents: multiplied as doubles while the total in cents is an exact double. */
const amountOf = (u: number, perUnit: number, exact: boolean): bigint => (exact ? BigInt(u * perUnit) : BigInt(u) * BigInt(perUnit));

/** Fixed or base amounts by code, in cents; each code once and in the weights. */
function amountsByCode(
  list: readonly { code: string; amount: string | Decimal }[] | undefined,
  what: string,
  weights: CodeIndex,
  unitCents: bigint,
  fouten: string[],
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  (list ?? []).forEach((f, i) => {
    const c = cents(f.amount, `${what} ${i + 1} (${excerpt(f.code)})`, unitCents, fouten);
    if (weights.indexOf(f.code) < 0) fouten.push(`${what} ${i + 1}: code ${excerpt(f.code)} staat niet bij de gewichten`);
    if (out.has(f.code)) fouten.push(`${what} ${i + 1}: code ${excerpt(f.code)} komt twee keer voor`);
    if (c !== null) out.set(f.code, c);
  });
  return out;
}
