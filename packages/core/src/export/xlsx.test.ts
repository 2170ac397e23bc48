import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { baselineData } from '../data/baseline.js';
import { allocate } from '../allocation/allocate.js';
import type { Allocation } from '../allocation/types.js';
import type { Scenario } from '../scenario/schema.js';
import { centsToPlain } from '../money/format.js';
import { compareTotals } from '../views/comparison.js';
import { FORMAT_CODES, columnName, euro, jaar, tekst, writeXlsx, xmlText } from './xlsx.js';
import { TOTAL_LABEL, withTotals, type Table } from './table.js';
import { tablesToXlsx } from './table-xlsx.js';
import { municipalityYearTable, resultsTables, resultsWorkbook, withMunicipalityColumns } from './workbook.js';
import { comparisonTable } from './tables.js';
import { perInhabitantCents } from '../views/per-inhabitant.js';
import { sheetRows, unzipStored } from '../../test/unzip.js';

/** The workbook as a real xlsx reader (exceljs) reads it. */
async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
const NUMBER = ExcelJS.ValueType.Number;
const STRING = ExcelJS.ValueType.String;
/** Plain decimal euro text ("-12.3") to cents. */
const cents = (s: string): bigint => {
  const neg = s.startsWith('-');
  const [e, c = ''] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(e!) * 100n + BigInt((c + '00').slice(0, 2));
  return neg ? -v : v;
};

describe('xlsx writer', () => {
  test('column names', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  test('XML text is escaped and stripped of characters XML cannot hold', () => {
    expect(xmlText('a<b>&"c"\u0001\u0007d')).toBe('a&lt;b&gt;&amp;&quot;c&quot;d');
  });
  test('a real reader reads it: numbers are numbers, years without thousands separator, euros with the euro format, text stays text (no formulas), unknown is an empty cell', async () => {
    const bytes = writeXlsx([
      {
        naam: 'Blad: met [vreemde] tekens / en een heel lange naam die te lang is',
        kolommen: [{ kop: 'Jaar' }, { kop: 'Naam' }, { kop: 'Bedrag' }, { kop: 'Hele euro' }],
        rijen: [
          [jaar(2019), tekst('=SOM(A1:A2)'), euro(123456789012345678n), euro(250000n, 'euro')],
          [jaar(2027), tekst('Groningen'), euro(-5n), euro(-100n, 'euro')],
          [jaar(2028), tekst('Onbekend'), euro(null), null],
        ],
        slot: [tekst('Totaal'), null, euro(1n), null],
      },
      { naam: 'Tweede', kolommen: [{ kop: 'x' }], rijen: [] },
    ]);
    const wb = await read(bytes);
    const [ws, second] = wb.worksheets;
    expect(ws!.name.length).toBeLessThanOrEqual(31);
    expect(ws!.name).not.toMatch(/[[\]:*?/\\]/);
    expect(second!.name).toBe('Tweede');
    expect(ws!.getCell('A2').type).toBe(NUMBER);
    expect(ws!.getCell('A2').value).toBe(2019);
    expect(ws!.getCell('A2').numFmt).toBe('0');
    expect(ws!.getCell('B2').type).toBe(STRING);
    expect(ws!.getCell('B2').value).toBe('=SOM(A1:A2)');
    expect(ws!.getCell('C2').type).toBe(NUMBER);
    expect(ws!.getCell('C2').numFmt).toBe(FORMAT_CODES['euro-cent']);
    expect(ws!.getCell('D2').numFmt).toBe(FORMAT_CODES.euro);
    expect(ws!.getCell('D2').value).toBe(2500);
    expect(ws!.getCell('C3').value).toBe(-0.05);
    expect(ws!.getCell('C4').type).toBe(ExcelJS.ValueType.Null); // unknown: an empty cell, not 0
    expect(ws!.getCell('A1').font?.bold).toBe(true);
    expect(ws!.getCell('A5').value).toBe('Totaal');
    expect(ws!.getCell('A5').font?.bold).toBe(true);
    expect(ws!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws!.autoFilter).toBe('A1:D4'); // the header and the rows, not the totals row
    // The value text is the exact decimal text of the cents (the reader's number is a float).
    const rows = sheetRows(Buffer.from(unzipSync(bytes)['xl/worksheets/sheet1.xml']!).toString('utf8'));
    expect(rows[1]!.get('C')!.waarde).toBe('1234567890123456.78');
    expect(rows[1]!.get('D')!.waarde).toBe('2500');
  });
  test('amounts are written as the exact decimal text of their cents, and read back as that number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), { minLength: 1, maxLength: 20 }), fc.boolean(), async (xs, whole) => {
        const vs = whole ? xs.map((x) => x * 100n) : xs;
        const unit = whole ? 'euro' : 'cent';
        const bytes = writeXlsx([{ naam: 'x', kolommen: [{ kop: 'Bedrag' }], rijen: vs.map((v) => [euro(v, unit)]) }]);
        const rows = sheetRows(Buffer.from(unzipSync(bytes)['xl/worksheets/sheet1.xml']!).toString('utf8'));
        expect(rows.slice(1).map((r) => cents(r.get('A')!.waarde))).toEqual(vs);
        const ws = (await read(bytes)).worksheets[0]!;
        vs.forEach((v, i) => expect(ws.getCell(`A${i + 2}`).value).toBe(Number(centsToPlain(v, unit))));
      }),
      { numRuns: 25 },
    );
  });
  test('the ZIP entries are compressed with deflate', () => {
    const bytes = writeXlsx([{ naam: 'x', kolommen: [{ kop: 'Naam' }], rijen: Array.from({ length: 2000 }, (_, i) => [tekst(`Gemeente ${i % 7}`)]) }]);
    const methods: number[] = [];
    unzipSync(bytes, { filter: (f) => (methods.push(f.compression), true) });
    expect(methods.length).toBe(6);
    expect(methods.every((m) => m === 8)).toBe(true);
    const unpacked = [...unzipStored(Buffer.from(bytes)).values()].reduce((s, b) => s + b.length, 0);
    expect(bytes.length * 10).toBeLessThan(unpacked);
  });
});

