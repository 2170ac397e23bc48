import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readXlsx, columnIndex, xmlUnescape } from './xlsx-read.js';
import { tablesToXlsx } from './table-xlsx.js';
import { cellText, withTotals, type Table } from './table.js';

const table = (rows: (string | bigint | number | null)[][]): Table => ({
  naam: 'Proef',
  kolommen: [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'naam', kop: 'Naam', soort: 'tekst' },
    { id: 'bedrag', kop: 'Bedrag (euro)', soort: 'euro' },
  ],
  rijen: rows,
  eenheid: 'cent',
});

describe('readXlsx', () => {
  it('reads back what the core writes: headers, text, exact amounts, empty cells, the totals row', () => {
    const t = withTotals(table([[2027, 'Groningen & <Haren>', 123456789012345n], [2028, 'Zeer "lang"', null], [2029, ' spaties ', -5n]]));
    const wb = readXlsx(tablesToXlsx([t, { ...t, naam: 'Tweede' }]));
    if (!wb.ok) throw new Error(wb.fout);
    expect(wb.bladen.map((b) => b.naam)).toEqual(['Proef', 'Tweede']);
    expect(wb.bladen[0]!.rijen).toEqual([
      ['Jaar', 'Naam', 'Bedrag (euro)'],
      ['2027', 'Groningen & <Haren>', '1234567890123.45'],
      ['2028', 'Zeer "lang"'],
      ['2029', ' spaties ', '-0.05'],
      // The totals row: its label, and no total because one amount is unknown.
      ['Totaal'],
    ]);
  });

  it('round-trips any text and amount the core writes', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => s === s.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2019, max: 2030 }), text, fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })), { maxLength: 8 }), (rows) => {
        const t = table(rows);
        const wb = readXlsx(tablesToXlsx([t]));
        if (!wb.ok) return false;
        const want = rows.map((r) => t.kolommen.map((c, i) => cellText(t, c, r[i]!)));
        expect(wb.bladen[0]!.rijen.slice(1)).toEqual(want);
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('reads shared strings, as a spreadsheet program writes them', () => {
    const files = {
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Blad &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/sharedStrings.xml': strToU8('<sst><si><t>Jaar</t></si><si><r><t>Ge</t></r><r><t xml:space="preserve">meente</t></r></si></sst>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="B3"><v>12.50</v></c></row></sheetData></worksheet>'),
    };
    const wb = readXlsx(zipSync(files));
    if (!wb.ok) throw new Error(wb.fout);
    expect(wb.bladen).toEqual([{ naam: 'Blad & 1', rijen: [['Jaar', null, 'Gemeente'], [], [null, '12.50']] }]);
  });

  it('says in Dutch what is wrong with a file that is not a workbook', () => {
    expect(readXlsx(strToU8('geen zip'))).toEqual({ ok: false, fout: 'dit is geen xlsx-werkmap (geen leesbaar ZIP-bestand)' });
    expect(readXlsx(zipSync({ 'a.txt': strToU8('x') }))).toEqual({ ok: false, fout: 'dit is geen xlsx-werkmap (xl/workbook.xml ontbreekt)' });
  });

  it('helpers: column letters and XML text', () => {
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('AZ'), columnIndex('BA')]).toEqual([0, 25, 26, 51, 52]);
    expect(xmlUnescape('&lt;a&gt; &amp;amp; &quot;&apos; &#233;&#x20AC;')).toBe('<a> &amp; "\' é€');
  });
});
