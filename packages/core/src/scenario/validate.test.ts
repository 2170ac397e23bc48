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
    const out = allocateScenario(data, { versie: 1, naam: 't', afronding: 'cent', herindelingen: 'gepland', wijzigingen: [minimum('5000.99')] });
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
    const s: Scenario = { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [minimum('5000.99'), reservation('250000.01')] };
    const out = allocate(data, s);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.fouten.map((f) => f.bericht).join(' ')).toMatch(/het minimumbedrag \(€ 5\.000,99\) is geen heel aantal euro/);
    expect(out.fouten.map((f) => f.bericht).join(' ')).toMatch(/de reservering voor GGD GHOR Nederland \(€ 250\.000,01\) is geen heel aantal euro/);
  });
});

describe('a key on an indicator with unknown values', () => {
  const key = (aanvullingen?: { indicator: 'inwoners-2026'; code: string; waarde: string }[]): Wijziging => ({
    soort: 'sleutel',
    stroom: 'integrale-gezinspoli',
    jaar: 2028,
    geldigheid: 'alleen-dit-jaar',
    sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2026', gewicht: '1' }], ...(aanvullingen ? { aanvullingen } : {}) },
  });
  const ind = data.indicatoren.find((i) => i.id === 'inwoners-2026')!;
  const missing = data.gemeenten.filter((g) => ind.waarden.get(g.code) === null);

  it('has two municipalities without inhabitants on 1 January 2026 (unknown, not 0)', () => {
    expect(missing.map((g) => g.naam).sort()).toEqual(['Hilversum', 'Wijdemeren']);
    for (const g of missing) expect(ind.waarden.get(g.code)).toBeNull();
  });

  it('refuses the key in Dutch, naming both municipalities, and fills in nothing', () => {
    const out = allocateScenario(data, { versie: 1, naam: 't', wijzigingen: [key()] });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.fouten).toHaveLength(1);
    expect(out.fouten[0]!.pad).toBe('wijzigingen[0].sleutel.gewichten[0].indicator');
    for (const g of missing) expect(out.fouten[0]!.bericht).toContain(g.naam);
    expect(out.fouten[0]!.bericht).toMatch(/onbekend/);
  });

  it('accepts it when the scenario supplies the two values, and uses them', () => {
    const out = allocateScenario(data, {
      versie: 1,
      naam: 't',
      herindelingen: 'zonder',
      wijzigingen: [key(missing.map((g, k) => ({ indicator: 'inwoners-2026', code: g.code, waarde: String(10_000 * (k + 1)) })))],
    });
    if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
    const r = out.allocation.resultaten.find((x) => x.stroom === 'integrale-gezinspoli' && x.jaar === 2028)!;
    const [a, b] = missing.map((g) => r.regels.find((l) => l.ontvanger === g.code)!.bedrag!);
    // Twice the inhabitants, about twice the amount (within the rounding of one euro each).
    expect(b! - 2n * a! <= 300n && 2n * a! - b! <= 300n).toBe(true);
    expect(a).toBeGreaterThan(0n);
  });

  it('refuses a value for a municipality whose value is known', () => {
    const out = allocateScenario(data, { versie: 1, naam: 't', wijzigingen: [key([{ indicator: 'inwoners-2026', code: 'GM0344', waarde: '1' }])] });
    expect(!out.ok && out.fouten.some((f) => f.pad === 'wijzigingen[0].sleutel.aanvullingen[0].code' && /heeft al een waarde/.test(f.bericht))).toBe(true);
  });
});
