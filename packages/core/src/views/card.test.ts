import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation, StreamYearResult } from '../allocation/types.js';
import { emptyScenario } from '../scenario/format.js';
import { INDICATOR_IDS, type Sleutel, type Wijziging } from '../scenario/schema.js';
import { type Fraction, ONE, ZERO, add, cmp, div, fraction, fromDecimal, mul } from '../money/fraction.js';
import { Decimal } from '../money/decimal.js';
import { keyFactors, recipientCard, perInhabitantDifference } from './card.js';
import { perInhabitantCents } from './per-inhabitant.js';

const data = baselineData();
const run = (wijzigingen: Wijziging[]): Allocation => {
  const out = allocateScenario(data, { ...emptyScenario('Variant'), wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const keyChange = (sleutel: Sleutel, stroom: Wijziging['stroom'] = 'integrale-gezinspoli', jaar = 2026): Wijziging => ({ soort: 'sleutel', stroom, jaar, geldigheid: 'vanaf-dit-jaar', sleutel });
const basis = run([]);
const formula: Sleutel = {
  type: 'formule',
  gewichten: [
    { indicator: 'inwoners-2024', gewicht: '70' },
    { indicator: 'huishoudens-laag-inkomen-2022', gewicht: '30' },
  ],
};
const variant = run([keyChange(formula)]);
const equal = (a: Fraction | null, b: Fraction | null) => (a === null || b === null ? a === b : cmp(a, b) === 0);
/** The plain definition: a municipality's own lines in an allocation, by stream and year. */
const linesOf = (a: Allocation, code: string) => a.resultaten.flatMap((r) => r.regels.filter((l) => l.soort === 'gemeente' && l.ontvanger === code).map((l) => ({ r, l })));
const result = (a: Allocation, stroom: string, jaar: number): StreamYearResult => a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar)!;

const KNOWN_YEARS = [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];

describe('the municipality card', () => {
  const code = 'GM0363';
  const card = recipientCard(data, [basis, variant], code);

  it('shows every own amount of the allocations, per stream and year, with the difference', () => {
    for (const [k, a] of [basis, variant].entries()) {
      for (const { r, l } of linesOf(a, code)) {
        const row = card.rijen.find((x) => x.stroom === r.stroom && x.jaar === r.jaar && x.rol === 'eigen')!;
        expect(row.zijden[k]!.bedrag).toBe(l.bedrag);
        expect(row.zijden[k]!.status).toBe(l.status);
      }
    }
    for (const row of card.rijen.filter((x) => x.rol === 'eigen' && x.zijden.every((z) => z.verdeeld && z.bedrag !== null))) {
      const d = row.verschillen[0]!;
      expect(d.verschil).toBe(row.zijden[1]!.bedrag! - row.zijden[0]!.bedrag!);
      if (row.zijden[0]!.bedrag !== 0n) expect(equal(d.fractie, fraction(d.verschil!, row.zijden[0]!.bedrag!))).toBe(true);
    }
    // The key changes from 2026 on, so the difference is there, and only from then.
    expect(card.rijen.some((x) => x.stroom === 'integrale-gezinspoli' && x.jaar >= 2026 && x.verschillen[0]!.verschil !== 0n)).toBe(true);
    expect(card.rijen.filter((x) => x.jaar < 2026).every((x) => x.verschillen[0]!.verschil === null || x.verschillen[0]!.verschil === 0n)).toBe(true);
  });

  it('shows the 2019-2022 impuls as unknown, not as 0 or not divided: it went to the municipalities, each amount unknown', () => {
    const all = recipientCard(data, [basis], code);
    for (const jaar of [2019, 2020, 2021, 2022]) {
      const row = all.rijen.find((x) => x.stroom === 'ks-impuls' && x.jaar === jaar && x.rol === 'eigen')!;
      expect(row.zijden[0]).toMatchObject({ aanwezig: true, verdeeld: true, bedrag: null, status: 'onbekend' });
      expect(row.zijden[0]!.redenen.join(' ')).toMatch(/ging wel naar gemeenten/);
      expect(all.perJaar.find((y) => y.jaar === jaar)!.totalen[0]).toMatchObject({ onbekend: true, verdeeld: true, perInwoner: null });
    }
    // A sum over years with an unknown amount is unknown, not the sum of the known ones.
    expect(all.perStroom.find((s) => s.stroom === 'ks-impuls')!.zijden[0]!.bedrag).toBeNull();
    expect(all.totaal.zijden[0]!.bedrag).toBeNull();
    expect(all.perStroom.find((s) => s.stroom === 'ks-brede-spuk')!.zijden[0]!.bedrag).toBe(linesOf(basis, code).filter(({ r }) => r.stroom === 'ks-brede-spuk').reduce((t, { l }) => t + l.bedrag!, 0n));
  });

  it('sums per year, per stream and over the years shown to the cent', () => {
    // The years whose every amount is known (2019-2022: each municipality's impuls is unknown).
    const card = recipientCard(data, [basis, variant], code, { jaren: KNOWN_YEARS });
    for (const [k, a] of [basis, variant].entries()) {
      const lines = linesOf(a, code).filter(({ r }) => r.jaar >= 2023);
      for (const y of card.perJaar) {
        expect(y.totalen[k]!.bedrag).toBe(lines.filter(({ r }) => r.jaar === y.jaar).reduce((s, { l }) => s + l.bedrag!, 0n));
      }
      for (const s of card.perStroom) {
        expect(s.zijden[k]!.bedrag).toBe(lines.filter(({ r }) => r.stroom === s.stroom).reduce((t, { l }) => t + l.bedrag!, 0n));
      }
      const total = lines.reduce((t, { l }) => t + l.bedrag!, 0n);
      expect(card.totaal.zijden[k]!.bedrag).toBe(total);
      // The three ways of adding up agree.
      expect(card.perStroom.reduce((t, s) => t + s.zijden[k]!.bedrag!, 0n)).toBe(total);
      expect(card.perJaar.reduce((t, y) => t + y.totalen[k]!.bedrag, 0n)).toBe(total);
      // Without a merger, the per-inhabitant sum is the sum over the inhabitants.
      expect(equal(card.totaal.zijden[k]!.perInwoner, fraction(total, card.inwoners! * 100n))).toBe(true);
      expect(card.totaal.zijden[k]!.perInwonerCenten).toBe(perInhabitantCents(total, card.inwoners));
    }
    expect(card.totaal.verschillen[0]!.verschil).toBe(card.totaal.zijden[1]!.bedrag! - card.totaal.zijden[0]!.bedrag!);
    const pi = perInhabitantDifference(card.totaal.zijden[0]!, card.totaal.zijden[1]!)!;
    expect(equal(pi, fraction(card.totaal.verschillen[0]!.verschil!, card.inwoners! * 100n))).toBe(true);
  });

  it('limits the sums to the years shown', () => {
    const c = recipientCard(data, [basis], code, { jaren: [2026, 2027] });
    expect(c.jaren).toEqual([2026, 2027]);
    expect(c.rijen.every((r) => r.jaar === 2026 || r.jaar === 2027)).toBe(true);
    const lines = linesOf(basis, code).filter(({ r }) => r.jaar === 2026 || r.jaar === 2027);
    expect(c.totaal.zijden[0]!.bedrag).toBe(lines.reduce((t, { l }) => t + l.bedrag!, 0n));
  });

  it('keeps an amount that went to the successor out of the sum, and says so', () => {
    const c = recipientCard(data, [basis], 'GM1696', { jaren: KNOWN_YEARS });
    const own = linesOf(basis, 'GM1696');
    expect(c.totaal.zijden[0]!.bedrag).toBe(own.reduce((t, { l }) => t + l.bedrag!, 0n));
    expect(c.totaal.zijden[0]!.elders).toBe(true);
  });
});

describe('the indicators behind an amount', () => {
  it('reads the formula key as applied: values from the data, national totals, shares', () => {
    const r = keyFactors(data, variant, { stroom: 'integrale-gezinspoli', jaar: 2026, ontvanger: 'GM0363' });
    if (!r.ok) throw new Error(r.bericht);
    const k = r.sleutel;
    expect(k.factoren.map((f) => f.id)).toEqual(['inwoners-2024', 'huishoudens-laag-inkomen-2022']);
    for (const f of k.factoren) {
      const ind = data.indicatoren.find((i) => i.id === f.id)!;
      expect(f.waarde).toBe(ind.waarden.get('GM0363')!.toFixed());
      const total = data.gemeenten.reduce((s, g) => s.plus(ind.waarden.get(g.code)!), new Decimal(0));
      expect(f.totaal).toBe(total.toFixed());
      expect(f.status).toBe(ind.status);
    }
    expect(k.factoren.map((f) => f.gewicht)).toEqual(['70', '30']);
    expect(equal(k.factoren[0]!.gewichtAandeel, fraction(7n, 10n))).toBe(true);
    // The applied share is the weighted sum of the indicators' shares (every municipality shares, no base or minimum).
    const combined = k.factoren.reduce((s, f) => add(s, mul(f.gewichtAandeel, f.aandeel!)), ZERO);
    expect(equal(k.aandeel, combined)).toBe(true);
    expect(k.omschrijving).toContain('aandeel in');
  });

  it("gives shares that sum to 1 over the municipalities, for each indicator and for the key", () => {
    const res = result(variant, 'integrale-gezinspoli', 2027);
    const all = res.indeling.gemeenten.map((g) => keyFactors(data, variant, { stroom: 'integrale-gezinspoli', jaar: 2027, ontvanger: g.code }));
    const ok = all.map((r) => (r.ok ? r.sleutel : null)).filter((x) => x !== null);
    expect(ok).toHaveLength(res.indeling.gemeenten.length);
    for (let i = 0; i < formula.gewichten.length; i++) expect(equal(ok.reduce((s, k) => add(s, k.factoren[i]!.aandeel!), ZERO), ONE)).toBe(true);
    expect(equal(ok.reduce((s, k) => add(s, k.aandeel!), ZERO), ONE)).toBe(true);
  });

  it('adds up the parts of a successor after a planned merger', () => {
    const res = result(variant, 'integrale-gezinspoli', 2027);
    expect(res.indeling.gemeenten.some((g) => g.code === 'GM1696')).toBe(false);
    const r = keyFactors(data, variant, { stroom: 'integrale-gezinspoli', jaar: 2027, ontvanger: 'GM0402' });
    if (!r.ok) throw new Error(r.bericht);
    const ind = data.indicatoren.find((i) => i.id === 'inwoners-2024')!;
    expect(r.sleutel.factoren[0]!.waarde).toBe(ind.waarden.get('GM0402')!.plus(ind.waarden.get('GM1696')!).toFixed());
  });

  it('shows the Brede SPUK table as the one factor of the baseline key', () => {
    const r = keyFactors(data, basis, { stroom: 'ks-brede-spuk', jaar: 2025, ontvanger: 'GM0344' });
    if (!r.ok) throw new Error(r.bericht);
    const [f] = r.sleutel.factoren;
    expect(r.sleutel.factoren).toHaveLength(1);
    expect(f!.waarde).toBe(data.bredeSpuk2025.bedragen.get('GM0344')!.toString());
    const total = [...data.bredeSpuk2025.bedragen.values()].reduce((s, b) => s + b, 0n);
    expect(f!.totaal).toBe(total.toString());
    expect(equal(r.sleutel.aandeel, f!.aandeel)).toBe(true);
  });

  it('shows a value the scenario supplies as such, and an unknown value as unknown, never 0', () => {
    const supplied: Sleutel = {
      type: 'formule',
      gewichten: [{ indicator: 'inwoners-2026', gewicht: '1' }],
      aanvullingen: [
        { indicator: 'inwoners-2026', code: 'GM0402', waarde: '90000' },
        { indicator: 'inwoners-2026', code: 'GM1696', waarde: '23000' },
      ],
    };
    const a = run([keyChange(supplied)]);
    const r = keyFactors(data, a, { stroom: 'integrale-gezinspoli', jaar: 2026, ontvanger: 'GM0402' });
    if (!r.ok) throw new Error(r.bericht);
    expect(r.sleutel.factoren[0]).toMatchObject({ waarde: '90000', status: 'scenario' });
    expect(r.sleutel.factoren[0]!.totaal).not.toBeNull();
    // The same key without the supplied values (as a key the data cannot complete would be read).
    const without: Allocation = {
      ...a,
      resultaten: a.resultaten.map((x) =>
        x.stroom === 'integrale-gezinspoli' && x.jaar === 2026 ? { ...x, parameters: { ...x.parameters, sleutel: { ...x.parameters.sleutel, waarde: { type: 'formule', gewichten: supplied.gewichten } } } } : x,
      ),
    };
    const u = keyFactors(data, without, { stroom: 'integrale-gezinspoli', jaar: 2026, ontvanger: 'GM0402' });
    if (!u.ok) throw new Error(u.bericht);
    expect(u.sleutel.factoren[0]).toMatchObject({ waarde: null, totaal: null, aandeel: null, status: 'onbekend' });
    const other = keyFactors(data, without, { stroom: 'integrale-gezinspoli', jaar: 2026, ontvanger: 'GM0363' });
    if (!other.ok) throw new Error(other.bericht);
    expect(other.sleutel.factoren[0]!.waarde).not.toBeNull();
    expect(other.sleutel.factoren[0]!.totaal).toBeNull();
    expect(other.sleutel.factoren[0]!.aandeel).toBeNull();
  });

  it('reads the regional part of a mandate holder by the SPUK IZA table', () => {
    const a = run([{ soort: 'lokaal-regionaal', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60' } as Wijziging]);
    const res = result(a, 'integrale-gezinspoli', 2027);
    const line = res.regels.find((l) => l.soort === 'regio' && l.mandaatgemeente?.code)!;
    const r = keyFactors(data, a, { stroom: 'integrale-gezinspoli', jaar: 2027, ontvanger: line.ontvanger });
    if (!r.ok) throw new Error(r.bericht);
    expect(r.sleutel.deel).toBe('regionaal');
    const [f] = r.sleutel.factoren;
    expect(f!.waarde).toBe(data.spukIza2026.bedragen.get(line.ontvanger)!.toString());
    expect(equal(r.sleutel.aandeel, f!.aandeel)).toBe(true);
    // The card shows it as money received as mandate holder, not in the municipality's own total.
    const card = recipientCard(data, [a], line.mandaatgemeente!.code!, { jaren: KNOWN_YEARS });
    expect(card.rijen.some((x) => x.rol === 'mandaatgemeente' && x.ontvanger === line.ontvanger)).toBe(true);
    const own = linesOf(a, line.mandaatgemeente!.code!).reduce((t, { l }) => t + l.bedrag!, 0n);
    expect(card.totaal.zijden[0]!.bedrag).toBe(own);
  });

  it('says when an amount is not divided by a key', () => {
    const r = keyFactors(data, basis, { stroom: 'landelijk-vws', jaar: 2026, ontvanger: 'GM0363' });
    expect(r.ok).toBe(false);
  });

  it('property: for any formula, the applied share is the weighted sum of the indicator shares', () => {
    const ids = INDICATOR_IDS.filter((id) => id !== 'inwoners-2026');
    const codes = data.gemeenten.map((g) => g.code);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom(...codes),
        (chosen, weights, code) => {
          const sleutel: Sleutel = { type: 'formule', gewichten: chosen.map((indicator, i) => ({ indicator, gewicht: String(weights[i]) })) };
          const a = run([keyChange(sleutel, 'nu-niet-zwanger', 2026)]);
          const r = keyFactors(data, a, { stroom: 'nu-niet-zwanger', jaar: 2026, ontvanger: code });
          if (!r.ok) return false;
          const weightSum = weights.slice(0, chosen.length).reduce((s, w) => s + w, 0);
          const combined = r.sleutel.factoren.reduce((s, f) => add(s, mul(f.gewichtAandeel, f.aandeel!)), ZERO);
          return (
            equal(r.sleutel.aandeel, combined) &&
            r.sleutel.factoren.every((f, i) => equal(f.gewichtAandeel, fraction(BigInt(weights[i]!), BigInt(weightSum))) && equal(f.aandeel, div(fromDecimal(f.waarde!), fromDecimal(f.totaal!))))
          );
        },
      ),
      { numRuns: 15 },
    );
  });
});
