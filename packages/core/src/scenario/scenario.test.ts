import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseScenario, serializeScenario } from './parse.js';
import { INDICATOR_IDS, type Scenario, type Wijziging } from './schema.js';
import { MAX_CHANGES } from './format.js';
import { MAX_PROBLEMS } from './problem.js';
import { allocateScenario, MAX_SCENARIO_CHARS } from '../allocation/allocate-scenario.js';
import { baselineData } from '../data/baseline.js';
import { STREAM_IDS } from '../data/types.js';
import { Decimal } from '../money/decimal.js';

describe('parseScenario', () => {
  it('accepts a valid scenario and turns JSON numbers into decimal strings', () => {
    const r = parseScenario({
      versie: 1,
      naam: 'IGP 6 mln',
      wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: 6000000 }],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.afronding).toBe('euro');
      expect(r.scenario.wijzigingen[0]).toMatchObject({ bedrag: '6000000' });
    }
  });

  it('gives Dutch messages with the path of every problem', () => {
    const r = parseScenario({
      versie: 1,
      naam: 'fout',
      wijzigingen: [
        { soort: 'bedrag', stroom: 'onbekend', jaar: 2031, geldigheid: 'altijd', bedrag: '1,5' },
        { soort: 'sleutel', stroom: 'ks-brede-spuk', jaar: 2024, geldigheid: 'vanaf-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'x', gewicht: -1 }] } },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.fouten.map((f) => [f.pad, f.bericht]));
    expect(byPath['wijzigingen[0].stroom']).toMatch(/onbekende stroom "onbekend"/);
    expect(byPath['wijzigingen[0].jaar']).toMatch(/2030 of eerder/);
    expect(byPath['wijzigingen[0].geldigheid']).toMatch(/alleen-dit-jaar/);
    expect(byPath['wijzigingen[0].bedrag']).toMatch(/punt als decimaalteken: "1.5"/);
    expect(byPath['wijzigingen[1].sleutel.gewichten[0].indicator']).toMatch(/onbekende indicator/);
    expect(byPath['wijzigingen[1].sleutel.gewichten[0].gewicht']).toMatch(/getal van 0 of meer/);
  });

  it('says how to write an amount with points between the thousands, and the maximum in Dutch notation', () => {
    const amount = (bedrag: string) => {
      const r = parseScenario({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag }] });
      return r.ok ? null : r.fouten[0]!.bericht;
    };
    expect(amount('6.000.000')).toMatch(/zonder punten tussen de duizendtallen .*: "6000000"\)$/);
    expect(amount('1.234.567,89')).toMatch(/"1234567.89"\)$/);
    expect(amount('6.0')).toBeNull(); // a decimal point: 6 euro
    expect(amount('99999999999999')).toMatch(/mag hoogstens 1\.000\.000\.000\.000 zijn, niet/);
  });

  it('reports broken JSON text and unknown fields', () => {
    const broken = parseScenario('{"versie": 1,');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.fouten[0]!.bericht).toMatch(/geen geldige JSON/);
    const extra = parseScenario({ versie: 1, naam: 'x', wijzigingen: [], geheim: true });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.fouten[0]).toEqual({ pad: 'scenario', bericht: expect.stringMatching(/onbekend veld "geheim"/), plaats: null });
  });

  it('words type errors and missing fields in Dutch', () => {
    const r = parseScenario({ versie: 1, naam: 3, wijzigingen: [{ soort: 'bedrag', stroom: 'ks-brede-spuk', jaar: 2024, geldigheid: 'alleen-dit-jaar' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.fouten.map((f) => [f.pad, f.bericht]));
    expect(byPath['naam']).toMatch(/tekst/);
    expect(byPath['wijzigingen[0].bedrag']).toMatch(/ontbreekt|getal/);
    for (const f of r.fouten) expect(f.bericht).not.toMatch(/Invalid|expected|received/);
  });

  it('property: arbitrary JSON never throws and always yields a result', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseScenario(v);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) for (const f of r.fouten) expect(f.bericht.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), (s) => void parseScenario(s)));
  });

  it('property: arbitrary values in a scenario-shaped object never throw', () => {
    fc.assert(
      fc.property(fc.record({ versie: fc.anything(), naam: fc.anything(), wijzigingen: fc.array(fc.dictionary(fc.constantFrom('soort', 'stroom', 'jaar', 'geldigheid', 'bedrag', 'sleutel'), fc.anything())) }), (v) => {
        void parseScenario(v);
      }),
    );
  });

  const decimalArb = fc.tuple(fc.nat(10 ** 9), fc.nat(99)).map(([a, b]) => (b === 0 ? String(a) : `${a}.${String(b).padStart(2, '0')}`));
  const pctArb = fc.tuple(fc.nat(99), fc.nat(9)).map(([a, b]) => `${a}.${b}`.replace(/\.0$/, ''));
  const common = {
    stroom: fc.constantFrom(...STREAM_IDS),
    jaar: fc.integer({ min: 2019, max: 2030 }),
    geldigheid: fc.constantFrom('alleen-dit-jaar' as const, 'vanaf-dit-jaar' as const),
  };
  const wijzigingArb: fc.Arbitrary<Wijziging> = fc.oneof(
    fc.record({ soort: fc.constant('bedrag' as const), ...common, bedrag: decimalArb }),
    fc.record({ soort: fc.constant('korting' as const), ...common, percentage: pctArb }),
    fc.record({ soort: fc.constant('lokaal-regionaal' as const), ...common, lokaalPercentage: pctArb }),
    fc.record({
      soort: fc.constant('sleutel' as const),
      ...common,
      sleutel: fc.record({
        type: fc.constant('formule' as const),
        gewichten: fc.array(fc.record({ indicator: fc.constantFrom(...INDICATOR_IDS), gewicht: fc.integer({ min: 1, max: 100 }).map(String) }), { minLength: 1, maxLength: 3 }),
      }),
    }),
  );

  it('property: a scenario round-trips through its JSON text', () => {
    fc.assert(
      fc.property(fc.array(wijzigingArb, { maxLength: 8 }), fc.string({ maxLength: 40 }), (wijzigingen, naam) => {
        const scenario: Scenario = { versie: 1, naam, afronding: 'euro', herindelingen: 'gepland', wijzigingen };
        const r = parseScenario(serializeScenario(scenario));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.scenario).toEqual(scenario);
      }),
    );
  });
});

