import { describe, expect, test } from 'vitest';
import { crc32 as nodeCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { crc32, zipStored } from './zip.js';
import { columnName, euro, tekst, writeXlsx, xmlText } from './xlsx.js';
import { sheetRows, unzipStored } from '../../test/unzip.js';

describe('zip', () => {
  test('CRC-32 equals zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (b) => {
        expect(crc32(b)).toBe(nodeCrc32(b) >>> 0);
      }),
    );
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  test('stored entries read back byte for byte', () => {
    const entries = [
      { name: 'a.txt', data: new TextEncoder().encode('hallo') },
      { name: 'map/é.xml', data: new Uint8Array([0, 1, 2, 255]) },
      { name: 'leeg', data: new Uint8Array() },
    ];
    const out = unzipStored(Buffer.from(zipStored(entries)));
    expect([...out.keys()]).toEqual(['a.txt', 'map/é.xml', 'leeg']);
    for (const e of entries) expect(new Uint8Array(out.get(e.name)!)).toEqual(e.data);
  });
});

describe('xlsx', () => {
  test('column names', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  test('XML text is escaped and stripped of characters XML cannot hold', () => {
    expect(xmlText('a<b>&"c"\u0001\u0007d')).toBe('a&lt;b&gt;&amp;&quot;c&quot;d');
  });
  test('amounts are numeric cells from exact cents; text stays text (no formulas)', () => {
    const bytes = writeXlsx([
      {
        naam: 'Blad: met [vreemde] tekens / en een heel lange naam die te lang is',
        kolommen: [{ kop: 'Naam' }, { kop: 'Bedrag' }],
        rijen: [
          [tekst('=SOM(A1:A2)'), euro(123456789012345678n)],
          [tekst('Groningen'), euro(-5n)],
          [tekst('Onbekend'), euro(null)],
        ],
      },
      { naam: 'Tweede', kolommen: [{ kop: 'x' }], rijen: [] },
    ]);
    const files = unzipStored(Buffer.from(bytes));
    const wb = files.get('xl/workbook.xml')!.toString('utf8');
    const names = [...wb.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]!);
    expect(names[0]!.length).toBeLessThanOrEqual(31);
    expect(names[0]).not.toMatch(/[[\]:*?/\\]/);
    expect(names[1]).toBe('Tweede');
    const rows = sheetRows(files.get('xl/worksheets/sheet1.xml')!.toString('utf8'));
    expect(rows[0]!.get('A')).toMatchObject({ type: 'tekst', waarde: 'Naam', stijl: '1' });
    expect(rows[1]!.get('A')).toMatchObject({ type: 'tekst', waarde: '=SOM(A1:A2)' });
    expect(rows[1]!.get('B')).toMatchObject({ type: 'getal', waarde: '1234567890123456.78', stijl: '2' });
    expect(rows[2]!.get('B')).toMatchObject({ type: 'getal', waarde: '-0.05' });
    expect(rows[3]!.has('B')).toBe(false); // unknown: an empty cell, not 0
    expect(files.get('[Content_Types].xml')!.toString('utf8')).toContain('/xl/worksheets/sheet2.xml');
  });
});
