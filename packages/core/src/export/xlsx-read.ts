import { strFromU8, unzipSync } from 'fflate';

/*
 * A small reader of xlsx workbooks: enough for the workbooks this package writes
 * (`writeXlsx`: inline strings and numeric cells) and for the same workbook saved again by a
 * spreadsheet program (shared strings). Each sheet comes back as rows of cell texts: a number
 * as the text of its value (`1234567.89`, never through a float), text as it is, an empty
 * cell as null. Formulas, styles and dates are not interpreted. Pure: bytes in, sheets out.
 */

/** One sheet as read: its name and its rows of cell texts. */
export interface ReadSheet {
  naam: string;
  /** Rows by their row number minus one (row 1 = index 0); a missing row is an empty array. */
  rijen: (string | null)[][];
}

/** The sheets of a workbook, or why it cannot be read (Dutch). */
export type ReadWorkbook = { ok: true; bladen: ReadSheet[] } | { ok: false; fout: string };

/** At most this many bytes unpacked (a real workbook of this package is far smaller). */
const MAX_UNPACKED = 200 * 1024 * 1024;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of XML character data: entities and character references resolved. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]!) : null;
};

/** The text of every `<t>` in a fragment (a rich text run has several). */
const texts = (xml: string): string => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => xmlUnescape(m[1] ?? '')).join('');

/** Column letters to a zero-based index: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function sheetRows(xml: string, shared: readonly string[]): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const data = /<sheetData(?:\s[^>]*)?>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let next = 0;
  for (const rm of data.matchAll(/<row(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(rm[1] ?? '', 'r');
    const index = r === null ? next : Number(r) - 1;
    next = index + 1;
    const cells: (string | null)[] = [];
    let col = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = cm[1] ?? '';
      const ref = attr(tag, 'r');
      const at = ref ? columnIndex(/^[A-Z]+/.exec(ref)?.[0] ?? 'A') : col;
      col = at + 1;
      const body = cm[2] ?? '';
      const t = attr(tag, 't');
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: string | null;
      if (t === 'inlineStr') value = texts(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (t === 's') value = v === undefined ? null : (shared[Number(v)] ?? null);
      else value = v === undefined ? null : xmlUnescape(v);
      while (cells.length < at) cells.push(null);
      cells[at] = value;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  return rows;
}

/** The sheets of an xlsx workbook, in the workbook's order, or a Dutch message why it cannot be read. */
export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNPACKED) throw new RangeError('te groot');
        return f.name.startsWith('xl/') || f.name === '[Content_Types].xml';
      },
    });
  } catch (e) {
    return { ok: false, fout: e instanceof RangeError ? 'de werkmap is uitgepakt groter dan 200 MB' : 'dit is geen xlsx-werkmap (geen leesbaar ZIP-bestand)' };
  }
  const text = (name: string): string | null => (files[name] ? strFromU8(files[name]!) : null);
  const workbook = text('xl/workbook.xml');
  if (workbook === null) return { ok: false, fout: 'dit is geen xlsx-werkmap (xl/workbook.xml ontbreekt)' };
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship(\s[^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
  const bladen: ReadSheet[] = [];
  for (const m of workbook.matchAll(/<sheet(\s[^>]*)\/?>/g)) {
    const naam = attr(m[1]!, 'name') ?? '';
    const rid = attr(m[1]!, 'r:id');
    const file = rid ? rels.get(rid) : undefined;
    const xml = file ? text(file) : null;
    if (xml === null) return { ok: false, fout: `het blad "${naam}" ontbreekt in de werkmap` };
    bladen.push({ naam, rijen: sheetRows(xml, shared) });
  }
  return { ok: true, bladen };
}