describe('large and hostile input', () => {
  const data = baselineData();
  const change = (jaar: unknown) => ({ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar, geldigheid: 'alleen-dit-jaar', bedrag: '1' });

  it('says how many changes a scenario may have, instead of "wijzigingen moet een lijst zijn"', () => {
    const r = parseScenario({ versie: 1, naam: 'x', wijzigingen: Array.from({ length: MAX_CHANGES + 1 }, () => change(2028)) });
    expect(!r.ok && r.fouten).toEqual([{ pad: 'wijzigingen', bericht: `een scenario heeft hoogstens ${MAX_CHANGES} wijzigingen, niet ${MAX_CHANGES + 1}`, plaats: null }]);
  });

  it('stops after MAX_PROBLEMS problems, says so, and locates each one in the text', () => {
    // 2000 changes with 10 bad fields each would be 20,000 problems.
    const bad = { soort: 'bedrag', stroom: 'x', jaar: 'y', geldigheid: 'z', bedrag: '-1', toelichting: 5, extra: 1 };
    const text = JSON.stringify({ versie: 1, naam: 'x', wijzigingen: Array.from({ length: MAX_CHANGES }, () => bad) }, null, 1);
    const out = allocateScenario(data, text);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.fouten).toHaveLength(MAX_PROBLEMS + 1);
    expect(out.fouten.at(-1)!.bericht).toMatch(new RegExp(`^na ${MAX_PROBLEMS} problemen is het lezen gestopt`));
    expect(out.fouten.slice(0, -1).every((f) => f.plaats !== null && f.pad.startsWith('wijzigingen['))).toBe(true);
  });

  it('quotes a long value by a short excerpt, never whole', () => {
    const r = parseScenario({ versie: 1, naam: 'x', wijzigingen: [{ ...change(2028), stroom: 'x'.repeat(10_000_000) }] });
    expect(!r.ok && r.fouten[0]!.bericht.length).toBeLessThan(400);
  });

  it('refuses a text longer than the front door reads', () => {
    const out = allocateScenario(data, ' '.repeat(MAX_SCENARIO_CHARS + 1));
    expect(!out.ok && out.fouten[0]!.bericht).toMatch(/tekens lang; een scenario is hoogstens/);
  });
});

describe('numbers beyond the documented range', () => {
  it('refuses a key value with more significant digits than can be computed exactly, instead of rounding it', () => {
    const waarde = `${'9'.repeat(85)}1`;
    const r = parseScenario({
      versie: 1,
      naam: 'x',
      wijzigingen: [{ soort: 'sleutel', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', sleutel: { type: 'tabel', naam: 't', waarden: [{ code: 'GM0363', waarde }, { code: 'GM0014', waarde: '1' }] } }],
    });
    expect(!r.ok && r.fouten).toEqual([{ pad: 'wijzigingen[0].sleutel.waarden[0].waarde', bericht: "de waarde heeft meer dan 30 cijfers; zo'n getal kan niet exact worden verwerkt", plaats: null }]);
  });
});

describe('the checks of a decimal number, done on its text', () => {
  const text = fc.tuple(fc.stringMatching(/^\d{1,8}$/), fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? i : `${i}.${f}`));
  const korting = (percentage: string) => parseScenario({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage }] });
  const gewicht = (g: string) =>
    parseScenario({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'sleutel', stroom: 'ks-brede-spuk', jaar: 2027, geldigheid: 'vanaf-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: g }] } }] });

  it('property: decimals (trailing zeros not counted), the maximum and zero are judged as decimal.js judges them', () => {
    fc.assert(
      fc.property(text, (t) => {
        const d = new Decimal(t);
        const r = korting(t);
        const expected = d.decimalPlaces() > 6 ? 'decimalen' : d.greaterThan('100') ? 'hoogstens 100' : null;
        if (expected === null) expect(r.ok && r.scenario.wijzigingen[0]).toMatchObject({ percentage: t });
        else expect(!r.ok && r.fouten[0]!.bericht).toContain(expected);
        const g = gewicht(t);
        const expectedG = d.decimalPlaces() > 6 ? 'decimalen' : d.greaterThan('1000000') ? 'hoogstens 1.000.000 zijn' : d.isZero() ? 'groter dan 0' : null;
        if (expectedG === null) expect(g.ok).toBe(true);
        else expect(!g.ok && g.fouten[0]!.bericht).toContain(expectedG);
      }),
      { numRuns: 1000 },
    );
  });

  it('at the edges: 100 is allowed, 100.0000001 is not, 0100.000000 is 100, 0.000 is zero', () => {
    for (const t of ['100', '100.000000', '0100', '00100.000000000', '99.999999']) expect(korting(t).ok).toBe(true);
    for (const t of ['100.000001', '101', '1000', '100.0000001']) expect(korting(t).ok).toBe(false);
    expect(!gewicht('0.000').ok && gewicht('0.000')).toMatchObject({ fouten: [{ bericht: 'het gewicht moet groter dan 0 zijn' }] });
    expect(gewicht('0.000001').ok).toBe(true);
  });
});
