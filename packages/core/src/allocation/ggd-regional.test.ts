import { describe, it, expect } from 'vitest';
import { allocate } from './allocate.js';
import type { Allocation, StreamYearResult } from './types.js';
import { baselineData } from '../data/baseline.js';
import type { Wijziging } from '../scenario/schema.js';
import { largestRemainder } from '../apportion/largest-remainder.js';
import { fraction } from '../money/fraction.js';
import { membershipIn } from '../views/regions.js';
import { weakest } from '../status/status.js';
import { explain } from '../explain/explain.js';
import { renderExplanation } from '../explain/render.js';
import { describeChange } from '../scenario/describe.js';
import { parseScenario } from '../scenario/parse.js';
import { changeEffects } from '../scenario/effects.js';

const data = baselineData();
const STREAM = 'nu-niet-zwanger' as const;
const split = (regio?: 'iza' | 'ggd', lokaalPercentage = '60'): Wijziging => ({
  soort: 'lokaal-regionaal',
  stroom: STREAM,
  jaar: 2026,
  geldigheid: 'vanaf-dit-jaar',
  lokaalPercentage,
  ...(regio ? { regio } : {}),
});
function run(wijzigingen: Wijziging[]): Allocation {
  const out = allocate(data, { versie: 1, naam: 'test', afronding: 'euro', herindelingen: 'gepland', wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n'));
  return out.allocation;
}
const result = (a: Allocation, jaar: number): StreamYearResult => a.resultaten.find((x) => x.stroom === STREAM && x.jaar === jaar)!;

describe('the regional part over the GGD regions (lokaal-regionaal with regio "ggd")', () => {
  it('keeps the IZA regions by default and with "iza": the same as before', () => {
    const plain = run([split()]);
    const iza = run([split('iza')]);
    for (const jaar of [2026, 2027]) {
      const lines = (a: Allocation) => result(a, jaar).regels.map((l) => [l.ontvanger, l.bedrag]);
      expect(lines(iza)).toEqual(lines(plain));
      expect(result(iza, jaar).regels.filter((l) => l.soort === 'regio')).toHaveLength(data.izaRegios.length);
    }
  });

  it('divides the regional part over the 25 GGD regions by the sum of their municipalities\' key weights, exactly', () => {
    const a = run([split('ggd')]);
    for (const jaar of [2026, 2027]) {
      const r = result(a, jaar);
      const regions = r.regels.filter((l) => l.soort === 'regio');
      expect(regions.map((l) => l.ontvanger)).toEqual(data.ggdRegios.map((g) => g.code));
      expect(regions.every((l) => l.mandaatgemeente === undefined)).toBe(true);
      expect(r.regels.reduce((s, l) => s + (l.bedrag ?? 0n), 0n)).toBe(r.totaal);
      // Plain definition: one largest remainder over the municipalities' and the regions' exact quotas together.
      const m = membershipIn(data, r.indeling, 'ggd');
      const weights = r.sleutel!.weights;
      const W = weights.reduce((x, y) => x + y, 0n);
      const regionWeight = new Map(data.ggdRegios.map((g) => [g.code, 0n]));
      r.indeling.gemeenten.forEach((g, i) => regionWeight.set(m.regioVan.get(g.code)!, regionWeight.get(m.regioVan.get(g.code)!)! + weights[i]!));
      const localUnits = fraction(r.lokaal.n, r.lokaal.d * a.eenheid);
      const regionalUnits = fraction(r.regionaal.n, r.regionaal.d * a.eenheid);
      const claims = [
        ...r.indeling.gemeenten.map((g, i) => ({ id: g.code, quota: fraction(localUnits.n * weights[i]!, localUnits.d * W) })),
        ...data.ggdRegios.map((g) => ({ id: `regio:${g.code}`, quota: fraction(regionalUnits.n * regionWeight.get(g.code)!, regionalUnits.d * W) })),
      ];
      const plain = new Map(largestRemainder(r.totaal! / a.eenheid, claims).claims.map((c) => [c.id.replace(/^regio:/, ''), c.units * a.eenheid]));
      for (const l of r.regels) expect(l.bedrag, l.ontvanger).toBe(plain.get(l.ontvanger));
    }
  });

  it('marks a region whose membership is uncertain as an estimate, with the reason (Mook en Middelaar)', () => {
    const r = result(run([split('ggd')]), 2026);
    const uncertain = data.ggdIndeling.afwijkingen;
    expect(uncertain.length).toBeGreaterThan(0); // the test has something to check
    const m = membershipIn(data, r.indeling, 'ggd');
    expect(m.redenen.size).toBeGreaterThan(0);
    for (const l of r.regels.filter((x) => x.soort === 'regio')) {
      if ((m.redenen.get(l.ontvanger) ?? []).length > 0) {
        // The split is the scenario's, so the line is `scenario` (the weaker of the two); the estimate is among its reasons.
        expect(l.status, l.naam).toBe(weakest('scenario', 'raming'));
        expect(l.redenen.join(' ')).toMatch(new RegExp(uncertain[0]!.naam));
      } else {
        expect(l.status, l.naam).toBe('scenario');
        expect(l.redenen.join(' ')).not.toMatch(new RegExp(uncertain[0]!.naam));
      }
    }
  });

  it('explains a GGD amount, describes the change, and tells apart a change of scale', () => {
    const a = run([split('ggd')]);
    const region = data.ggdRegios[0]!;
    const e = explain(a, { stroom: STREAM, jaar: 2026, ontvanger: region.code });
    if (!e.ok) throw new Error(e.bericht);
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toMatch(/60% gaat naar gemeenten .* de rest naar de 25 GGD-regio's/);
    expect(text).toMatch(/GGD-regio's: het aandeel van de regio in de verdeelsleutel van de gemeenten/);
    expect(describeChange(split('ggd'))).toBe("60% lokaal, de rest regionaal over de GGD-regio's");
    const p = parseScenario({ versie: 1, naam: 't', wijzigingen: [{ ...split(), regio: 'provincie' }] });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.fouten[0]!.bericht).toMatch(/regio moet "iza" .* of "ggd"/);
    // A later change that only changes the scale is not "the value that already holds".
    const warn = changeEffects(data, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [split('iza'), { ...split('ggd'), jaar: 2027 }] });
    expect(warn.filter((w) => w.pad === 'wijzigingen[1]').map((w) => w.bericht).join(' ')).not.toMatch(/geen effect/);
  });
});
