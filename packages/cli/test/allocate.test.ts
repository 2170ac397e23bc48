import { beforeAll, describe, expect, it } from 'vitest';
import {
  Decimal,
  STATUS_CODES,
  STREAMS,
  YEARS,
  allocationTable,
  baselineData,
  exportMetadata,
  formatProblem,
  allocateScenario,
  nationalRow,
  tableToCsv,
  tableToObjects,
  unknownShareNotes,
  type BaselineData,
} from '@kansrijke-start/core';
import { STACK, VANDAAG, baselineAllocation, calculate, cents, csvObjects, files, ksBudget, toPlain } from './run.js';

const table = csvObjects;

/**
 * The expected national total of a stream in a year, computed from the core's data (not from
 * the allocation): the amount minus the baseline's generic cut, rounded half up to whole euros.
 * Null = unknown; undefined = the stream does not run that year.
 */
function expectedTotal(data: BaselineData, stroom: (typeof STREAMS)[number], jaar: number): bigint | null | undefined {
  const row = nationalRow(data, stroom.id, jaar);
  if (!row) return undefined;
  if (row.bedrag === null) return null;
  let amount = new Decimal(row.bedrag);
  const cut = stroom.regeling ? data.kortingen.find((k) => k.regeling === stroom.regeling && k.jaren.includes(jaar)) : undefined;
  if (cut) amount = amount.times(new Decimal(100).minus(cut.percentage)).div(100);
  return BigInt(amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)) * 100n;
}

