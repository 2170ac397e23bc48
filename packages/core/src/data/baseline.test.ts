import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Decimal } from '../money/decimal.js';
import { baselineData, parseBaselineData } from './baseline.js';
import { rawData, type RawData, type RawFile } from './raw/index.js';
import { izaRegioId, rowLines } from './schema.js';
import type { IndicatorId } from './types.js';

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

function sumOf(values: Iterable<Decimal>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
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
    expect(data.indicatoren).toHaveLength(11);
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
    const targets: readonly FileKey[] = ['gemeenten20232026', 'bevolking20232024', 'kerncijfers2022', 'inkomen2020', 'bredeSpukTotaal2025'];
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
    expect(d.gemeenten[0]!.naam).not.toBe('X');
    // Reading still works.
    expect(d.bredeSpuk2025.bedragen.get('GM0363')).toBeGreaterThan(0n);
    expect([...d.indicatoren[0]!.waarden.keys()].length).toBe(d.gemeenten.length);
  });
});
