/**
 * Reading the user's files, with Dutch messages for the usual problems: a missing file, a
 * folder instead of a file, no permission, and text that is not UTF-8 (such as a CSV saved by
 * Excel as "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252).
 */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';

/** Files larger than this are refused: no input of this tool comes near it. */
const MAX_BYTES = 200 * 1024 * 1024;

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

/** The bytes of a file, or of standard input for `-`. */
export function readBytes(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (e) {
    throw new InputError(describe(e, path === '-' ? 'standaardinvoer' : path));
  }
  if (bytes.length > MAX_BYTES) throw new InputError(`${path}: het bestand is groter dan ${MAX_BYTES / 1024 / 1024} MB`);
  return bytes;
}

/** Decodes UTF-8 strictly (a BOM is removed); other encodings get a message that says what to do. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${path}: het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als UTF-8 (in Excel: "CSV UTF-8")`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      `${path}${at ? `, regel ${at.line}` : ''}: het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel: "CSV UTF-8")`,
    );
  }
}

/** Reads a text file (or `-` for standard input) as UTF-8. */
export function readTextFile(path: string): string {
  return decodeUtf8(readBytes(path), path);
}

/** The line of the first byte sequence that is not valid UTF-8, for the message. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number } | null {
  let line = 1;
  let i = 0;
  const strict = new TextDecoder('utf-8', { fatal: true });
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return { line };
    if (len === 1) {
      i++;
      continue;
    }
    const chunk = bytes.subarray(i, i + len);
    if (chunk.length < len) return { line };
    try {
      strict.decode(chunk);
    } catch {
      return { line };
    }
    i += len;
  }
  return null;
}
