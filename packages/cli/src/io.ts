/**
 * Reading the user's files, with Dutch messages for the usual problems: a missing file, a
 * folder instead of a file, no permission, a file far larger than any input of this tool (or
 * an endless one, such as /dev/zero or a pipe that never ends), and text that is not UTF-8
 * (such as a CSV saved by Excel as "CSV (gescheiden door lijstscheidingsteken)" in
 * Windows-1252).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatNumber } from '@kansrijke-start/core';
import { InputError } from './errors.js';

/**
 * The largest file of each kind that is read, in bytes; reading stops as soon as a file is
 * larger. A CSV file (weights, fixed amounts) of a million rows is 20-30 MB; a scenario with a
 * table key for every stream and year is about 2 MB; a JSON Lines file of `sweep` holds many.
 */
export const MAX_BYTES = { csv: 50_000_000, scenario: 10_000_000, reeks: 100_000_000, export: 200_000_000 } as const;

/** The kind of file that is read: decides its limit and how the message names it. */
export type FileKind = keyof typeof MAX_BYTES;

const KIND_NAME: Record<FileKind, string> = { csv: 'een CSV-bestand', scenario: 'een scenariobestand', reeks: 'een bestand met scenario\'s (JSON Lines)', export: 'een export' };

/** Standard input is read once, in chunks of this size. */
const CHUNK = 64 * 1024;

/** The name of a file in messages: `standaardinvoer` for `-`. */
export const fileName = (file: string): string => (file === '-' ? 'standaardinvoer' : file);

function describe(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path}: bestand niet gevonden`;
    case 'EISDIR':
      return `${path}: dit is een map, geen bestand`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: geen toestemming om dit bestand te lezen`;
    case 'ENOTDIR':
      return `${path}: een deel van dit pad is geen map`;
    default:
      return `${path}: het bestand kan niet worden gelezen (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}

/** `50 MB` */
const megabytes = (bytes: number): string => `${bytes / 1_000_000} MB`;

/** The message for an input over the limit; `size` when a regular file says how large it is. */
function tooLarge(shown: string, kind: FileKind, size?: number): InputError {
  const max = MAX_BYTES[kind];
  const limit = `de grens van ${megabytes(max)} (${formatNumber(BigInt(max), 0)} bytes) voor ${KIND_NAME[kind]}`;
  if (size !== undefined) {
    return new InputError(`${shown}: het bestand is ${formatNumber(BigInt(size), 0)} bytes, meer dan ${limit}; het is niet gelezen. Is dit het goede bestand?`);
  }
  const what = shown === 'standaardinvoer' ? 'de invoer' : 'het bestand';
  return new InputError(`${shown}: ${what} is groter dan ${limit}; het lezen is bij die grens gestopt. Is dit het goede bestand?`);
}

/** Waits a moment (for a non-blocking standard input that has no data yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One read, retried while a non-blocking input has nothing yet (EAGAIN) or a signal interrupts it. */
function readChunk(fd: number, buffer: Uint8Array, offset: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(5);
      else if (code !== 'EINTR') throw e;
    }
  }
}

/**
 * The bytes of a file, or of standard input for `-`, read in chunks: at most the limit of its
 * kind plus one byte is ever held, so an endless input stops at the limit with a message.
 */
export function readBytes(path: string, kind: FileKind): Uint8Array {
  const shown = fileName(path);
  const max = MAX_BYTES[kind];
  let fd: number | null = null;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    // A regular file says its size: refuse a large one without reading it. Other inputs (a
    // pipe, a device) grow the buffer as they come.
    if (stat.isFile() && stat.size > max) throw tooLarge(shown, kind, stat.size);
    let buffer = new Uint8Array(Math.min(stat.isFile() ? stat.size + 1 : CHUNK, max + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > max) throw tooLarge(shown, kind);
        const bigger = new Uint8Array(Math.min(Math.max(buffer.length * 2, CHUNK), max + 1));
        bigger.set(buffer);
        buffer = bigger;
      }
      const n = readChunk(fd, buffer, length, buffer.length - length);
      if (n === 0) break;
      length += n;
    }
    if (length > max) throw tooLarge(shown, kind);
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describe(e, shown));
  } finally {
    if (fd !== null && path !== '-') closeSync(fd);
  }
}

/** Decodes UTF-8 strictly (a BOM is removed); other encodings get a message that says what to do. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  const shown = fileName(path);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${shown}: het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als UTF-8 (in Excel: "CSV UTF-8")`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new InputError(
      `${shown}${line === null ? '' : `, regel ${line}`}: het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel: "CSV UTF-8")`,
    );
  }
}

/** Reads a text file (or `-` for standard input) as UTF-8, up to the limit of its kind. */
export function readTextFile(path: string, kind: FileKind): string {
  return decodeUtf8(readBytes(path, kind), path);
}

/**
 * Standard input can be read only once: an input error, before anything is read, when `-` is
 * given for more than one of the options (flag and value).
 */
export function checkStdinOnce(options: Readonly<Record<string, string | undefined>>): void {
  const flags = Object.entries(options)
    .filter(([, v]) => v === '-')
    .map(([flag]) => flag);
  if (flags.length > 1) {
    throw new InputError(
      `standaardinvoer (-) kan maar één keer worden gelezen, maar is opgegeven bij ${flags.slice(0, -1).join(', ')} en ${flags.at(-1)}; ` +
        'geef voor de andere een bestand',
    );
  }
}

/**
 * The line of the first byte sequence that is not valid UTF-8 (by the rules of the WHATWG
 * decoder: no overlong forms, no surrogates, nothing above U+10FFFF), or null.
 */
function firstInvalidUtf8Line(bytes: Uint8Array): number | null {
  let line = 1;
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return line;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const ok = b === 0xe0 ? cont(i + 1, 0xa0) : b === 0xed ? cont(i + 1, 0x80, 0x9f) : cont(i + 1);
      if (!ok || !cont(i + 2)) return line;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const ok = b === 0xf0 ? cont(i + 1, 0x90) : b === 0xf4 ? cont(i + 1, 0x80, 0x8f) : cont(i + 1);
      if (!ok || !cont(i + 2) || !cont(i + 3)) return line;
      i += 4;
    } else return line;
  }
  return null;
}
