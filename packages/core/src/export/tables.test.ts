import { describe, expect, it } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { documentsOf } from '../data/sources.js';
import { FRAME } from '../data/frame.js';
import { allocate } from '../allocation/allocate.js';
import type { Allocation } from '../allocation/types.js';
import { parseCsv } from '../csv/parse.js';
import { compareAllocations } from '../views/comparison.js';
import { STATUS_CODES } from '../status/status.js';
import { allocationTable, comparisonTable, overviewTable, statusTable, totalsTable } from './tables.js';
import { tableToCsv, tableToObjects, type Table } from './table.js';
import { tablesToXlsx } from './table-xlsx.js';
import { sheetRows, unzipStored } from '../../test/unzip.js';

const data = baselineData();
const run = (afronding: 'euro' | 'cent' = 'euro'): Allocation => {
  const out = allocate(data, {
    versie: 1,
    naam: 'Splitsing',
    herindelingen: 'gepland',
    afronding,
    wijzigingen: [{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60' }],
  });
  if (!out.ok) throw new Error('allocate');
  return out.allocation;
};
const basis = (() => {
  const o = allocate(data, { versie: 1, naam: 'Basis', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [] });
  if (!o.ok) throw new Error('allocate');
  return o.allocation;
})();
const scenario = run();

describe('export tables', () => {
  it('the comparison has one row per row of the comparison view, in its order, with the same figures', () => {
    const t = comparisonTable(data, [basis, scenario], ['Basis', 'Splitsing'], { van: 2027, tot: 2027 });
    const view = compareAllocations(data, [basis, scenario], { van: 2027, tot: 2027 });
    expect(t.kolommen.map((c) => c.id)).toEqual([
      'jaar', 'stroom', 'ontvanger', 'naam', 'soort', 'mandaatgemeente', 'mandaatgemeente_code',
      'basis', 'scenario', 'verschil', 'verschil_pct', 'inwoners', 'verschil_per_inwoner', 'status_basis', 'status_scenario',
    ]);
    expect(t.rijen.map((r) => r[2])).toEqual(view.map((r) => r.ontvanger));
    const csv = parseCsv(tableToCsv(t), { bestand: 'x' });
    if (!csv.ok) throw new Error('csv');
    const col = (id: string) => t.kolommen.findIndex((c) => c.id === id);
    const twente = csv.rows.find((r) => r.cells[2] === 'twente')!.cells;
    expect(twente[col('soort')]).toBe('regio');
    // The IZA region's money is paid to its mandate holder, named in the row (SamenTwente has no GM code).
    const region = data.izaRegios.find((r) => r.id === 'twente')!;
    expect(twente[col('mandaatgemeente')]).toBe(region.mandaatgemeente);
    expect(twente[col('mandaatgemeente_code')]).toBe(region.mandaatgemeenteCode ?? '');
    expect(twente[col('basis')]).toBe(''); // absent in the baseline, not 0
    expect(twente[col('status_scenario')]).toBe('scenario');
    const ams = csv.rows.find((r) => r.cells[0] === '2027' && r.cells[1] === 'nu-niet-zwanger' && r.cells[2] === 'GM0363')!.cells;
    expect(ams[col('mandaatgemeente')]).toBe('');
    expect(ams[col('verschil')]).toMatch(/^-\d+$/);
    expect(ams[col('verschil_pct')]).toBe('-40.00');
    expect(STATUS_CODES).toContain(ams[col('status_basis')]);
    // Every IZA region has a row with its mandate holder.
    const regions = csv.rows.filter((r) => r.cells[0] === '2027' && r.cells[1] === 'nu-niet-zwanger' && r.cells[col('soort')] === 'regio');
    expect(regions).toHaveLength(data.izaRegios.length);
    expect(regions.every((r) => r.cells[col('mandaatgemeente')] !== '')).toBe(true);
  });

  it('writes the same table as plain CSV, Excel-NL CSV, JSON and xlsx, with the same cells', () => {
    const t = totalsTable([basis, scenario], ['Basis', 'Splitsing']);
    const plain = parseCsv(tableToCsv(t), { bestand: 'x' });
    const excel = parseCsv(tableToCsv(t, { excel: true }), { bestand: 'x' });
    if (!plain.ok || !excel.ok) throw new Error('csv');
    expect(excel.separator).toBe(';');
    expect(excel.rows.map((r) => r.cells.map((c) => (/^-?\d+,\d+$/.test(c) ? c.replace(',', '.') : c)))).toEqual(plain.rows.map((r) => r.cells));
    const json = tableToObjects(t);
    expect(json.map((o) => String(o['basis'] ?? ''))).toEqual(plain.rows.map((r) => r.cells[3]));
    expect(typeof json[0]!['jaar']).toBe('number');
    const files = unzipStored(Buffer.from(tablesToXlsx([t])));
    const rows = sheetRows(files.get('xl/worksheets/sheet1.xml')!.toString('utf8'));
    expect(rows[1]!.get('A')).toMatchObject({ type: 'getal', waarde: String(json[0]!['jaar']) });
    expect(rows[1]!.get('D')).toMatchObject({ type: 'getal', waarde: String(json[0]!['basis']) }); // the same exact decimal text as JSON and CSV
  });

  it('writes money in the unit of the allocation: whole euros, or cents', () => {
    const cents = run('cent');
    const t = allocationTable(cents, { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' });
    expect(tableToObjects(t).every((o) => /^\d+\.\d{2}$/.test(String(o['bedrag'])))).toBe(true);
    const e = allocationTable(basis, { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' });
    expect(tableToObjects(e).every((o) => /^\d+$/.test(String(o['bedrag'])))).toBe(true);
  });

  it('keeps code columns as text in Excel-NL: a code that looks like a number is not turned into one', () => {
    const t: Table = { naam: 'x', kolommen: [{ id: 'code', kop: 'Code', soort: 'code' }, { id: 'bedrag', kop: 'Bedrag', soort: 'euro' }], rijen: [['-2.5', -250n]], eenheid: 'cent' };
    expect(tableToCsv(t, { excel: true })).toBe("\uFEFFcode;bedrag\r\n'-2.5;-2,50\r\n");
  });

  it('has a legend of the statuses and a national overview with the figure before and after adjustments', () => {
    expect(tableToObjects(statusTable()).map((o) => o['status'])).toEqual([...STATUS_CODES]);
    const o = tableToObjects(overviewTable(basis, { van: 2026, tot: 2026 }));
    expect(o.find((r) => r['stroom'] === 'ks-brede-spuk')).toMatchObject({ bronbedrag: '20000000', korting_pct: '10', bedrag: '18000000', status: 'berekend' });
  });

  it('gives the address of every document a source cites, not only the first', () => {
    const data = baselineData();
    const o = tableToObjects(overviewTable(basis, { van: 2026, tot: 2026 }));
    const nnz = o.find((r) => r['stroom'] === 'nu-niet-zwanger')!;
    // "AZWA definitief (...); VWS-brief Wijziging SPUK IZA en Brede SPUK, 12-09-2025, ...": two documents.
    const cited = documentsOf(data, nnz['bron'] as string).flatMap((d) => (d.url ? [d.url] : []));
    expect(cited.length).toBe(2);
    expect((nnz['bron_url'] as string).split(' ')).toEqual(cited);
  });

  it('the budget frame cites a document of the data, with its date', () => {
    const docs = documentsOf(baselineData(), FRAME.bron);
    expect(docs.map((d) => d.datum)).toEqual(['2022-07-21']);
  });
});
