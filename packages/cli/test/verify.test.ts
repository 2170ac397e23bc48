import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { baselineData, emptyScenario, receiptOf, type Allocation, type BaselineData } from '@kansrijke-start/core';
import { resultsWorkbook } from '@kansrijke-start/core/xlsx';
import { STACK, VANDAAG, baselineAllocation, calculate, files, ksBudget } from './run.js';
import { SPLIT } from './fixtures.js';

interface JsonExport {
  metadata: { gegevens: { versie: string; sha256: string }; scenarios: { bewijs: { scenarioSha256: string; resultaatSha256: string }; scenario: { wijzigingen: { lokaalPercentage?: string }[] } }[] };
  regels: Record<string, string | number | null>[];
}

/** A workbook with one cell's value replaced (its XML text), zipped again. */
function withCell(bytes: Uint8Array, sheet: string, ref: string, value: string): Uint8Array {
  const entries = unzipSync(bytes);
  const xml = strFromU8(entries[sheet]!);
  const re = new RegExp(`(<c r="${ref}"[^>]*><v>)([^<]*)(</v>)`);
  if (!re.test(xml)) throw new Error(`no numeric cell ${ref} in ${sheet}`);
  entries[sheet] = strToU8(xml.replace(re, `$1${value}$3`));
  return zipSync(entries);
}

