import { describe, expect, it } from 'vitest';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { ENGINE } from '../export/engine.js';
import { canonicalJson } from './canonical.js';
import { sha256Hex } from './hash.js';
import { canonicalResult, receiptOf } from './receipt.js';

const data = baselineData();
const allocation = (input: unknown): Allocation => {
  const out = allocateScenario(data, input);
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const change = (bedrag: string) => ({ soort: 'bedrag', stroom: 'ks-brede-spuk', jaar: 2027, geldigheid: 'alleen-dit-jaar', bedrag });
const scenario = (bedrag: string) => ({ versie: 1, naam: 'Proef', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [change(bedrag)] });

describe('receiptOf', () => {
  const a = allocation(scenario('21000000'));

  it('carries the engine and the data version', () => {
    const r = receiptOf(a);
    expect(r.motor).toEqual({ naam: ENGINE.naam, versie: ENGINE.versie });
    expect(r.gegevens).toEqual({ versie: data.versie.versie, datum: data.versie.datum, sha256: data.versie.sha256 });
    expect(r.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.resultaatSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the canonical JSON of the scenario and of the canonical result', () => {
    const r = receiptOf(a);
    expect(r.scenarioSha256).toBe(sha256Hex(canonicalJson(a.scenario)));
    expect(r.resultaatSha256).toBe(sha256Hex(canonicalJson(canonicalResult(a))));
  });

  it('is remembered per allocation', () => {
    expect(receiptOf(a)).toBe(receiptOf(a));
  });

  it('changes, both hashes, when an amount of the scenario changes', () => {
    const r = receiptOf(a);
    const other = receiptOf(allocation(scenario('21000001')));
    expect(other.scenarioSha256).not.toBe(r.scenarioSha256);
    expect(other.resultaatSha256).not.toBe(r.resultaatSha256);
  });

  it('is equal for equal scenarios written with another key order (and as a text)', () => {
    const reordered = { wijzigingen: [{ bedrag: '21000000', jaar: 2027, geldigheid: 'alleen-dit-jaar', stroom: 'ks-brede-spuk', soort: 'bedrag' }], herindelingen: 'gepland', naam: 'Proef', afronding: 'euro', versie: 1 };
    const b = allocation(JSON.stringify(reordered, null, 3));
    expect(b).not.toBe(a);
    expect(receiptOf(b)).toEqual(receiptOf(a));
  });

  it('is equal for a scenario with its defaults left out', () => {
    const b = allocation({ versie: 1, naam: 'Proef', wijzigingen: [change('21000000')] });
    expect(receiptOf(b)).toEqual(receiptOf(a));
  });

  it('keeps the result hash when only the name of the scenario changes', () => {
    const b = allocation({ ...scenario('21000000'), naam: 'Andere naam' });
    expect(receiptOf(b).scenarioSha256).not.toBe(receiptOf(a).scenarioSha256);
    expect(receiptOf(b).resultaatSha256).toBe(receiptOf(a).resultaatSha256);
  });
});

describe('canonicalResult', () => {
  const a = allocation(scenario('21000000'));
  const c = canonicalResult(a);

  it('covers every stream-year and every line, ordered by year and stream, then recipient', () => {
    expect(c.resultaten).toHaveLength(a.resultaten.length);
    expect(c.resultaten.reduce((n, r) => n + r.regels.length, 0)).toBe(a.resultaten.reduce((n, r) => n + r.regels.length, 0));
    for (let i = 1; i < c.resultaten.length; i++) {
      const p = c.resultaten[i - 1]!;
      const q = c.resultaten[i]!;
      expect(p.jaar < q.jaar || (p.jaar === q.jaar && p.stroom < q.stroom)).toBe(true);
    }
    for (const r of c.resultaten) for (let i = 1; i < r.regels.length; i++) expect(r.regels[i - 1]!.ontvanger <= r.regels[i]!.ontvanger).toBe(true);
  });

  it('holds the amounts as computed, so a changed amount changes the hash', () => {
    const r = a.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2027)!;
    expect(c.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2027)!.totaal).toBe(r.totaal);
    const tampered = structuredClone(c);
    const line = tampered.resultaten.find((x) => x.regels.some((l) => l.bedrag !== null))!.regels.find((l) => l.bedrag !== null)!;
    line.bedrag = line.bedrag! + 100n;
    expect(sha256Hex(canonicalJson(tampered))).not.toBe(receiptOf(a).resultaatSha256);
  });

  it('does not depend on the order of the results or of the lines', () => {
    const shuffled: Allocation = { ...a, resultaten: [...a.resultaten].reverse().map((r) => ({ ...r, regels: [...r.regels].reverse() })) };
    expect(canonicalJson(canonicalResult(shuffled))).toBe(canonicalJson(c));
  });

  it('writes the unit', () => {
    expect(c.eenheid).toBe('euro');
    expect(canonicalResult(allocation({ ...scenario('21000000'), afronding: 'cent' })).eenheid).toBe('cent');
  });
});