describe('ks-budget allocate (baseline)', () => {
  let data: BaselineData;
  let out: ReturnType<typeof table>;
  let stdout: string;
  beforeAll(() => {
    data = baselineData();
    const r = ksBudget(['allocate']);
    expect(r.status).toBe(0);
    stdout = r.stdout;
    out = table(r.stdout);
  });

  it('writes exactly the core table (same columns, rows and cells as the app)', () => {
    expect(stdout).toBe(tableToCsv(allocationTable(baselineAllocation(data))));
  });

  it('writes a status from the one vocabulary, and a known kind of recipient', () => {
    expect(out.header).toEqual(allocationTable(baselineAllocation(data)).kolommen.map((c) => c.id));
    const regions = new Set(data.izaRegios.map((r) => r.id));
    const codes = new Set(data.gemeenten.map((g) => g.code));
    for (const row of out.rows) {
      const { ontvanger, bedrag, status, soort } = row as Record<string, string>;
      expect(STATUS_CODES).toContain(status);
      expect(codes.has(ontvanger!) || regions.has(ontvanger!) || ontvanger === 'landelijk').toBe(true);
      expect(soort).toBe(codes.has(ontvanger!) ? 'gemeente' : regions.has(ontvanger!) ? 'regio' : 'landelijk');
      if (bedrag === '') expect(status).toBe('onbekend');
      else expect(bedrag).toMatch(/^\d+(\.\d{2})?$/);
    }
  });

  it('per stream and year, the amounts add up to the national amount (after the generic cut); unknown stays unknown', () => {
    const sums = new Map<string, { sum: bigint; unknown: boolean; lines: number }>();
    for (const row of out.rows) {
      const key = `${row['stroom']}|${row['jaar']}`;
      const s = sums.get(key) ?? { sum: 0n, unknown: false, lines: 0 };
      if (row['bedrag'] === '') s.unknown = true;
      else s.sum += cents(row['bedrag']!);
      s.lines++;
      sums.set(key, s);
    }
    let checked = 0;
    for (const stroom of STREAMS) {
      for (const jaar of YEARS) {
        const expected = expectedTotal(data, stroom, jaar);
        const got = sums.get(`${stroom.id}|${jaar}`);
        if (expected === undefined) {
          expect(got, `${stroom.id} ${jaar} runs`).toBeUndefined();
          continue;
        }
        expect(got, `${stroom.id} ${jaar}`).toBeDefined();
        if (expected === null) {
          expect(got).toEqual({ sum: 0n, unknown: true, lines: 1 });
        } else {
          expect({ stroom: stroom.id, jaar, sum: got!.sum, unknown: got!.unknown }).toEqual({ stroom: stroom.id, jaar, sum: expected, unknown: false });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('keeps unallocated national amounts as one landelijk line, and distributed ones over every municipality', () => {
    const impuls2019 = out.rows.filter((r) => r['jaar'] === '2019' && r['stroom'] === 'ks-impuls');
    expect(impuls2019).toEqual([expect.objectContaining({ ontvanger: 'landelijk', naam: 'Landelijk (niet verdeeld)', soort: 'landelijk', bedrag: '3000000', status: 'officieel' })]);
    const spuk2025 = out.rows.filter((r) => r['jaar'] === '2025' && r['stroom'] === 'ks-brede-spuk');
    expect(spuk2025.length).toBe(data.gemeenten.length);
    const vws = out.rows.filter((r) => r['stroom'] === 'landelijk-vws');
    expect(vws.length).toBeGreaterThan(0);
    for (const r of vws) expect(r).toMatchObject({ ontvanger: 'landelijk', naam: 'Landelijk (niet verdeeld)', bedrag: '', status: 'onbekend' });
  });

  it('filters on years and stream', () => {
    const r = ksBudget(['allocate', '--years', '2026', '--stream', 'ks-brede-spuk']);
    const t = table(r.stdout);
    expect(t.rows.length).toBe(data.gemeenten.length);
    expect(new Set(t.rows.map((x) => `${x['jaar']} ${x['stroom']}`))).toEqual(new Set(['2026 ks-brede-spuk']));
    expect(r.stdout).toBe(tableToCsv(allocationTable(baselineAllocation(data), { van: 2026, tot: 2026, stroom: 'ks-brede-spuk' })));
  });

  it('for one municipality, says that its 2019-2022 impuls is unknown (it has no line there), in the core\'s words', () => {
    const r = ksBudget(['allocate', '--gemeente', 'Groningen', '--years', '2021-2023']);
    expect(r.status, r.stderr).toBe(0);
    expect(new Set(table(r.stdout).rows.map((x) => x['jaar']))).toEqual(new Set(['2023']));
    const notes = unknownShareNotes(baselineAllocation(data), { van: 2021, tot: 2023 });
    expect(notes).toEqual([expect.stringMatching(/^Impuls Kansrijke Start \(2021-2022\): .*onbekend/)]);
    expect(r.stderr).toContain(`let op: ${notes[0]}\n`);
    // Years without such a stream: no note.
    expect(ksBudget(['allocate', '--gemeente', 'Groningen', '--years', '2023']).stderr).not.toContain('Impuls');
  });

  it('writes JSON with amounts as decimal strings or null, never numbers', () => {
    const r = ksBudget(['allocate', '--years', '2023-2024', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { metadata: unknown; scenario: string; afronding: string; waarschuwingen: unknown[]; meldingen: unknown[]; regels: { jaar: number; bedrag: unknown; status: string }[] };
    expect(doc.scenario).toBe('Basis');
    expect(doc.metadata).toEqual(toPlain(exportMetadata([baselineAllocation(data)], ['Basis'], { vandaag: VANDAAG, tabel: { id: 'verdeling', naam: 'Verdeling', filter: { van: 2023, tot: 2024 } } })));
    expect(doc.afronding).toBe('euro');
    expect(doc.waarschuwingen).toEqual([]);
    expect(doc.meldingen.length).toBeGreaterThan(0);
    expect(doc.regels).toEqual(tableToObjects(allocationTable(baselineAllocation(data), { van: 2023, tot: 2024 })));
    expect(doc.regels.length).toBeGreaterThan(data.gemeenten.length);
    for (const l of doc.regels) {
      expect(typeof l.jaar).toBe('number');
      if (l.bedrag === null) expect(l.status).toBe('onbekend');
      else expect(l.bedrag).toMatch(/^\d+$/);
    }
  });

  it('writes the Excel-NL variant: BOM, semicolons, CRLF, decimal comma', () => {
    const s = files({
      'cent.json': JSON.stringify({ versie: 1, naam: 'centen', afronding: 'cent', wijzigingen: [] }),
    });
    const r = ksBudget(['allocate', '--excel', '--years', '2026', '--stream', 'nu-niet-zwanger', '--scenario', s['cent.json']!]);
    expect(r.status).toBe(0);
    // The header is the core's columns (machine names), separated by semicolons.
    const header = allocationTable(baselineAllocation(data)).kolommen.map((c) => c.id).join(';');
    expect(r.stdout.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    const lines = r.stdout.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).every((l) => !l.includes('\n'))).toBe(true);
    const amsterdam = lines.find((l) => l.includes(';GM0363;'))!;
    expect(amsterdam).toMatch(/^2026;nu-niet-zwanger;GM0363;Amsterdam;gemeente;(?:[^;]*;)*\d+,\d{2};/);
    const t = table(r.stdout);
    const total = t.rows.reduce((sum, x) => sum + cents(x['bedrag']!.replace(',', '.')), 0n);
    expect(total).toBe(300000000n);
  });

  it('never writes a name a spreadsheet would run as a formula', () => {
    const evil = '=HYPERLINK("http://example.com";"klik")';
    const s = files({
      'evil.json': JSON.stringify({
        versie: 1,
        naam: 'injectie',
        wijzigingen: [
          {
            soort: 'reservering',
            stroom: 'ks-brede-spuk',
            jaar: 2025,
            geldigheid: 'alleen-dit-jaar',
            ontvangers: [
              { code: '@SUM(1+1)', naam: evil, bedrag: '1000' },
              { code: '-2+3', naam: '+cmd|calc', bedrag: '2000' },
            ],
          },
        ],
      }),
    });
    for (const excel of [false, true]) {
      const r = ksBudget(['allocate', '--years', '2025', '--stream', 'ks-brede-spuk', '--scenario', s['evil.json']!, ...(excel ? ['--excel'] : [])]);
      expect(r.status, r.stderr).toBe(0);
      const t = table(r.stdout);
      const cells = t.rows.flatMap((x) => Object.values(x));
      for (const c of cells) {
        if (/^[=+\-@\t\r]/.test(c)) expect(c).toMatch(/^-\d+([.,]\d+)?$/);
      }
      expect(cells).toContain(`'${evil}`);
      expect(cells).toContain("'@SUM(1+1)");
      expect(cells).toContain("'-2+3");
      expect(cells).toContain("'+cmd|calc");
    }
  });

  it('reports a bad option value as an input error', () => {
    for (const [args, message] of [
      [['--years', '2035'], '--years: 2035 valt buiten de jaren 2019-2030'],
      [['--years', '2030-2019'], '--years: de reeks 2030-2019 loopt achteruit'],
      [['--years', 'volgend jaar'], '--years: "volgend jaar" is geen jaar'],
      [['--stream', 'ks-onbekend'], '--stream: onbekende stroom "ks-onbekend"; kies uit ks-impuls'],
      [['--format', 'xml'], '--format: "xml" is geen uitvoervorm'],
      [['--format', 'json', '--excel'], '--excel hoort bij CSV-uitvoer'],
      [['--scenario', '/bestaat/niet.json'], '/bestaat/niet.json: bestand niet gevonden'],
    ] as const) {
      const r = ksBudget(['allocate', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
  });

  it('writes the warnings of a scenario on stderr and in the JSON document, as the core words and places them', () => {
    const text = `{
  "versie": 1,
  "naam": "te veel",
  "wijzigingen": [
    { "soort": "bedrag", "stroom": "ks-gala-structureel", "jaar": 2027, "geldigheid": "vanaf-dit-jaar", "bedrag": "30000000" }
  ]
}
`;
    const f = files({ 'kader.json': text });
    const core = allocateScenario(data, text);
    if (!core.ok) throw new Error('the scenario must be valid');
    const expected = core.waarschuwingen.map((w) => formatProblem(w, f['kader.json']));
    expect(expected.length).toBeGreaterThan(0);
    const csv = ksBudget(['allocate', '--scenario', f['kader.json']!, '--years', '2027']);
    expect(csv.status).toBe(0);
    expect(csv.stderr).toBe(expected.map((w) => `waarschuwing: ${w}\n`).join(''));
    expect(csv.stdout).toBe(tableToCsv(allocationTable(calculate(data, text), { van: 2027, tot: 2027 })));
    const json = ksBudget(['allocate', '--scenario', f['kader.json']!, '--years', '2027', '--format', 'json']);
    const doc = JSON.parse(json.stdout) as { scenario: string; waarschuwingen: string[] };
    expect(doc.scenario).toBe('te veel');
    expect(doc.waarschuwingen).toEqual(expected);
  });
});
