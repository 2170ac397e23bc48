import { inflateSync } from 'node:zlib';

/**
 * Just enough of PDF to check what Chromium printed: the number of pages, and the text of each
 * page (through the fonts' ToUnicode maps). Chromium writes plain objects (no object streams)
 * with Flate-compressed streams and Type0 fonts with Identity-H encoding, which is all this reads.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s >= 0 && /\/Length/.test(body.slice(0, s))) {
      const dict = body.slice(0, s);
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0');
      const raw = pdf.subarray(from, from + length);
      out.set(Number(m[1]), { dict, stream: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    } else out.set(Number(m[1]), { dict: body, stream: null });
    re.lastIndex = end;
  }
  return out;
}

/** The number of pages: the page objects (`/Type /Page`, not `/Pages`). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}

/** A ToUnicode CMap: glyph code (hex) to text. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const u = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src!.toUpperCase(), u(dst!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const a = parseInt(lo!, 16);
      const b = parseInt(hi!, 16);
      const d = parseInt(dst!, 16);
      for (let c = a; c <= b; c++) map.set(c.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCodePoint(d + c - a));
    }
  }
  return map;
}

/** The text of each page, in the order it is drawn (good enough to find a word or an amount). */
export function pageTexts(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const ref = (dict: string, key: string): number | null => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  const fontMaps = new Map<number, Map<string, string>>();
  const fontMap = (n: number): Map<string, string> => {
    let map = fontMaps.get(n);
    if (!map) {
      const t = ref(objs.get(n)?.dict ?? '', 'ToUnicode');
      map = t === null ? new Map() : cmap(objs.get(t)?.stream?.toString('latin1') ?? '');
      fontMaps.set(n, map);
    }
    return map;
  };
  const pages = [...objs.entries()].filter(([, o]) => /\/Type\s*\/Page(?!s)\b/.test(o.dict)).sort(([a], [b]) => a - b);
  return pages.map(([, page]) => {
    let resources = page.dict;
    const r = ref(page.dict, 'Resources');
    if (r !== null) resources = objs.get(r)?.dict ?? '';
    const fontsDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map([...fontsDict.matchAll(/\/(\S+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const contents = [...(/\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? `${ref(page.dict, 'Contents') ?? ''} 0 R`).matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    let out = '';
    for (const c of contents) {
      const ops = objs.get(c)?.stream?.toString('latin1') ?? '';
      let map = new Map<string, string>();
      for (const t of ops.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(T\*|Td|TD|ET)\b/g)) {
        if (t[1]) map = fontMap(fonts.get(t[1]) ?? -1);
        else if (t[2] !== undefined) out += (t[2].match(/.{4}/g) ?? []).map((h) => map.get(h.toUpperCase()) ?? '').join('');
        else out += ' ';
      }
    }
    return out;
  });
}

/** Text without any white space: for finding "€ 1.234" however the PDF spaces it. */
export const compact = (s: string): string => s.replace(/\s+/g, '');
