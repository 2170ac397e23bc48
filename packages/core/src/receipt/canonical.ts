/**
 * Canonical JSON: one text per value, so that a hash of it identifies the value and not the
 * way it happened to be written. The rules of RFC 8785 (JSON Canonicalization Scheme, JCS)
 * where they apply:
 *
 * - object members sorted by their keys as UTF-16 code units (JavaScript's default string
 *   order), each key once;
 * - no whitespace between tokens;
 * - strings escaped exactly as `JSON.stringify` does (which is what JCS prescribes);
 * - numbers as ECMAScript writes them (`JSON.stringify`); only finite numbers are accepted;
 * - members whose value is `undefined` (or a function or symbol) are dropped, as JSON drops
 *   them; in an array they are written as `null`, as JSON does.
 *
 * One deviation, because money in the core is `bigint` (cents or euros) and must never pass
 * through a binary float: a **bigint is written as a JSON string of its decimal digits**
 * (`12345n` → `"12345"`, `-5n` → `"-5"`). The text is then still valid JCS of the value with
 * each bigint replaced by its decimal string, so any JCS implementation reproduces the hash
 * from the parsed text. (A bigint and the string of the same digits thus give the same text;
 * the values hashed here have a fixed shape, so a field is never sometimes one and sometimes
 * the other.)
 *
 * `toJSON` methods are honoured like `JSON.stringify` does (a `Date` becomes its ISO text).
 * Maps, Sets and typed arrays are refused rather than silently written as `{}`; so are
 * cycles and non-finite numbers.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

/** The JSON text of a key, remembered: the same few keys come back in every line. */
const keyTexts = new Map<string, string>();
const keyText = (k: string): string => {
  let t = keyTexts.get(k);
  if (t === undefined) {
    t = JSON.stringify(k);
    if (keyTexts.size < 10_000) keyTexts.set(k, t);
  }
  return t;
};

const dropped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function write(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString(10)}"`;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} is not a JSON number`);
      return JSON.stringify(value); // ECMAScript's shortest round-trip text; -0 becomes 0, as in JCS
    case 'object':
      break;
    default:
      // undefined, a function or a symbol: only reached at the top level or in an array (members are dropped before).
      return 'null';
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') return write((obj as { toJSON: () => unknown }).toJSON(), seen);
  if (obj instanceof Map || obj instanceof Set || ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) {
    throw new TypeError(`canonicalJson: a ${obj.constructor.name} has no JSON form`);
  }
  if (seen.has(obj)) throw new TypeError('canonicalJson: the value contains a cycle');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[';
    for (let i = 0; i < obj.length; i++) out += (i > 0 ? ',' : '') + write(obj[i], seen);
    out += ']';
  } else {
    const rec = obj as Record<string, unknown>;
    // The default sort compares UTF-16 code units: exactly the JCS order.
    const keys = Object.keys(rec).sort();
    out = '{';
    let first = true;
    for (const k of keys) {
      const v = rec[k];
      if (dropped(v)) continue;
      out += (first ? '' : ',') + keyText(k) + ':' + write(v, seen);
      first = false;
    }
    out += '}';
  }
  seen.delete(obj);
  return out;
}
