import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocate } from '../allocation/allocate.js';
import type { Allocation } from '../allocation/types.js';
import type { Wijziging } from '../scenario/schema.js';
import { fraction, cmp } from '../money/fraction.js';
import { nationalOverview } from './overview.js';
import { compareAllocations, compareRecipients, compareTotals } from './comparison.js';
import { recipientView } from './recipient.js';
import { inhabitants, perInhabitant, perInhabitantCents } from './per-inhabitant.js';
import { divisionOf } from '../municipalities/division.js';

const data = baselineData();
const run = (wijzigingen: Wijziging[]): Allocation => {
  const out = allocate(data, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const baseline = run([]);
const split = run([
  { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '60' },
  { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' },
]);

describe('the national overview', () => {
  it('shows the source figure, the cut and the amount after it, and year totals of what is divided', () => {
    const o = nationalOverview(baseline);
    const y2026 = o.jaren.find((y) => y.jaar === 2026)!;
    const spuk = y2026.cellen.find((c) => c.stroom === 'ks-brede-spuk')!;
    expect(spuk).toMatchObject({ loopt: true, bronbedrag: 20_000_000_00n, bronStatus: 'officieel-afgerond', korting: '10', bedrag: 18_000_000_00n, status: 'berekend' });
    const divided = baseline.resultaten.filter((r) => r.jaar === 2026);
    expect(y2026.totaal).toBe(divided.reduce((s, r) => s + (r.totaal ?? 0n), 0n));
    expect(y2026.onbekend).toBe(divided.some((r) => r.totaal === null));
    expect(y2026.bronTotaal - y2026.totaal).toBe(2_000_000_00n); // the cut, and nothing else
    expect(y2026.cellen.find((c) => c.stroom === 'ks-impuls')!.loopt).toBe(false);
    // Every source number points at a source that names the figure.
    for (const c of y2026.cellen) for (const n of c.bronnen) expect(o.bronnen[n - 1]!.gebruikt.some((g) => g.startsWith(o.stromen.find((s) => s.id === c.stroom)!.naam))).toBe(true);
    expect(spuk.bronnen.map((n) => o.bronnen[n - 1]!.tekst).join(' ')).toMatch(/GALA.*VWS-brief Wijziging SPUK IZA/);
  });
});

describe('comparisons', () => {
  it('puts every recipient side by side, regions included, with differences against the first', () => {
    const rows = compareAllocations(data, [baseline, split], { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' });
    const regions = rows.filter((r) => r.soort === 'regio');
    expect(regions).toHaveLength(data.izaRegios.length);
    for (const r of regions) {
      expect(r.zijden[0]).toEqual({ aanwezig: false, bedrag: null, status: null });
      expect(r.verschillen[0]!.verschil).toBe(r.zijden[1]!.bedrag);
      expect(r.mandaatgemeente).not.toBeNull();
    }
    const total = rows.reduce((s, r) => s + r.verschillen[0]!.verschil!, 0n);
    expect(total).toBe(0n); // the money moved from municipalities to regions; the total stayed
    const ams = rows.find((r) => r.ontvanger === 'GM0363')!;
    expect(ams.inwoners).toBe(inhabitants(data).perCode.get('GM0363'));
    expect(ams.verschillen[0]!.fractie).toEqual(fraction(ams.zijden[1]!.bedrag! - ams.zijden[0]!.bedrag!, ams.zijden[0]!.bedrag!));
    // Ordered by year, then stream order, then the allocation's own order of recipients.
    const all = compareAllocations(data, [baseline, split]);
    for (let i = 1; i < all.length; i++) expect(all[i]!.jaar >= all[i - 1]!.jaar).toBe(true);
  });

  it('keeps only rows that differ when asked', () => {
    const rows = compareAllocations(data, [baseline, split], { alleenVerschillen: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.zijden[0]!.bedrag !== r.zijden[1]!.bedrag || r.zijden[0]!.aanwezig !== r.zijden[1]!.aanwezig)).toBe(true);
    expect(new Set(rows.map((r) => r.stroom))).toEqual(new Set(['nu-niet-zwanger', 'integrale-gezinspoli']));
  });

  it('totals per stream and year, with what changed', () => {
    const t = compareTotals([baseline, split]);
    const gp = t.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2028)!;
    expect(gp.verschillen[0]!.verschil).toBe(1_000_000_00n);
    expect(t.find((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === 2027)!).toMatchObject({ gewijzigd: true, verschillen: [{ verschil: 0n }] });
    expect(t.find((r) => r.stroom === 'ks-brede-spuk' && r.jaar === 2025)!.gewijzigd).toBe(false);
  });

  it('sums each recipient over all streams of a year, and every recipient together is all money that is divided', () => {
    const rows = compareRecipients(data, [baseline, split], { jaar: 2028, stroom: 'alle' });
    const divided = split.resultaten.filter((r) => r.jaar === 2028).flatMap((r) => r.regels).filter((l) => l.soort !== 'landelijk');
    expect(rows.reduce((s, r) => s + (r.zijden[1]!.bedrag ?? 0n), 0n)).toBe(divided.reduce((s, l) => s + (l.bedrag ?? 0n), 0n));
    expect(rows.filter((r) => r.soort === 'regio')).toHaveLength(data.izaRegios.length);
    const division = divisionOf(data, 2028);
    expect(rows.slice(0, division.gemeenten.length).map((r) => r.ontvanger)).toEqual(division.gemeenten.map((g) => g.code));
    const perStream = ['ks-gala-structureel', 'nu-niet-zwanger', 'integrale-gezinspoli'] as const;
    const ams = (s: (typeof perStream)[number]) => compareRecipients(data, [split], { jaar: 2028, stroom: s }).find((r) => r.ontvanger === 'GM0363')!.zijden[0]!.bedrag!;
    expect(rows.find((r) => r.ontvanger === 'GM0363')!.zijden[1]!.bedrag).toBe(perStream.reduce((s, x) => s + ams(x), 0n));
  });
});

describe('a municipality', () => {
  it('has its own amounts per year, regional money as mandate holder apart, and year totals of its own money', () => {
    const doetinchem = data.izaRegios.find((r) => r.mandaatgemeenteCode !== null)!.mandaatgemeenteCode!;
    const v = recipientView(data, [baseline, split], doetinchem);
    const mandate = v.rijen.filter((r) => r.rol === 'mandaatgemeente');
    expect(mandate.length).toBeGreaterThan(0);
    expect(mandate.every((r) => !r.zijden[0]!.aanwezig && r.zijden[1]!.bedrag! > 0n)).toBe(true);
    for (const y of v.jaren) {
      y.totalen.forEach((t, k) => {
        const own = v.rijen.filter((r) => r.jaar === y.jaar && r.rol === 'eigen' && r.zijden[k]!.verdeeld);
        expect(t.bedrag).toBe(own.reduce((s, r) => s + (r.zijden[k]!.bedrag ?? 0n), 0n));
      });
    }
    const impuls = v.rijen.find((r) => r.stroom === 'ks-impuls' && r.jaar === 2020)!;
    // The impuls went to the municipalities, each one's amount unknown: unknown, not "not divided" and not 0.
    expect(impuls.zijden[0]).toMatchObject({ aanwezig: true, verdeeld: true, landelijk: null, bedrag: null, status: 'onbekend' });
    expect(v.jaren.find((y) => y.jaar === 2020)!.totalen[0]).toMatchObject({ onbekend: true, perInwoner: null });
    // Money that does not go to municipalities stays "not divided", with its national amount.
    const rookvrij = v.rijen.find((r) => r.stroom === 'rookvrije-start' && r.jaar === 2027)!;
    expect(rookvrij.zijden[0]).toMatchObject({ aanwezig: true, verdeeld: false, landelijk: baseline.resultaten.find((r) => r.stroom === 'rookvrije-start' && r.jaar === 2027)!.totaal });
    expect(rookvrij.zijden[0]!.landelijk).toBeGreaterThan(0n);
  });
});

describe('an IZA region', () => {
  it('gets its regional share per year, and nothing is divided to it where there is no regional part', () => {
    const twente = data.izaRegios.find((r) => r.id === 'twente')!;
    const v = recipientView(data, [split], twente.id);
    expect(v.inwoners).toBeNull();
    const y2027 = v.rijen.find((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === 2027)!;
    const line = split.resultaten.find((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === 2027)!.regels.find((l) => l.ontvanger === twente.id)!;
    expect(y2027.zijden[0]).toMatchObject({ verdeeld: true, bedrag: line.bedrag, status: line.status });
    expect(v.rijen.find((r) => r.stroom === 'ks-brede-spuk' && r.jaar === 2025)!.zijden[0]!.verdeeld).toBe(false);
    expect(v.jaren.find((y) => y.jaar === 2027)!.totalen[0]!.bedrag).toBe(line.bedrag);
  });
});

describe('per inhabitant', () => {
  it('rounds to whole cents half away from zero, the nearest cent to the exact value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 7n }), (cents, inw) => {
        const c = perInhabitantCents(cents, inw)!;
        const exact = perInhabitant(cents, inw)!; // euros
        const diff = fraction(c * inw - cents, inw * 100n); // rounded - exact, in euros
        expect(cmp(diff, fraction(1n, 200n)) <= 0 && cmp(diff, fraction(-1n, 200n)) >= 0).toBe(true);
        expect(Math.sign(Number(c))).toBe(c === 0n ? 0 : Math.sign(Number(exact.n)));
      }),
    );
    expect(perInhabitantCents(5n, 2n)).toBe(3n); // 2,5 cent -> 3
    expect(perInhabitantCents(-5n, 2n)).toBe(-3n);
    expect(perInhabitantCents(null, 2n)).toBeNull();
    expect(perInhabitantCents(5n, 0n)).toBeNull();
  });
});
