import { describe, expect, it } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import { allocate } from '../allocation/allocate.js';
import type { Scenario, Wijziging } from './schema.js';

const data = baselineData();
const minimum = (bedrag: string): Wijziging => ({
  soort: 'sleutel',
  stroom: 'integrale-gezinspoli',
  jaar: 2028,
  geldigheid: 'alleen-dit-jaar',
  sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }], minimumbedrag: bedrag },
});
const reservation = (bedrag: string): Wijziging => ({
  soort: 'reservering',
  stroom: 'nu-niet-zwanger',
  jaar: 2028,
  geldigheid: 'alleen-dit-jaar',
  ontvangers: [{ code: 'GGD-GHOR', naam: 'GGD GHOR Nederland', bedrag }],
});

describe('amounts that must be paid as they are', () => {
  it('refuses a minimum with cents when the scenario rounds to whole euros, at its path, instead of truncating it', () => {
    const out = allocateScenario(data, { versie: 1, naam: 't', wijzigingen: [minimum('5000.99')] });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.fouten).toEqual([
      {
        pad: 'wijzigingen[0].sleutel.minimumbedrag',
        bericht: expect.stringMatching(/^het minimumbedrag € 5\.000,99 is geen heel aantal euro, terwijl dit scenario op hele euro's afrondt/),
        plaats: null,
      },
    ]);
  });

  it('holds the minimum to the cent when the scenario rounds to cents', () => {
    const out = allocateScenario(data, { versie: 1, naam: 't', afronding: 'cent', wijzigingen: [minimum('5000.99')] });
    if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
    const lines = out.allocation.resultaten.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2028)!.regels;
    expect(lines.every((l) => l.bedrag! >= 500099n)).toBe(true);
    expect(lines.filter((l) => l.bedrag === 500099n).length).toBeGreaterThan(0);
  });

  it('refuses a base amount or a reservation with cents under whole euros', () => {
    const base: Wijziging = {
      soort: 'sleutel',
      stroom: 'integrale-gezinspoli',
      jaar: 2028,
      geldigheid: 'alleen-dit-jaar',
      sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }], basisbedrag: '100.50' },
    };
    const out = allocateScenario(data, { versie: 1, naam: 't', wijzigingen: [base, reservation('250000.01')] });
    expect(!out.ok && out.fouten.map((f) => f.pad)).toEqual(['wijzigingen[0].sleutel.basisbedrag', 'wijzigingen[1].ontvangers[0].bedrag']);
  });

  it('never truncates such an amount, even when validation is bypassed', () => {
    const s: Scenario = { versie: 1, naam: 't', afronding: 'euro', wijzigingen: [minimum('5000.99'), reservation('250000.01')] };
    const out = allocate(data, s);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.fouten.map((f) => f.bericht).join(' ')).toMatch(/het minimumbedrag \(€ 5\.000,99\) is geen heel aantal euro/);
    expect(out.fouten.map((f) => f.bericht).join(' ')).toMatch(/de reservering voor GGD GHOR Nederland \(€ 250\.000,01\) is geen heel aantal euro/);
  });
});
