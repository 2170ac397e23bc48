import { describe, it, expect } from 'vitest';
import { compare, perInhabitant } from './compare.js';
import { allocate } from '../allocation/allocate.js';
import { baselineData } from '../data/baseline.js';
import { emptyScenario } from '../scenario/schema.js';
import { fraction, cmp } from '../money/fraction.js';

const data = baselineData();

describe('compare', () => {
  it('gives the difference per recipient, stream and year, in euro and percent', () => {
    const base = allocate(data, emptyScenario());
    const more = allocate(data, {
      versie: 1,
      naam: 'IGP 2028 +20%',
      afronding: 'euro',
      wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' }],
    });
    if (!base.ok || !more.ok) throw new Error('allocation failed');
    const rows = compare(data, base.allocation, more.allocation);
    const igp = rows.filter((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2028);
    expect(igp).toHaveLength(data.gemeenten.length);
    expect(igp.reduce((s, r) => s + r.verschil!, 0n)).toBe(1_000_000_00n);
    const ams = igp.find((r) => r.ontvanger === 'GM0363')!;
    expect(ams.verschil).toBe(ams.scenario! - ams.basis!);
    // +20% on the national amount: each share rises by about 20% (rounding moves it slightly)
    expect(Math.abs(Number(ams.verschilFractie!.n) / Number(ams.verschilFractie!.d) - 0.2) < 0.001).toBe(true);
    expect(ams.inwoners).toBeGreaterThan(900_000n);
    const other = rows.filter((r) => r.stroom !== 'integrale-gezinspoli' || r.jaar !== 2028);
    expect(other.every((r) => r.verschil === 0n || r.verschil === null)).toBe(true);
    expect(other.filter((r) => r.verschil === null).every((r) => r.basis === null)).toBe(true);
  });

  it('euro per inhabitant is exact', () => {
    expect(cmp(perInhabitant(1000_00n, 400n)!, fraction(5n, 2n))).toBe(0);
    expect(perInhabitant(null, 400n)).toBeNull();
  });
});
