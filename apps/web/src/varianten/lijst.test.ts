import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { baselineData, emptyScenario, parseScenario, type Scenario } from '@kansrijke-start/core';
import {
  dupliceer,
  eenVariant,
  herstel,
  hernoem,
  huidigeVan,
  importeer,
  kies,
  metHuidig,
  nieuweVariant,
  parseVarianten,
  serializeVarianten,
  uitGelezen,
  uniekeNaam,
  verwijder,
  vergelijkMet,
  voegToe,
  zijdeNamen,
  VARIANTEN_SOORT,
  type Varianten,
} from './lijst.js';

const data = baselineData();

const scenario = (naam: string, bedrag = '6000000'): Scenario => {
  const p = parseScenario({
    versie: 1,
    naam,
    wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag }],
  });
  if (!p.ok) throw new Error(JSON.stringify(p.fouten));
  return p.scenario;
};

const namen = (v: Varianten) => v.lijst.map((x) => x.scenario.naam);

describe('names', () => {
  test('a free name stays; a taken one gets the first free number or "(kopie)", within 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 200 }), { maxLength: 8 }), fc.boolean(), (naam, bestaande, kopie) => {
        const taken = [...bestaande, ...(bestaande.length % 2 ? [naam, `${naam} (kopie)`, `${naam} (2)`] : [])];
        const u = uniekeNaam(naam, taken, kopie);
        expect(taken).not.toContain(u);
        expect(u.length).toBeLessThanOrEqual(200);
        if (!kopie && !taken.includes(naam)) expect(u).toBe(naam);
      }),
    );
    expect(uniekeNaam('A', ['A'], true)).toBe('A (kopie)');
    expect(uniekeNaam('A', ['A', 'A (kopie)'], true)).toBe('A (kopie 2)');
    expect(uniekeNaam('A', ['A', 'A (2)'])).toBe('A (3)');
  });

  test('the sides of a comparison each get their own name', () => {
    expect(zijdeNamen(['Voorstel', 'Ingroeipad'])).toEqual(['Basis', 'Voorstel', 'Ingroeipad']);
    expect(zijdeNamen(['Basis', 'Basis'])).toEqual(['Basis', 'Basis (variant A)', 'Basis (variant B)']);
    expect(zijdeNamen(['', 'X'])).toEqual(['Basis', 'Scenario', 'X']);
  });
});

describe('operations on the list', () => {
  test('new, duplicate, rename, reset, choose and delete', () => {
    let v = eenVariant(scenario('Voorstel'));
    v = nieuweVariant(v);
    expect(namen(v)).toEqual(['Voorstel', 'Nieuwe variant']);
    expect(huidigeVan(v).scenario.wijzigingen).toEqual([]);
    v = nieuweVariant(v);
    expect(namen(v)).toEqual(['Voorstel', 'Nieuwe variant', 'Nieuwe variant (2)']);
    const voorstel = v.lijst[0]!.id;
    v = dupliceer(v, voorstel);
    v = dupliceer(v, voorstel);
    expect(namen(v)).toEqual(['Voorstel', 'Voorstel (kopie 2)', 'Voorstel (kopie)', 'Nieuwe variant', 'Nieuwe variant (2)']);
    expect(huidigeVan(v).scenario).toEqual({ ...v.lijst[0]!.scenario, naam: 'Voorstel (kopie 2)' });
    const kopie = v.huidig;
    v = hernoem(v, kopie, 'Met ingroeipad');
    expect(huidigeVan(v).scenario.naam).toBe('Met ingroeipad');
    v = herstel(v, kopie);
    expect(huidigeVan(v).scenario).toEqual({ ...emptyScenario('Met ingroeipad') });
    v = vergelijkMet(kies(v, voorstel), [kopie, voorstel, kopie, 999, v.lijst[3]!.id]);
    expect(v.vergelijk).toEqual([kopie, voorstel]);
    v = verwijder(v, voorstel);
    expect(namen(v)).toEqual(['Met ingroeipad', 'Voorstel (kopie)', 'Nieuwe variant', 'Nieuwe variant (2)']);
    expect(v.huidig).toBe(kopie); // the neighbour of the deleted one
    expect(v.vergelijk).toEqual([kopie]);
    for (const x of [...v.lijst]) v = verwijder(v, x.id);
    expect(v.lijst).toHaveLength(1);
    expect(huidigeVan(v).scenario).toEqual(emptyScenario());
  });

  test('a scenario from a link is added under a free name, or the identical variant is chosen', () => {
    let v = eenVariant(scenario('Voorstel'));
    v = nieuweVariant(v);
    const r1 = voegToe(v, scenario('Voorstel'));
    expect(r1.nieuw).toBe(false);
    expect(r1.varianten.huidig).toBe(v.lijst[0]!.id);
    expect(r1.varianten.lijst).toHaveLength(2);
    const r2 = voegToe(v, scenario('Voorstel', '7000000'));
    expect(r2.nieuw).toBe(true);
    expect(namen(r2.varianten)).toEqual(['Voorstel', 'Nieuwe variant', 'Voorstel (2)']);
    expect(huidigeVan(r2.varianten).scenario.wijzigingen[0]).toMatchObject({ bedrag: '7000000' });
    // Editing changes only the edited variant.
    const e = metHuidig(r2.varianten, scenario('Voorstel (2)', '1'));
    expect(e.lijst.slice(0, 2)).toEqual(r2.varianten.lijst.slice(0, 2));
  });
});

