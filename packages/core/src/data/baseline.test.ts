import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Decimal } from '../money/decimal.js';
import { baselineData, parseBaselineData } from './baseline.js';
import { rawData, type RawData, type RawFile } from './raw/index.js';
import { izaRegioId, rowLines } from './schema.js';
import { documentsOf } from './sources.js';
import type { BaselineData, IndicatorId, SourceDocument } from './types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The reference data folder beside the repository root (/work/shared/data next to /work/main). */
const SHARED_DATA = resolve(HERE, '../../../../../shared/data');
const IMPORT_SCRIPT = resolve(HERE, '../../../../scripts/import-data.mjs');

interface ImportScript {
  parseCsv: (text: string) => string[][];
  camelName: (file: string) => string;
  FILES: readonly string[];
}

/** The script is plain ESM outside the package; load it by URL so TypeScript does not need types for it. */
async function importScript(): Promise<ImportScript> {
  const url = pathToFileURL(IMPORT_SCRIPT).href;
  return (await import(/* @vite-ignore */ url)) as ImportScript;
}

// ---------------------------------------------------------------------------------------------
// Helpers to tamper with the raw data

type FileKey = keyof RawData;

function withFile(raw: RawData, key: FileKey, change: (f: RawFile) => RawFile): RawData {
  return { ...raw, [key]: change(raw[key]) };
}

function columnIndex(f: RawFile, column: string): number {
  const i = f.columns.indexOf(column);
  if (i < 0) throw new Error(`test bug: no column ${column} in ${f.file}`);
  return i;
}

function setCell(raw: RawData, key: FileKey, rowIndex: number, column: string, value: string): RawData {
  return withFile(raw, key, (f) => {
    const c = columnIndex(f, column);
    return { ...f, rows: f.rows.map((row, i) => (i === rowIndex ? row.map((cell, j) => (j === c ? value : cell)) : row)) };
  });
}

function removeRow(raw: RawData, key: FileKey, rowIndex: number): RawData {
  return withFile(raw, key, (f) => ({ ...f, rows: f.rows.filter((_, i) => i !== rowIndex) }));
}

function cellOf(raw: RawData, key: FileKey, rowIndex: number, column: string): string {
  const f = raw[key];
  return f.rows[rowIndex]?.[columnIndex(f, column)] ?? '';
}

function rowIndexOf(raw: RawData, key: FileKey, column: string, value: string): number {
  const f = raw[key];
  const c = columnIndex(f, column);
  const i = f.rows.findIndex((row) => row[c] === value);
  if (i < 0) throw new Error(`test bug: ${value} not in ${f.file}`);
  return i;
}

function addRow(raw: RawData, key: FileKey, row: readonly string[]): RawData {
  return withFile(raw, key, (f) => ({ ...f, rows: [...f.rows, row] }));
}

/** The data built from `raw`, which must be accepted. */
function accepted(raw: RawData): BaselineData {
  const result = parseBaselineData(raw);
  if (!result.ok) throw new Error(`expected the data to be accepted:\n${result.fouten.join('\n')}`);
  return result.data;
}

function problemsOf(raw: RawData): string[] {
  const result = parseBaselineData(raw);
  if (result.ok) throw new Error('expected the tampered data to be rejected');
  return result.fouten;
}

const data = baselineData();