describe('ks-budget verify', () => {
  let data: BaselineData;
  let basis: Allocation;
  let split: Allocation;
  let dir: string;
  let f: Record<string, string>;
  let json: string;
  const at = (name: string) => path.join(dir, name);

  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    split = calculate(data, SPLIT);
    f = files({ 'split.json': SPLIT });
    dir = path.dirname(f['split.json']!);
    const r = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027-2028', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    json = r.stdout;
    writeFileSync(at('vergelijking.json'), json);
  });

  it('accepts an untouched JSON export: exit 0, and says what it checked', () => {
    const r = ksBudget(['verify', at('vergelijking.json')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(json) as JsonExport;
    expect(r.stdout.split('\n')[0]).toBe(`${at('vergelijking.json')} klopt: de herberekening geeft dezelfde uitkomst (${doc.regels.length} rijen vergeleken).`);
    expect(r.stdout).toContain(`gegevens versie ${data.versie.versie}`.replace('gegevens', 'Gegevens'));
    // The receipts in the export are the core's.
    expect(doc.metadata.scenarios.map((s) => s.bewijs.resultaatSha256)).toEqual([receiptOf(basis).resultaatSha256, receiptOf(split).resultaatSha256]);
    expect(r.stdout).toContain(receiptOf(split).scenarioSha256.slice(0, 12));
  });

  it('rejects a JSON export with a changed amount: exit 1, naming table, row, column, expected and found', () => {
    const doc = JSON.parse(json) as JsonExport;
    const i = doc.regels.findIndex((x) => x['ontvanger'] === 'GM0363' && x['stroom'] === 'nu-niet-zwanger' && x['jaar'] === 2028);
    expect(i).toBeGreaterThanOrEqual(0);
    const before = String(doc.regels[i]!['scenario']);
    doc.regels[i]!['scenario'] = String(BigInt(before) + 1n);
    writeFileSync(at('bedrag.json'), JSON.stringify(doc, null, 2));
    const r = ksBudget(['verify', at('bedrag.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${at('bedrag.json')} klopt niet: één verschil met de herberekening.`);
    expect(r.stdout).toContain(`Vergelijking, regels[${i}]: 2028 · nu-niet-zwanger · GM0363 (Amsterdam), kolom scenario: verwacht "${before}", gevonden "${BigInt(before) + 1n}"`);
  });

  it('rejects a tampered scenario hash, and a scenario changed after the export', () => {
    const doc = JSON.parse(json) as JsonExport;
    doc.metadata.scenarios[1]!.bewijs.scenarioSha256 = '0'.repeat(64);
    writeFileSync(at('hash.json'), JSON.stringify(doc, null, 2));
    const r = ksBudget(['verify', at('hash.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`bewijs van Scenario 1 ("${split.scenario.naam}"): SHA-256 van het scenario in het bestand is ${'0'.repeat(64)}, de herberekening geeft ${receiptOf(split).scenarioSha256}`);

    const changed = JSON.parse(json) as JsonExport;
    changed.metadata.scenarios[1]!.scenario.wijzigingen[0]!.lokaalPercentage = '70';
    writeFileSync(at('scenario.json'), JSON.stringify(changed, null, 2));
    const s = ksBudget(['verify', at('scenario.json')]);
    expect(s.status).toBe(1);
    expect(s.stdout).toContain('SHA-256 van het scenario in het bestand is');
    expect(s.stdout).toContain('SHA-256 van de uitkomst in het bestand is');
    expect(s.stdout).toMatch(/Vergelijking, regels\[\d+\]: 2027 · nu-niet-zwanger · GM\d{4} \([^)]+\), kolom scenario: verwacht/);
  });

  it('says so when the export was made with other data, instead of listing every row', () => {
    const doc = JSON.parse(json) as JsonExport;
    doc.metadata.gegevens = { ...doc.metadata.gegevens, versie: '2025-01-01+aaaaaaaaaaaa', sha256: 'a'.repeat(64) };
    writeFileSync(at('gegevens.json'), JSON.stringify(doc, null, 2));
    const r = ksBudget(['verify', at('gegevens.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('is gemaakt met andere gegevens (versie 2025-01-01+aaaaaaaaaaaa');
    expect(r.stdout).toContain(`deze rekenhulp rekent met versie ${data.versie.versie}`);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('accepts a CSV with its CSVW metadata beside it (plain and Excel-NL), and rejects a changed amount or a removed row', () => {
    for (const excel of [false, true]) {
      const name = excel ? 'excel.csv' : 'plain.csv';
      const r = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027', '--metadata', at(`${name}-metadata.json`), ...(excel ? ['--excel'] : [])]);
      expect(r.status, r.stderr).toBe(0);
      writeFileSync(at(name), r.stdout);
      const ok = ksBudget(['verify', at(name)]);
      expect(ok.status, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/klopt: de herberekening geeft dezelfde uitkomst/);
    }
    const lines = readFileSync(at('plain.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const row = lines.findIndex((l) => l.startsWith('2027,nu-niet-zwanger,GM0014,'));
    const cells = lines[row]!.split(',');
    const col = header.indexOf('scenario');
    const before = cells[col]!;
    cells[col] = String(BigInt(before) + 100n);
    writeFileSync(at('changed.csv'), [...lines.slice(0, row), cells.join(','), ...lines.slice(row + 1)].join('\n'));
    copyFileSync(at('plain.csv-metadata.json'), at('changed.csv-metadata.json'));
    const r = ksBudget(['verify', at('changed.csv')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Vergelijking, regel ${row + 1}: 2027 · nu-niet-zwanger · GM0014 (Groningen), kolom scenario: verwacht "${before}", gevonden "${BigInt(before) + 100n}"`);

    // The selection is recorded, so a row that is gone is a difference too.
    writeFileSync(at('korter.csv'), [...lines.slice(0, row), ...lines.slice(row + 1)].join('\n'));
    copyFileSync(at('plain.csv-metadata.json'), at('korter.csv-metadata.json'));
    const gone = ksBudget(['verify', at('korter.csv')]);
    expect(gone.status).toBe(1);
    expect(gone.stdout).toContain('(ontbreekt): 2027 · nu-niet-zwanger · GM0014 (Groningen), kolom (hele rij)');
  });

  it('a CSV without metadata: says what is missing; with --scenario it is recomputed from that scenario', () => {
    const r = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027']);
    writeFileSync(at('kaal.csv'), r.stdout);
    const missing = ksBudget(['verify', at('kaal.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^.*kaal\.csv: het metadatabestand .*kaal\.csv-metadata\.json ontbreekt, en er is geen scenario gegeven\. .*--scenario BESTAND/);
    expect(missing.stdout).toBe('');
    const given = ksBudget(['verify', at('kaal.csv'), '--scenario', f['split.json']!]);
    expect(given.status, given.stdout + given.stderr).toBe(0);
    expect(given.stdout).toContain('herberekend uit');
    // Another scenario does not give these figures.
    const other = files({ 'ander.json': JSON.stringify({ ...JSON.parse(SPLIT), wijzigingen: [{ ...JSON.parse(SPLIT).wijzigingen[0], lokaalPercentage: '80' }] }) });
    const wrong = ksBudget(['verify', at('kaal.csv'), '--scenario', other['ander.json']!]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/kolom scenario: verwacht/);
  });

  it('accepts an untouched xlsx workbook of the core and rejects one with a changed amount, naming the sheet and row', () => {
    const bytes = resultsWorkbook(data, split.scenario, basis, split, ['Basis', split.scenario.naam], { vandaag: VANDAAG });
    writeFileSync(at('uitkomsten.xlsx'), bytes);
    const ok = ksBudget(['verify', at('uitkomsten.xlsx')]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/uitkomsten\.xlsx klopt: de herberekening geeft dezelfde uitkomst \(\d+ rijen vergeleken\)/);

    // Sheet 2 is the comparison; its column J is the scenario's amount. Row 6 is a municipality.
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet2.xml']!);
    const value = /<c r="J6"[^>]*><v>([^<]*)<\/v>/.exec(sheet)![1]!;
    const code = /<c r="C6" t="inlineStr"><is><t xml:space="preserve">([^<]*)</.exec(sheet)![1]!;
    writeFileSync(at('gewijzigd.xlsx'), withCell(bytes, 'xl/worksheets/sheet2.xml', 'J6', String(BigInt(value) + 1n)));
    const r = ksBudget(['verify', at('gewijzigd.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`Vergelijking, rij 6: \\d{4} · [a-z-]+ · ${code} \\([^)]+\\), kolom ${split.scenario.naam.replace(/[%()]/g, '\\$&')} \\(euro\\): verwacht "${value}", gevonden "${BigInt(value) + 1n}"`));
  });

  it('gives a Dutch input error (exit 2, no stack trace) for a file that is not an export', () => {
    const other = files({ 'leeg.json': '{}', 'kapot.json': '{"metadata":', 'tekst.xlsx': 'geen zip', 'data.csv': 'a,b\n1,2\n' });
    const cases: [string[], RegExp][] = [
      [['verify', f['split.json']!], /split\.json: dit is geen export van de rekenhulp \(ks-budget of de app\): het veld "metadata" met de scenario's ontbreekt/],
      [['verify', other['leeg.json']!], /leeg\.json: dit is geen export van de rekenhulp/],
      [['verify', other['kapot.json']!], /kapot\.json: dit is geen geldige JSON/],
      [['verify', other['tekst.xlsx']!], /tekst\.xlsx: dit is geen xlsx-werkmap/],
      [['verify', other['data.csv']!], /data\.csv: het metadatabestand .* ontbreekt/],
      [['verify', at('bestaat-niet.csv')], /bestaat-niet\.csv: bestand niet gevonden/],
      [['verify'], /^verify: geef het bestand dat gecontroleerd moet worden/],
      [['verify', at('vergelijking.json'), '--scenario', f['split.json']!, '--scenario', f['split.json']!, '--scenario', f['split.json']!], /--scenario: dit bestand heeft 2 scenario's; geef er 2 of 1/],
    ];
    for (const [args, message] of cases) {
      const r = ksBudget(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
  });

  it('checks that a given scenario is the one of the export', () => {
    const base = files({ 'basis.json': JSON.stringify(emptyScenario('Basis')) });
    const same = ksBudget(['verify', at('vergelijking.json'), '--scenario', f['split.json']!]);
    expect(same.status, same.stdout).toBe(0);
    const different = ksBudget(['verify', at('vergelijking.json'), '--scenario', base['basis.json']!]);
    expect(different.status).toBe(1);
    expect(different.stdout).toContain(`Scenario 1 ("${split.scenario.naam}"): het scenario in het bestand (SHA-256 ${receiptOf(split).scenarioSha256.slice(0, 12)}…) is niet het gegeven scenario ${base['basis.json']} (SHA-256 ${receiptOf(basis).scenarioSha256.slice(0, 12)}…)`);
  });

  it('the terminal output of allocate and compare ends with the receipt', () => {
    const tty = { KS_BUDGET_TTY: '1', KS_BUDGET_COLUMNS: '200' };
    const a = ksBudget(['allocate', '--years', '2027', '--gemeente', 'Utrecht'], { env: tty });
    const r = receiptOf(basis);
    expect(a.stdout.trimEnd().split('\n').at(-1)).toBe(
      `Bewijs: scenario ${r.scenarioSha256.slice(0, 12)}…, uitkomst ${r.resultaatSha256.slice(0, 12)}…; rekenmotor ${r.motor.versie}, gegevens ${r.gegevens.versie}. Een export controleert u met "ks-budget verify BESTAND".`,
    );
    const c = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027', '--stream', 'nu-niet-zwanger'], { env: tty });
    const footer = c.stdout.slice(c.stdout.lastIndexOf('\nBewijs: ') + 1).replace(/\s+/g, ' ').trim();
    expect(footer).toBe(
      `Bewijs: Basis: scenario ${r.scenarioSha256.slice(0, 12)}…, uitkomst ${r.resultaatSha256.slice(0, 12)}…; ${split.scenario.naam}: scenario ${receiptOf(split).scenarioSha256.slice(0, 12)}…, uitkomst ${receiptOf(split).resultaatSha256.slice(0, 12)}…; rekenmotor ${r.motor.versie}, gegevens ${r.gegevens.versie}. Een export controleert u met "ks-budget verify BESTAND".`,
    );
    // Piped, the CSV has no footer.
    expect(ksBudget(['allocate', '--years', '2027', '--gemeente', 'Utrecht']).stdout).not.toContain('Bewijs');
  });
});
