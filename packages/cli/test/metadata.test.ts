import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  allocationTable,
  baselineData,
  comparisonTable,
  csvMetadata,
  exportMetadata,
  overviewTable,
  FIRST_YEAR,
  LAST_YEAR,
  type Allocation,
  type BaselineData,
  type ExportTable,
  type Table,
} from '@kansrijke-start/core';
import { STACK, VANDAAG, baselineAllocation, calculate, csvObjects, files, ksBudget, toPlain } from './run.js';
import { SPLIT } from './fixtures.js';

interface Csvw {
  '@context': string;
  url: string;
  'schema:version': string;
  'dc:date': string;
  dialect: { delimiter: string };
  tableSchema: { columns: { name: string; titles: string }[] };
  notes: { metadata: { gegevens: { versie: string } } }[];
}

describe('metadata in every export', () => {
  let data: BaselineData;
  let basis: Allocation;
  let split: Allocation;
  let f: Record<string, string>;
  let dir: string;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    split = calculate(data, SPLIT);
    f = files({ 'split.json': SPLIT });
    dir = path.dirname(f['split.json']!);
  });

  it('JSON of allocate, compare, streams, regio and explain carries the data version and date of the core', () => {
    const v = data.versie;
    for (const args of [
      ['allocate', '--years', '2027', '--stream', 'nu-niet-zwanger'],
      ['compare', '--scenario', f['split.json']!, '--years', '2027'],
      ['streams', '--years', '2027'],
      ['regio', '--years', '2027'],
      ['explain', '--gemeente', 'GM0014', '--year', '2027'],
    ]) {
      const r = ksBudget([...args, '--format', 'json']);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const doc = JSON.parse(r.stdout) as { metadata: { gegevens: { versie: string; datum: string; sha256: string }; motor: { naam: string } } };
      expect(doc.metadata.gegevens, args[0]).toEqual({ versie: v.versie, datum: v.datum, sha256: v.sha256 });
    }
    const compare = JSON.parse(ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027', '--format', 'json']).stdout) as { metadata: unknown };
    expect(compare.metadata).toEqual(toPlain(exportMetadata([basis, split], ['Basis', split.scenario.naam], { vandaag: VANDAAG, tabel: { id: 'vergelijking', naam: 'Vergelijking', filter: { van: 2027, tot: 2027 } } })));
  });

  it('--metadata writes the CSVW metadata of the core; its columns are the CSV header; the CSV itself is unchanged', () => {
    const cases: [string[], Table, Allocation[], string[], ExportTable][] = [
      [['allocate', '--years', '2026', '--stream', 'ks-brede-spuk'], allocationTable(basis, { van: 2026, tot: 2026, stroom: 'ks-brede-spuk' }), [basis], ['Basis'], { id: 'verdeling', naam: 'Verdeling', filter: { van: 2026, tot: 2026, stroom: 'ks-brede-spuk' } }],
      [['compare', '--scenario', f['split.json']!, '--years', '2027'], comparisonTable(data, [basis, split], ['Basis', split.scenario.naam], { van: 2027, tot: 2027 }), [basis, split], ['Basis', split.scenario.naam], { id: 'vergelijking', naam: 'Vergelijking', filter: { van: 2027, tot: 2027 } }],
      [['streams'], overviewTable(basis), [basis], ['Basis'], { id: 'landelijk', naam: 'Landelijk', filter: { van: FIRST_YEAR, tot: LAST_YEAR } }],
    ];
    let n = 0;
    for (const [args, table, allocations, namen, tabel] of cases) {
      for (const excel of [false, true]) {
        const extra = excel ? ['--excel'] : [];
        const file = path.join(dir, `export-${n++}.csv-metadata.json`);
        const plain = ksBudget([...args, ...extra]);
        const withMeta = ksBudget([...args, ...extra, '--metadata', file]);
        expect(withMeta.status, withMeta.stderr).toBe(0);
        // Not one byte more in the CSV.
        expect(withMeta.stdout).toBe(plain.stdout);
        const doc = JSON.parse(readFileSync(file, 'utf8')) as Csvw;
        const meta = exportMetadata(allocations, namen, { vandaag: VANDAAG, tabel });
        expect(doc).toEqual(toPlain(csvMetadata(table, meta, path.basename(file).replace(/-metadata\.json$/, ''), { excel })));
        expect(doc['@context']).toBe('http://www.w3.org/ns/csvw');
        expect(doc.url).toBe(`export-${n - 1}.csv`);
        expect(doc['schema:version']).toBe(data.versie.versie);
        expect(doc['dc:date']).toBe(data.versie.datum);
        expect(doc.dialect.delimiter).toBe(excel ? ';' : ',');
        expect(doc.tableSchema.columns.map((c) => c.name)).toEqual(csvObjects(plain.stdout).header);
      }
    }
  });

  it('--metadata names the CSV it describes: X.csv-metadata.json → X.csv, X-metadata.json → X.csv, otherwise uitvoer.csv', () => {
    for (const [name, url] of [
      ['verdeling.csv-metadata.json', 'verdeling.csv'],
      ['verdeling-metadata.json', 'verdeling.csv'],
      ['metadata.json', 'uitvoer.csv'],
    ] as const) {
      const sub = path.join(dir, `naam-${url}-${name}`);
      mkdirSync(sub);
      const file = path.join(sub, name);
      const r = ksBudget(['streams', '--years', '2026', '--metadata', file]);
      expect(r.status, r.stderr).toBe(0);
      expect((JSON.parse(readFileSync(file, 'utf8')) as Csvw).url).toBe(url);
    }
  });

  it('refuses a metadata file that cannot be written: which file and why, no output, no half-written file', () => {
    const missing = path.join(dir, 'bestaat-niet', 'v.csv-metadata.json');
    const folder = path.join(dir, 'een-map');
    mkdirSync(folder);
    for (const [file, why] of [
      [missing, 'de map bestaat niet'],
      [folder, 'dit is een map, geen bestand'],
    ] as const) {
      const r = ksBudget(['allocate', '--years', '2026', '--metadata', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${file}: de metadata is niet geschreven: ${why}\n`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(path.dirname(missing))).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });

  it('input errors: --metadata with JSON, without a name, or to standard output', () => {
    for (const [args, message] of [
      [['allocate', '--format', 'json', '--metadata', 'm.json'], '--metadata hoort bij CSV-uitvoer'],
      [['streams', '--metadata', '-'], '--metadata: de standaarduitvoer is voor de CSV zelf'],
      [['compare', '--scenario', 'x.json', '--metadata', ''], '--metadata: geef de naam van het bestand'],
      [['apportion', '--total', '1', '--weights', 'x.csv', '--metadata', 'm.json'], 'onbekende optie --metadata'],
    ] as const) {
      const r = ksBudget(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  });

  it('KS_BUDGET_VANDAAG: a day after an announced decision date says the figures may be out of date; a bad value is refused', () => {
    const later = '2026-10-01';
    const r = ksBudget(['allocate', '--years', '2027', '--stream', 'nu-niet-zwanger', '--format', 'json'], { env: { KS_BUDGET_VANDAAG: later } });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { metadata: { besluiten: { id: string; verouderd: boolean; tekst: string }[] } };
    expect(doc.metadata).toEqual(toPlain(exportMetadata([basis], ['Basis'], { vandaag: later, tabel: { id: 'verdeling', naam: 'Verdeling', filter: { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' } } })));
    const stale = doc.metadata.besluiten.find((b) => b.verouderd);
    expect(stale?.tekst).toMatch(/^Mogelijk verouderd: /);
    expect(stale?.tekst).toContain('vandaag is het 1 oktober 2026');
    // Before the date nothing is out of date yet.
    const before = JSON.parse(ksBudget(['allocate', '--years', '2027', '--stream', 'nu-niet-zwanger', '--format', 'json']).stdout) as typeof doc;
    expect(before.metadata.besluiten.some((b) => b.verouderd)).toBe(false);

    for (const bad of ['morgen', '2026-02-30', '1-10-2026']) {
      const e = ksBudget(['streams'], { env: { KS_BUDGET_VANDAAG: bad } });
      expect(e.status, bad).toBe(2);
      expect(e.stderr).toBe(`KS_BUDGET_VANDAAG: "${bad}" is geen datum; schrijf JJJJ-MM-DD, zoals 2026-10-01\n`);
    }
  });
});
