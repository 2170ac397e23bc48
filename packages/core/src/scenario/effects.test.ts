import { describe, expect, it } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Wijziging } from './schema.js';

const data = baselineData();
const text = (wijzigingen: Wijziging[]): string => JSON.stringify({ versie: 1, naam: 't', wijzigingen }, null, 2);
function warnings(wijzigingen: Wijziging[]) {
  const out = allocateScenario(data, text(wijzigingen));
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out;
}
const cut = (stroom: Wijziging['stroom'], jaar: number, percentage: string, geldigheid: Wijziging['geldigheid'] = 'vanaf-dit-jaar'): Wijziging => ({
  soort: 'korting',
  stroom,
  jaar,
  geldigheid,
  percentage,
});

describe('what a change does', () => {
  it('says, at the change, that a cut in a year the stream does not run has no effect', () => {
    const out = warnings([cut('ks-brede-spuk', 2027, '10', 'alleen-dit-jaar')]);
    expect(out.waarschuwingen).toEqual([
      {
        pad: 'wijzigingen[0]',
        bericht: 'Wijziging 1 (Brede SPUK, onderdeel Kansrijke Start, alleen 2027) heeft geen effect: Brede SPUK, onderdeel Kansrijke Start loopt niet in 2027.',
        plaats: { regel: 5, kolom: 5 },
      },
    ]);
  });

  it('says that a 10% cut on the GALA money from 2027 does nothing: the baseline already cuts 10%, and nothing is cut twice', () => {
    const base = warnings([]);
    const out = warnings([cut('ks-gala-structureel', 2027, '10')]);
    expect(out.waarschuwingen.map((w) => w.bericht)).toEqual([expect.stringMatching(/^Wijziging 1 .* heeft geen effect: in 2027-2030 geldt die waarde al/)]);
    const total = (o: typeof out, jaar: number) => o.allocation.resultaten.find((r) => r.stroom === 'ks-gala-structureel' && r.jaar === jaar)!.totaal;
    expect(total(out, 2027)).toBe(18_000_000_00n);
    expect(total(out, 2027)).toBe(total(base, 2027));
  });

  it('says that a different cut replaces the cut that held, and that a later cut overrides an earlier one', () => {
    const out = warnings([cut('ks-gala-structureel', 2027, '20'), cut('ks-gala-structureel', 2029, '5')]);
    const [first, second, third] = out.waarschuwingen.map((w) => w.bericht);
    expect(first).toMatch(/^Wijziging 1 .* wordt gedeeltelijk overschreven: in 2029-2030 door wijziging 2/);
    expect(second).toMatch(/^Wijziging 1 .* vervangt in 2027-2028 de korting van 10% die daar al gold; de kortingen tellen niet op/);
    expect(third).toMatch(/^Wijziging 2 .* vervangt in 2029-2030 de korting van 20% die daar al gold/);
    expect(out.waarschuwingen.every((w) => w.plaats !== null)).toBe(true);
  });

  it('says so when a later change overrides an earlier one in every year', () => {
    const out = warnings([cut('ks-gala-structureel', 2028, '15', 'alleen-dit-jaar'), cut('ks-gala-structureel', 2027, '20')]);
    expect(out.waarschuwingen[0]!.bericht).toMatch(/^Wijziging 1 .* heeft geen effect: in 2028 geldt wijziging 2, die later in de lijst staat/);
  });

  it('says that a key or split on money that is not divided has no effect, and that everyone taking part changes nothing', () => {
    const key: Wijziging = { soort: 'sleutel', stroom: 'rookvrije-start', jaar: 2028, geldigheid: 'alleen-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }] } };
    const all: Wijziging = { soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', gemeenten: data.gemeenten.map((g) => g.code), nietDeelnemers: 'onbenut' };
    const out = warnings([key, all]);
    expect(out.waarschuwingen.map((w) => w.bericht)).toEqual([
      expect.stringMatching(/^Wijziging 1 .* heeft geen effect: het bedrag wordt in 2028 niet verdeeld, maar landelijk gehouden/),
      expect.stringMatching(/^Wijziging 2 .* heeft geen effect: in 2025 geldt die waarde al/),
    ]);
  });

  it('says nothing about a change that does what it says', () => {
    const out = warnings([{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' }]);
    expect(out.waarschuwingen).toEqual([]);
  });
});

describe('a change that names a municipality a planned merger takes in', () => {
  const deelname = (jaar: number): Wijziging => ({
    soort: 'deelname',
    stroom: 'nu-niet-zwanger',
    jaar,
    geldigheid: 'vanaf-dit-jaar',
    gemeenten: ['GM1696', 'GM0344'],
    nietDeelnemers: 'onbenut',
  });

  it('says what happens to Wijdemeren from 2027: Hilversum takes part because one of its parts is listed', () => {
    const out = warnings([deelname(2026)]);
    const notes = out.waarschuwingen.filter((w) => w.bericht.includes('geplande samenvoeging'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.pad).toBe('wijzigingen[0]');
    expect(notes[0]!.bericht).toMatch(/Wijdemeren \(GM1696\) gaat per 1 januari 2027 op in Hilversum \(GM0402\).*in 2027-2030 neemt Hilversum deel/);
    if (!out.ok) return;
    const r = out.allocation.resultaten.find((x) => x.stroom === 'nu-niet-zwanger' && x.jaar === 2027)!;
    expect(r.regels.find((l) => l.ontvanger === 'GM0402')!.deelname).toBe(true);
  });

  it('says nothing when the merger does not apply: before 2027, or with "herindelingen": "zonder"', () => {
    const only2026 = warnings([{ ...deelname(2026), geldigheid: 'alleen-dit-jaar' }]);
    expect(only2026.waarschuwingen.some((w) => w.bericht.includes('samenvoeging'))).toBe(false);
    const out = allocateScenario(data, { versie: 1, naam: 't', herindelingen: 'zonder', wijzigingen: [deelname(2027)] });
    expect(out.waarschuwingen.some((w) => w.bericht.includes('samenvoeging'))).toBe(false);
  });
});

describe('the choice of the planned mergers', () => {
  it('says that "zonder" has no effect when nothing is divided over municipalities from 2027', () => {
    const national = (['nu-niet-zwanger', 'integrale-gezinspoli', 'ks-gala-structureel'] as const).map(
      (stroom): Wijziging => ({ soort: 'verdeling', stroom, jaar: 2027, geldigheid: 'vanaf-dit-jaar', verdeling: 'landelijk' }),
    );
    const none = allocateScenario(data, { versie: 1, naam: 't', herindelingen: 'zonder', wijzigingen: national });
    expect(none.waarschuwingen.filter((w) => w.pad === 'herindelingen').map((w) => w.bericht)).toEqual([
      '"herindelingen": "zonder" heeft geen effect: vanaf 2027, het eerste jaar van een geplande herindeling, wordt in dit scenario geen bedrag over gemeenten verdeeld.',
    ]);
    const some = allocateScenario(data, { versie: 1, naam: 't', herindelingen: 'zonder', wijzigingen: national.slice(1) });
    expect(some.waarschuwingen.some((w) => w.pad === 'herindelingen')).toBe(false);
  });

  it('takes the choice from the caller in place of the scenario, keeping problems located in the text', () => {
    const text = JSON.stringify({ versie: 1, naam: 't', wijzigingen: [{ soort: 'deelname', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM1696'], nietDeelnemers: 'onbenut' }] }, null, 2);
    const planned = allocateScenario(data, text);
    const kept = allocateScenario(data, text, { herindelingen: 'zonder' });
    expect(planned.ok && planned.scenario.herindelingen).toBe('gepland');
    expect(kept.ok && kept.scenario.herindelingen).toBe('zonder');
    expect(planned.waarschuwingen.find((w) => w.bericht.includes('samenvoeging'))?.plaats).toEqual({ regel: 5, kolom: 5 });
    expect(kept.waarschuwingen.some((w) => w.bericht.includes('samenvoeging'))).toBe(false);
  });
});
