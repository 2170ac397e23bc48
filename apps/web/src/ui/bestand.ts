/**
 * Reading an uploaded file as text, by the same rule as the CLI (`packages/cli/src/io.ts`):
 * UTF-8 only, decoded strictly (a UTF-8 byte order mark is removed). A file in another encoding
 * is refused with a Dutch message that says how to save it as UTF-8, instead of being read with
 * replacement characters ("M?nster"). The size is checked before anything is read.
 */

export type Gelezen =
  | { ok: true; tekst: string }
  | { ok: false; bericht: string; plaats: { regel: number; kolom: number } | null };

export const MB = 1_000_000;

/** "1,5 MB", with a decimal comma. */
export function mbTekst(bytes: number): string {
  const mb = bytes / MB;
  const text = mb >= 10 ? String(Math.round(mb)) : (Math.round(mb * 10) / 10).toString();
  return `${text.replace('.', ',')} MB`;
}

/** How to save as UTF-8, per kind of file. */
export const ALS_UTF8 = {
  csv: 'in Excel: "CSV UTF-8"',
  json: 'in een teksteditor zoals Kladblok: bij Opslaan als de codering "UTF-8" kiezen',
} as const;

export interface LeesOpties {
  /** The largest file that is read. */
  maxBytes: number;
  /** How to save this kind of file as UTF-8 (`ALS_UTF8`). */
  hoe: string;
  /** Said after the size, in brackets: why no such file needs to be this large. */
  waaromKleiner?: string;
}

/**
 * The text of `file`, or why it is refused: larger than `maxBytes` (checked on `file.size`,
 * before reading), UTF-16, or not UTF-8 (with the line and column of the first wrong byte).
 */
export async function leesTekst(file: Blob, { maxBytes, hoe, waaromKleiner }: LeesOpties): Promise<Gelezen> {
  if (file.size > maxBytes) {
    const groot = mbTekst(file.size);
    const max = mbTekst(maxBytes);
    const hoeGroot = groot === max ? `het bestand is groter dan ${max} en wordt daarom niet ingelezen` : `het bestand is ${groot}; een bestand van meer dan ${max} wordt niet ingelezen`;
    const bericht = `${hoeGroot}${waaromKleiner ? ` (${waaromKleiner})` : ''}`;
    return { ok: false, bericht, plaats: null };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, bericht: `het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als UTF-8 (${hoe})`, plaats: null };
  }
  try {
    // fatal: a byte that is not UTF-8 is an error, not a replacement character; the BOM is removed.
    return { ok: true, tekst: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, bericht: `het bestand is geen UTF-8-tekst; sla het op als UTF-8 (${hoe})`, plaats: firstInvalid(bytes) };
  }
}

/** Line and column (in characters, from 1) of the first byte sequence that is not valid UTF-8. */
export function firstInvalid(bytes: Uint8Array): { regel: number; kolom: number } | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let regel = 1;
  let lineStart = 0;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (i === 3) lineStart = 3;
  const here = () => ({ regel, kolom: strict.decode(bytes.subarray(lineStart, i)).length + 1 });
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      if (b === 0x0a) {
        regel++;
        lineStart = i;
      }
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return here();
    try {
      strict.decode(bytes.subarray(i, i + len));
    } catch {
      return here();
    }
    i += len;
  }
  return null;
}
