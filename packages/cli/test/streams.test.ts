import { beforeAll, describe, expect, it } from 'vitest';
import {
  STATUS_CODES,
  YEARS,
  baselineData,
  exportMetadata,
  nationalOverview,
  nationalRow,
  overviewTable,
  tableToCsv,
  tableToObjects,
  type Allocation,
  type BaselineData,
} from '@kansrijke-start/core';
import { VANDAAG, baselineAllocation, calculate, cents, csvObjects, files, ksBudget, toPlain } from './run.js';

describe('ks-budget streams: the national overview', () => {
  let data: BaselineData;
  let basis: Allocation;
  let out: ReturnType<typeof csvObjects>;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    const r = ksBudget(['streams']);
    expect(r.status, r.stderr).toBe(0);
    out = csvObjects(r.stdout);
  });

  it('2026: the Brede SPUK source figure, the cut and the amount after it are separate columns', () => {
    const spuk = out.rows.filter((r) => r['jaar'] === '2026' && r['stroom'] === 'ks-brede-spuk');
    expect(spuk.length).toBe(1);
    const row = spuk[0]!;
    // The figure as the source gives it, and what is divided after the baseline's 10% cut.
    expect(row['bronbedrag']).toBe('20000000');
    expect(row['korting_pct']).toBe('10');
    expect(row['bedrag']).toBe('18000000');
    expect(out.header.indexOf('bronbedrag')).toBeGreaterThanOrEqual(0);
    expect(out.header.indexOf('bronbedrag')).not.toBe(out.header.indexOf('bedrag'));
    // Each figure has its own status: the source figure's, and the adjusted amount's.
    expect(out.header).toContain('bronstatus');
    expect(out.header).toContain('status');
    const source = nationalRow(data, 'ks-brede-spuk', 2026)!;
    expect(row['bronstatus']).toBe(source.status);
    for (const r of out.rows) {
      if (r['bronstatus'] !== '') expect(STATUS_CODES).toContain(r['bronstatus']);
      expect(STATUS_CODES).toContain(r['status']);
    }
  });

  it('per year, the amounts after adjustments add up to the allocation total and to the overview year total', () => {
    const ov = nationalOverview(basis);
    let years = 0;
    for (const jaar of YEARS) {
      const lines = out.rows.filter((r) => r['jaar'] === String(jaar));
      const sum = lines.filter((r) => r['bedrag'] !== '').reduce((s, r) => s + cents(r['bedrag']!), 0n);
      const results = basis.resultaten.filter((r) => r.jaar === jaar);
      const known = results.reduce((s, r) => s + (r.totaal ?? 0n), 0n);
      expect({ jaar, sum }).toEqual({ jaar, sum: known });
      expect({ jaar, sum }).toEqual({ jaar, sum: ov.jaren.find((y) => y.jaar === jaar)!.totaal });
      // One line per stream that runs; unknown stays empty, never 0.
      expect(lines.length).toBe(results.length);
      for (const r of results) {
        const line = lines.find((l) => l['stroom'] === r.stroom)!;
        expect(line['bedrag']).toBe(r.totaal === null ? '' : String(r.totaal / 100n));
        expect(line['status']).toBe(r.bedragStatus);
      }
      years++;
    }
    expect(years).toBe(YEARS.length);
    // 2026: the sum of what is divided is not the sum of the source figures (the cut).
    const y2026 = out.rows.filter((r) => r['jaar'] === '2026');
    const bron = y2026.filter((r) => r['bronbedrag'] !== '').reduce((s, r) => s + cents(r['bronbedrag']!), 0n);
    const na = y2026.filter((r) => r['bedrag'] !== '').reduce((s, r) => s + cents(r['bedrag']!), 0n);
    expect(bron - na).toBe(200_000_000n);
  });

  it('writes exactly the core table: plain, Excel-NL and JSON, with --years', () => {
    for (const [args, expected] of [
      [['streams'], tableToCsv(overviewTable(basis))],
      [['streams', '--years', '2025-2027', '--excel'], tableToCsv(overviewTable(basis, { van: 2025, tot: 2027 }), { excel: true })],
    ] as const) {
      const r = ksBudget(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected);
    }
    const json = ksBudget(['streams', '--years', '2019', '--format', 'json']);
    const doc = JSON.parse(json.stdout) as { metadata: unknown; regels: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['metadata', 'regels']);
    expect(doc.metadata).toEqual(toPlain(exportMetadata([basis], ['Basis'], { vandaag: VANDAAG, tabel: { id: 'landelijk', naam: 'Landelijk', filter: { van: 2019, tot: 2019 } } })));
    expect(doc.regels).toEqual(tableToObjects(overviewTable(basis, { van: 2019, tot: 2019 })));
    expect(doc.regels[0]).toMatchObject({ jaar: 2019, stroom: 'ks-impuls', bronbedrag: '3000000', bedrag: '3000000', status: 'officieel' });
  });

  it('shows a scenario: the adjusted amount with status scenario, the source figure unchanged', () => {
    const text = JSON.stringify({
      versie: 1,
      naam: 'korting 20%',
      wijzigingen: [{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2026, geldigheid: 'alleen-dit-jaar', percentage: '20' }],
    });
    const f = files({ 's.json': text });
    const r = ksBudget(['streams', '--scenario', f['s.json']!, '--years', '2026']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(tableToCsv(overviewTable(calculate(data, text), { van: 2026, tot: 2026 })));
    const row = csvObjects(r.stdout).rows.find((x) => x['stroom'] === 'ks-brede-spuk')!;
    expect(row).toMatchObject({ bronbedrag: '20000000', korting_pct: '20', bedrag: '16000000', status: 'scenario' });
    // The cut replaces the baseline's cut: said once, as a warning, on stderr.
    expect(r.stderr).toMatch(/^waarschuwing: .*s\.json, regel 1, kolom \d+ \(wijzigingen\[0\]\): .*vervangt/m);
  });
});
