/**
 * Line and column in a JSON text, for messages about a scenario file: where a syntax error is
 * (with a Dutch explanation; JSON.parse's own messages are English and often give no position),
 * and where the value at a path such as `wijzigingen[2].jaar` starts.
 */

export interface Position {
  line: number;
  column: number;
}

export interface SyntaxProblem extends Position {
  bericht: string;
}

const MAX_DEPTH = 500;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly bericht: string,
  ) {
    super(bericht);
  }
}

/** Line and column (both from 1) of an offset; a tab counts as one column. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const isWs = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

function skipWs(text: string, i: number): number {
  while (isWs(text[i])) i++;
  return i;
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'het einde van het bestand';
  if (ch === '\n' || ch === '\r') return 'het einde van de regel';
  return `"${ch}"`;
}

/** The end offset of the string that starts at `i` (at the opening quote). */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const ch = text[j]!;
    if (ch === '"') return j + 1;
    if (ch === '\\') {
      const esc = text[j + 1];
      if (esc === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) throw new JsonSyntaxError(j, 'een \\u-teken moet door vier hexadecimale cijfers worden gevolgd');
        j += 6;
      } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) j += 2;
      else throw new JsonSyntaxError(j, `ongeldig escapeteken "\\${esc ?? ''}" in een tekst`);
      continue;
    }
    if (ch === '\n' || ch === '\r') throw new JsonSyntaxError(i, 'een tekst tussen aanhalingstekens wordt op deze regel niet afgesloten');
    if (ch < ' ') throw new JsonSyntaxError(j, 'een tekst bevat een stuurteken (zoals een tab); schrijf \\t');
    j++;
  }
  throw new JsonSyntaxError(i, 'een tekst tussen aanhalingstekens wordt niet afgesloten');
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** The end offset of the value that starts at `i` (after white space). */
function skipValue(text: string, i: number, depth: number): number {
  if (depth > MAX_DEPTH) throw new JsonSyntaxError(i, `de gegevens zijn dieper dan ${MAX_DEPTH} niveaus genest`);
  const ch = text[i];
  if (ch === '{' || ch === '[') {
    const close = ch === '{' ? '}' : ']';
    let j = skipWs(text, i + 1);
    if (text[j] === close) return j + 1;
    const names = ch === '{' ? new Set<string>() : null;
    for (;;) {
      if (names) {
        if (text[j] !== '"') {
          throw new JsonSyntaxError(j, `hier hoort een naam tussen dubbele aanhalingstekens, maar er staat ${describeChar(text[j])}`);
        }
        const end = skipString(text, j);
        const name = JSON.parse(text.slice(j, end)) as string;
        if (names.has(name)) {
          const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
          throw new JsonSyntaxError(j, `de naam "${shown}" staat twee keer in hetzelfde object; dan zou alleen de laatste tellen: laat er één weg`);
        }
        names.add(name);
        j = skipWs(text, end);
        if (text[j] !== ':') throw new JsonSyntaxError(j, `na een naam hoort een dubbele punt (:), maar er staat ${describeChar(text[j])}`);
        j = skipWs(text, j + 1);
      }
      const valueStart = j;
      j = skipWs(text, skipValue(text, j, depth + 1));
      if (ch === '{' && text[j] === ',' && /^\d+$/.test(text.slice(valueStart, j)) && /^\d/.test(text[j + 1] ?? '')) {
        // {"bedrag": 2,5}: a decimal comma, which would otherwise read as a missing name.
        const decimals = /^\d+/.exec(text.slice(j + 1))![0];
        throw new JsonSyntaxError(valueStart, `een getal met een decimale komma; gebruik een punt (${text.slice(valueStart, j)}.${decimals})`);
      }
      if (text[j] === ',') {
        const next = skipWs(text, j + 1);
        if (text[next] === close) throw new JsonSyntaxError(j, `een komma voor "${close}" mag niet in JSON (geen komma na het laatste element)`);
        j = next;
        continue;
      }
      if (text[j] === close) return j + 1;
      throw new JsonSyntaxError(j, `hier hoort een komma of "${close}", maar er staat ${describeChar(text[j])}`);
    }
  }
  if (ch === '"') return skipString(text, i);
  for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return i + lit.length;
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  if (m && m[0].length > 0) {
    return i + m[0].length;
  }
  if (ch === "'") throw new JsonSyntaxError(i, 'JSON gebruikt dubbele aanhalingstekens ("), geen enkele');
  throw new JsonSyntaxError(i, `hier hoort een waarde (tekst, getal, true, false, null, object of lijst), maar er staat ${describeChar(ch)}`);
}