function indicator(id: IndicatorId) {
  const found = data.indicatoren.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no indicator ${id}`);
  return found;
}

/** The sum of known values; a null (unknown) fails the test, it is never counted as 0. */
function sumOf(values: Iterable<Decimal | null>): Decimal {
  let total = new Decimal(0);
  for (const v of values) {
    if (v === null) throw new Error('an unknown value in a sum');
    total = total.plus(v);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------

describe('embedded baseline data', () => {
  it('parses without problems and is memoized', () => {
    expect(parseBaselineData(rawData).ok).toBe(true);
    expect(baselineData()).toBe(data);
  });

  it('has the expected numbers of rows', () => {
    expect(data.gemeenten).toHaveLength(342);
    expect(new Set(data.gemeenten.map((g) => g.code)).size).toBe(342);
    expect(data.gemeenten2021).toHaveLength(352);
    expect(data.herindelingen).toHaveLength(61);
    expect(data.izaRegios).toHaveLength(42);
    expect(new Set(data.izaRegios.map((r) => r.id)).size).toBe(42);
    expect(rawData.kerncijfers2022.rows).toHaveLength(345);
    expect(data.bredeSpuk2025.bedragen.size).toBe(342);
    expect(data.spukIza2025.bedragen.size).toBe(42);
    expect(data.spukIza2026.bedragen.size).toBe(42);
    expect(data.landelijkeBudgetten).toHaveLength(38);
    expect(data.kortingen).toHaveLength(3);
    expect(data.herindelingenGepland).toHaveLength(2);
    expect(data.ggdRegios).toHaveLength(25);
    expect(data.ggdVan.size).toBe(342);
    expect(data.bronnen).toHaveLength(14);
  });

  it('reproduces the national population totals of CBS', () => {
    expect(sumOf(indicator('inwoners-2023').waarden.values()).toFixed()).toBe('17811291');
    expect(sumOf(indicator('inwoners-2024').waarden.values()).toFixed()).toBe('17942942');
    // The 2022 division mapped onto 2023 loses nobody (CBS total on 1 January 2022).
    expect(sumOf(indicator('inwoners-2022').waarden.values()).toFixed()).toBe('17590672');
  });

  it('keeps codes as strings and names as published', () => {
    const beek = data.gemeenten.find((g) => g.code === 'GM0888');
    expect(beek).toMatchObject({ naam: 'Beek', naamCbs: 'Beek (L.)', provincieCode: 'PV31', provincie: 'Limburg' });
    expect(data.gemeenten[0]).toEqual({ code: 'GM0014', naam: 'Groningen', naamCbs: 'Groningen', provincieCode: 'PV20', provincie: 'Groningen' });
    expect(data.gemeenten.find((g) => g.code === 'GM0820')?.naam).toBe('Nuenen, Gerwen en Nederwetten');
  });

  it('has the official Brede SPUK and SPUK IZA tables', () => {
    expect(data.bredeSpuk2025.bedragen.get('GM0014')).toBe(3479743n);
    expect(data.bredeSpuk2025.bron).toContain('4190863-1084972-DMO');
    expect(data.spukIza2025.bedragen.get('achterhoek')).toBe(2598073n);
    expect(data.spukIza2026.bedragen.get('apeldoorn-zutphen')).toBe(2913334n);
    expect(data.spukIza2026.bedragen.get('twente')).toBe(5711031n);
    const twente = data.izaRegios.find((r) => r.id === 'twente');
    expect(twente).toEqual({ id: 'twente', naam: 'Twente', mandaatgemeente: 'SamenTwente', mandaatgemeenteCode: null });
    expect(data.izaRegios.find((r) => r.id === 'achterhoek')?.mandaatgemeenteCode).toBe('GM0222');
  });

  it('keeps national amounts, their status and unknown amounts', () => {
    const row = (stroom: string, jaar: number | 'structureel') => data.landelijkeBudgetten.find((r) => r.stroom === stroom && r.jaar === jaar);
    const bredeSpuk2026 = row('ks-brede-spuk', 2026);
    expect(bredeSpuk2026?.bedrag?.toFixed()).toBe('20000000');
    expect(bredeSpuk2026?.status).toBe('officieel-afgerond');
    expect(row('landelijk-vws', 2023)).toMatchObject({ bedrag: null, status: 'onbekend' });
    // Zero is a known amount, not unknown.
    expect(row('rookvrije-start', 2030)?.bedrag?.isZero()).toBe(true);
    expect(row('integrale-gezinspoli', 'structureel')?.bedrag?.toFixed()).toBe('25000000');
    expect(row('ks-gala-structureel', 2027)?.status).toBe('raming');
  });

  it('expands the years of the generic cuts', () => {
    const azwa = data.kortingen.find((k) => k.regeling === 'spuk-azwa (GALA-deel)');
    expect(azwa?.jaren).toEqual([2027, 2028, 2029, 2030]);
    expect(azwa?.percentage.toFixed()).toBe('10');
    expect(data.kortingen.find((k) => k.regeling === 'brede-spuk')?.jaren).toEqual([2026]);
  });

  it('has every indicator for every municipality, with a source', () => {
    const codes = data.gemeenten.map((g) => g.code);
    expect(data.indicatoren).toHaveLength(12);
    for (const ind of data.indicatoren) {
      expect([...ind.waarden.keys()]).toEqual(codes);
      expect(ind.bron).toContain('Bron: CBS');
      expect(ind.toelichting.length).toBeGreaterThan(0);
      if (ind.status === 'raming') expect(ind.toelichting).toMatch(/^Raming: /);
    }
  });

  it('derives indicators exactly, without rounding', () => {
    // Groningen: 12% of 243768 inhabitants; 18% of 145764 households.
    expect(indicator('kinderen-0-15-2024').waarden.get('GM0014')?.toFixed()).toBe('29252.16');
    expect(indicator('huishoudens-met-kinderen-2024').waarden.get('GM0014')?.toFixed()).toBe('26237.52');
    // 59.5% (2020) of 145764 households (2024).
    expect(indicator('huishoudens-laagste-40pct-2020').waarden.get('GM0014')?.toFixed()).toBe('86729.58');
    expect(indicator('huishoudens-laagste-40pct-2020').toelichting).toContain('combineert jaren');
    expect(indicator('huishoudens-2024').waarden.get('GM0034')?.toFixed()).toBe('96667');
  });

  it('maps the 2022 division onto 2023 by summing the former municipalities', () => {
    // Voorne aan Zee = Brielle + Hellevoetsluis + Westvoorne.
    expect(indicator('inwoners-2022').waarden.get('GM1992')?.toFixed()).toBe(String(17704 + 40574 + 14960));
    // Weesp still existed on 1 January 2022 and joined Amsterdam on 24 March 2022.
    expect(indicator('inwoners-2022').waarden.get('GM0363')?.toFixed()).toBe(String(882633 + 20766));
    // Births: rate per 1000 applied per former municipality, then summed.
    expect(indicator('geboorten-2022').waarden.get('GM1992')?.toFixed()).toBe('629.222');
    expect(indicator('opleiding-laag-2022').waarden.get('GM1992')?.toFixed()).toBe(String(3460 + 9700 + 2680));
    // 59% of 138499 households in Groningen.
    expect(indicator('huishoudens-laag-inkomen-2022').waarden.get('GM0014')?.toFixed()).toBe('81714.41');
    const toelichting = indicator('inwoners-2022').toelichting;
    expect(toelichting).toContain('Voorne aan Zee (GM1992) is de som van de drie voormalige gemeenten Brielle (GM0501), Hellevoetsluis (GM0530) en Westvoorne (GM0614)');
    expect(toelichting).toContain('Weesp (GM0457)');
  });

  it('gives IZA regions slug ids', () => {
    expect(izaRegioId('Apeldoorn/Zutphen')).toBe('apeldoorn-zutphen');
    expect(izaRegioId('Noord-Holland Noord')).toBe('noord-holland-noord');
    expect(izaRegioId('  Fryslân & Ûtrecht! ')).toBe('fryslan-utrecht');
    expect(data.izaRegios.map((r) => r.id)).toContain('zhe-bar');
  });
});

describe('embedded copy and the import script', () => {
  it('is identical to the CSV files in ../shared/data', async (ctx) => {
    if (!existsSync(SHARED_DATA)) {
      if (process.env.CI) expect.fail(`${SHARED_DATA} is missing; on CI the reference data must be present`);
      ctx.skip(`${SHARED_DATA} does not exist here (it lives beside the repository); nothing to compare with`);
    }
    const script = await importScript();
    expect(Object.keys(rawData)).toEqual(script.FILES.map(script.camelName));
    for (const key of Object.keys(rawData) as FileKey[]) {
      const embedded = rawData[key];
      const [columns, ...rows] = script.parseCsv(readFileSync(join(SHARED_DATA, embedded.file), 'utf8'));
      expect(embedded.columns, embedded.file).toEqual(columns);
      expect(embedded.rows, embedded.file).toEqual(rows);
    }
  });

  it('covers the files added for 2027, 2026, the GGD regions and the documents', async () => {
    const script = await importScript();
    expect(script.FILES).toEqual(expect.arrayContaining(['herindelingen-2027.csv', 'bevolking-2026.csv', 'ggd-regio-2023.csv', 'bronnen.csv']));
    // The comparison above runs over rawData, whose keys are exactly these files.
    for (const file of ['herindelingen-2027.csv', 'bevolking-2026.csv', 'ggd-regio-2023.csv', 'bronnen.csv']) {
      expect(Object.values(rawData).map((f) => f.file)).toContain(file);
    }
  });

  it('parses RFC 4180 CSV: quotes, doubled quotes, line breaks, CRLF and a BOM', async () => {
    const { parseCsv } = await importScript();
    const text = '\uFEFFa,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"line 1\nline 2",\n"",,"3"\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'he said "hi"'],
      ['2', 'line 1\nline 2', ''],
      ['', '', '3'],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(() => parseCsv('a,"b')).toThrow();
    expect(() => parseCsv('a,"b"c')).toThrow();
    expect(() => parseCsv('a,b"c')).toThrow();
  });

  it('parses any table written as RFC 4180 CSV back to the same table', async () => {
    const { parseCsv } = await importScript();
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r', 'é'), maxLength: 6 });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const needsQuotes = (c: string) => c === '' || /[",\r\n]/.test(c);
    fc.assert(
      fc.property(table, fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), (rows, always, eol, trailing, bom) => {
        const text = rows.map((r) => r.map((c) => (always || needsQuotes(c) ? quote(c) : c)).join(',')).join(eol);
        expect(parseCsv((bom ? '\uFEFF' : '') + text + (trailing ? eol : ''))).toEqual(rows);
      }),
    );
  });
});

describe('line numbers', () => {
  it('count line breaks inside quoted fields', () => {
    const file: RawFile = { file: 't.csv', columns: ['a', 'b'], rows: [['1', 'x\ny'], ['2', 'z'], ['3', 'p\r\nq\nr'], ['4', '']] };
    expect(rowLines(file)).toEqual([2, 4, 5, 8]);
  });

  it('are reported as lines of the CSV file, after a multi-line field', () => {
    const bron = cellOf(rawData, 'herindelingen20192026', 0, 'bron');
    let raw = setCell(rawData, 'herindelingen20192026', 0, 'bron', `${bron}\n(tweede regel)`);
    raw = setCell(raw, 'herindelingen20192026', 5, 'oude_gemeentecode', 'GM58');
    expect(problemsOf(raw)).toEqual([
      'herindelingen-2019-2026.csv, regel 8, kolom "oude_gemeentecode": "GM58" is geen geldige gemeentecode (verwacht GM en vier cijfers, bijvoorbeeld GM0014)',
    ]);
  });
});

describe('tampered raw data is rejected with a Dutch message naming file, line and column', () => {
  it('a malformed municipality code', () => {
    const problems = problemsOf(setCell(rawData, 'gemeenten20232026', 0, 'gemeentecode', 'GM14'));
    expect(problems).toEqual([
      'gemeenten-2023-2026.csv, regel 2, kolom "gemeentecode": "GM14" is geen geldige gemeentecode (verwacht GM en vier cijfers, bijvoorbeeld GM0014)',
    ]);
  });

  it('a malformed province code', () => {
    const problems = problemsOf(setCell(rawData, 'gemeenten2021', 3, 'provinciecode', 'P20'));
    expect(problems).toEqual([expect.stringMatching(/^gemeenten-2021\.csv, regel 5, kolom "provinciecode": "P20" is geen geldige provinciecode/)]);
  });

  it('a duplicate code', () => {
    const problems = problemsOf(setCell(rawData, 'bredeSpukTotaal2025', 1, 'gemeentecode', 'GM0014'));
    expect(problems).toContain('brede-spuk-totaal-2025.csv, regel 3, kolom "gemeentecode": "GM0014" komt dubbel voor (ook op regel 2)');
  });

  it('an amount with a decimal comma', () => {
    const problems = problemsOf(setCell(rawData, 'landelijkeBudgetten', 0, 'bedrag_eur', '1,5'));
    expect(problems).toEqual([
      'landelijke-budgetten.csv, regel 2, kolom "bedrag_eur": "1,5" heeft een decimale komma; gebruik een punt (bijvoorbeeld 1.5)',
    ]);
  });

  it('a whole-euro amount that is not whole', () => {
    const problems = problemsOf(setCell(rawData, 'spukIzaPerRegio20252026', 2, 'bedrag_2026_eur', '7675644.5'));
    expect(problems).toEqual([
      'spuk-iza-per-regio-2025-2026.csv, regel 4, kolom "bedrag_2026_eur": "7675644.5" is geen bedrag in hele euro\'s (alleen cijfers)',
    ]);
  });

  it('an unknown status', () => {
    const problems = problemsOf(setCell(rawData, 'landelijkeBudgetten', 4, 'status', 'geschat'));
    expect(problems).toEqual([
      'landelijke-budgetten.csv, regel 6, kolom "status": "geschat" is geen geldige status (toegestaan: officieel, officieel-afgerond, raming, onbekend)',
    ]);
  });

  it('an unknown stream and a year out of range', () => {
    let raw = setCell(rawData, 'landelijkeBudgetten', 0, 'stroom', 'ks-onbekend');
    raw = setCell(raw, 'landelijkeBudgetten', 1, 'jaar', '2031');
    const problems = problemsOf(raw);
    expect(problems[0]).toMatch(/^landelijke-budgetten\.csv, regel 2, kolom "stroom": "ks-onbekend" is geen bekende stroom/);
    expect(problems[1]).toMatch(/^landelijke-budgetten\.csv, regel 3, kolom "jaar": "2031" is geen jaar van 2019 tot en met 2030/);
  });

  it('an empty amount whose status is not onbekend, and an amount whose status is onbekend', () => {
    const empty = problemsOf(setCell(rawData, 'landelijkeBudgetten', 0, 'bedrag_eur', ''));
    expect(empty).toEqual([expect.stringMatching(/^landelijke-budgetten\.csv, regel 2, kolom "bedrag_eur": is leeg, maar de status is "officieel"/)]);
    const vws = rowIndexOf(rawData, 'landelijkeBudgetten', 'stroom', 'landelijk-vws');
    const filled = problemsOf(setCell(rawData, 'landelijkeBudgetten', vws, 'bedrag_eur', '0'));
    expect(filled).toEqual([expect.stringMatching(new RegExp(`^landelijke-budgetten\\.csv, regel ${vws + 2}, kolom "status": is "onbekend", maar er staat een bedrag`))]);
  });

  it('a duplicate stream and year', () => {
    const problems = problemsOf(setCell(rawData, 'landelijkeBudgetten', 1, 'jaar', '2019'));
    expect(problems).toEqual(['landelijke-budgetten.csv, regel 3, kolom "jaar": "ks-impuls 2019" komt dubbel voor (ook op regel 2)']);
  });

  it('a bad year range in the generic cuts', () => {
    const problems = problemsOf(setCell(rawData, 'generiekeKortingen', 2, 'jaar', '2029-2027'));
    expect(problems).toEqual(['generieke-kortingen.csv, regel 4, kolom "jaar": "2029-2027": het eindjaar ligt voor het beginjaar']);
  });

  it('a municipality missing from bevolking', () => {
    const problems = problemsOf(removeRow(rawData, 'bevolking20232024', 0));
    expect(problems).toContain(
      'bevolking-2023-2024.csv, kolom "gemeentecode": gemeente GM0014 ontbreekt (Groningen, zie gemeenten-2023-2026.csv regel 2)',
    );
    expect(problems).toContain(
      'bevolking-2023-2024.csv, regels 2-342, kolom "inwoners_2024_01_01": de som is 17699174, verwacht 17942942 (landelijk totaal volgens het CBS)',
    );
  });

  it('a code that does not belong to the 2023-2026 division', () => {
    const problems = problemsOf(setCell(rawData, 'inkomen2020', 0, 'gemeentecode', 'GM9999'));
    expect(problems).toContain('inkomen-2020.csv, regel 2, kolom "gemeentecode": GM9999 hoort niet bij de gemeenten van gemeenten-2023-2026.csv');
    expect(problems).toContain('inkomen-2020.csv, kolom "gemeentecode": gemeente GM0014 ontbreekt (Groningen, zie gemeenten-2023-2026.csv regel 2)');
  });

  it('a name that does not belong to the code', () => {
    const problems = problemsOf(setCell(rawData, 'bevolking20232024', 0, 'gemeentenaam', 'Almere'));
    expect(problems).toEqual(['bevolking-2023-2024.csv, regel 2, kolom "gemeentenaam": "Almere" is niet de naam van GM0014 (bekend: "Groningen")']);
  });

  it('a changed number of inhabitants', () => {
    const problems = problemsOf(setCell(rawData, 'bevolking20232024', 0, 'inwoners_2023_01_01', '238148'));
    expect(problems).toEqual([
      'bevolking-2023-2024.csv, regels 2-343, kolom "inwoners_2023_01_01": de som is 17811292, verwacht 17811291 (landelijk totaal volgens het CBS)',
    ]);
  });

  it('men and women that do not add up to the inhabitants', () => {
    const problems = problemsOf(setCell(rawData, 'bevolking20232024', 0, 'mannen_2024', '120913'));
    expect(problems).toEqual([expect.stringMatching(/^bevolking-2023-2024\.csv, regel 2, kolom "inwoners_2024_01_01": mannen \(120913\) plus vrouwen/)]);
  });

  it('a missing CBS figure that an indicator needs, but not one that no indicator uses', () => {
    const problems = problemsOf(setCell(rawData, 'kerncijfers2022', 0, 'geboortes_per_1000_inwoners', '.'));
    expect(problems).toEqual([
      'kerncijfers-2022.csv, regel 2, kolom "geboortes_per_1000_inwoners": CBS-cijfer ontbreekt ("."); nodig voor de indicator geboorten 2022; er wordt geen getal verzonnen',
    ]);
    const emptyPct = problemsOf(setCell(rawData, 'bevolking20232024', 0, 'pct_0_tot_15_jaar_2024', ''));
    expect(emptyPct[0]).toMatch(/^bevolking-2023-2024\.csv, regel 2, kolom "pct_0_tot_15_jaar_2024": CBS-cijfer ontbreekt \(lege cel\)/);
    expect(parseBaselineData(setCell(rawData, 'kerncijfers2022', 0, 'opleidingsniveau_hoog_aantal', '.')).ok).toBe(true);
  });

  it('a percentage above 100', () => {
    const problems = problemsOf(setCell(rawData, 'inkomen2020', 0, 'pct_particuliere_huishoudens_in_laagste_40pct_besteedbaar_inkomen', '100.5'));
    expect(problems).toEqual([
      'inkomen-2020.csv, regel 2, kolom "pct_particuliere_huishoudens_in_laagste_40pct_besteedbaar_inkomen": "100.5" is geen percentage (groter dan 100)',
    ]);
  });

  it('a 2022 municipality that is missing or did not exist yet', () => {
    const weesp = rowIndexOf(rawData, 'kerncijfers2022', 'gemeentecode', 'GM0457');
    const withoutWeesp = problemsOf(removeRow(rawData, 'kerncijfers2022', weesp));
    expect(withoutWeesp).toEqual([expect.stringMatching(/^kerncijfers-2022\.csv, kolom "gemeentecode": gemeente GM0457 ontbreekt \(indeling op 2022-01-01/)]);
    const brielle = rowIndexOf(rawData, 'kerncijfers2022', 'gemeentecode', 'GM0501');
    let raw = setCell(rawData, 'kerncijfers2022', brielle, 'gemeentecode', 'GM1992');
    raw = setCell(raw, 'kerncijfers2022', brielle, 'gemeentenaam', 'Voorne aan Zee');
    expect(problemsOf(raw)).toEqual([
      'kerncijfers-2022.csv, kolom "gemeentecode": gemeente GM0501 ontbreekt (indeling op 2022-01-01, afgeleid uit gemeenten-2023-2026.csv en herindelingen-2019-2026.csv)',
      `kerncijfers-2022.csv, regel ${brielle + 2}, kolom "gemeentecode": GM1992 hoort niet bij de indeling op 2022-01-01`,
    ]);
  });

  it('a mandate municipality that does not exist', () => {
    const problems = problemsOf(setCell(rawData, 'spukIzaPerRegio20252026', 0, 'mandaatgemeentecode', 'GM9999'));
    expect(problems).toEqual(['spuk-iza-per-regio-2025-2026.csv, regel 2, kolom "mandaatgemeentecode": GM9999 is geen gemeente van 2023-2026']);
  });

  it('a duplicate IZA region and a wrong number of regions', () => {
    const problems = problemsOf(setCell(rawData, 'spukIzaPerRegio20252026', 1, 'iza_regio', 'Achterhoek'));
    expect(problems).toEqual(['spuk-iza-per-regio-2025-2026.csv, regel 3, kolom "iza_regio": "Achterhoek" (id achterhoek) komt dubbel voor (ook op regel 2)']);
    const sameId = problemsOf(setCell(rawData, 'spukIzaPerRegio20252026', 1, 'iza_regio', 'ACHTERHOEK!'));
    expect(sameId).toEqual(['spuk-iza-per-regio-2025-2026.csv, regel 3, kolom "iza_regio": "ACHTERHOEK!" (id achterhoek) komt dubbel voor (ook op regel 2)']);
    const fewer = problemsOf(removeRow(rawData, 'spukIzaPerRegio20252026', 41));
    expect(fewer).toEqual(['spuk-iza-per-regio-2025-2026.csv, regels 2-42, kolom "iza_regio": bevat 41 IZA-regio’s, verwacht 42 (zie README van de brondata)']);
  });

  it('a changed header and a row with too few fields', () => {
    const renamed = withFile(rawData, 'bredeSpukTotaal2025', (f) => ({ ...f, columns: ['gemeentecode', 'gemeentenaam', 'bedrag_2025'] }));
    expect(problemsOf(renamed)).toEqual(['brede-spuk-totaal-2025.csv, regel 1, kolom "bedrag_2025": verwacht kolom "bedrag_2025_eur", maar de kop heeft "bedrag_2025"']);
    const short = withFile(rawData, 'generiekeKortingen', (f) => ({ ...f, rows: f.rows.map((r, i) => (i === 0 ? r.slice(0, 3) : r)) }));
    expect(problemsOf(short)).toEqual(['generieke-kortingen.csv, regel 2, kolom "bron": de regel heeft 3 velden, verwacht 5: kolom "bron" en verder ontbreken']);
  });

  it('an empty name and a name with a trailing space', () => {
    let raw = setCell(rawData, 'gemeenten20232026', 0, 'gemeentenaam', '');
    raw = setCell(raw, 'gemeenten20232026', 1, 'gemeentenaam_cbs_2025', 'Almere ');
    expect(problemsOf(raw)).toEqual([
      'gemeenten-2023-2026.csv, regel 2, kolom "gemeentenaam": is leeg; hier hoort een tekst',
      'gemeenten-2023-2026.csv, regel 3, kolom "gemeentenaam_cbs_2025": "Almere " begint of eindigt met een spatie',
    ]);
  });

  it('an invalid merger date', () => {
    const problems = problemsOf(setCell(rawData, 'herindelingen20192026', 0, 'datum', '2019-02-30'));
    expect(problems).toEqual([expect.stringMatching(/^herindelingen-2019-2026\.csv, regel 2, kolom "datum": "2019-02-30" is geen geldige datum/)]);
    // A month that does not exist is reported too (it used to make the date check throw).
    const month = problemsOf(setCell(rawData, 'herindelingen20192026', 0, 'datum', '2019-13-01'));
    expect(month).toEqual([expect.stringMatching(/^herindelingen-2019-2026\.csv, regel 2, kolom "datum": "2019-13-01" is geen geldige datum/)]);
  });

  it('never throws and always reports a corrupted municipality code with its file, line and column', () => {
    const targets: readonly (readonly [FileKey, string])[] = [
      ['gemeenten20232026', 'gemeentecode'],
      ['gemeenten2021', 'gemeentecode'],
      ['herindelingen20192026', 'oude_gemeentecode'],
      ['herindelingen20192026', 'nieuwe_gemeentecode'],
      ['bevolking20232024', 'gemeentecode'],
      ['kerncijfers2022', 'gemeentecode'],
      ['inkomen2020', 'gemeentecode'],
      ['bredeSpukTotaal2025', 'gemeentecode'],
      ['spukIzaPerRegio20252026', 'mandaatgemeentecode'],
      ['herindelingen2027', 'oude_gemeentecode'],
      ['herindelingen2027', 'nieuwe_gemeentecode'],
      ['bevolking2026', 'gemeentecode'],
      ['ggdRegio2023', 'gemeentecode'],
    ];
    const corruption = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^GM\d{0,3}$|^GM\d{5}$|^gm\d{4}$|^ GM\d{4}$|^GM\d{4} $|^GM\d{3}[A-Z]$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat(), corruption, ([key, column], n, value) => {
        fc.pre(value !== '' && !/^GM\d{4}$/.test(value));
        const rowIndex = n % rawData[key].rows.length;
        const result = parseBaselineData(setCell(rawData, key, rowIndex, column, value));
        expect(result.ok).toBe(false);
        const where = `${rawData[key].file}, regel ${rowIndex + 2}, kolom "${column}": `;
        expect(result.ok ? [] : result.fouten.some((f) => f.startsWith(where) && f.includes('geen geldige gemeentecode'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('always reports a municipality code replaced by another valid code', () => {
    const targets: readonly FileKey[] = [
      'gemeenten20232026',
      'bevolking20232024',
      'kerncijfers2022',
      'inkomen2020',
      'bredeSpukTotaal2025',
      'bevolking2026',
      'ggdRegio2023',
    ];
    const code = fc.integer({ min: 0, max: 9999 }).map((n) => `GM${String(n).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat(), code, (key, n, value) => {
        const rowIndex = n % rawData[key].rows.length;
        const original = cellOf(rawData, key, rowIndex, 'gemeentecode');
        fc.pre(original !== value);
        const result = parseBaselineData(setCell(rawData, key, rowIndex, 'gemeentecode', value));
        expect(result.ok).toBe(false);
        // The problem may surface in another file (a list that no longer matches), but it names a code involved.
        const named = (f: string) => f.includes(value) || f.includes(original);
        expect(result.ok ? [] : result.fouten.filter(named).length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('planned mergers (herindelingen-2027.csv)', () => {
  const key = 'herindelingen2027' as const;

  it('has Wijdemeren (GM1696) going into Hilversum (GM0402) on 1 January 2027, with the state of the bill', () => {
    const wijdemeren = data.herindelingenGepland.find((m) => m.oudeCode === 'GM1696');
    expect(wijdemeren).toMatchObject({ datum: '2027-01-01', jaar: 2027, oudeNaam: 'Wijdemeren', nieuweCode: 'GM0402', nieuweNaam: 'Hilversum' });
    expect(wijdemeren?.type).toMatch(/^lichte samenvoeging/);
    expect(wijdemeren?.status).toBe(cellOf(rawData, key, 0, 'status'));
    expect(wijdemeren?.status).toMatch(/^wetsvoorstel bij Tweede Kamer/);
    expect(wijdemeren?.status).toContain('NIET in een bron gezien');
  });

  it('keeps the row that says the receiver stays, its idem taken from the row above', () => {
    // The file writes the status and source of the second row as "idem".
    expect([cellOf(rawData, key, 1, 'status'), cellOf(rawData, key, 1, 'bron')]).toEqual(['idem', 'idem']);
    const stays = data.herindelingenGepland.find((m) => m.oudeCode === 'GM0402');
    expect(stays).toMatchObject({ nieuweCode: 'GM0402', jaar: 2027, status: cellOf(rawData, key, 0, 'status'), bron: cellOf(rawData, key, 0, 'bron') });
    for (const m of data.herindelingenGepland) expect([m.status.toLowerCase(), m.bron.toLowerCase()]).not.toContain('idem');
  });

  it('resolves idem (in any case) through several rows', () => {
    let raw = setCell(rawData, key, 0, 'status', 'aangenomen door de Eerste Kamer');
    raw = addRow(raw, key, ['2027-01-01', 'GM0417', 'Laren', 'GM0402', 'Hilversum', 'lichte samenvoeging', 'IDEM', 'Idem']);
    const planned = accepted(raw).herindelingenGepland;
    expect(planned.map((m) => m.status)).toEqual(['aangenomen door de Eerste Kamer', 'aangenomen door de Eerste Kamer', 'aangenomen door de Eerste Kamer']);
    expect(planned[2]?.bron).toBe(cellOf(rawData, key, 0, 'bron'));
  });

  it('accepts a code that is not a municipality yet when the row says it is a new municipality', () => {
    let raw = setCell(rawData, key, 0, 'nieuwe_gemeentecode', 'GM1999');
    raw = setCell(raw, key, 0, 'nieuwe_gemeentenaam', 'Gooi');
    raw = setCell(raw, key, 0, 'type', 'samenvoeging nieuwe gemeente');
    expect(accepted(raw).herindelingenGepland[0]).toMatchObject({ oudeCode: 'GM1696', nieuweCode: 'GM1999', nieuweNaam: 'Gooi' });
  });

  it('rejects idem on the first row', () => {
    expect(problemsOf(setCell(rawData, key, 0, 'bron', 'idem'))).toEqual([
      'herindelingen-2027.csv, regel 2, kolom "bron": "idem" op de eerste regel: er is geen regel erboven om de waarde van over te nemen',
    ]);
  });

  it('rejects a date that is not 1 January, or not after the division', () => {
    expect(problemsOf(setCell(rawData, key, 0, 'beoogde_datum', '2027-07-01'))).toEqual([
      'herindelingen-2027.csv, regel 2, kolom "beoogde_datum": "2027-07-01" is geen 1 januari; een herindeling gaat in op 1 januari',
    ]);
    expect(problemsOf(setCell(rawData, key, 1, 'beoogde_datum', '2026-01-01'))).toEqual([
      'herindelingen-2027.csv, regel 3, kolom "beoogde_datum": 2026-01-01 ligt niet na de indeling 2023-2026; een geplande herindeling gaat in op 1 januari 2027 of later',
    ]);
    expect(problemsOf(setCell(rawData, key, 0, 'beoogde_datum', '2027-02-30'))).toEqual([
      expect.stringMatching(/^herindelingen-2027\.csv, regel 2, kolom "beoogde_datum": "2027-02-30" is geen geldige datum/),
    ]);
  });

  it('rejects an old code that is not a municipality of the division, and a name that is not its name', () => {
    let raw = setCell(rawData, key, 0, 'oude_gemeentecode', 'GM0457');
    raw = setCell(raw, key, 0, 'oude_gemeentenaam', 'Weesp');
    expect(problemsOf(raw)).toEqual(['herindelingen-2027.csv, regel 2, kolom "oude_gemeentecode": GM0457 is geen gemeente van de indeling 2023-2026']);
    expect(problemsOf(setCell(rawData, key, 0, 'oude_gemeentenaam', 'Laren'))).toEqual([
      'herindelingen-2027.csv, regel 2, kolom "oude_gemeentenaam": "Laren" is niet de naam van GM1696 ("Wijdemeren")',
    ]);
    expect(problemsOf(setCell(rawData, key, 1, 'nieuwe_gemeentenaam', 'Hilversum-Wijdemeren'))).toEqual([
      'herindelingen-2027.csv, regel 3, kolom "nieuwe_gemeentenaam": "Hilversum-Wijdemeren" is niet de naam van GM0402 ("Hilversum")',
    ]);
  });

  it('rejects a new code that is no municipality when the row does not say it is a new one', () => {
    let raw = setCell(rawData, key, 0, 'nieuwe_gemeentecode', 'GM1999');
    raw = setCell(raw, key, 0, 'nieuwe_gemeentenaam', 'Gooi');
    expect(problemsOf(raw)).toEqual([
      'herindelingen-2027.csv, regel 2, kolom "nieuwe_gemeentecode": GM1999 is geen gemeente van de indeling 2023-2026; bij een lichte samenvoeging houdt de ontvangende gemeente haar code, en een nieuwe gemeentecode moet in kolom "type" staan (bijvoorbeeld "samenvoeging nieuwe gemeente")',
    ]);
  });

  it('rejects the same merger twice', () => {
    const row = rawData.herindelingen2027.rows[0]!;
    expect(problemsOf(addRow(rawData, key, row))).toEqual([
      'herindelingen-2027.csv, regel 4, kolom "nieuwe_gemeentecode": "2027-01-01 GM1696 -> GM0402" komt dubbel voor (ook op regel 2)',
    ]);
  });
});

describe('inhabitants on 1 January 2026 (bevolking-2026.csv)', () => {
  const key = 'bevolking2026' as const;
  const inwoners2026 = indicator('inwoners-2026');

  it('is unknown (null) for exactly Hilversum and Wijdemeren and the whole number of the file for the others', () => {
    expect([...inwoners2026.waarden.keys()]).toEqual(data.gemeenten.map((g) => g.code));
    const unknown = [...inwoners2026.waarden].filter(([, v]) => v === null).map(([code]) => code);
    expect(unknown.sort()).toEqual(['GM0402', 'GM1696']);
    const f = rawData.bevolking2026;
    const [code, value] = [columnIndex(f, 'gemeentecode'), columnIndex(f, 'inwoners_2026_01_01')];
    for (const row of f.rows) {
      const v = inwoners2026.waarden.get(row[code] ?? '');
      if (row[value] === '') expect(v, row[code]).toBeNull();
      else {
        expect(v?.isInteger(), row[code]).toBe(true);
        expect(v?.isNegative(), row[code]).toBe(false);
        expect(v?.toFixed(), row[code]).toBe(row[value]);
      }
    }
  });

  it('is an official, provisional CBS figure with the source of the file and the municipalities without a value', () => {
    expect(inwoners2026).toMatchObject({ naam: 'Inwoners op 1 januari 2026 (voorlopig)', eenheid: 'inwoners', status: 'officieel' });
    const source = cellOf(rawData, key, 0, 'bron');
    expect(inwoners2026.bron).toContain(source);
    expect(inwoners2026.bron).not.toContain('ONTBREEKT');
    expect(inwoners2026.toelichting).toMatch(/^Voorlopig CBS-maandcijfer/);
    expect(inwoners2026.toelichting).toContain('Geen waarde (onbekend, niet 0) voor Hilversum (GM0402) en Wijdemeren (GM1696).');
    // The file's note on why they are missing.
    expect(inwoners2026.toelichting).toContain('gemeente deed niet mee aan GR2026');
  });

  it('keeps 0 as a known figure and an empty cell as unknown', () => {
    let raw = setCell(rawData, key, 0, 'inwoners_2026_01_01', '0');
    raw = setCell(raw, key, 1, 'inwoners_2026_01_01', '');
    const ind = accepted(raw).indicatoren.find((i) => i.id === 'inwoners-2026');
    expect(ind?.waarden.get(cellOf(rawData, key, 0, 'gemeentecode'))?.isZero()).toBe(true);
    expect(ind?.waarden.get(cellOf(rawData, key, 1, 'gemeentecode'))).toBeNull();
    expect(ind?.toelichting).toContain(`${cellOf(rawData, key, 1, 'gemeentenaam')} (${cellOf(rawData, key, 1, 'gemeentecode')})`);
  });

  it('rejects a figure that is not a non-negative whole number', () => {
    expect(problemsOf(setCell(rawData, key, 0, 'inwoners_2026_01_01', '-5'))).toEqual([
      'bevolking-2026.csv, regel 2, kolom "inwoners_2026_01_01": "-5" is geen geheel getal (alleen cijfers)',
    ]);
    expect(problemsOf(setCell(rawData, key, 2, 'inwoners_2026_01_01', '32110.5'))).toEqual([
      'bevolking-2026.csv, regel 4, kolom "inwoners_2026_01_01": "32110.5" is geen geheel getal (alleen cijfers)',
    ]);
    expect(problemsOf(setCell(rawData, key, 2, 'inwoners_2026_01_01', '32,1'))).toEqual([
      'bevolking-2026.csv, regel 4, kolom "inwoners_2026_01_01": "32,1" heeft een decimale komma; gebruik een punt (bijvoorbeeld 32.1)',
    ]);
  });

  it('rejects a missing or extra municipality, a wrong name or province, and a second source', () => {
    expect(problemsOf(removeRow(rawData, key, 0))).toEqual([
      'bevolking-2026.csv, kolom "gemeentecode": gemeente GM0014 ontbreekt (Groningen, zie gemeenten-2023-2026.csv regel 2)',
    ]);
    expect(problemsOf(setCell(rawData, key, 0, 'provincienaam', 'Drenthe'))).toEqual([
      'bevolking-2026.csv, regel 2, kolom "provincienaam": "Drenthe" is niet de provincie van GM0014 ("Groningen", zie gemeenten-2023-2026.csv)',
    ]);
    expect(problemsOf(setCell(rawData, key, 5, 'bron', 'CBS StatLine 03759ned'))).toEqual([
      'bevolking-2026.csv, regel 7, kolom "bron": noemt een andere bron dan regel 2; het hele bestand komt uit één bron (een opmerking mag na " -- " volgen)',
    ]);
  });

  it('accepts a CBS suffix without its full stops, but no other name', () => {
    // The file writes "Bergen (NH)" where the municipality list has "Bergen (NH.)".
    const bergen = rowIndexOf(rawData, key, 'gemeentecode', 'GM0373');
    expect(cellOf(rawData, key, bergen, 'gemeentenaam')).toBe('Bergen (NH)');
    expect(problemsOf(setCell(rawData, key, bergen, 'gemeentenaam', 'Bergen (L)'))).toEqual([
      `bevolking-2026.csv, regel ${bergen + 2}, kolom "gemeentenaam": "Bergen (L)" is niet de naam van GM0373 (bekend: "Bergen (NH.)")`,
    ]);
    expect(problemsOf(setCell(rawData, key, bergen, 'gemeentenaam', 'Bergen'))).toHaveLength(1);
  });
});

describe('GGD regions (ggd-regio-2023.csv)', () => {
  const key = 'ggdRegio2023' as const;

  it('has 25 regions that hold every municipality once, in the order of gemeenten', () => {
    expect(data.ggdRegios).toHaveLength(25);
    expect(new Set(data.ggdRegios.map((r) => r.code)).size).toBe(25);
    for (const r of data.ggdRegios) expect(r.code).toMatch(/^GG\d{4}$/);
    const all = data.ggdRegios.flatMap((r) => r.gemeenten);
    expect([...all].sort()).toEqual(data.gemeenten.map((g) => g.code).sort());
    const position = new Map(data.gemeenten.map((g, i) => [g.code, i]));
    for (const r of data.ggdRegios) {
      const positions = r.gemeenten.map((code) => position.get(code) ?? -1);
      expect(positions, r.code).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(data.ggdRegios.find((r) => r.code === 'GG3406')?.naam).toBe('GGD Amsterdam');
  });

  it('gives every municipality the GGD of the file, in ggdVan and in the regions alike', () => {
    expect([...data.ggdVan.keys()]).toEqual(data.gemeenten.map((g) => g.code));
    const f = rawData.ggdRegio2023;
    const [code, ggd] = [columnIndex(f, 'gemeentecode'), columnIndex(f, 'ggdcode')];
    for (const row of f.rows) expect(data.ggdVan.get(row[code] ?? ''), row[code]).toBe(row[ggd]);
    for (const r of data.ggdRegios) for (const g of r.gemeenten) expect(data.ggdVan.get(g)).toBe(r.code);
    expect(data.ggdVan.get('GM0014')).toBe('GG0111');
  });

  it('says how the membership was derived, with Mook en Middelaar as the one difference', () => {
    const m = data.ggdIndeling;
    expect(m.status).toBe('afgeleid');
    expect(m.afwijkingen).toEqual([{ code: 'GM0944', naam: 'Mook en Middelaar', kaart: 'GGD Limburg-Noord', brp: 'GGD Gelderland-Zuid' }]);
    for (const part of ['CBS', 'PDOK', 'RvIG', 'Tabel 35', 'ggd-regio-2023.csv']) expect(m.bron).toContain(part);
    expect(m.toelichting).toMatch(/^Afgeleid, geen gepubliceerde indelingstabel/);
    expect(m.toelichting).toContain('grootste deel van haar oppervlakte');
    // The smallest share in the file (0.886 according to the README of the data).
    expect(m.toelichting).toContain('Het kleinste aandeel in het bestand is 0,886');
    expect(m.toelichting).toContain('341 van de 342 gemeenten');
    expect(m.toelichting).toContain('Mook en Middelaar (GM0944): volgens de kaart GGD Limburg-Noord, volgens de BRP GGD Gelderland-Zuid');
  });

  it('rejects a malformed GGD code and a share outside 0 to 1', () => {
    expect(problemsOf(setCell(rawData, key, 0, 'ggdcode', 'GG011'))).toEqual([
      'ggd-regio-2023.csv, regel 2, kolom "ggdcode": "GG011" is geen geldige GGD-code (verwacht GG en vier cijfers, bijvoorbeeld GG0111)',
    ]);
    expect(problemsOf(setCell(rawData, key, 0, 'ggdcode', 'GM0111'))).toHaveLength(1);
    for (const share of ['1.2', '0', '0.000']) {
      expect(problemsOf(setCell(rawData, key, 1, 'aandeel_oppervlak', share))).toEqual([
        `ggd-regio-2023.csv, regel 3, kolom "aandeel_oppervlak": "${share}" is geen aandeel tussen 0 en 1 (groter dan 0, ten hoogste 1)`,
      ]);
    }
    expect(problemsOf(setCell(rawData, key, 1, 'aandeel_oppervlak', '0,9'))).toEqual([
      'ggd-regio-2023.csv, regel 3, kolom "aandeel_oppervlak": "0,9" heeft een decimale komma; gebruik een punt (bijvoorbeeld 0.9)',
    ]);
  });

  it('rejects a municipality twice or missing, and a name that is not its name', () => {
    let twice = setCell(rawData, key, 1, 'gemeentecode', 'GM0014');
    twice = setCell(twice, key, 1, 'gemeentenaam', 'Groningen');
    expect(problemsOf(twice)).toEqual(['ggd-regio-2023.csv, regel 3, kolom "gemeentecode": "GM0014" komt dubbel voor (ook op regel 2)']);
    expect(problemsOf(removeRow(rawData, key, 0))).toEqual([
      'ggd-regio-2023.csv, kolom "gemeentecode": gemeente GM0014 ontbreekt (Groningen, zie gemeenten-2023-2026.csv regel 2)',
    ]);
    expect(problemsOf(setCell(rawData, key, 0, 'gemeentenaam', 'Almere'))).toEqual([
      'ggd-regio-2023.csv, regel 2, kolom "gemeentenaam": "Almere" is niet de naam van GM0014 (bekend: "Groningen")',
    ]);
  });

  it('rejects a GGD code with two names, a name with two codes, and a wrong number of regions', () => {
    const stadskanaal = rowIndexOf(rawData, key, 'gemeentecode', 'GM0037');
    expect(problemsOf(setCell(rawData, key, stadskanaal, 'ggdnaam', 'GGD Stad'))).toEqual([
      `ggd-regio-2023.csv, regel ${stadskanaal + 2}, kolom "ggdnaam": "GGD Stad" is niet de naam van GG0111 (op regel 2: "GGD Groningen")`,
    ]);
    expect(problemsOf(setCell(rawData, key, stadskanaal, 'ggdcode', 'GG0112'))).toEqual([
      `ggd-regio-2023.csv, regel ${stadskanaal + 2}, kolom "ggdcode": GG0112 is niet de code van "GGD Groningen" (op regel 2: GG0111)`,
    ]);
    // Zaanstreek/Waterland merged into Hollands-Noorden: 24 regions.
    const f = rawData.ggdRegio2023;
    const [code, naam] = [columnIndex(f, 'ggdcode'), columnIndex(f, 'ggdnaam')];
    const merged = withFile(rawData, key, (file) => ({
      ...file,
      rows: file.rows.map((row) => (row[code] === 'GG7306' ? row.map((c, j) => (j === code ? 'GG2707' : j === naam ? 'GGD Hollands-Noorden' : c)) : row)),
    }));
    expect(problemsOf(merged)).toEqual(['ggd-regio-2023.csv, regels 2-343, kolom "ggdcode": noemt 24 GGD-regio’s, verwacht 25 (zie README van de brondata)']);
  });

  it('rejects an unknown agreement or BRP status, and "nee" where both sources name the same GGD', () => {
    expect(problemsOf(setCell(rawData, key, 0, 'overeenstemming', 'misschien'))).toEqual([
      'ggd-regio-2023.csv, regel 2, kolom "overeenstemming": "misschien" is geen geldige overeenstemming (toegestaan: ja, nee)',
    ]);
    expect(problemsOf(setCell(rawData, key, 0, 'brp_status', 'geschat'))).toEqual([
      'ggd-regio-2023.csv, regel 2, kolom "brp_status": "geschat" is geen geldige brp_status (toegestaan: bron, afgeleid)',
    ]);
    expect(problemsOf(setCell(rawData, key, 0, 'overeenstemming', 'nee'))).toEqual([
      'ggd-regio-2023.csv, regel 2, kolom "overeenstemming": is "nee", maar brp_ggd noemt dezelfde GGD als ggdnaam ("GGD Groningen")',
    ]);
  });
});

describe('documents (bronnen.csv) and the documents a source cites', () => {
  const key = 'bronnen' as const;
  const doc = (bronTekst: string) => data.bronnen.find((d) => d.bronTekst === bronTekst);

  it('keeps dates as precise as known, and an empty date, kenmerk or url as null', () => {
    expect(doc('AZWA definitief (31-08-2025)')).toMatchObject({ datum: '2025-08-31', kenmerk: null, uitgever: 'VWS' });
    expect(doc('VWS-brief Wijziging SPUK IZA en Brede SPUK, 12-09-2025')?.kenmerk).toBe('4190863-1084972-DMO');
    expect(doc('CBS StatLine 37230ned')?.datum).toBe('2026-01');
    expect(doc('Kamerbrief structurele aanpak Kansrijke Start')).toMatchObject({ datum: '2025', kenmerk: null, url: null });
    expect(doc('CBS kerncijfers wijken en buurten')?.datum).toBeNull();
    for (const d of data.bronnen) if (d.url !== null) expect(d.url).toMatch(/^https:\/\/\S+$/);
  });

  it('resolves every source of the national amounts and the generic cuts to documents, part by part', () => {
    const bronnen = [...data.landelijkeBudgetten.map((r) => r.bron), ...data.kortingen.map((k) => k.bron)];
    for (const bron of new Set(bronnen)) {
      const parts = bron.split('; ');
      const docs = documentsOf(data, bron);
      // In this data every part cites another document.
      expect(docs, bron).toHaveLength(parts.length);
      docs.forEach((d, i) => expect(parts[i]?.startsWith(d.bronTekst), `${bron} / ${d.bronTekst}`).toBe(true));
      for (const d of docs) expect(data.bronnen).toContain(d);
    }
    const nnz = data.landelijkeBudgetten.find((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === 2026);
    expect(documentsOf(data, nnz?.bron ?? '').map((d) => d.bronTekst)).toEqual(['AZWA definitief (31-08-2025)', 'VWS-brief Wijziging SPUK IZA en Brede SPUK, 12-09-2025']);
  });

  it('takes the longest matching bron_tekst per part, each document once, in the order cited', () => {
    const document = (bronTekst: string): SourceDocument => ({ bronTekst, titel: bronTekst, uitgever: 'VWS', datum: null, kenmerk: null, url: null });
    const [brief, briefSeptember, gala] = [document('VWS-brief'), document('VWS-brief 12-09-2025'), document('GALA')];
    const withDocuments = { ...data, bronnen: [brief, briefSeptember, gala] };
    expect(documentsOf(withDocuments, 'GALA p.38; VWS-brief 12-09-2025, bijlage 1; VWS-brief 01-01-2020; GALA p.40')).toEqual([gala, briefSeptember, brief]);
    expect(documentsOf(withDocuments, 'Onbekend document; GALA')).toEqual([gala]);
    expect(documentsOf(withDocuments, '')).toEqual([]);
  });

  it('rejects a source that cites no document of bronnen.csv, naming the part', () => {
    expect(problemsOf(setCell(rawData, 'landelijkeBudgetten', 0, 'bron', 'GALA (VWS, 2023) p.38'))).toEqual([
      'landelijke-budgetten.csv, regel 2, kolom "bron": "GALA (VWS, 2023) p.38" begint niet met de bron_tekst van een document in bronnen.csv; voeg het document toe of schrijf de bron zoals daar (meerdere documenten gescheiden door "; ")',
    ]);
    const second = problemsOf(setCell(rawData, 'generiekeKortingen', 2, 'bron', 'VNG-ledenbrief 11-07-2025, voetnoot; Kamerbrief over iets anders'));
    expect(second).toEqual([expect.stringMatching(/^generieke-kortingen\.csv, regel 4, kolom "bron": "Kamerbrief over iets anders" begint niet met de bron_tekst/)]);
  });

  it('rejects every source that cites a document no longer in bronnen.csv', () => {
    const gala = rowIndexOf(rawData, key, 'bron_tekst', 'GALA (VWS, 31-01-2023)');
    const problems = problemsOf(removeRow(rawData, key, gala));
    const citing = rawData.landelijkeBudgetten.rows.filter((row) => row[columnIndex(rawData.landelijkeBudgetten, 'bron')]?.includes('GALA (VWS, 31-01-2023)'));
    expect(citing.length).toBeGreaterThan(0);
    expect(problems).toHaveLength(citing.length);
    for (const p of problems) expect(p).toMatch(/^landelijke-budgetten\.csv, regel \d+, kolom "bron": "GALA \(VWS, 31-01-2023\)/);
  });

  it('rejects a malformed date, an address that is not https, a kenmerk with spaces and a document twice', () => {
    for (const datum of ['2025-13', '31-08-2025', '2025-02-30']) {
      expect(problemsOf(setCell(rawData, key, 1, 'datum', datum))).toEqual([
        `bronnen.csv, regel 3, kolom "datum": "${datum}" is geen geldige datum (verwacht JJJJ-MM-DD, JJJJ-MM of JJJJ, bijvoorbeeld 2025-08-31, 2026-01 of 2025; of leeg als de datum onbekend is)`,
      ]);
    }
    expect(problemsOf(setCell(rawData, key, 0, 'url', 'http://www.rijksoverheid.nl/gala'))).toEqual([
      'bronnen.csv, regel 2, kolom "url": "http://www.rijksoverheid.nl/gala" is geen https-adres; alleen beveiligde adressen (https://) zijn toegestaan',
    ]);
    for (const url of ['www.vng.nl/brief.pdf', 'https://vng.nl/een brief.pdf', 'https://localhost/x']) {
      expect(problemsOf(setCell(rawData, key, 0, 'url', url))).toEqual([
        `bronnen.csv, regel 2, kolom "url": "${url}" is geen geldig https-adres (verwacht https://..., zonder spaties; of leeg als er geen adres is)`,
      ]);
    }
    expect(problemsOf(setCell(rawData, key, 2, 'kenmerk', '4190863 '))).toEqual(['bronnen.csv, regel 4, kolom "kenmerk": "4190863 " begint of eindigt met een spatie']);
    // Found in the first stage, so the sources that cited the replaced document are not reported as well.
    expect(problemsOf(setCell(rawData, key, 2, 'bron_tekst', 'GALA (VWS, 31-01-2023)'))).toEqual([
      'bronnen.csv, regel 4, kolom "bron_tekst": "GALA (VWS, 31-01-2023)" komt dubbel voor (ook op regel 2)',
    ]);
  });
});

describe('never throws on bad content', () => {
  it('returns problems (or data) for any cell of any file replaced by any text', () => {
    const keys = Object.keys(rawData) as FileKey[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.nat(), fc.nat(), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('idem', '', '.', '-1', '2027-13-01', '1e3', 'GG0000')), (key, r, c, value) => {
        const f = rawData[key];
        const column = f.columns[c % f.columns.length] ?? '';
        const result = parseBaselineData(setCell(rawData, key, r % f.rows.length, column, value));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 80 },
    );
  });
});

describe('the shared baseline is read-only', () => {
  it('refuses every change a caller might try, so no caller can change what the others compute with', () => {
    const d = baselineData();
    expect(Object.isFrozen(d)).toBe(true);
    expect(() => (d.gemeenten as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (d.gemeenten[0] as { naam: string }).naam = 'X';
    }).toThrow(TypeError);
    expect(() => (d.bredeSpuk2025.bedragen as Map<string, bigint>).set('GM0363', 0n)).toThrow(/alleen-lezen/);
    expect(() => (d.indicatoren[0]!.waarden as Map<string, unknown>).clear()).toThrow(/alleen-lezen/);
    expect(() => {
      (d.landelijkeBudgetten[0] as { status: string }).status = 'raming';
    }).toThrow(TypeError);
    expect(() => {
      (d.herindelingenGepland[0] as { status: string }).status = 'aangenomen';
    }).toThrow(TypeError);
    expect(() => (d.ggdRegios[0]!.gemeenten as string[]).push('GM9999')).toThrow(TypeError);
    expect(() => (d.ggdVan as Map<string, string>).set('GM0014', 'GG0000')).toThrow(/alleen-lezen/);
    expect(() => (d.ggdIndeling.afwijkingen as unknown[]).pop()).toThrow(TypeError);
    expect(() => {
      (d.bronnen[0] as { url: string | null }).url = null;
    }).toThrow(TypeError);
    expect(() => {
      (d.versie as { versie: string }).versie = 'x';
    }).toThrow(TypeError);
    expect(d.gemeenten[0]!.naam).not.toBe('X');
    // Reading still works.
    expect(d.bredeSpuk2025.bedragen.get('GM0363')).toBeGreaterThan(0n);
    expect([...d.indicatoren[0]!.waarden.keys()].length).toBe(d.gemeenten.length);
  });
});
