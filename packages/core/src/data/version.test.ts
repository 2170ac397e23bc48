import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baselineData, parseBaselineData } from './baseline.js';
import { rawData, type RawData, type RawFile } from './raw/index.js';
import { meta } from './raw/meta.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const IMPORT_SCRIPT = resolve(HERE, '../../../../scripts/import-data.mjs');

interface ImportScript {
  contentHash: (files: readonly { file: string; records: readonly (readonly string[])[] }[]) => string;
  dataDate: (records: readonly (readonly string[])[]) => string;
  fullDate: (v: string) => string;
}

async function importScript(): Promise<ImportScript> {
  return (await import(/* @vite-ignore */ pathToFileURL(IMPORT_SCRIPT).href)) as ImportScript;
}

/**
 * The SHA-256 as raw/meta.ts defines it, computed here from the embedded files, independently
 * of the import script: the UTF-8 bytes of, per file in the order of `rawData`, the file name, a
 * line feed, JSON.stringify([columns, ...rows]) and a line feed.
 */
function sha256Of(files: readonly RawFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(Buffer.from(`${f.file}\n${JSON.stringify([f.columns, ...f.rows])}\n`, 'utf8'));
  return hash.digest('hex');
}

/** The newest date in the `datum` column of bronnen.csv, a partial date taken as its first day. */
function newestDate(f: RawFile): string {
  const c = f.columns.indexOf('datum');
  const dates = f.rows
    .map((row) => row[c] ?? '')
    .filter((v) => v !== '')
    .map((v) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v));
  return dates.sort()[dates.length - 1] ?? '';
}

function problemsOf(raw: RawData, version = meta): string[] {
  const result = parseBaselineData(raw, version);
  if (result.ok) throw new Error('expected the data to be rejected');
  return result.fouten;
}

function setCell(raw: RawData, key: keyof RawData, rowIndex: number, column: string, value: string): RawData {
  const f = raw[key];
  const c = f.columns.indexOf(column);
  return { ...raw, [key]: { ...f, rows: f.rows.map((row, i) => (i === rowIndex ? row.map((cell, j) => (j === c ? value : cell)) : row)) } };
}

describe('the version of the data', () => {
  it('has the SHA-256 of the embedded files in raw/meta.ts, so an edited copy is noticed', () => {
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Of(Object.values(rawData))).toBe(meta.sha256);
    expect(baselineData().versie.sha256).toBe(meta.sha256);
  });

  it('gets another SHA-256 from one changed cell, or from files in another order', () => {
    const edited = setCell(rawData, 'bronnen', 0, 'titel', 'Gezond en Actief Leven Akkoord');
    expect(sha256Of(Object.values(edited))).not.toBe(meta.sha256);
    expect(sha256Of(Object.values(rawData).reverse())).not.toBe(meta.sha256);
  });

  it('is dated by the newest document of bronnen.csv, a partial date counting as its first day', () => {
    expect(meta.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.datum).toBe(newestDate(rawData.bronnen));
    expect(baselineData().versie).toEqual({ versie: `${meta.datum}+${meta.sha256.slice(0, 12)}`, datum: meta.datum, sha256: meta.sha256 });
  });

  it('is computed by the import script in the same way', async () => {
    const script = await importScript();
    expect(script.contentHash(Object.values(rawData).map((f) => ({ file: f.file, records: [f.columns, ...f.rows] })))).toBe(meta.sha256);
    expect(script.dataDate([rawData.bronnen.columns, ...rawData.bronnen.rows])).toBe(meta.datum);
    expect(script.fullDate('2025')).toBe('2025-01-01');
    expect(script.fullDate('2026-01')).toBe('2026-01-01');
    expect(script.fullDate('2025-08-31')).toBe('2025-08-31');
    expect(() => script.fullDate('2026-13')).toThrow();
    expect(() => script.fullDate('2025-02-30')).toThrow();
    // A partial date is its first day: 2026-04 is newer than 2026-03-31, 2025 older than 2025-01-02.
    expect(script.dataDate([['titel', 'datum'], ['a', '2026-03-31'], ['b', '2026-04'], ['c', '']])).toBe('2026-04-01');
    expect(script.dataDate([['datum'], ['2025'], ['2025-01-02']])).toBe('2025-01-02');
    expect(() => script.dataDate([['datum'], ['']])).toThrow();
  });
});

describe('parseBaselineData checks the version against the data', () => {
  const newestLine = () => rawData.bronnen.rows.findIndex((row) => row[rawData.bronnen.columns.indexOf('datum')] === meta.datum) + 2;

  it('rejects a version whose date is not that of the newest document', () => {
    const older = { ...meta, datum: '2026-04-21', versie: `2026-04-21+${meta.sha256.slice(0, 12)}` };
    expect(problemsOf(rawData, older)).toEqual([
      `bronnen.csv, regel ${newestLine()}, kolom "datum": de nieuwste datum van een document is ${meta.datum}, maar de versie van de gegevens (raw/meta.ts) is van 2026-04-21; voer npm run import-data uit`,
    ]);
  });

  it('rejects a document newer than the version, a partial date counting as its first day', () => {
    const statline = rawData.bronnen.rows.findIndex((row) => row[0] === 'CBS StatLine 37230ned');
    expect(problemsOf(setCell(rawData, 'bronnen', statline, 'datum', '2026-05'))).toEqual([
      `bronnen.csv, regel ${statline + 2}, kolom "datum": de nieuwste datum van een document is 2026-05-01, maar de versie van de gegevens (raw/meta.ts) is van ${meta.datum}; voer npm run import-data uit`,
    ]);
    // An older partial date changes nothing.
    expect(parseBaselineData(setCell(rawData, 'bronnen', statline, 'datum', '2026-04')).ok).toBe(true);
  });

  it('rejects a versie that is not the date and the start of the SHA-256, and a malformed SHA-256', () => {
    expect(problemsOf(rawData, { ...meta, versie: `${meta.datum}+000000000000` })).toEqual([
      `raw/meta.ts: versie "${meta.datum}+000000000000" is niet de datum, "+" en de eerste 12 tekens van de SHA-256 ("${meta.versie}"); voer npm run import-data uit`,
    ]);
    expect(problemsOf(rawData, { ...meta, sha256: 'ABC', versie: `${meta.datum}+ABC` })).toEqual([
      'raw/meta.ts: sha256 "ABC" is geen SHA-256 (64 tekens 0-9 en a-f); voer npm run import-data uit',
    ]);
  });

  it('rejects documents without any date', () => {
    const f = rawData.bronnen;
    const c = f.columns.indexOf('datum');
    const undated: RawData = { ...rawData, bronnen: { ...f, rows: f.rows.map((row) => row.map((cell, j) => (j === c ? '' : cell))) } };
    expect(problemsOf(undated)).toEqual([`bronnen.csv, regels 2-${f.rows.length + 1}, kolom "datum": geen enkel document heeft een datum, dus de gegevens hebben geen datum`]);
  });
});