/** The first syntax error in a JSON text, or null. A UTF-8 BOM at the start is allowed. */
export function checkJsonSyntax(text: string): SyntaxProblem | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    let i = skipWs(text, start);
    if (i >= text.length) throw new JsonSyntaxError(i, 'het bestand is leeg');
    i = skipWs(text, skipValue(text, i, 0));
    if (i < text.length) throw new JsonSyntaxError(i, `na het einde van de gegevens staat nog ${describeChar(text[i])}`);
    return null;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ...positionAt(text, e.offset), bericht: e.bericht };
    throw e;
  }
}

/** `wijzigingen[2].sleutel.gewichten[0]` → ['wijzigingen', 2, 'sleutel', 'gewichten', 0]; the root `scenario` → []. */
export function parsePath(pad: string): (string | number)[] {
  if (pad === 'scenario' || pad === '') return [];
  const out: (string | number)[] = [];
  for (const m of pad.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * The start of every value in a valid JSON text, by its path as `formatPath` writes it
 * (`wijzigingen[2].jaar`; the root is `scenario`), found in one pass over the text.
 */
export function indexPaths(text: string): Map<string, Position> {
  const offsets: { pad: string; offset: number }[] = [];
  const walk = (i: number, pad: string, depth: number): number => {
    offsets.push({ pad: pad === '' ? 'scenario' : pad, offset: i });
    const ch = text[i];
    if (ch !== '{' && ch !== '[') return skipValue(text, i, depth);
    const close = ch === '{' ? '}' : ']';
    let j = skipWs(text, i + 1);
    if (text[j] === close) return j + 1;
    for (let k = 0; ; k++) {
      let member: string;
      if (ch === '{') {
        const end = skipString(text, j);
        const key = JSON.parse(text.slice(j, end)) as string;
        member = pad === '' ? key : `${pad}.${key}`;
        j = skipWs(text, skipWs(text, end) + 1); // past the colon
      } else member = `${pad}[${k}]`;
      j = skipWs(text, walk(j, member, depth + 1));
      if (text[j] !== ',') return j + 1; // the closing bracket
      j = skipWs(text, j + 1);
    }
  };
  walk(skipWs(text, text.charCodeAt(0) === 0xfeff ? 1 : 0), '', 0);
  // Offsets come in text order, so one pass turns them all into lines and columns.
  const out = new Map<string, Position>();
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const { pad, offset } of offsets) {
    for (; at < offset; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    if (!out.has(pad)) out.set(pad, { line, column: offset - lineStart + 1 });
  }
  return out;
}

/**
 * A function that gives the place of a path in a valid JSON text: where its value starts, or,
 * for a path that does not exist (a missing field), where the deepest part that does starts.
 * The text is indexed once, so locating many problems stays linear in the size of the text.
 */
export function locator(text: string): (pad: string) => Position | null {
  let index: Map<string, Position> | null = null;
  return (pad) => {
    index ??= checkJsonSyntax(text) === null ? indexPaths(text) : new Map();
    const segs = parsePath(pad);
    for (let k = segs.length; k >= 0; k--) {
      let p = '';
      for (const s of segs.slice(0, k)) p += typeof s === 'number' ? `[${s}]` : p === '' ? s : `.${s}`;
      const hit = index.get(p === '' ? 'scenario' : p);
      if (hit) return hit;
    }
    return null;
  };
}
