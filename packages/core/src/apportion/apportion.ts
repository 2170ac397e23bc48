import { Decimal, isDecimal } from '../money/decimal.js';
import { MAX_APPORTION_EUROS, MAX_DIGITS, tooManyDigits } from '../money/limits.js';
import { excerpt } from '../money/read-number.js';
import { formatEuro } from '../money/format.js';
import { largestRemainderCore, type CoreResult } from './largest-remainder.js';
import { largestRemainderWeights } from './weights-fast.js';

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
 * Exact decimal text to a scaled integer, without a Decimal or a regular expression (fast for
 * 10^5 rows): "12.5" gives { int: 125, scale: 1 }. The integer is a double while it is exact
 * (below 2^53), else a bigint. Null for anything but plain digits with an optional `.`.
 */
function scaled(text: string): { int: number | bigint; scale: number } | null {
  let v = 0;
  let scale = 0;
  let dot = -1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      v = v * 10 + c;
      digits++;
      if (dot >= 0) scale++;
    } else if (c === -2 && dot < 0 && digits > 0) dot = i;
    else return text.trim() !== text && text.trim() !== '' ? scaled(text.trim()) : null;
  }
  if (digits === 0 || dot === text.length - 1) return null;
  if (v <= Number.MAX_SAFE_INTEGER) return { int: v, scale };
  const m = PLAIN.exec(text)!;
  return { int: BigInt(m[1]! + (m[2] ?? '')), scale };
}

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

