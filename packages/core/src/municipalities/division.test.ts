import { describe, it, expect } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation, StreamYearResult } from '../allocation/types.js';
import { emptyScenario } from '../scenario/format.js';
import { type ScenarioInput } from '../scenario/schema.js';
import { divisionOf, plannedSuccessions } from './division.js';
import { findMunicipality } from './lookup.js';
import { explain } from '../explain/explain.js';
import { renderExplanation } from '../explain/render.js';
import { inhabitants, inhabitantsIn } from '../views/per-inhabitant.js';
import { compareAllocations } from '../views/comparison.js';
import { recipientView } from '../views/recipient.js';
import { fraction } from '../money/fraction.js';

const data = baselineData();
const WIJDEMEREN = 'GM1696';
const HILVERSUM = 'GM0402';

function allocation(input: Partial<ScenarioInput> = {}): Allocation {
  const out = allocateScenario(data, { ...emptyScenario(), ...input });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('\n'));
  return out.allocation;
}
const result = (a: Allocation, stroom: string, jaar: number): StreamYearResult => a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar)!;
const line = (r: StreamYearResult, code: string) => r.regels.find((l) => l.ontvanger === code);

/**
 * The plain definition of largest remainder, written out here and independent of the product:
 * floor every exact quota, then give the units left one by one to the largest remainders, ties
 * to the lowest code (code-point order).
 */
