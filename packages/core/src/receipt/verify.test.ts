import { describe, expect, it } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import { emptyScenario } from '../scenario/format.js';
import type { Allocation } from '../allocation/types.js';
import { comparisonTable, allocationTable } from '../export/tables.js';
import { tableToCsv, tableToObjects } from '../export/table.js';
import { csvMetadata, exportMetadata } from '../export/metadata.js';
import { verifyExport } from './verify.js';

const data = baselineData();
const run = (input: unknown): Allocation => {
  const out = allocateScenario(data, input);
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const SCENARIO = { versie: 1, naam: 'Proef', wijzigingen: [{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2028, geldigheid: 'alleen-dit-jaar', percentage: '15' }] };
const basis = run(emptyScenario());
const proef = run(SCENARIO);
const filter = { van: 2028, tot: 2028 };
const json = (doc: unknown) => JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

describe('verifyExport', () => {
  const table = comparisonTable(data, [basis, proef], ['Basis', 'Proef'], filter);
  const meta = exportMetadata([basis, proef], ['Basis', 'Proef'], { tabel: { id: 'vergelijking', naam: table.naam, filter } });
  const doc = { metadata: meta, regels: tableToObjects(table) };

  it('accepts an export as the core writes it', () => {
    const r = verifyExport(data, { soort: 'json', bestand: 'v.json', tekst: json(doc) });
    expect(r.uitkomst).toBe('klopt');
  });

  it('finds a changed amount, a changed status and an extra row, each with where', () => {
    const regels = structuredClone(doc.regels);
    const i = regels.findIndex((x) => x['ontvanger'] === 'GM0014');
    regels[i]!['scenario'] = '1';
    regels[i + 1]!['status_scenario'] = 'officieel';
    regels.push({ ...regels[0]!, ontvanger: 'GM9999' });
    const r = verifyExport(data, { soort: 'json', bestand: 'v.json', tekst: json({ ...doc, regels }) });
    if (r.uitkomst !== 'verschilt') throw new Error(r.uitkomst);
    expect(r.verschillen.map((d) => [d.tabel, d.plaats, d.kolom])).toEqual([
      ['Vergelijking', `regels[${i}]`, 'scenario'],
      ['Vergelijking', `regels[${i + 1}]`, 'status_scenario'],
      ['Vergelijking', `regels[${regels.length - 1}]`, '(hele rij)'],
    ]);
    expect(r.verschillen[0]!.rij).toBe(`2028 · ${String(regels[i]!['stroom'])} · GM0014 (Groningen)`);
    expect(r.verschillen[0]!.gevonden).toBe('1');
    expect(r.verschillen[0]!.verwacht).toBe(doc.regels[i]!['scenario']);
  });

  it('a CSV: with its CSVW metadata, or with the scenario given; and without either, says what is missing', () => {
    const csv = tableToCsv(table);
    const metadata = { bestand: 'v.csv-metadata.json', tekst: json(csvMetadata(table, meta, 'v.csv')) };
    expect(verifyExport(data, { soort: 'csv', bestand: 'v.csv', tekst: csv, metadata }).uitkomst).toBe('klopt');
    expect(verifyExport(data, { soort: 'csv', bestand: 'v.csv', tekst: csv, metadata: null }, { scenarios: [{ bestand: 's.json', tekst: JSON.stringify(SCENARIO) }] }).uitkomst).toBe('klopt');
    const none = verifyExport(data, { soort: 'csv', bestand: 'v.csv', tekst: csv, metadata: null });
    expect(none.uitkomst).toBe('ongeldig');
    if (none.uitkomst === 'ongeldig') expect(none.fouten[0]).toMatch(/^v\.csv: het metadatabestand v\.csv-metadata\.json ontbreekt, en er is geen scenario gegeven/);
  });

  it('an allocation table of the baseline, recognised by its columns when the metadata does not name it', () => {
    const t = allocationTable(basis, { van: 2026, tot: 2026 });
    const m = exportMetadata([basis], ['Basis']);
    expect(verifyExport(data, { soort: 'json', bestand: 'a.json', tekst: json({ metadata: m, regels: tableToObjects(t) }) }).uitkomst).toBe('klopt');
  });

  it('refuses what is not an export', () => {
    for (const tekst of ['[]', '{}', '{"metadata":{}}', 'nee']) {
      const r = verifyExport(data, { soort: 'json', bestand: 'x.json', tekst });
      expect(r.uitkomst, tekst).toBe('ongeldig');
    }
  });
});
