import { describe, expect, it } from 'vitest';
import { CHANGE_KIND_NAMES, allocateScenario, baselineData, formatProblem, streamById, type Problem } from '@kansrijke-start/core';
import { STACK, files, ksBudget } from './run.js';
import { BAD, GOOD, placeOf, scenarioText } from './fixtures.js';

/** The core's verdict on a scenario text: its problems and warnings. */
function core(text: string): { fouten: Problem[]; waarschuwingen: Problem[] } {
  const out = allocateScenario(baselineData(), text);
  return { fouten: out.ok ? [] : out.fouten, waarschuwingen: out.waarschuwingen };
}

describe('ks-budget validate', () => {
  it('says "geldig" for a good scenario without remarks, also from standard input', () => {
    const f = files({ 'goed.json': GOOD });
    expect(core(GOOD).waarschuwingen).toEqual([]);
    expect(ksBudget(['validate', f['goed.json']!])).toMatchObject({ status: 0, stdout: 'geldig\n', stderr: '' });
    expect(ksBudget(['validate', '-'], { input: GOOD })).toMatchObject({ status: 0, stdout: 'geldig\n' });
  });

  it('lists every problem with line, column and path as the core places and words it, exit code 2', () => {
    const f = files({ 'fout.json': BAD });
    const r = ksBudget(['validate', f['fout.json']!]);
    expect(r.status).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('ongeldig: 2 problemen');
    expect(lines.slice(1, -1)).toEqual(core(BAD).fouten.map((p) => formatProblem(p, f['fout.json'])));
    // The places are those of the text.
    expect(lines[1]).toMatch(/^.*, regel 5, kolom 68 \(wijzigingen\[0\]\.jaar\): .*2030/);
    expect(lines[1]!.startsWith(f['fout.json']!)).toBe(true);
    expect(lines[2]).toMatch(/^.*, regel 6, kolom 37 \(wijzigingen\[1\]\.stroom\): .*bestaat-niet/);
    expect(lines.at(-1)).toBe('');
    expect(r.stderr).toBe('');
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
    expect(komma.stdout).toMatch(/^ongeldig: 1 probleem\n/);
    expect(komma.stdout).toContain(`${f['komma.json']}, regel 4, kolom 20: `);
    expect(komma.stdout).toContain('geen geldige JSON: een komma voor "}" mag niet in JSON');
    const decimaal = ksBudget(['validate', f['decimaal.json']!]).stdout;
    expect(decimaal).toContain(`${f['decimaal.json']}, regel 2, kolom 32: `);
    expect(decimaal).toContain('een getal met een decimale komma; gebruik een punt (2.5)');
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
    expect(tooMuch.stdout).toMatch(new RegExp(`^${f['te-veel.json']!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, regel 1, kolom \\d+ \\(wijzigingen\\[0\\]\\): .*reservering`, 'm'));
  });

  it('needs exactly one file', () => {
    const r = ksBudget(['validate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('geef precies één scenariobestand');
  });
});

describe('ks-budget validate: a valid scenario with remarks (exit 0)', () => {
  /** Runs validate on a scenario and checks the form of its output against the core's warnings. */
  function remarks(changes: object[]): { lines: string[]; file: string; text: string } {
    const text = scenarioText('opmerkingen', changes);
    const f = files({ 'scenario.json': text });
    const r = ksBudget(['validate', f['scenario.json']!]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const { fouten, waarschuwingen } = core(text);
    expect(fouten).toEqual([]);
    const n = waarschuwingen.length;
    expect(n).toBeGreaterThan(0);
    const lines = r.stdout.split('\n').slice(0, -1);
    expect(lines[0]).toBe(`geldig, met ${n} ${n === 1 ? 'opmerking' : 'opmerkingen'}`);
    expect(lines.slice(1)).toEqual(waarschuwingen.map((w) => `opmerking: ${formatProblem(w, f['scenario.json'])}`));
    return { lines, file: f['scenario.json']!, text };
  }

  it('a cut on a stream in a year it does not run: no effect, at the line of the change', () => {
    const cut = { soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '10' };
    const { lines, file, text } = remarks([cut]);
    expect(lines[0]).toBe('geldig, met 1 opmerking');
    const at = placeOf(text, cut);
    expect(lines[1]!.startsWith(`opmerking: ${file}, regel ${at.regel}, kolom ${at.kolom} (wijzigingen[0]): `)).toBe(true);
    expect(lines[1]).toMatch(/geen effect/);
    expect(lines[1]).toContain(streamById('ks-brede-spuk').naam);
    expect(lines[1]).toContain('2027');
  });

  it('two cuts on the same stream with overlapping years: the first is (partly) overridden', () => {
    const first = { soort: 'korting', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '10' };
    const second = { soort: 'korting', stroom: 'nu-niet-zwanger', jaar: 2028, geldigheid: 'vanaf-dit-jaar', percentage: '5' };
    const { lines, file, text } = remarks([first, second]);
    const at = placeOf(text, first);
    const about = lines.filter((l) => l.startsWith(`opmerking: ${file}, regel ${at.regel}, kolom ${at.kolom} (wijzigingen[0]): `));
    expect(about.length).toBe(1);
    expect(about[0]).toMatch(/overschreven/);
    expect(about[0]).toMatch(/wijziging 2/);
    // Fully overridden: the first has no effect at all.
    const whole = remarks([{ ...first, geldigheid: 'alleen-dit-jaar' }, { ...second, jaar: 2027 }]).lines;
    expect(whole.some((l) => /\(wijzigingen\[0\]\): .*geen effect.*wijziging 2/.test(l))).toBe(true);
  });

  it('a 10% cut on the GALA money from 2027: no effect, the baseline already cuts 10%', () => {
    const { lines } = remarks([{ soort: 'korting', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '10' }]);
    expect(lines[0]).toBe('geldig, met 1 opmerking');
    expect(lines[1]).toMatch(/\(wijzigingen\[0\]\): .*geen effect/);
  });

  it('a cut that replaces a cut of the baseline, and a budget frame exceeded', () => {
    const replace = remarks([{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2026, geldigheid: 'alleen-dit-jaar', percentage: '5' }]).lines;
    expect(replace[1]).toMatch(/\(wijzigingen\[0\]\): .*vervangt/);
    const frame = remarks([{ soort: 'bedrag', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'vanaf-dit-jaar', bedrag: '30000000' }]).lines;
    expect(frame.slice(1).every((l) => /kader/.test(l))).toBe(true);
  });

  it('other commands give the same remarks as warnings on stderr', () => {
    const text = scenarioText('geen effect', [{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '10' }]);
    const f = files({ 's.json': text });
    const expected = core(text).waarschuwingen.map((w) => `waarschuwing: ${formatProblem(w, f['s.json'])}\n`).join('');
    for (const args of [
      ['allocate', '--years', '2027'],
      ['compare', '--years', '2027'],
      ['streams', '--years', '2027'],
      ['explain', '--gemeente', 'GM0014', '--year', '2027'],
    ]) {
      const r = ksBudget([...args, '--scenario', f['s.json']!]);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toBe(expected);
    }
  });
});

describe('ks-budget schema', () => {
  it('writes the scenario format as JSON Schema, with every kind of change and every stream', () => {
    const r = ksBudget(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org\/draft\/2020-12/);
    const changes = schema.properties.wijzigingen.items.oneOf as { properties: { soort: { const: string }; stroom: unknown } }[];
    // Every kind of change the core knows (its Dutch names are keyed by kind).
    expect(changes.map((c) => c.properties.soort.const).sort()).toEqual(Object.keys(CHANGE_KIND_NAMES).sort());
    expect(changes.map((c) => c.properties.soort.const)).toEqual(expect.arrayContaining(['bedrag', 'deelname', 'indexatie', 'korting', 'lokaal-regionaal', 'reservering', 'sleutel', 'verdeling']));
    // The streams of the data by name (with, since own streams exist, the pattern of an own stream's id beside them).
    const stroom = changes[0]!.properties.stroom as { enum?: string[]; anyOf?: { enum?: string[] }[] };
    expect([...(stroom.enum ?? []), ...(stroom.anyOf ?? []).flatMap((a) => a.enum ?? [])]).toContain('integrale-gezinspoli');
  });
});