function plainLargestRemainder(units: bigint, weights: readonly { code: string; w: bigint }[]): Map<string, bigint> {
  const total = weights.reduce((s, x) => s + x.w, 0n);
  const rows = weights.map((x) => ({ code: x.code, floor: (units * x.w) / total, rest: (units * x.w) % total }));
  let left = units - rows.reduce((s, r) => s + r.floor, 0n);
  const order = [...rows].sort((a, b) => (a.rest !== b.rest ? (a.rest > b.rest ? -1 : 1) : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const out = new Map(rows.map((r) => [r.code, r.floor]));
  for (const r of order) {
    if (left === 0n) break;
    out.set(r.code, out.get(r.code)! + 1n);
    left -= 1n;
  }
  return out;
}

const baseline = allocation();
const without = allocation({ herindelingen: 'zonder' });

describe('the division of each year', () => {
  it('has the divisions of 2019-2022 (355, 355, 352, 345), the 342 of 2023-2026, and 341 from 2027 with the merger', () => {
    expect([2019, 2020, 2021, 2022].map((j) => divisionOf(data, j).gemeenten.length)).toEqual([355, 355, 352, 345]);
    for (const j of [2023, 2026]) expect(divisionOf(data, j).gemeenten).toHaveLength(342);
    for (const j of [2027, 2030]) expect(divisionOf(data, j).gemeenten).toHaveLength(341);
    expect(divisionOf(data, 2027, 'zonder').gemeenten).toHaveLength(342);
    expect(divisionOf(data, 2027).gemeenten.map((g) => g.code)).not.toContain(WIJDEMEREN);
    expect(divisionOf(data, 2026).gemeenten.map((g) => g.code)).toContain(WIJDEMEREN);
  });

  it('lists the municipalities of 2019-2022 in the Dutch order of their names, each year once sorted when first read', () => {
    for (const jaar of [2019, 2020, 2021, 2022]) {
      const d = divisionOf({ ...data }, jaar);
      expect(d.naam).toBe(`indeling ${jaar} (${d.gemeenten.length} gemeenten)`);
      expect(d.gemeenten).toEqual([...d.gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')));
      expect(d.gemeenten).toBe(d.gemeenten);
      expect(d.delen).toEqual(d.gemeenten.map(() => []));
    }
  });

  it('takes the planned merger from the data, with its date, status and source', () => {
    const [m, ...rest] = plannedSuccessions(data);
    expect(rest).toHaveLength(0);
    expect(m).toMatchObject({ jaar: 2027, opvolger: { code: HILVERSUM } });
    expect(m!.opgeheven.map((g) => g.code)).toContain(WIJDEMEREN);
    expect(m!.bron.length).toBeGreaterThan(0);
    expect(m!.reden).toMatch(/wetsvoorstel/);
  });

  it('keeps 2019-2022 unallocated: their national amounts are not divided over the division of the year', () => {
    for (const r of baseline.resultaten.filter((x) => x.jaar <= 2022)) expect(r.regels.some((l) => l.soort === 'gemeente')).toBe(false);
  });
});

describe('the 2027 merger in the allocation', () => {
  const divided = baseline.resultaten.filter((r) => r.jaar >= 2027 && r.regels.some((l) => l.soort === 'gemeente'));

  it('has streams divided over municipalities in 2027-2030 (the test has something to check)', () => {
    expect(divided.length).toBeGreaterThanOrEqual(4);
  });

  it('has no Wijdemeren line from 2027; Hilversum gets the exact largest-remainder share of the merged weight', () => {
    const key = data.bredeSpuk2025.bedragen;
    for (const r of divided) {
      expect(line(r, WIJDEMEREN)).toBeUndefined();
      const units = r.lokaal.n / r.lokaal.d / baseline.eenheid;
      const weights = divisionOf(data, r.jaar).gemeenten.map((g) => ({
        code: g.code,
        w: g.code === HILVERSUM ? key.get(HILVERSUM)! + key.get(WIJDEMEREN)! : key.get(g.code)!,
      }));
      const plain = plainLargestRemainder(units, weights);
      for (const l of r.regels.filter((x) => x.soort === 'gemeente')) expect(l.bedrag, `${r.stroom} ${r.jaar} ${l.ontvanger}`).toBe(plain.get(l.ontvanger)! * baseline.eenheid);
    }
  });

  it('leaves every total per stream and year unchanged by the merger, and adds up to the cent', () => {
    for (const r of baseline.resultaten) {
      const o = result(without, r.stroom, r.jaar);
      expect(r.totaal).toBe(o.totaal);
      if (r.totaal === null) continue;
      const sum = r.regels.reduce((s, l) => s + (l.bedrag ?? 0n), 0n);
      expect(sum).toBe(r.totaal);
    }
  });

  it('gives Hilversum about what Hilversum and Wijdemeren get apart (within one euro per part)', () => {
    for (const r of divided) {
      const o = result(without, r.stroom, r.jaar);
      const apart = line(o, HILVERSUM)!.bedrag! + line(o, WIJDEMEREN)!.bedrag!;
      const together = line(r, HILVERSUM)!.bedrag!;
      expect(together - apart <= 2n * baseline.eenheid && apart - together <= 2n * baseline.eenheid).toBe(true);
    }
  });

  it('marks the successor an estimate because of the merger, with the reason, and says so in the explanation', () => {
    const r = result(baseline, 'nu-niet-zwanger', 2027);
    const h = line(r, HILVERSUM)!;
    expect(h.status).toBe('raming');
    expect(h.redenen.join(' ')).toMatch(/Wijdemeren/);
    const e = explain(baseline, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: HILVERSUM });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg.stappen.some((s) => s.stap === 'indeling')).toBe(true);
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toMatch(/Wijdemeren/);
    expect(text).toMatch(/1 januari 2027/);
    expect(text).toMatch(/wetsvoorstel/);
    // Another municipality's explanation does not mention the merger.
    const u = explain(baseline, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: 'GM0344' });
    if (!u.ok) throw new Error(u.bericht);
    expect(u.uitleg.stappen.some((s) => s.stap === 'indeling')).toBe(false);
  });

  it('explains Wijdemeren in 2026 as itself and in 2027 by pointing to Hilversum', () => {
    const before = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: WIJDEMEREN });
    expect(before.ok && before.uitleg.naam).toBe('Wijdemeren');
    const after = explain(baseline, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: WIJDEMEREN });
    expect(after.ok).toBe(false);
    if (after.ok) return;
    expect(after.opgegaanIn).toEqual({ code: HILVERSUM, naam: 'Hilversum' });
    expect(after.bericht).toMatch(/Hilversum/);
  });

  it('without the planned merger (scenario option) Wijdemeren keeps its own line in 2027, and the explanation says why', () => {
    const r = result(without, 'nu-niet-zwanger', 2027);
    expect(line(r, WIJDEMEREN)?.bedrag).toBeGreaterThan(0n);
    // Both amounts rest on the scenario's choice, and say so; the others do not.
    for (const code of [WIJDEMEREN, HILVERSUM]) {
      expect(line(r, code)!.status).toBe('scenario');
      expect(line(r, code)!.redenen.join(' ')).toMatch(/zonder de geplande samenvoeging van Wijdemeren met Hilversum per 1 januari 2027/);
    }
    expect(line(r, 'GM0344')!.redenen.join(' ')).not.toMatch(/samenvoeging/);
    const e = explain(without, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: WIJDEMEREN });
    if (!e.ok) throw new Error(e.bericht);
    expect(renderExplanation(e.uitleg).join('\n')).toMatch(/zonder de geplande samenvoeging/);
    // In the years before the merger the option changes nothing.
    for (const y of [2025, 2026]) expect(result(without, 'ks-brede-spuk', y).regels).toEqual(result(baseline, 'ks-brede-spuk', y).regels);
  });
});

