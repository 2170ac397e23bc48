import { describe, expect, test } from 'vitest';
import { ALS_UTF8, firstInvalid, leesTekst, mbTekst } from './bestand.js';

const blob = (...parts: (string | Uint8Array)[]) =>
  new Blob(parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p)) as BlobPart[]);

describe('reading an upload as UTF-8 (the CLI rule)', () => {
  const opties = { maxBytes: 1000, hoe: ALS_UTF8.csv };

  test('UTF-8 is read, with and without a BOM', async () => {
    expect(await leesTekst(blob('a;b\nMünster;1\n'), opties)).toEqual({ ok: true, tekst: 'a;b\nMünster;1\n' });
    expect(await leesTekst(blob(new Uint8Array([0xef, 0xbb, 0xbf]), 'Münster'), opties)).toEqual({ ok: true, tekst: 'Münster' });
  });

  test('Latin-1 (Windows-1252) is refused, with the line and column of the first wrong byte', async () => {
    const latin1 = new Uint8Array(Buffer.from('gemeentecode;naam\nGM0363;Amsterdam\nGM9999;Münster\n', 'latin1'));
    const r = await leesTekst(new Blob([latin1]), opties);
    expect(r).toEqual({
      ok: false,
      bericht: 'het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel: "CSV UTF-8")',
      plaats: { regel: 3, kolom: 9 },
    });
  });

  test('UTF-16 gets its own message', async () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const r = await leesTekst(new Blob([new Uint8Array([...bom, 0x61, 0])]), opties);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.bericht).toBe('het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als UTF-8 (in Excel: "CSV UTF-8")');
    }
  });

  test('a file over the limit is refused on its size, before it is read', async () => {
    const big = { size: 190_000_000, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const r = await leesTekst(big, { maxBytes: 2_000_000, hoe: ALS_UTF8.csv, waaromKleiner: 'zo groot is geen sleutel' });
    expect(r).toEqual({ ok: false, bericht: 'het bestand is 190 MB; een bestand van meer dan 2 MB wordt niet ingelezen (zo groot is geen sleutel)', plaats: null });
    const net = await leesTekst({ size: 2_000_001 } as Blob, { maxBytes: 2_000_000, hoe: ALS_UTF8.csv });
    expect(net).toMatchObject({ ok: false, bericht: 'het bestand is groter dan 2 MB en wordt daarom niet ingelezen' });
    expect(mbTekst(2_000_001)).toBe('2 MB');
    expect(mbTekst(2_500_000)).toBe('2,5 MB');
  });

  test('firstInvalid finds the first wrong sequence: a lone continuation byte, a truncated or overlong sequence, a surrogate', () => {
    const at = (...b: number[]) => firstInvalid(new Uint8Array(b));
    expect(at(0x61, 0x62)).toBeNull();
    expect(at(0x61, 0x80)).toEqual({ regel: 1, kolom: 2 });
    expect(at(0x61, 0x0a, 0xc3, 0xbc, 0xe2, 0x82)).toEqual({ regel: 2, kolom: 2 }); // ü, then a cut-off €
    expect(at(0xc0, 0xaf)).toEqual({ regel: 1, kolom: 1 }); // overlong
    expect(at(0xed, 0xa0, 0x80)).toEqual({ regel: 1, kolom: 1 }); // a UTF-16 surrogate
    expect(at(0xef, 0xbb, 0xbf, 0x61, 0xff)).toEqual({ regel: 1, kolom: 2 }); // after a BOM
  });
});
