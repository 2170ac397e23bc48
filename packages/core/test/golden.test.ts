import { describe, expect, it } from 'vitest';
import { allocateScenario, baselineData, compareAllocations, compareTotals, emptyScenario, explain, recipientView, nationalOverview, renderExplanation, sumLines } from '@kansrijke-start/core';
import { GOLDEN } from './golden/index.js';

// The golden scenarios through the core: each one is valid, every stream and year adds up to the
// cent, and every view agrees with the allocation it is built from. The CLI and the app tests
// check that they show and export the same for these files.
const data = baselineData();
const basis = (() => {
  const b = allocateScenario(data, emptyScenario());
  if (!b.ok) throw new Error('basis');
  return b.allocation;
})();

describe('golden scenarios in the core', () => {
  it('are at least five, from the baseline to one with every kind of change', () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set(GOLDEN.flatMap((g) => (JSON.parse(g.tekst) as { wijzigingen: { soort: string }[] }).wijzigingen.map((w) => w.soort)));
    expect([...kinds].sort()).toEqual(['bedrag', 'deelname', 'indexatie', 'korting', 'lokaal-regionaal', 'reservering', 'sleutel', 'verdeling']);
  });

  for (const g of GOLDEN) {
    it(`${g.naam}: adds up to the cent, and every view agrees with the allocation`, () => {
      const out = allocateScenario(data, g.tekst);
      if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
      const a = out.allocation;
      for (const r of a.resultaten) {
        if (r.totaal === null) continue;
        expect(sumLines(r.regels).bedrag, `${r.stroom} ${r.jaar}`).toBe(r.totaal);
      }
      const o = nationalOverview(a);
      for (const y of o.jaren) expect(y.totaal).toBe(a.resultaten.filter((r) => r.jaar === y.jaar).reduce((s, r) => s + (r.totaal ?? 0n), 0n));
      const rows = compareAllocations(data, [basis, a]);
      expect(rows.reduce((s, r) => s + (r.zijden[1]!.bedrag ?? 0n), 0n)).toBe(a.resultaten.flatMap((r) => r.regels).reduce((s, l) => s + (l.bedrag ?? 0n), 0n));
      for (const t of compareTotals([basis, a])) {
        const r = a.resultaten.find((x) => x.stroom === t.stroom && x.jaar === t.jaar);
        expect(t.zijden[1]!.bedrag).toBe(r ? r.totaal : null);
      }
      const v = recipientView(data, [a], 'GM0363');
      for (const y of v.jaren) {
        const own = a.resultaten.filter((r) => r.jaar === y.jaar).flatMap((r) => r.regels).filter((l) => l.ontvanger === 'GM0363');
        expect(y.totalen[0]!.bedrag).toBe(own.reduce((s, l) => s + (l.bedrag ?? 0n), 0n));
      }
      // Every amount can be explained, and the explanation ends with that amount and its status.
      for (const r of a.resultaten) {
        const e = explain(a, { stroom: r.stroom, jaar: r.jaar, ontvanger: 'GM0363' });
        if (!e.ok) throw new Error(e.bericht);
        expect(renderExplanation(e.uitleg).at(-1)).toContain(`status: ${e.uitleg.status}`);
      }
    });
  }
});