/** The shape of the input, for callers that do not use TypeScript: Dutch problems, never a TypeError. */
function checkShape(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return ['de invoer moet een object zijn met total (het totaal) en weights (de gewichten)'];
  const i = input as Record<string, unknown>;
  const out: string[] = [];
  if (!Array.isArray(i['weights'])) out.push('weights moet een lijst zijn van { code, weight }');
  else {
    const bad = i['weights'].findIndex((w) => typeof w !== 'object' || w === null || typeof (w as { code?: unknown }).code !== 'string' || (w as { code: string }).code === '');
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
  const shape = checkShape(input);
  if (shape.length > 0) return { ok: false, fouten: shape };
  const unit = input.unit ?? 'euro';
  const unitCents = unit === 'euro' ? 100n : 1n;
  const fouten: string[] = [];
  const total = cents(input.total, 'totaal', unitCents, fouten);
  const n = input.weights.length;
  const seen = new Set<string>();
  // Weights as scaled integers: exact doubles, or bigints where a weight has more than 15 digits.
  const ints = new Float64Array(n);
  const scales = new Uint8Array(n);
  let bigInts: Map<number, bigint> | null = null;
  let maxScale = 0;
  for (let i = 0; i < n; i++) {
    const w = input.weights[i]!;
    if (seen.has(w.code)) fouten.push(`gewicht ${i + 1}: code ${excerpt(w.code)} komt twee keer voor`);
    seen.add(w.code);
    const text = textOf(w.weight);
    const s = text === null ? null : scaled(text);
    if (!s || s.scale > 255) {
      fouten.push(`gewicht ${i + 1} (${excerpt(w.code)}): ${shown(w.weight)} is geen gewicht van 0 of meer`);
      continue;
    }
    // Only a weight written with more digits than the limit can have too many significant ones.
    const digits = text!.length > MAX_DIGITS ? tooManyDigits(text!, `gewicht ${i + 1} (${excerpt(w.code)})`) : null;
    if (digits) {
      fouten.push(digits);
      continue;
    }
    if (typeof s.int === 'number') ints[i] = s.int;
    else (bigInts ??= new Map()).set(i, s.int);
    scales[i] = s.scale;
    if (s.scale > maxScale) maxScale = s.scale;
  }
  const fixedByCode = amountsByCode(input.fixed, 'vast bedrag', seen, unitCents, fouten);
  const baseByCode = amountsByCode(input.base, 'basisbedrag', seen, unitCents, fouten);
  for (const code of baseByCode.keys()) if (fixedByCode.has(code)) fouten.push(`code "${code}" heeft een vast bedrag én een basisbedrag; een vast bedrag vervangt het aandeel, een basisbedrag komt erbovenop: kies één`);
  if (input.weights.length === 0) fouten.push('er zijn geen gewichten');
  if (fouten.length > 0 || total === null) return { ok: false, fouten };
  let offTop = 0n;
  for (const c of fixedByCode.values()) offTop += c;
  for (const c of baseByCode.values()) offTop += c;
  if (offTop > total) return { ok: false, fouten: ['de vaste bedragen en basisbedragen zijn samen meer dan het totaal'] };
  // A recipient with a fixed amount takes no part in the weighted division.
  if (fixedByCode.size > 0) {
    input.weights.forEach((w, i) => {
      if (!fixedByCode.has(w.code)) return;
      ints[i] = 0;
      bigInts?.delete(i);
    });
  }
  const rest = (total - offTop) / unitCents; // in units
  const codes = input.weights.map((w) => w.code);
  // Fast path: the total, every weight and their sum are exact doubles.
  let r: CoreResult | null = null;
  if (maxScale <= 15 && bigInts === null) {
    let sum = 0;
    let exact = true;
    const ws = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = ints[i]! * 10 ** (maxScale - scales[i]!);
      exact &&= Number.isSafeInteger(w);
      ws[i] = w;
      sum += w;
    }
    if (exact && Number.isSafeInteger(sum) && sum > 0 && rest <= BigInt(Number.MAX_SAFE_INTEGER)) {
      r = largestRemainderWeights(rest, ws, sum, codes);
    }
  }
  if (!r) {
    const pow = Array.from({ length: maxScale + 1 }, (_, k) => 10n ** BigInt(k));
    const big = Array.from(ints, (v, i) => {
      const w = bigInts?.get(i) ?? BigInt(v);
      return scales[i] === maxScale ? w : w * pow[maxScale - scales[i]!]!;
    });
    const weightSum = big.reduce((a, b) => a + b, 0n);
    if (weightSum === 0n && rest !== 0n) {
      return { ok: false, fouten: [fixedByCode.size > 0 ? 'alle gewichten van de ontvangers zonder vast bedrag zijn 0: er is niets om de rest naar te verdelen' : 'alle gewichten zijn 0: er is niets om naar te verdelen'] };
    }
    const nums = big.map((w) => rest * w);
    r = largestRemainderCore(rest, nums, weightSum === 0n ? 1n : weightSum, codes, { ranks: false });
  }
  const result = r;
  return {
    ok: true,
    rows: codes.map((code, i) => {
      const fixed = fixedByCode.size > 0 ? fixedByCode.get(code) : undefined;
      if (fixed !== undefined) return { code, amount: fixed, roundedUp: false };
      return { code, amount: (baseByCode.size > 0 ? (baseByCode.get(code) ?? 0n) : 0n) + result.units[i]! * unitCents, roundedUp: result.roundedUp[i] === 1 };
    }),
  };
}

/** Fixed or base amounts by code, in cents; each code once and in the weights. */
function amountsByCode(
  list: readonly { code: string; amount: string | Decimal }[] | undefined,
  what: string,
  weights: ReadonlySet<string>,
  unitCents: bigint,
  fouten: string[],
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  (list ?? []).forEach((f, i) => {
    const c = cents(f.amount, `${what} ${i + 1} (${excerpt(f.code)})`, unitCents, fouten);
    if (!weights.has(f.code)) fouten.push(`${what} ${i + 1}: code ${excerpt(f.code)} staat niet bij de gewichten`);
    if (out.has(f.code)) fouten.push(`${what} ${i + 1}: code ${excerpt(f.code)} komt twee keer voor`);
    if (c !== null) out.set(f.code, c);
  });
  return out;
}
