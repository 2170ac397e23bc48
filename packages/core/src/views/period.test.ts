import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { emptyScenario } from '../scenario/format.js';
import { type Wijziging } from '../scenario/schema.js';
import { DEFAULT_PERIOD, SIZE_CLASSES, periodView, winnersAndLosers } from './period.js';

const data = baselineData();
const run = (wijzigingen: Wijziging[]): Allocation => {
  const out = allocateScenario(data, { ...emptyScenario('Variant'), wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const basis = run([]);
const formula: Wijziging = {
  soort: 'sleutel',
  stroom: 'integrale-gezinspoli',
  jaar: 2027,
  geldigheid: 'vanaf-dit-jaar',
  sleutel: { type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }] },
};
const variant = run([formula]);
const municipalLines = (a: Allocation, van: number, tot: number) =>
  a.resultaten.filter((r) => r.jaar >= van && r.jaar <= tot).flatMap((r) => r.regels.filter((l) => l.soort === 'gemeente'));

describe('allocations over a period', () => {
  const v = periodView(data, [basis, variant]);

  it('defaults to 2026-2030 and sums each stream over its years', () => {
    expect([v.van, v.tot]).toEqual([DEFAULT_PERIOD.van, DEFAULT_PERIOD.tot]);
    for (const s of v.stromen) {
      for (const [k, a] of [basis, variant].entries()) {
        const years = a.resultaten.filter((r) => r.stroom === s.stroom && r.jaar >= v.van && r.jaar <= v.tot);
        const unknown = years.some((r) => r.totaal === null);
        expect(s.som[k]!.bedrag).toBe(unknown ? null : years.reduce((x, r) => x + r.totaal!, 0n));
      }
    }
    expect(v.stromen.map((s) => s.stroom)).toContain('integrale-gezinspoli');
  });

  it('counts every municipal euro of the period once, an absorbed municipality with its successor', () => {
    for (const [k, a] of [basis, variant].entries()) {
      const total = municipalLines(a, v.van, v.tot).reduce((x, l) => x + l.bedrag!, 0n);
      expect(v.gemeenten.reduce((x, g) => x + g.zijden[k]!.bedrag!, 0n)).toBe(total);
      expect(v.klassen.reduce((x, c) => x + (c.zijden[k]!.bedrag ?? 0n), 0n)).toBe(total);
    }
    expect(v.gemeenten.map((g) => g.code)).not.toContain('GM1696');
    const lines = municipalLines(basis, v.van, v.tot).filter((l) => l.ontvanger === 'GM0402' || l.ontvanger === 'GM1696');
    expect(v.gemeenten.find((g) => g.code === 'GM0402')!.zijden[0]!.bedrag).toBe(lines.reduce((x, l) => x + l.bedrag!, 0n));
    expect(v.klassen.reduce((n, c) => n + c.gemeenten, 0)).toBe(v.indeling.gemeenten.length);
    expect(v.klassen).toHaveLength(SIZE_CLASSES.length);
  });

  it('lists winners and losers, largest first, in euro and per inhabitant', () => {
    for (const by of ['euro', 'per-inwoner'] as const) {
      const { stijgers, dalers } = winnersAndLosers(v, 1, by, 5);
      expect(stijgers.length).toBeGreaterThan(0);
      expect(dalers.length).toBeGreaterThan(0);
      const val = (r: (typeof stijgers)[number]) => {
        const d = r.verschillen[0]!;
        return by === 'euro' ? Number(d.verschil) : Number(d.perInwoner!.n) / Number(d.perInwoner!.d);
      };
      expect(stijgers.every((r) => val(r) > 0) && dalers.every((r) => val(r) < 0)).toBe(true);
      for (let i = 1; i < stijgers.length; i++) expect(val(stijgers[i - 1]!)).toBeGreaterThanOrEqual(val(stijgers[i]!));
      for (let i = 1; i < dalers.length; i++) expect(val(dalers[i - 1]!)).toBeLessThanOrEqual(val(dalers[i]!));
    }
  });

  it('property: for any period, the municipalities add up to their lines and the differences to the difference of the sums', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2023, max: 2030 }), fc.integer({ min: 0, max: 7 }), (van, len) => {
        const tot = Math.min(2030, van + len);
        const p = periodView(data, [basis, variant], { van, tot });
        const sum = (k: number) => p.gemeenten.reduce((x, g) => x + g.zijden[k]!.bedrag!, 0n);
        expect(sum(0)).toBe(municipalLines(basis, van, tot).reduce((x, l) => x + l.bedrag!, 0n));
        expect(p.gemeenten.reduce((x, g) => x + g.verschillen[0]!.verschil!, 0n)).toBe(sum(1) - sum(0));
      }),
      { numRuns: 10 },
    );
  });
});
