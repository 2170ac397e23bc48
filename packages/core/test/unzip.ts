import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Reads a ZIP archive with stored or deflated entries (the .xlsx writer deflates them), through
 * its central directory, and checks each entry's CRC-32 with node's own zlib.crc32.
 */
export function unzipStored(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('geen ZIP: einde van de centrale map ontbreekt');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('kapotte centrale map');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (method !== 0 && method !== 8) throw new Error(`${name}: onbekende compressie ${method}`);
    if (buf.readUInt32LE(offset) !== 0x04034b50) throw new Error(`${name}: lokale kop ontbreekt`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    if (data.length !== unpacked) throw new Error(`${name}: lengte klopt niet`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`${name}: CRC-32 klopt niet`);
    out.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface Cel {
  ref: string;
  type: 'getal' | 'tekst';
  waarde: string;
  stijl: string | null;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The rows of a worksheet as arrays of cells by column letter. */
export function sheetRows(xml: string): Map<string, Cel>[] {
  const rows: Map<string, Cel>[] = [];
  for (const m of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/gs)) {
    const cells = new Map<string, Cel>();
    for (const c of m[2]!.matchAll(/<c r="([A-Z]+)\d+"((?: [a-z]+="[^"]*")*)>(.*?)<\/c>/gs)) {
      const attrs = c[2]!;
      const stijl = /s="(\d+)"/.exec(attrs)?.[1] ?? null;
      if (attrs.includes('t="inlineStr"')) {
        cells.set(c[1]!, { ref: c[1]!, type: 'tekst', waarde: unescape(/<t[^>]*>(.*?)<\/t>/s.exec(c[3]!)?.[1] ?? ''), stijl });
      } else {
        cells.set(c[1]!, { ref: c[1]!, type: 'getal', waarde: /<v>(.*?)<\/v>/.exec(c[3]!)?.[1] ?? '', stijl });
      }
    }
    rows[Number(m[1]) - 1] = cells;
  }
  return rows;
}
