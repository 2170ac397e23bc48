import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  allocateScenario,
  baselineData,
  comparisonTable,
  csvMetadata,
  csvMetadataName,
  emptyScenario,
  exportMetadata,
  formatDate,
  isoDay,
  parseCsv,
  parseScenario,
  STREAMS,
  tableToCsv,
  type Allocation,
} from '@kansrijke-start/core';
import { downloadVia, launch, newPage, open, voegToe } from './browser.js';
import { sheetRows, unzipStored } from '../../../packages/core/test/unzip.js';
import ExcelJS from 'exceljs';

const data = baselineData();
let browser: Browser;
let page: Page;
let verwacht: Allocation;
let basis: Allocation;

/** "1234.56" or "1234,56" (euros) to cents, exactly. */
function cents(text: string): bigint {
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`geen bedrag: "${text}"`);
  const c = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -c : c;
}

const SCENARIO = {
  versie: 1,
  naam: 'Export test',
  wijzigingen: [
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' },
    { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '70' },
  ],
};

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  await open(page, '#/scenario');
  await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
  await page.locator('#w0-bedrag').fill('6.000.000');
  await page.getByLabel('vanaf 2028').check();
  await voegToe(page, 'lokaal-regionaal', 'nu-niet-zwanger', 2027);
  await page.locator('#w1-lokaal').fill('70');
  await page.locator('#wijziging-1').getByLabel('vanaf 2027').check();
  await page.getByLabel('Naam van het scenario').fill('Export test');
  await open(page, '#/delen');
  const s = parseScenario(SCENARIO);
  if (!s.ok) throw new Error('scenario');
  const a = allocateScenario(data, SCENARIO);
  const b = allocateScenario(data, emptyScenario());
  if (!a.ok || !b.ok) throw new Error('allocate');
  verwacht = a.allocation;
  basis = b.allocation;
  // The app holds the same scenario as the one the test computes with core.
  const opgeslagen = JSON.parse((await page.evaluate(() => localStorage.getItem('kansrijke-start:scenario')))!);
  expect(opgeslagen.wijzigingen).toEqual(s.scenario.wijzigingen);
});
afterAll(async () => {
  await browser?.close();
});