describe('looking up a municipality by year', () => {
  it('finds Wijdemeren itself for 2026 and without a year, and Hilversum for 2027 with a sentence why', () => {
    expect(findMunicipality(data, 'Wijdemeren', { jaar: 2026 })[0]).toMatchObject({ gemeente: { code: WIJDEMEREN }, via: 'naam' });
    expect(findMunicipality(data, 'Wijdemeren')[0]).toMatchObject({ gemeente: { code: WIJDEMEREN } });
    const m = findMunicipality(data, 'Wijdemeren', { jaar: 2027 })[0]!;
    expect(m).toMatchObject({ gemeente: { code: HILVERSUM }, via: 'samenvoeging-gepland', exact: true });
    expect(m.toelichting).toMatch(/Wijdemeren/);
    expect(m.toelichting).toMatch(/1 januari 2027/);
    expect(findMunicipality(data, WIJDEMEREN, { jaar: 2030 })[0]?.gemeente.code).toBe(HILVERSUM);
    expect(findMunicipality(data, 'Wijdemeren', { jaar: 2027, herindelingen: 'zonder' })[0]?.gemeente.code).toBe(WIJDEMEREN);
  });

  it('does the same for every planned merger in the data', () => {
    for (const m of plannedSuccessions(data)) {
      for (const g of m.opgeheven) {
        expect(findMunicipality(data, g.naam, { jaar: m.jaar })[0]?.gemeente.code).toBe(m.opvolger.code);
        expect(findMunicipality(data, g.naam, { jaar: m.jaar - 1 })[0]?.gemeente.code).toBe(g.code);
      }
    }
  });
});

describe('per inhabitant after the merger', () => {
  it('counts the successor with the inhabitants of its parts (the indicator year precedes the merger)', () => {
    const base = inhabitants(data).perCode;
    const merged = inhabitantsIn(data, divisionOf(data, 2027));
    expect(merged.get(HILVERSUM)).toBe(base.get(HILVERSUM)! + base.get(WIJDEMEREN)!);
    expect(merged.has(WIJDEMEREN)).toBe(false);
    const row = compareAllocations(data, [baseline], { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' }).find((r) => r.ontvanger === HILVERSUM)!;
    expect(row.inwoners).toBe(merged.get(HILVERSUM));
    // The card of Hilversum: 2027 per inhabitant of both, 2026 of Hilversum alone.
    const card = recipientView(data, [baseline], HILVERSUM);
    const side = (jaar: number) => card.rijen.find((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === jaar && r.rol === 'eigen')!.zijden[0]!;
    expect(side(2027).inwoners).toBe(base.get(HILVERSUM)! + base.get(WIJDEMEREN)!);
    expect(side(2027).perInwoner).toEqual(fraction(side(2027).bedrag!, (base.get(HILVERSUM)! + base.get(WIJDEMEREN)!) * 100n));
    expect(side(2026).inwoners).toBe(base.get(HILVERSUM));
    expect(card.jaren.find((y) => y.jaar === 2027)!.totalen[0]!.inwoners).toBe(merged.get(HILVERSUM));
  });

  it("shows Wijdemeren's own card up to 2026 and where its money goes from 2027", () => {
    const v = recipientView(data, [baseline], WIJDEMEREN);
    expect(v).not.toBeNull();
    const json = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
    expect(json).toMatch(/opgegaanIn/);
  });
});
