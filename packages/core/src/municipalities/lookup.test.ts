import { describe, it, expect } from 'vitest';
import { ALIASES } from './aliases.js';
import { findMunicipality, meantMunicipalities, successorsOf } from './lookup.js';
import { baselineData } from '../data/baseline.js';

const data = baselineData();

describe('municipality lookup', () => {
  it('finds by code, with or without GM and leading zeros', () => {
    expect(findMunicipality(data, 'GM0363')[0]!.gemeente.naam).toBe('Amsterdam');
    expect(findMunicipality(data, '363')[0]!.gemeente.code).toBe('GM0363');
  });

  it('finds by name, ignoring case and accents, exact matches first', () => {
    expect(findMunicipality(data, 'groningen')[0]!.gemeente.code).toBe('GM0014');
    expect(findMunicipality(data, 'noardeast')[0]!.gemeente.naam).toBe('Noardeast-Fryslân');
  });

  it('leads a former name to its successor and says why', () => {
    const haren = findMunicipality(data, 'Haren');
    const m = haren.find((x) => x.via === 'voormalige-gemeente')!;
    expect(m.gemeente.code).toBe('GM0014');
    expect(m.toelichting).toMatch(/Haren \(GM0017\) is per 1 januari 2019 opgegaan in Groningen/);
    const weesp = findMunicipality(data, 'Weesp')[0]!;
    expect(weesp.gemeente.naam).toBe('Amsterdam');
  });

  it('follows a split to every successor', () => {
    expect(successorsOf(data, 'GM0788').gemeenten.map((g) => g.naam).sort()).toEqual(['Boxtel', 'Oisterwijk', 'Tilburg', 'Vught']);
  });
});

describe('names people use', () => {
  it('finds Den Haag and Den Bosch, and says which name is official', () => {
    const data = baselineData();
    for (const [q, code, officieel] of [['Den Haag', 'GM0518', "'s-Gravenhage"], ['den bosch', 'GM0796', "'s-Hertogenbosch"], ['Noordoost-Friesland', 'GM1970', 'Noardeast-Fryslân']] as const) {
      const [m] = findMunicipality(data, q);
      expect(m?.gemeente.code, q).toBe(code);
      expect(m).toMatchObject({ via: 'andere-naam', exact: true });
      expect(m!.toelichting).toContain(officieel);
    }
    // Every alias points at a municipality of the division.
    const codes = new Set(data.gemeenten.map((g) => g.code));
    expect(ALIASES.every((a) => codes.has(a.code))).toBe(true);
  });
});

describe('the municipality a search certainly means', () => {
  const data = baselineData();
  const meant = (q: string, jaar?: number) => meantMunicipalities(findMunicipality(data, q, { limit: 20, ...(jaar ? { jaar } : {}) }))?.map((m) => m.gemeente.code) ?? null;

  it('a code, a whole name, an everyday name, a former name, or the only match', () => {
    expect(meant('GM0363')).toEqual(['GM0363']);
    expect(meant('Utrecht')).toEqual(['GM0344']); // Utrechtse Heuvelrug also matches, but not wholly
    expect(meant('Bergen (L.)')).toEqual(['GM0893']);
    expect(meant('Den Bosch')).toEqual(['GM0796']);
    expect(meant('Haren')).toEqual(['GM0014']);
    expect(meant('Hengelo')).toEqual(['GM0164']);
    // From 2027 Wijdemeren leads to Hilversum (the planned merger).
    expect(meant('Wijdemeren', 2027)).toEqual(['GM0402']);
  });

  it('none when the query fits several municipalities and wholly none of them: the user chooses', () => {
    const bergen = findMunicipality(data, 'Bergen', { limit: 20 }).map((m) => m.gemeente.code);
    expect(bergen).toEqual(expect.arrayContaining(['GM0373', 'GM0893']));
    expect(meant('Bergen')).toBeNull();
    expect(meant('Utre')).toBeNull();
    expect(meant('Nergenshuizen')).toBeNull();
  });
});