/** Per stream and year: the sum of the scenario column must be the national total. */
function checkSums(rows: readonly { stroom: string; jaar: number; scenario: string; basis: string }[]) {
  const sums = new Map<string, bigint>();
  const unknown = new Set<string>();
  for (const r of rows) {
    const k = `${r.stroom}|${r.jaar}`;
    if (r.scenario === '') unknown.add(k);
    else sums.set(k, (sums.get(k) ?? 0n) + cents(r.scenario));
  }
  let checked = 0;
  for (const res of verwacht.resultaten) {
    const k = `${res.stroom}|${res.jaar}`;
    if (res.totaal === null) {
      expect(unknown.has(k), k).toBe(true);
    } else {
      expect(sums.get(k), k).toBe(res.totaal);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(20);
  expect(sums.get('integrale-gezinspoli|2029')).toBe(600_000_000n);
}

describe('Downloads, opened and checked', () => {
  test("CSV: the core's comparison table, byte for byte; per stream and year the amounts add up to the total", async () => {
    const dl = await downloadVia(page, () => page.getByRole('button', { name: 'CSV', exact: true }).click());
    expect(dl.naam).toBe('export-test-uitkomsten.csv');
    const text = dl.bytes.toString('utf8');
    expect(text).toBe(tableToCsv(comparisonTable(data, [basis, verwacht], ['Basis', 'Export test'])));
    const csv = parseCsv(text, { bestand: dl.naam });
    if (!csv.ok) throw new Error(csv.fouten.join('\n'));
    expect(csv.header.slice(0, 5)).toEqual(['jaar', 'stroom', 'ontvanger', 'naam', 'soort']);
    const k = (id: string) => csv.header.indexOf(id);
    const rows = csv.rows.map((r) => ({ jaar: Number(r.cells[k('jaar')]), stroom: r.cells[k('stroom')]!, ontvanger: r.cells[k('ontvanger')]!, soort: r.cells[k('soort')]!, basis: r.cells[k('basis')]!, scenario: r.cells[k('scenario')]!, verschil: r.cells[k('verschil')]! }));
    checkSums(rows);
    for (const r of rows) if (r.basis !== '' && r.scenario !== '') expect(cents(r.verschil)).toBe(cents(r.scenario) - cents(r.basis));
    // The regional parts go to the IZA regions, and they are in the file.
    expect(rows.filter((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === 2028 && r.soort === 'regio').length).toBe(data.izaRegios.length);
  });

  test("beside each CSV its metadata file (CSVW JSON): the core's csvMetadata of that file", async () => {
    const namen = ['Basis', 'Export test'];
    const meta = exportMetadata([basis, verwacht], namen, { vandaag: isoDay(new Date()) });
    for (const [bestand, excel] of [['export-test-uitkomsten.csv', false], ['export-test-uitkomsten-excel.csv', true]] as const) {
      const dl = await downloadVia(page, () => page.getByRole('button', { name: `Verantwoording (CSVW, JSON) bij ${bestand}` }).click());
      expect(dl.naam).toBe(csvMetadataName(bestand));
      const json = JSON.parse(dl.bytes.toString('utf8'));
      expect(json).toEqual(JSON.parse(JSON.stringify(csvMetadata(comparisonTable(data, [basis, verwacht], namen), meta, bestand, { excel }))));
      expect(json.url).toBe(bestand);
      expect(json['schema:version']).toBe(data.versie.versie);
    }
  });

  test("CSV for Dutch Excel: BOM, semicolons, decimal comma; the core's table, byte for byte", async () => {
    const dl = await downloadVia(page, () => page.getByRole('button', { name: 'CSV voor Nederlandse Excel' }).click());
    const text = dl.bytes.toString('utf8');
    expect(text).toBe(tableToCsv(comparisonTable(data, [basis, verwacht], ['Basis', 'Export test']), { excel: true }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const csv = parseCsv(text, { bestand: dl.naam });
    if (!csv.ok) throw new Error(csv.fouten.join('\n'));
    expect(csv.separator).toBe(';');
    const k = (id: string) => csv.header.indexOf(id);
    checkSums(csv.rows.map((r) => ({ stroom: r.cells[k('stroom')]!, jaar: Number(r.cells[k('jaar')]), scenario: r.cells[k('scenario')]!, basis: r.cells[k('basis')]! })));
  });

  test('xlsx: a valid, compressed workbook that a real reader reads; per-recipient amounts add up to the totals sheet', async () => {
    const dl = await downloadVia(page, () => page.getByRole('button', { name: 'Excel-werkmap (.xlsx)' }).click());
    expect(dl.naam).toBe('export-test-uitkomsten.xlsx');
    const files = unzipStored(dl.bytes);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']),
    );
    const workbook = files.get('xl/workbook.xml')!.toString('utf8');
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Totalen', 'Vergelijking', 'Gemeenten per jaar', 'Scenario', 'Beschrijving', 'Statussen', 'Verantwoording']);
    // Compressed (the stored file of before was about 4 MB).
    expect(dl.bytes.length * 5).toBeLessThan([...files.values()].reduce((n, b) => n + b.length, 0));
    // The last sheet: the core's metadata of the export (versions, stand, pending decisions).
    const verantwoording = files.get('xl/worksheets/sheet7.xml')!.toString('utf8');
    expect(verantwoording).toContain(data.versie.versie);
    expect(verantwoording).toContain(formatDate(data.versie.datum));
    for (const n of exportMetadata([basis, verwacht], ['Basis', 'Export test'], { vandaag: isoDay(new Date()) }).besluiten) expect(verantwoording).toContain(n.verouderd ? 'Mogelijk verouderd' : 'Nog niet besloten');

    const totalen = sheetRows(files.get('xl/worksheets/sheet1.xml')!.toString('utf8'));
    const perOntvanger = sheetRows(files.get('xl/worksheets/sheet2.xml')!.toString('utf8'));
    // Years are plain numbers, amounts numeric cells with the euro format.
    expect(perOntvanger[1]!.get('A')).toMatchObject({ type: 'getal', waarde: '2019' });
    // The scenario's column, found by its heading.
    const G = [...perOntvanger[0]!].find(([, c]) => c.waarde === 'Export test (euro)')![0];
    const voorbeeld = perOntvanger[1]!.get(G)!;
    expect(voorbeeld.type).toBe('getal');
    // A real reader: years are numbers shown without a thousands separator, amounts numbers in euros; a frozen header and an autofilter.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Vergelijking')!;
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('A2').numFmt).toBe('0');
    expect(ws.getCell(`${G}2`).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell(`${G}2`).numFmt).toMatch(/^"€ "#,##0(\.00)?$/);
    for (const w of wb.worksheets) {
      expect(w.views[0], w.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(w.autoFilter, w.name).toMatch(/^A1:[A-Z]+\d+$/);
    }

    const sums = new Map<string, bigint>();
    for (const row of perOntvanger.slice(1)) {
      if (row.get('A')!.type !== 'getal') continue; // the totals row
      const g = row.get(G);
      if (!g) continue;
      const k = `${row.get('B')!.waarde}|${row.get('A')!.waarde}`;
      sums.set(k, (sums.get(k) ?? 0n) + cents(g.waarde));
    }
    const namen = new Set(STREAMS.map((s) => s.naam));
    let checked = 0;
    const totaalRij = totalen.at(-1)!;
    expect(totaalRij.get('A')).toMatchObject({ type: 'tekst', waarde: 'Totaal' });
    let som: bigint | null = 0n;
    for (const row of totalen.slice(1, -1)) {
      const k = `${row.get('B')!.waarde}|${row.get('A')!.waarde}`;
      const e0 = row.get('E');
      som = som === null || !e0 ? null : som + cents(e0.waarde);
      expect(namen.has(row.get('C')!.waarde)).toBe(true);
      const e = row.get('E');
      const exp = verwacht.resultaten.find((r) => `${r.stroom}|${r.jaar}` === k)!;
      if (!e) {
        expect(exp.totaal, k).toBe(null);
        continue;
      }
      expect(cents(e.waarde), k).toBe(exp.totaal);
      expect(sums.get(k), k).toBe(exp.totaal);
      const b = row.get('D');
      const verschil = row.get('F');
      if (b && verschil) expect(cents(verschil.waarde)).toBe(cents(e.waarde) - cents(b.waarde));
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // The totals row: the sum of the rows, or empty when an amount is unknown.
    expect(totaalRij.get('E') ? cents(totaalRij.get('E')!.waarde) : null).toBe(som);
    const scenarioBlad = files.get('xl/worksheets/sheet4.xml')!.toString('utf8');
    expect(scenarioBlad).toContain('Landelijk bedrag');
    expect(files.get('xl/worksheets/sheet6.xml')!.toString('utf8')).toContain('berekend');
  });

  test('the JSON download is the scenario, and reads back', async () => {
    const dl = await downloadVia(page, () => page.getByRole('button', { name: 'Download scenario (JSON)' }).click());
    const p = parseScenario(dl.bytes.toString('utf8'));
    if (!p.ok) throw new Error(JSON.stringify(p.fouten));
    expect(p.scenario.naam).toBe('Export test');
    const exp = parseScenario(SCENARIO);
    if (!exp.ok) throw new Error('scenario');
    expect(p.scenario.wijzigingen).toEqual(exp.scenario.wijzigingen);
  });
});
