import { describe, expect, it } from 'vitest';
import { parseCsv } from '@kansrijke-start/core';
import { STACK, cents, files, ksBudget } from './run.js';

const GOOD = `{
  "versie": 1,
  "naam": "Gezinspoli 6 mln in 2028",
  "wijzigingen": [
    { "soort": "bedrag", "stroom": "integrale-gezinspoli", "jaar": 2028, "geldigheid": "alleen-dit-jaar", "bedrag": "6000000" }
  ]
}
`;

const BAD = `{
  "versie": 1,
  "naam": "Fout",
  "wijzigingen": [
    { "soort": "bedrag", "stroom": "integrale-gezinspoli", "jaar": 2035, "geldigheid": "alleen-dit-jaar", "bedrag": "6000000" },
    { "soort": "korting", "stroom": "bestaat-niet", "jaar": 2027, "geldigheid": "vanaf-dit-jaar", "percentage": "10" }
  ]
}
`;

describe('ks-budget validate', () => {
  it('says "geldig" for a good scenario', () => {
    const f = files({ 'goed.json': GOOD });
    const r = ksBudget(['validate', f['goed.json']!]);
    expect(r).toMatchObject({ status: 0, stdout: 'geldig\n' });
  });

  it('lists every problem with line, column and path, exit code 2', () => {
    const f = files({ 'fout.json': BAD });
    const r = ksBudget(['validate', f['fout.json']!]);
    expect(r.status).toBe(2);
    // The place (file, line, column) and path come from the CLI; the wording from the core.
    const lines = r.stdout.split('\n');
    expect(lines.length).toBe(4);
    expect(lines[0]).toBe('ongeldig: 2 problemen');
    expect(lines[1]).toMatch(/^.*, regel 5, kolom 68 \(wijzigingen\[0\]\.jaar\): .*2030/);
    expect(lines[1]!.startsWith(f['fout.json']!)).toBe(true);
    expect(lines[2]).toMatch(/^.*, regel 6, kolom 37 \(wijzigingen\[1\]\.stroom\): .*bestaat-niet/);
    expect(lines[3]).toBe('');
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('explains JSON syntax errors with line and column', () => {
    const f = files({
      'komma.json': '{\n  "versie": 1,\n  "naam": "x",\n  "wijzigingen": [],\n}\n',
      'decimaal.json': '{ "versie": 1, "naam": "x",\n  "wijzigingen": [ { "bedrag": 2,5 } ] }',
      'leeg.json': '',
    });
    const komma = ksBudget(['validate', f['komma.json']!]);
    expect(komma.status).toBe(2);
    expect(komma.stdout).toContain(`${f['komma.json']}, regel 4, kolom 20: geen geldige JSON: een komma voor "}" mag niet in JSON`);
    expect(ksBudget(['validate', f['decimaal.json']!]).stdout).toContain(
      `${f['decimaal.json']}, regel 2, kolom 32: geen geldige JSON: een getal met een decimale komma; gebruik een punt (2.5)`,
    );
    expect(ksBudget(['validate', f['leeg.json']!]).stdout).toContain('geen geldige JSON: het bestand is leeg');
  });

  it('checks municipality codes against the data and numbers that do not fit', () => {
    const f = files({
      'codes.json': JSON.stringify({
        versie: 1,
        naam: 'x',
        wijzigingen: [{ soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM0363', 'GM9999'], nietDeelnemers: 'onbenut' }],
      }),
      'te-veel.json': JSON.stringify({
        versie: 1,
        naam: 'x',
        wijzigingen: [{ soort: 'reservering', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', ontvangers: [{ code: 'x', naam: 'X', bedrag: '99000000' }] }],
      }),
    });
    const codes = ksBudget(['validate', f['codes.json']!]);
    expect(codes.status).toBe(2);
    expect(codes.stdout).toMatch(/, regel 1, kolom \d+ \(wijzigingen\[0\]\.gemeenten\[1\]\): .*GM9999/);
    const tooMuch = ksBudget(['validate', f['te-veel.json']!]);
    expect(tooMuch.status).toBe(2);
    expect(tooMuch.stdout).toContain(`${f['te-veel.json']}: ks-brede-spuk 2025: `);
    expect(tooMuch.stdout).toMatch(/reservering/);
  });

  it('needs exactly one file', () => {
    const r = ksBudget(['validate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('geef precies één scenariobestand');
  });
});

describe('ks-budget compare', () => {
  it('shows the difference per municipality; the differences add up to the change of the national amount', () => {
    const f = files({ 'goed.json': GOOD });
    const r = ksBudget(['compare', '--scenario', f['goed.json']!, '--changes-only']);
    expect(r.status).toBe(0);
    const t = parseCsv(r.stdout, { bestand: 'stdout' });
    if (!t.ok) throw new Error(t.fouten.join('\n'));
    expect(t.header).toEqual(['jaar', 'stroom', 'ontvanger', 'naam', 'basis', 'scenario', 'verschil', 'verschil_pct', 'inwoners', 'verschil_per_inwoner', 'status_basis', 'status_scenario']);
    expect(new Set(t.rows.map((x) => `${x.cells[0]} ${x.cells[1]}`))).toEqual(new Set(['2028 integrale-gezinspoli']));
    expect(t.rows.length).toBe(342);
    expect(t.rows.reduce((s, x) => s + cents(x.cells[6]!), 0n)).toBe(100_000_000n);
    const groningen = t.rows.find((x) => x.cells[2] === 'GM0014')!.cells;
    expect(cents(groningen[5]!) - cents(groningen[4]!)).toBe(cents(groningen[6]!));
    expect(groningen[7]).toMatch(/^\d+\.\d{2}$/);
    expect(groningen[11]).toBe('scenario');
  });

  it('against itself nothing differs', () => {
    const f = files({ 'goed.json': GOOD });
    const r = ksBudget(['compare', '--scenario', f['goed.json']!, '--against', f['goed.json']!, '--changes-only']);
    expect(r.stdout.trim().split('\n').length).toBe(1);
  });

  it('requires --scenario', () => {
    const r = ksBudget(['compare']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('optie --scenario ontbreekt');
  });

  it('reports an invalid scenario as an input error', () => {
    const f = files({ 'fout.json': BAD });
    const r = ksBudget(['compare', '--scenario', f['fout.json']!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f['fout.json']}, regel 5, kolom 68 (wijzigingen[0].jaar)`);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('ks-budget explain', () => {
  it('explains an amount of a municipality found by code', () => {
    const r = ksBudget(['explain', '--gemeente', 'GM0363', '--year', '2026', '--stream', 'ks-brede-spuk']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Amsterdam \(GM0363\), 2026, basis\n/);
    expect(r.stdout).toContain('korting van 10%');
    expect(r.stdout).toMatch(/Uitkomst: Amsterdam krijgt € [\d.]+ uit Brede SPUK/);
  });

  it('leads a former municipality to its successor', () => {
    const r = ksBudget(['explain', '--gemeente', 'Haren', '--year', '2025', '--stream', 'ks-brede-spuk']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Groningen \(GM0014\), 2025, basis\nHaren \(GM0017\) is per .* opgegaan in Groningen/);
  });

  it('gives JSON with the text and the structured explanation', () => {
    const r = ksBudget(['explain', '--gemeente', 'amsterdam', '--year', '2027', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { gemeenten: { code: string; stromen: { stroom: string; tekst: string[]; uitleg: { bedrag: unknown } }[] }[] };
    expect(doc.gemeenten[0]!.code).toBe('GM0363');
    const gala = doc.gemeenten[0]!.stromen.find((s) => s.stroom === 'ks-gala-structureel')!;
    expect(typeof gala.uitleg.bedrag).toBe('string');
    expect(gala.tekst.length).toBeGreaterThan(2);
  });

  it('input errors: unknown or ambiguous municipality, bad year, unknown stream', () => {
    for (const [args, message] of [
      [['--gemeente', 'Atlantis', '--year', '2026'], '--gemeente: geen gemeente gevonden voor "Atlantis"'],
      [['--gemeente', 'berg', '--year', '2026'], '--gemeente: "berg" past bij meer dan één gemeente'],
      [['--gemeente', 'GM0363', '--year', '2031'], '--year: 2031 valt buiten de jaren 2019-2030'],
      [['--gemeente', 'GM0363', '--year', 'twintig'], '--year: "twintig" is geen jaartal'],
      [['--gemeente', 'GM0363'], 'optie --year ontbreekt'],
      [['--gemeente', 'GM0363', '--year', '2026', '--stream', 'x'], '--stream: onbekende stroom "x"'],
    ] as const) {
      const r = ksBudget(['explain', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('ks-budget schema', () => {
  it('writes the scenario format as JSON Schema, with every kind of change and every stream', () => {
    const r = ksBudget(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org\/draft\/2020-12/);
    const changes = schema.properties.wijzigingen.items.oneOf as { properties: { soort: { const: string }; stroom: { enum: string[] } } }[];
    expect(changes.map((c) => c.properties.soort.const).sort()).toEqual(
      ['bedrag', 'deelname', 'indexatie', 'korting', 'lokaal-regionaal', 'reservering', 'sleutel', 'verdeling'],
    );
    expect(changes[0]!.properties.stroom.enum).toContain('integrale-gezinspoli');
  });
});
