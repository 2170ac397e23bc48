/**
 * The embedded baseline, validated when it is built rather than when it is used.
 *
 * `npm run import-data` validates the embedded CSV copies with `parseBaselineData` (zod schemas
 * per file, then the checks across files) and writes the result, encoded by `encodeBaseline`,
 * to `raw/prebuilt.ts`. `baselineData()` decodes that text: a `JSON.parse` and a walk that turns
 * the tagged values back into decimals, bigints and Maps, with no validation, because the
 * content was checked when it was written. A test re-encodes `parseBaselineData(rawData)` and
 * requires the very same text, so the prebuilt copy can never drift from the CSV copies nor from
 * the code that builds the baseline from them.
 *
 * The encoding is JSON in which the three kinds of value that JSON lacks are tagged, and a
 * string that looks like a tag is escaped:
 * - a decimal is the string `"#d:" + its exact decimal text` (decimal.js `toFixed()`, never a float);
 * - a bigint is the string `"#b:" + its digits`;
 * - a Map is the object `{ "#m": [[key, value], ...] }` in insertion order, or, when it maps
 *   texts without `,` and `=` to decimals or null (an indicator's values per municipality), the
 *   string `"#w:" + key=value,key=value,...` (null as nothing after the `=`): a third of the
 *   text less, and for `JSON.parse` one string to step over rather than thousands of values;
 * - a string that itself starts with `#` is written as `"#s:" + the string`.
 * `besluiten` is not data but code (`decisions.ts`): it is written as `null` (keeping its place
 * among the keys) and attached again on decoding.
 */
import { Decimal, isDecimal } from '../money/decimal.js';
import { PENDING_DECISIONS } from './decisions.js';
import { deepFreeze, lockCollection } from './freeze.js';
import type { BaselineData } from './types.js';

const MAP = '#m';
const TABLE = '#w:';

/** A Map that the compact form `#w:` holds: keys that are texts without `,` or `=`, values that are decimals or null. */
function isDecimalTable(map: Map<unknown, unknown>): boolean {
  for (const [k, v] of map) if (typeof k !== 'string' || k.includes(',') || k.includes('=') || !(v === null || isDecimal(v))) return false;
  return true;
}

/** The Map of a `#w:` text (the part after the tag). */
function decodeTable(text: string): Map<string, Decimal | null> {
  const map = new Map<string, Decimal | null>();
  if (text === '') return map;
  for (const entry of text.split(',')) {
    const at = entry.indexOf('=');
    const v = entry.slice(at + 1);
    map.set(entry.slice(0, at), v === '' ? null : new Decimal(v));
  }
  return map;
}

function encodeValue(value: unknown, path: string): unknown {
  if (typeof value === 'string') return value.startsWith('#') ? `#s:${value}` : value;
  if (typeof value === 'bigint') return `#b:${value.toString()}`;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`${path}: alleen gehele getallen passen in de voorgebouwde gegevens (${value})`);
    return value;
  }
  if (value === null || typeof value === 'boolean') return value;
  if (isDecimal(value)) return `#d:${value.toFixed()}`;
  if (value instanceof Map) {
    if (isDecimalTable(value)) return `${TABLE}${[...value].map(([k, v]) => `${k}=${v === null ? '' : (v as Decimal).toFixed()}`).join(',')}`;
    return { [MAP]: [...value].map(([k, v], i) => [encodeValue(k, `${path}[${i}]`), encodeValue(v, `${path}.get(${String(k)})`)]) };
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, `${path}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === MAP) throw new TypeError(`${path}: de sleutel "${MAP}" is voorbehouden`);
      if (v === undefined) throw new TypeError(`${path}.${k}: undefined past niet in de voorgebouwde gegevens`);
      out[k] = encodeValue(v, `${path}.${k}`);
    }
    return out;
  }
  throw new TypeError(`${path}: ${Object.prototype.toString.call(value)} past niet in de voorgebouwde gegevens`);
}

/** Decodes in place; every array, object and Map comes out read-only (as `deepFreeze` leaves it). */
function decodeValue(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.charCodeAt(0) !== 35 /* # */) return value;
    const tag = value.slice(0, 3);
    const rest = value.slice(3);
    if (tag === '#d:') return new Decimal(rest);
    if (tag === '#b:') return BigInt(rest);
    if (tag === '#s:') return rest;
    if (tag === TABLE) return lockCollection(decodeTable(rest));
    throw new TypeError(`voorgebouwde gegevens: onbekende markering in "${value}"`);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decodeValue(value[i]);
    return Object.freeze(value);
  }
  const entries = (value as Record<string, unknown>)[MAP];
  if (entries !== undefined) {
    const map = new Map<unknown, unknown>();
    for (const [k, v] of entries as [unknown, unknown][]) map.set(decodeValue(k), decodeValue(v));
    return lockCollection(map);
  }
  const object = value as Record<string, unknown>;
  for (const k in object) object[k] = decodeValue(object[k]);
  return Object.freeze(object);
}

/** The baseline as the text of `raw/prebuilt.ts` (see the module comment for the encoding). */
export function encodeBaseline(data: BaselineData): string {
  return JSON.stringify(encodeValue({ ...data, besluiten: null }, 'basis'));
}

/**
 * The baseline from the text `encodeBaseline` wrote, read-only all the way down; trusts the
 * text (it was validated when it was written).
 */
export function decodeBaseline(text: string): BaselineData {
  const data = JSON.parse(text) as Record<string, unknown>;
  for (const k of Object.keys(data)) {
    if (k === 'besluiten') data[k] = deepFreeze(PENDING_DECISIONS);
    else if (k === 'indicatoren' && Array.isArray(data[k])) data[k] = Object.freeze((data[k] as unknown[]).map(lazyValues));
    else data[k] = decodeValue(data[k]);
  }
  return Object.freeze(data) as unknown as BaselineData;
}

/**
 * An indicator whose values are decoded when they are first read. The values of the indicators
 * are nearly all the decimals of the data (4,102 of 4,135), and decoding a decimal is most of the
 * cost of `baselineData()`, while a computation reads few indicators (the baseline: one, the
 * inhabitants that per-inhabitant figures are per). `waarden` stays an enumerable property in
 * its place, read-only like every other (a getter without setter, on a frozen object).
 */
function lazyValues(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('waarden' in value)) return decodeValue(value);
  const indicator = value as Record<string, unknown>;
  let encoded: unknown = indicator['waarden'];
  let decoded: unknown;
  for (const k in indicator) if (k !== 'waarden') indicator[k] = decodeValue(indicator[k]);
  Object.defineProperty(indicator, 'waarden', {
    enumerable: true,
    get() {
      if (encoded !== undefined) {
        decoded = decodeValue(encoded);
        encoded = undefined;
      }
      return decoded;
    },
  });
  return Object.freeze(indicator);
}