describe('the file of all variants', () => {
  const lijst = fc.array(fc.tuple(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 9_000_000 })), { minLength: 1, maxLength: 5 });

  test('round trip: every variant, the one edited and those compared come back', () => {
    fc.assert(
      fc.property(lijst, fc.nat(), fc.array(fc.nat(), { maxLength: 3 }), (items, h, vgl) => {
        let v = eenVariant(scenario(items[0]![0], String(items[0]![1])));
        for (const [naam, bedrag] of items.slice(1)) v = voegToe(v, scenario(naam, String(bedrag))).varianten;
        v = vergelijkMet(kies(v, v.lijst[h % v.lijst.length]!.id), vgl.map((i) => v.lijst[i % v.lijst.length]!.id));
        const r = parseVarianten(serializeVarianten(v), data);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const back = uitGelezen(r);
        expect(back.lijst.map((x) => x.scenario)).toEqual(v.lijst.map((x) => x.scenario));
        expect(back.lijst.findIndex((x) => x.id === back.huidig)).toBe(v.lijst.findIndex((x) => x.id === v.huidig));
        expect(back.vergelijk.map((id) => back.lijst.findIndex((x) => x.id === id))).toEqual(v.vergelijk.map((id) => v.lijst.findIndex((x) => x.id === id)));
        // Importing the file into the same list adds nothing.
        expect(importeer(v, r.scenarios)).toMatchObject({ toegevoegd: 0, teVeel: false });
      }),
      { numRuns: 30 },
    );
  });

  test('a bad variant is named with where it is, and nothing is read', () => {
    const v = voegToe(eenVariant(scenario('Goed')), scenario('Fout')).varianten;
    const text = serializeVarianten(v, false);
    // Only the second variant's year is wrong.
    const tekst = text.slice(0, text.lastIndexOf('"jaar": 2028')) + '"jaar": 1999' + text.slice(text.lastIndexOf('"jaar": 2028') + '"jaar": 2028'.length);
    const r = parseVarianten(tekst, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten.length).toBeGreaterThan(0);
    const f = r.fouten[0]!;
    expect(f.pad).toBe('varianten[1].wijzigingen[0].jaar');
    expect(f.bericht).toMatch(/^variant 2 \(“Fout”\): /);
    const line = tekst.split('\n').findIndex((l) => l.includes('"jaar": 1999')) + 1;
    expect(f.plaats?.regel).toBe(line);
  });

  test('other files get a Dutch message; one scenario is read as one variant', () => {
    expect(parseVarianten('{"soort": "iets anders"}', data)).toMatchObject({ ok: false, fouten: [{ bericht: expect.stringContaining('geen bestand met varianten') }] });
    expect(parseVarianten('{', data)).toMatchObject({ ok: false, fouten: [{ bericht: expect.stringContaining('geen geldige JSON'), plaats: { regel: 1 } }] });
    expect(parseVarianten(JSON.stringify({ soort: VARIANTEN_SOORT, versie: 1, varianten: [] }), data)).toMatchObject({ ok: false });
    expect(parseVarianten(JSON.stringify({ soort: VARIANTEN_SOORT, versie: 2, varianten: [] }), data)).toMatchObject({ ok: false, fouten: [{ pad: 'versie' }] });
    const een = parseVarianten(JSON.stringify(scenario('Los')), data);
    expect(een).toMatchObject({ ok: true, scenarios: [{ naam: 'Los' }] });
  });

  test('without data (the browser copy), a variant that does not fit the data is kept', () => {
    const s = { ...scenario('Oud'), wijzigingen: [{ soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2026, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM9999'], nietDeelnemers: 'onbenut' }] };
    const text = JSON.stringify({ soort: VARIANTEN_SOORT, versie: 1, varianten: [s] });
    expect(parseVarianten(text, null).ok).toBe(true);
    expect(parseVarianten(text, data).ok).toBe(false);
  });
});
