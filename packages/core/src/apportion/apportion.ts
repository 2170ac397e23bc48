import { Decimal, isDecimal } from '../money/decimal.js';
import { MAX_APPORTION_EUROS, MAX_DIGITS, tooManyDigits } from '../money/limits.js';
import { excerpt } from '../money/read-number.js';
import { formatEuro } from '../money/format.js';
import { largestRemainderCore } from './largest-remainder.js';
import { largestRemainderWeights } from './weights-fast.js';
import { CodeIndex } from './code-index.js';

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
 * The weights as scaled integers, read from their exact decimal text without a Decimal or a
 * regular expression (fast for 10^5 rows): "12.5" is stored as 125 with scale 1. An integer is a
 * double while it is exact (below 2^53), else a bigint.
 */
class ScaledWeights {
  readonly ints: Float64Array;
  readonly scales: Uint8Array;
  /** The integers of 16 digits or more, by index; null while there are none. */
  bigInts: Map<number, bigint> | null = null;
  maxScale = 0;

  constructor(n: number) {
    this.ints = new Float64Array(n);
    this.scales = new Uint8Array(n);
  }

  /**
   * Reads weight i, decimal text (surrounding whitespace allowed) or a decimal.js value; returns
   * the text it read, or null for anything but plain digits with an optional `.`.
   */
  read(i: number, value: unknown): string | null {
    // Most weights are plain text already: read them without trimming first.
    if (typeof value === 'string' && this.readText(i, value)) return value;
    const text = textOf(value);
    return text !== null && this.readText(i, text) ? text : null;
  }

  private readText(i: number, text: string): boolean {
    let v = 0;
    let scale = 0;
    let dot = -1;
    let digits = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k) - 48;
      if (c >= 0 && c <= 9) {
        v = v * 10 + c;
        digits++;
        if (dot >= 0) scale++;
      } else if (c === -2 && dot < 0 && digits > 0) dot = k;
      else return false;
    }
    if (digits === 0 || dot === text.length - 1 || scale > 255) return false;
    // v only grows: once beyond 2^53 (where it may be rounded) it stays beyond.
    if (v <= Number.MAX_SAFE_INTEGER) this.ints[i] = v;
    else {
      const m = PLAIN.exec(text)!;
      (this.bigInts ??= new Map()).set(i, BigInt(m[1]! + (m[2] ?? '')));
    }
    this.scales[i] = scale;
    if (scale > this.maxScale) this.maxScale = scale;
    return true;
  }

  /** Sets weight i to 0 (a recipient with a fixed amount takes no part in the division). */
  clear(i: number): void {
    this.ints[i] = 0;
    this.bigInts?.delete(i);
  }

  /**
   * Brings every weight onto the largest scale in place, as exact doubles, and returns their sum;
   * null (with the weights unchanged where not yet scaled) when a weight or the sum would not be
   * an exact double.
   */
  scaleAsDoubles(): number | null {
    if (this.maxScale > 15 || this.bigInts !== null) return null;
    const { ints, scales, maxScale } = this;
    let sum = 0;
    for (let i = 0; i < ints.length; i++) {
      const s = scales[i]!;
      if (s === maxScale) {
        sum += ints[i]!;
        continue;
      }
      // A product of exact integers is exact when below 2^53, and else rounds to 2^53 or more.
      const w = ints[i]! * POW10[maxScale - s]!;
      if (!Number.isSafeInteger(w)) return null;
      ints[i] = w;
      scales[i] = maxScale;
      sum += w;
    }
    // Each partial sum is exact while below 2^53; once beyond, it stays beyond.
    return Number.isSafeInteger(sum) ? sum : null;
  }

  /** Every weight on the largest scale, as bigints. */
  scaledBigInts(): bigint[] {
    const { ints, scales, maxScale, bigInts } = this;
    const pow = Array.from({ length: maxScale + 1 }, (_, k) => 10n ** BigInt(k));
    return Array.from(ints, (v, i) => {
      const w = bigInts?.get(i) ?? BigInt(v);
      return scales[i] === maxScale ? w : w * pow[maxScale - scales[i]!]!;
    });
  }
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
  const index = new CodeIndex(input.weights);
  const weights = new ScaledWeights(n);
  for (let i = 0; i < n; i++) {
    const w = input.weights[i]!;
    if (!isWeightRow(w)) return { ok: false, fouten: checkShape(input, true) };
    if (index.add() >= 0) fouten.push(`gewicht ${i + 1}: code ${excerpt(w.code)} komt twee keer voor`);
    const text = weights.read(i, w.weight);
    if (text === null) {
      fouten.push(`gewicht ${i + 1} (${excerpt(w.code)}): ${shown(w.weight)} is geen gewicht van 0 of meer`);
      continue;
    }
    // Only a weight written with more digits than the limit can have too many significant ones.
    const digits = text.length > MAX_DIGITS ? tooManyDigits(text, `gewicht ${i + 1} (${excerpt(w.code)})`) : null;
    if (digits) fouten.push(digits);
  }
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
  for (const code of fixedByCode.keys()) weights.clear(index.indexOf(code));
  const rest = (total - offTop) / unitCents; // in units
  const codeOf = (i: number): string => input.weights[i]!.code;
  // Fast path: the total, every weight and their sum are exact doubles.
  const sum = rest <= BigInt(Number.MAX_SAFE_INTEGER) ? weights.scaleAsDoubles() : null;
  let units: (i: number) => bigint;
  let roundedUp: Uint8Array;
  if (sum !== null && sum > 0) {
    const r = largestRemainderWeights(rest, weights.ints, sum, codeOf);
    const { floors } = r;
    roundedUp = r.roundedUp;
    units = (i) => BigInt(floors[i]! + roundedUp[i]!);
    if (fixedByCode.size === 0 && baseByCode.size === 0) return { ok: true, rows: plainRows(input.weights, floors, roundedUp, Number(rest), unit) };
  } else {
    const big = weights.scaledBigInts();
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
  for (let i = 0; i < n; i++) if (floors[i]! > most) most = floors[i]!;
  const shared: bigint[] = new Array(Math.min(most + 1, 2 ** 16) + 1);
  const amountOf = (u: number): bigint => (exact ? BigInt(u * perUnit) : BigInt(u) * BigInt(perUnit));
  const rows: ApportionedRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const up = roundedUp[i]!;
    const u = floors[i]! + up;
    rows[i] = { code: recipients[i]!.code, amount: u < shared.length ? (shared[u] ??= amountOf(u)) : amountOf(u), roundedUp: up === 1 };
  }
  return rows;
}

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
