import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from './parse.js';
import { NUMERIC_CELL, neutralizeFormula, writeCsv } from './write.js';

const FORMULA = /^[=+\-@\t\r]/;

/** What a cell reads back as: numbers with a decimal comma in Excel-NL, formulas neutralised. */
function expected(cell: string, excel: boolean): string {
  if (NUMERIC_CELL.test(cell)) return excel ? cell.replace('.', ',') : cell;
  return neutralizeFormula(cell);
}

describe('writeCsv', () => {
  it('writes plain CSV with , and . and LF', () => {
    expect(writeCsv(['code', 'bedrag'], [['GM0363', '1234.50'], ['landelijk', '']])).toBe('code,bedrag\nGM0363,1234.50\nlandelijk,\n');
  });

  it('writes Excel-NL CSV with BOM, ; , decimal comma and CRLF', () => {
    const out = writeCsv(['code', 'bedrag'], [['GM0363', '1234.50'], ['GM0014', '-7']], { excel: true });
    expect(out).toBe('\uFEFFcode;bedrag\r\nGM0363;1234,50\r\nGM0014;-7\r\n');
  });

  it('quotes cells with separators, quotes and line breaks', () => {
    expect(writeCsv(['a', 'b'], [['x,y', 'zegt "hoi"'], ['r1\nr2', 'p;q']])).toBe('a,b\n"x,y","zegt ""hoi"""\n"r1\nr2","p;q"\n');
  });

  it('quotes a decimal comma in Excel-NL only when there is one column', () => {
    expect(writeCsv(['bedrag'], [['1.5']], { excel: true })).toBe('\uFEFFbedrag\r\n"1,5"\r\n');
    const r = parseCsv(writeCsv(['bedrag'], [['1.5']], { excel: true }), { bestand: 'x' });
    expect(r.ok && r.rows[0]!.cells).toEqual(['1,5']);
  });

  it('neutralises formula starts in text cells, never in numbers', () => {
    const out = writeCsv(
      ['naam'],
      [['=HYPERLINK("http://x")'], ['+31 20'], ['-abc'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['-12.5'], ['normaal']],
    );
    expect(out.split('\n')).toEqual([
      'naam',
      '"\'=HYPERLINK(""http://x"")"',
      "'+31 20",
      "'-abc",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      '-12.5',
      'normaal',
      '',
    ]);
  });

  it('writes a row of one empty cell as "" so that it is not lost', () => {
    const text = writeCsv(['a'], [[''], ['x']]);
    expect(text).toBe('a\n""\nx\n');
    const r = parseCsv(text, { bestand: 'x' });
    expect(r.ok && r.rows.map((row) => row.cells)).toEqual([[''], ['x']]);
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => writeCsv(['a', 'b'], [['1']])).toThrow(RangeError);
  });

  const cellArb = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', 'a', '1', '.', "'", '\uFEFF') }),
    fc.stringMatching(/^-?\d{1,6}(\.\d{1,3})?$/),
  );
  const tableArb = fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      header: fc.array(cellArb, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 6 }),
      excel: fc.boolean(),
    }),
  );

  it('round trip: parseCsv(writeCsv(...)) gives the cells back (numbers and formulas as documented)', () => {
    fc.assert(
      fc.property(tableArb, ({ header, rows, excel }) => {
        const r = parseCsv(writeCsv(header, rows, { excel }), { bestand: 'x' });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        // One column has no separator to detect; the default is `,`.
        expect(r.separator).toBe(excel && header.length > 1 ? ';' : ',');
        expect(r.header).toEqual(header.map((c) => expected(c, excel)));
        expect(r.rows.map((row) => row.cells)).toEqual(rows.map((row) => row.map((c) => expected(c, excel))));
      }),
      { numRuns: 3000 },
    );
  });

  it('no cell read back starts with a formula character unless it is a number', () => {
    fc.assert(
      fc.property(tableArb, ({ header, rows, excel }) => {
        const r = parseCsv(writeCsv(header, rows, { excel }), { bestand: 'x' });
        if (!r.ok) throw new Error(r.fouten.join('; '));
        for (const cell of [...r.header, ...r.rows.flatMap((row) => row.cells)]) {
          if (FORMULA.test(cell)) expect(cell).toMatch(excel ? /^-\d+(,\d+)?$/ : /^-\d+(\.\d+)?$/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