describe('totals rows', () => {
  test('every money column summed exactly; a column with an unknown amount has no total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })), fc.bigInt({ min: 0n, max: 10n ** 15n })), { maxLength: 30 }), (rows) => {
        const t: Table = {
          naam: 'x',
          kolommen: [{ id: 'naam', kop: 'Naam', soort: 'tekst' }, { id: 'a', kop: 'A', soort: 'euro' }, { id: 'b', kop: 'B', soort: 'euro' }, { id: 'n', kop: 'N', soort: 'aantal' }],
          rijen: rows.map(([a, b]) => ['r', a, b, 1n]),
          eenheid: 'cent',
        };
        const s = withTotals(t);
        const a = rows.some(([x]) => x === null) ? null : rows.reduce((acc, [x]) => acc + x!, 0n);
        expect(s.totaal).toEqual([TOTAL_LABEL, a, rows.reduce((acc, [, y]) => acc + y, 0n), null]);
        expect(s.rijen).toBe(t.rijen);
      }),
    );
  });
});

describe('the results workbook', () => {
  const data = baselineData();
  const SCENARIO: Scenario = {
    versie: 1,
    naam: 'Splitsing',
    herindelingen: 'gepland',
    afronding: 'euro',
    wijzigingen: [{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60' }],
  } as Scenario;
  const run = (s: Scenario): Allocation => {
    const o = allocate(data, s);
    if (!o.ok) throw new Error('allocate');
    return o.allocation;
  };
  const basis = run({ versie: 1, naam: 'Basis', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [] } as Scenario);
  const uitkomst = run(SCENARIO);
  const namen = ['Basis', 'Splitsing'] as const;
  const tables = resultsTables(data, SCENARIO, basis, uitkomst, namen, { vandaag: '2026-12-01' });
  const bytes = resultsWorkbook(data, SCENARIO, basis, uitkomst, namen, { vandaag: '2026-12-01' });
  const files = unzipStored(Buffer.from(bytes));
  const raw = (i: number) => sheetRows(files.get(`xl/worksheets/sheet${i + 1}.xml`)!.toString('utf8'));
  let workbook: Promise<ExcelJS.Workbook> | null = null;
  const readOnce = () => (workbook ??= read(bytes));

  test('its sheets; on every one a frozen header row and an autofilter over the header and the rows', { timeout: 60_000 }, async () => {
    const wb = await readOnce();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Totalen', 'Vergelijking', 'Gemeenten per jaar', 'Scenario', 'Beschrijving', 'Statussen', 'Verantwoording']);
    wb.worksheets.forEach((ws, k) => {
      const t = tables[k]!;
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
      expect(ws.autoFilter, ws.name).toBe(`A1:${columnName(t.kolommen.length - 1)}${t.rijen.length + 1}`);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(t.kolommen.map((c) => c.kop));
    });
  });

  test('every cell as its column says: years and counts are numbers (years without thousands separator), amounts numbers in euros, codes and text are text', { timeout: 60_000 }, async () => {
    const wb = await readOnce();
    let years = 0;
    let amounts = 0;
    wb.worksheets.forEach((ws, k) => {
      const t = tables[k]!;
      t.rijen.forEach((r, i) =>
        t.kolommen.forEach((c, j) => {
          const v = r[j] ?? null;
          const cell = ws.getCell(i + 2, j + 1);
          if (v === null || v === '') return expect(cell.type).toBe(ExcelJS.ValueType.Null);
          if (c.soort === 'jaar') {
            years++;
            expect(cell.type).toBe(NUMBER);
            expect(cell.value).toBe(Number(v));
            expect(cell.numFmt).toBe('0');
          } else if (c.soort === 'euro') {
            amounts++;
            expect(cell.type).toBe(NUMBER);
            expect(cell.value).toBe(Number(centsToPlain(v as bigint, t.eenheid)));
            expect(cell.numFmt).toBe(FORMAT_CODES[t.eenheid === 'cent' ? 'euro-cent' : 'euro']);
            expect(cell.numFmt).toBe('"€ "#,##0');
          } else if (c.soort === 'aantal') {
            expect(cell.type).toBe(NUMBER);
            expect(cell.value).toBe(Number(v));
          } else if (c.soort === 'getal') {
            expect(cell.type).toBe(NUMBER);
            expect(cell.value).toBe(Number(v));
            if (c.euroCent) expect(cell.numFmt).toBe(FORMAT_CODES['euro-cent']);
          } else {
            expect(cell.type, `${ws.name} ${cell.address}`).toBe(STRING);
            expect(cell.value).toBe(String(v));
          }
        }),
      );
    });
    expect(years).toBeGreaterThan(1000);
    expect(amounts).toBeGreaterThan(1000);
  });

  test("the totals rows: the sum of the rows, and on the totals sheet the core's totals", () => {
    const withTotal = tables.map((t, i) => ({ t, i })).filter(({ t }) => t.totaal);
    expect(withTotal.map(({ t }) => t.naam)).toEqual(['Totalen', 'Vergelijking', 'Gemeenten per jaar']);
    for (const { t, i } of withTotal) {
      const rows = raw(i);
      const last = rows[t.rijen.length + 1]!;
      expect([...last.values()].some((c) => c.type === 'tekst' && c.waarde === TOTAL_LABEL)).toBe(true);
      t.kolommen.forEach((c, j) => {
        if (c.soort !== 'euro') return;
        const col = columnName(j);
        const cellsOf = rows.slice(1, t.rijen.length + 1).map((r) => r.get(col));
        const unknown = t.rijen.some((r) => r[j] === null || r[j] === undefined);
        const total = last.get(col);
        if (unknown && t.naam !== 'Gemeenten per jaar') return expect(total, `${t.naam} ${c.id}`).toBeUndefined();
        if (unknown) return;
        expect(cents(total!.waarde), `${t.naam} ${c.id}`).toBe(cellsOf.reduce((s, x) => s + cents(x!.waarde), 0n));
      });
    }
    // The totals sheet's scenario column: the sum of the core's totals per stream and year.
    const totals = compareTotals([basis, uitkomst]);
    const expected = totals.some((r) => r.zijden[1]!.bedrag === null) ? undefined : totals.reduce((s, r) => s + r.zijden[1]!.bedrag!, 0n);
    const col = columnName(tables[0]!.kolommen.findIndex((c) => c.id === 'scenario'));
    const got = raw(0)[tables[0]!.rijen.length + 1]!.get(col);
    expect(got === undefined ? undefined : cents(got.waarde)).toBe(expected);
  });

  test('the municipality x year sheet is the allocation: per municipality and year the sum over the streams, with its province and inhabitants', () => {
    const t = municipalityYearTable(data, uitkomst);
    const years = [...new Set(uitkomst.resultaten.map((r) => r.jaar))].sort((a, b) => a - b);
    expect(t.kolommen.filter((c) => c.id.startsWith('bedrag_')).map((c) => c.id)).toEqual(years.map((j) => `bedrag_${j}`));
    const lines = uitkomst.resultaten.flatMap((r) => r.regels).filter((l) => l.soort === 'gemeente');
    const codes = new Set(lines.map((l) => l.ontvanger));
    expect(t.rijen.map((r) => r[0])).toEqual(expect.arrayContaining([...codes]));
    expect(t.rijen.length).toBe(codes.size);
    const plainSum = (ls: typeof lines): bigint | null => (ls.length === 0 ? null : ls.some((l) => l.bedrag === null) ? null : ls.reduce((s, l) => s + l.bedrag!, 0n));
    const k = (id: string) => t.kolommen.findIndex((c) => c.id === id);
    const byCode = new Map<string, typeof lines>();
    for (const l of lines) byCode.set(l.ontvanger, [...(byCode.get(l.ontvanger) ?? []), l]);
    const rows = raw(2);
    t.rijen.forEach((r, i) => {
      const mine = byCode.get(r[0] as string)!;
      for (const j of years) {
        const exp = plainSum(mine.filter((l) => l.jaar === j));
        expect(r[k(`bedrag_${j}`)], `${r[0]} ${j}`).toBe(exp);
        const cell = rows[i + 1]!.get(columnName(k(`bedrag_${j}`)));
        expect(cell === undefined ? null : cents(cell.waarde)).toBe(exp);
      }
      const g = data.gemeenten.find((x) => x.code === r[0]);
      if (g) expect(r[k('provincie')]).toBe(g.provincie);
      expect(r[k('provincie')]).not.toBe(null);
    });
    for (const j of years) expect(t.totaal![k(`bedrag_${j}`)], String(j)).toBe(plainSum(lines.filter((l) => l.jaar === j)));
    expect(t.totaal![k('totaal')]).toBe(plainSum(lines));
    const g = t.rijen.find((r) => r[k('inwoners')] !== null && r[k('totaal')] !== null)!;
    expect(g).toBeDefined();
    const per = cents(g[k('totaal_per_inwoner')] as string);
    const [tot, inw] = [g[k('totaal')] as bigint, g[k('inwoners')] as bigint];
    // Rounded to the cent: within half a cent of the exact amount per inhabitant.
    expect(2n * (per * inw - tot) <= inw && 2n * (tot - per * inw) <= inw).toBe(true);
  });

  test('the comparison sheet: the core comparison table with the province and each amount per inhabitant added, nothing else changed', () => {
    const plain = comparisonTable(data, [basis, uitkomst], namen);
    const t = withMunicipalityColumns(data, plain, [basis, uitkomst], namen);
    const added = ['provincie', 'basis_per_inwoner', 'scenario_per_inwoner'];
    expect(t.kolommen.map((c) => c.id).filter((id) => !added.includes(id))).toEqual(plain.kolommen.map((c) => c.id));
    const keep = t.kolommen.map((c, i) => (added.includes(c.id) ? -1 : i)).filter((i) => i >= 0);
    expect(t.rijen.map((r) => keep.map((i) => r[i]))).toEqual(plain.rijen);
    const k = (id: string) => t.kolommen.findIndex((c) => c.id === id);
    const province = new Map(data.gemeenten.map((g) => [g.code, g.provincie]));
    let municipalities = 0;
    for (const r of t.rijen) {
      if (r[k('soort')] !== 'gemeente') {
        expect(r[k('provincie')]).toBe(null);
        continue;
      }
      municipalities++;
      expect(r[k('provincie')]).not.toBe(null);
      if (province.has(r[k('ontvanger')] as string)) expect(r[k('provincie')]).toBe(province.get(r[k('ontvanger')] as string));
      for (const side of ['basis', 'scenario']) {
        const c = perInhabitantCents((r[k(side)] ?? null) as bigint | null, (r[k('inwoners')] ?? null) as bigint | null);
        expect(r[k(`${side}_per_inwoner`)]).toBe(c === null ? null : centsToPlain(c, 'cent'));
      }
    }
    expect(municipalities).toBeGreaterThan(1000);
  });

  test('a readable scenario sheet and "Verantwoording" with the versions, the stand and the scenario', () => {
    const scen = raw(3);
    expect(scen[1]!.get('B')!.waarde).toMatch(/verdeling|lokaal|regio/i);
    const meta = files.get('xl/worksheets/sheet7.xml')!.toString('utf8');
    expect(meta).toContain(data.versie.versie);
    expect(meta).toContain('Splitsing');
    expect(meta).toContain('@kansrijke-start/core');
  });

  test('the file is compressed', () => {
    const unpacked = [...files.values()].reduce((s, b) => s + b.length, 0);
    expect(bytes.length * 8).toBeLessThan(unpacked);
    expect(bytes.length).toBeLessThan(1_500_000);
    console.info(`results workbook: ${bytes.length} bytes compressed, ${unpacked} bytes unpacked`);
  });

  test('tablesToXlsx of a table without totals has no totals row', async () => {
    const t = tables[5]!;
    const ws = (await read(tablesToXlsx([t]))).worksheets[0]!;
    expect(ws.rowCount).toBe(t.rijen.length + 1);
  });
});
