import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineMessages, Messages, detectSeparator, limit, parseCsv } from './parse.js';

const f = { bestand: 'test.csv' };

describe('parseCsv', () => {
  it('reads a plain comma file with a header', () => {
    const r = parseCsv('code,weight\nGM0363,2\nGM0014,1.5\n', f);
    expect(r).toEqual({
      ok: true,
      header: ['code', 'weight'],
      separator: ',',
      rows: [
        { line: 2, cells: ['GM0363', '2'] },
        { line: 3, cells: ['GM0014', '1.5'] },
      ],
    });
  });

  it('detects ; from the header line and keeps decimal commas as text', () => {
    const r = parseCsv('code;weight\r\nGM0363;2,5\r\n', f);
    expect(r.ok && r.separator).toBe(';');
    expect(r.ok && r.rows[0]!.cells).toEqual(['GM0363', '2,5']);
  });

  it('does not count separators inside quotes when detecting', () => {
    expect(detectSeparator('"a,b,c";d\n1;2')).toBe(';');
    expect(detectSeparator('"a;b;c",d\n1,2')).toBe(',');
    expect(detectSeparator('alleen')).toBe(',');
  });

  it('strips a UTF-8 byte order mark', () => {
    const r = parseCsv('\uFEFFcode,weight\nA,1', f);
    expect(r.ok && r.header).toEqual(['code', 'weight']);
  });

  it('handles quotes, doubled quotes and line breaks inside quotes, and counts lines', () => {
    const r = parseCsv('naam,opmerking\n"Bergen (NH.)","zegt ""hoi""\nen meer"\nx,"a,b"\n', f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual([
      { line: 2, cells: ['Bergen (NH.)', 'zegt "hoi"\nen meer'] },
      { line: 4, cells: ['x', 'a,b'] },
    ]);
  });

  it('accepts CRLF inside quotes and a lone CR as line end', () => {
    const r = parseCsv('a,b\r"x\r\ny",2\r3,4', f);
    expect(r.ok && r.rows).toEqual([
      { line: 2, cells: ['x\r\ny', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('skips empty lines but keeps a line with an explicit empty quoted cell', () => {
    const r = parseCsv('a\n\n""\n\nx\n\n', f);
    expect(r.ok && r.rows).toEqual([
      { line: 3, cells: [''] },
      { line: 5, cells: ['x'] },
    ]);
  });

  it('keeps a trailing separator as an empty last cell', () => {
    const r = parseCsv('a,b\n1,', f);
    expect(r.ok && r.rows[0]!.cells).toEqual(['1', '']);
  });

  it('reports an empty file', () => {
    for (const text of ['', '\uFEFF', '\n\r\n\n']) {
      const r = parseCsv(text, { bestand: 'gewichten.csv' });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.fouten[0]).toMatch(/^gewichten\.csv: het bestand is leeg/);
    }
  });

  it('reports ragged rows with file and line', () => {
    const r = parseCsv('code,weight\nA,1\nB,2,3\nC\n', { bestand: 'gewichten.csv' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten).toEqual([
      'gewichten.csv, regel 3: 3 kolommen in plaats van 2 zoals in de kopregel (scheidingsteken ",")',
      'gewichten.csv, regel 4: 1 kolom in plaats van 2 zoals in de kopregel (scheidingsteken ",")',
    ]);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const r = parseCsv('a,b\n1,2\n3,"open\nen door\n', { bestand: 'x.csv' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fouten).toEqual(['x.csv, regel 3: een aanhalingsteken (") wordt geopend maar niet gesloten']);
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('a,b\n"1"x,2\n', { bestand: 'x.csv' });
    expect(!r.ok && r.fouten[0]).toMatch(/^x\.csv, regel 2: na het sluitende aanhalingsteken staat nog tekst \("x"\)/);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    const r = parseCsv('a,b\n5",2\n', f);
    expect(r.ok && r.rows[0]!.cells).toEqual(['5"', '2']);
  });

  it('limits the number of messages', () => {
    const text = 'a,b\n' + 'x\n'.repeat(120);
    const r = parseCsv(text, f);
    expect(!r.ok && r.fouten.length).toBe(51);
    expect(!r.ok && r.fouten.at(-1)).toBe('... en nog 70 fouten');
    expect(limit(['a', 'b'], 1)).toEqual(['a', '... en nog 1 fout']);
  });

  it('is fast enough for 100 000 rows', () => {
    const text = 'code,weight\n' + Array.from({ length: 100_000 }, (_, i) => `C${i},${i % 97}.5`).join('\n');
    const t0 = performance.now();
    const r = parseCsv(text, f);
    expect(r.ok && r.rows.length).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('never throws on arbitrary text, and an ok result is rectangular', () => {
    const alphabet = fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', ' ', '=', '\uFEFF', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 60 })), (text) => {
        const r = parseCsv(text, f);
        if (r.ok) {
          for (const row of r.rows) expect(row.cells.length).toBe(r.header.length);
          for (let i = 1; i < r.rows.length; i++) expect(r.rows[i]!.line).toBeGreaterThan(r.rows[i - 1]!.line);
        } else {
          expect(r.fouten.length).toBeGreaterThan(0);
          for (const m of r.fouten) expect(m.startsWith('test.csv') || m.startsWith('...')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseCsv: NUL bytes and many messages', () => {
  it('refuses a NUL byte with its line', () => {
    const r = parseCsv(`a,b\n1,2\n3,4${String.fromCodePoint(0)}\n`, { bestand: 'x.csv' });
    expect(!r.ok && r.fouten).toEqual([
      'x.csv, regel 3: het bestand bevat een nul-byte (U+0000) en is dus geen CSV-tekst; is het een Excel-werkmap of opgeslagen als UTF-16? Sla het op als CSV UTF-8',
    ]);
  });

  it('LineMessages keeps what sorting all messages by line and keeping the first ones keeps', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (lines, max) => {
        const m = new LineMessages(max);
        lines.forEach((line, i) => m.push(line, `regel ${line} #${i}`));
        const all = lines.map((line, i) => ({ line, text: `regel ${line} #${i}` })).sort((a, b) => a.line - b.line);
        expect(m.list()).toEqual(limit(all.map((x) => x.text), max));
        expect(m.count).toBe(lines.length);
      }),
    );
  });

  it('keeps no more than the shown messages of a file full of errors', () => {
    const m = new Messages(3);
    for (let i = 0; i < 10; i++) m.push(`f${i}`);
    expect(m.list()).toEqual(['f0', 'f1', 'f2', '... en nog 7 fouten']);
  });
});
