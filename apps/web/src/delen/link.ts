import { parseScenario, type Problem, type Scenario } from '@kansrijke-start/core';

/**
 * The share link carries the whole scenario in the hash: `#/scenario?s=<payload>`.
 * Payload: `d.` + base64url of the deflate-raw compressed JSON (when the browser has
 * CompressionStream), or `j.` + base64url of the JSON itself. A bare base64url payload is read
 * as JSON. Decoding never throws: a damaged or tampered link gives Dutch messages.
 */

/** Upper bound on the unpacked JSON, against a small link that unpacks into something huge. */
export const MAX_JSON_BYTES = 2_000_000;
/**
 * Upper bound on the payload text: the one limit of a link, checked when a link is made (a
 * scenario that does not fit gets no link, but the advice to share the file) and when it is opened.
 */
export const MAX_PAYLOAD_CHARS = 200_000;

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const canCompress = (): boolean => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError('te groot');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The payload for `?s=`: compact JSON, compressed when the browser can. */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  if (canCompress()) {
    const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
    return `d.${toBase64Url(packed)}`;
  }
  return `j.${toBase64Url(json)}`;
}

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; fouten: Problem[] };

const fout = (bericht: string): DecodeResult => ({ ok: false, fouten: [{ pad: 'link', bericht, plaats: null }] });

export async function decodeScenario(payload: string): Promise<DecodeResult> {
  if (payload.length === 0) return fout('de link bevat geen scenario (er staat niets na "s=")');
  if (payload.length > MAX_PAYLOAD_CHARS) return fout(`de link is te lang (${payload.length} tekens; hoogstens ${MAX_PAYLOAD_CHARS})`);
  let kind = 'j';
  let body = payload;
  const m = /^([a-z])\.(.*)$/s.exec(payload);
  if (m) {
    kind = m[1]!;
    body = m[2]!;
  }
  if (kind !== 'd' && kind !== 'j') return fout(`de link heeft een onbekende vorm ("${kind}."); verwacht "d." of "j."`);
  const bytes = fromBase64Url(body);
  if (!bytes) return fout('de link is beschadigd: de code na "s=" bevat tekens die er niet in horen of is afgebroken');
  let json = bytes;
  if (kind === 'd') {
    if (!canCompress()) return fout('deze browser kan een ingepakte link niet uitpakken');
    try {
      json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    } catch (e) {
      return fout(
        e instanceof RangeError
          ? `de link pakt uit tot meer dan ${MAX_JSON_BYTES / 1_000_000} MB; zo groot is geen scenario`
          : 'de link is beschadigd: de ingepakte inhoud kan niet worden uitgepakt (misschien is de link niet helemaal gekopieerd)',
      );
    }
  } else if (json.length > MAX_JSON_BYTES) {
    return fout(`de link bevat meer dan ${MAX_JSON_BYTES / 1_000_000} MB; zo groot is geen scenario`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return fout('de link is beschadigd: de inhoud is geen geldige tekst (UTF-8)');
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, fouten: parsed.fouten.map((f) => ({ ...f, pad: `link: ${f.pad}` })) };
  return parsed;
}

/** Why a scenario gets no link: the payload would be too long, or its JSON larger than a link may unpack to. */
export type TooLarge = { ok: false; reden: 'tekens'; tekens: number } | { ok: false; reden: 'bytes'; bytes: number };

/**
 * The full share link for a scenario, on the page's own address; or, when the link would be
 * refused on opening (`decodeScenario`'s limits), why not. A link that is made can be opened.
 */
export async function shareLink(scenario: Scenario, base: string): Promise<{ ok: true; link: string } | TooLarge> {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario)).length;
  if (bytes > MAX_JSON_BYTES) return { ok: false, reden: 'bytes', bytes };
  const payload = await encodeScenario(scenario);
  if (payload.length > MAX_PAYLOAD_CHARS) return { ok: false, reden: 'tekens', tekens: payload.length };
  return { ok: true, link: `${base.replace(/#.*$/, '')}#/scenario?s=${payload}` };
}
