import { describe, it, expect } from 'vitest';
import { explain } from './explain.js';
import { renderExplanation } from './render.js';
import { allocate } from '../allocation/allocate.js';
import type { Allocation } from '../allocation/types.js';
import { baselineData } from '../data/baseline.js';
import type { Wijziging } from '../scenario/schema.js';
import { formatEuro } from '../money/format.js';
import { roundingOf } from '../allocation/distribute.js';
import { cmp, fraction, mul } from '../money/fraction.js';

const data = baselineData();
const run = (wijzigingen: Wijziging[]): Allocation => {
  const out = allocate(data, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen });
  if (!out.ok) throw new Error('allocation failed');
  return out.allocation;
};

describe('explain', () => {
  const baseline = run([]);

  it('traces a Brede SPUK amount: source, cut, key share, quota and rounding', () => {
    const e = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: 'GM0363' });
    if (!e.ok) throw new Error(e.bericht);
    const kinds = e.uitleg.stappen.map((s) => s.stap);
    expect(kinds).toEqual(['landelijk-bedrag', 'korting', 'lokaal-regionaal', 'sleutel', 'aandeel', 'quotum', 'afronding-ontvanger']);
    const result = baseline.resultaten.find((r) => r.stroom === 'ks-brede-spuk' && r.jaar === 2026)!;
    const line = result.regels.find((l) => l.ontvanger === 'GM0363')!;
    // The explanation selects the steps the allocation recorded; it computes nothing again.
    expect(e.uitleg.stappen[1]).toBe(result.stappen.find((s) => s.stap === 'korting'));
    expect(e.uitleg.status).toBe('berekend');
    expect(e.uitleg.bedrag).toBe(line.bedrag);
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toContain('€ 20.000.000');
    expect(text).toContain('korting van 10%');
    expect(text).toContain('€ 18.000.000');
    expect(text).toContain('Brede SPUK-sleutel');
    expect(text).toContain('grootste overschotten');
    expect(text).toContain(formatEuro(line.bedrag!, 'auto'));
    expect(text).toMatch(/Bron: GALA/);
  });

  it('says why the remainder went where it went', () => {
    const r = baseline.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2024)!;
    const fact = (i: number) => (r.claims[i]! >= 0 ? roundingOf(r.verdeling!, r.claims[i]!) : null);
    const up = r.regels.find((_, i) => fact(i)?.naarBoven)!;
    const down = r.regels.find((_, i) => fact(i) && !fact(i)!.naarBoven && fact(i)!.rang !== null)!;
    const eu = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2024, ontvanger: up.ontvanger });
    const ed = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2024, ontvanger: down.ontvanger });
    if (!eu.ok || !ed.ok) throw new Error('explain failed');
    expect(renderExplanation(eu.uitleg).join(' ')).toMatch(/krijgt er dus één bij/);
    expect(renderExplanation(ed.uitleg).join(' ')).toMatch(/valt daarbuiten/);
  });

  it('explains an unknown amount as unknown, never as 0', () => {
    const e = explain(baseline, { stroom: 'landelijk-vws', jaar: 2025, ontvanger: 'GM0363' });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg.bedrag).toBeNull();
    expect(renderExplanation(e.uitleg).join(' ')).toMatch(/onbekend.*niet hetzelfde als nul/);
  });

  it('explains an unallocated stream with its reason', () => {
    const e = explain(baseline, { stroom: 'ks-impuls', jaar: 2021, ontvanger: 'GM0363' });
    if (!e.ok) throw new Error(e.bericht);
    expect(renderExplanation(e.uitleg).join(' ')).toMatch(/niet verdeeld.*circulaires/);
  });

  it('names the scenario change, its scope, indexation and the rounding of the total', () => {
    const a = run([
      { soort: 'bedrag', stroom: 'ks-gala-structureel', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '18000001', toelichting: 'test' },
      { soort: 'indexatie', stroom: 'ks-gala-structureel', jaar: 2028, geldigheid: 'alleen-dit-jaar', percentage: '1.5' },
    ]);
    const e = explain(a, { stroom: 'ks-gala-structureel', jaar: 2028, ontvanger: 'GM0014' });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg.stappen.map((s) => s.stap)).toContain('afronding-totaal');
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toMatch(/wijziging 1 van het scenario \(vanaf 2028\): test/);
    expect(text).toMatch(/1,5% in 2028/);
    expect(text).toMatch(/half naar boven/);
    expect(text).toMatch(/status: scenario\)/);
  });

  it('explains the minimum and non-participation', () => {
    const participants = data.gemeenten.filter((g) => g.code !== 'GM0014').map((g) => g.code);
    const a = run([
      { soort: 'deelname', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', gemeenten: participants, nietDeelnemers: 'herverdelen' },
      { soort: 'sleutel', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }], minimumbedrag: '4000' } },
    ]);
    const out = explain(a, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: 'GM0014' });
    if (!out.ok) throw new Error(out.bericht);
    expect(renderExplanation(out.uitleg).join(' ')).toMatch(/neemt niet deel/);
    const small = a.resultaten.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2028)!.regels.find((l) => l.bedrag === 4000_00n)!;
    const e2 = explain(a, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: small.ontvanger });
    if (!e2.ok) throw new Error(e2.bericht);
    const text = renderExplanation(e2.uitleg).join(' ');
    expect(text).toMatch(/minimumbedrag van € 4\.000 per gemeente/);
    expect(text).toMatch(/viel onder het minimumbedrag/);
    const raised = a.resultaten.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2028)!.regels.filter((l) => l.bedrag === 4000_00n).length;
    expect(text).toContain(`${raised} gemeenten zijn daartoe aangevuld`);
    // A municipality above the minimum: its share applies to what the minimums leave, and the text says how much.
    const e3 = explain(a, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: 'GM0363' });
    if (!e3.ok) throw new Error(e3.bericht);
    const share = e3.uitleg.stappen.find((x) => x.stap === 'aandeel')!;
    const quota = e3.uitleg.stappen.find((x) => x.stap === 'quotum')!;
    if (share.stap !== 'aandeel' || quota.stap !== 'quotum' || share.aandeel === null) throw new Error('no share');
    const left = 5_000_000_00n - BigInt(raised) * 4000_00n;
    const m = /Dat aandeel geldt voor wat van het lokale deel overblijft na de bedragen die vooraf vastliggen \(minimumbedragen, vaste bedragen of basisbedragen\): € ([\d.]+)\./.exec(renderExplanation(e3.uitleg).join(' '));
    expect(m).not.toBeNull();
    // The base is what the raised municipalities leave of the 5 million: share × base is the quota.
    expect(BigInt(m![1]!.replaceAll('.', '')) * 100n).toBe(left);
    expect(cmp(mul(share.aandeel, fraction(left, 100n)), quota.quotum)).toBe(0);
    // Without a minimum the share applies to the whole part, and nothing more is said.
    const plain = explain(baseline, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: 'GM0363' });
    if (!plain.ok) throw new Error(plain.bericht);
    expect(renderExplanation(plain.uitleg).join(' ')).not.toMatch(/Dat aandeel geldt voor/);
  });

  it('says that an unearmarked amount is an attributed share', () => {
    const e25 = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2025, ontvanger: 'GM0363' });
    const e24 = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2024, ontvanger: 'GM0363' });
    if (!e25.ok || !e24.ok) throw new Error('explain failed');
    expect(e25.uitleg.meldingen.join(' ')).toMatch(/toegerekend/);
    expect(e24.uitleg.meldingen.join(' ')).not.toMatch(/toegerekend/);
    // Nu Niet Zwanger went into the Brede SPUK in 2026 only: attributed then, not in the SPUK AZWA from 2027.
    const n26 = explain(baseline, { stroom: 'nu-niet-zwanger', jaar: 2026, ontvanger: 'GM0363' });
    const n27 = explain(baseline, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: 'GM0363' });
    if (!n26.ok || !n27.ok) throw new Error('explain failed');
    expect(n26.uitleg.meldingen.join(' ')).toMatch(/aan de Brede SPUK toegevoegd.*toegerekend/);
    expect(n27.uitleg.meldingen.join(' ')).not.toMatch(/toegerekend/);
  });

  it('says that the Brede SPUK amounts of 2024-2026 are without the 2024 indexation, whose percentage is not in the sources', () => {
    const note = (a: Allocation, jaar: number) => {
      const e = explain(a, { stroom: 'ks-brede-spuk', jaar, ontvanger: 'GM0363' });
      if (!e.ok) throw new Error(e.bericht);
      return e.uitleg.meldingen.join(' ');
    };
    for (const jaar of [2024, 2025, 2026]) expect(note(baseline, jaar)).toMatch(/loon- en prijsbijstelling van 2024.*niet in de bronnen/);
    expect(note(baseline, 2023)).not.toMatch(/loon- en prijsbijstelling/);
    // An amount the scenario sets is not the GALA's: no such note.
    const set = run([{ soort: 'bedrag', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', bedrag: '17000000' }]);
    expect(note(set, 2025)).not.toMatch(/loon- en prijsbijstelling/);
    expect(note(set, 2024)).toMatch(/loon- en prijsbijstelling/);
  });

  it('takes every count and year in its text from the computation, not from the code', () => {
    const a = run([{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '50' }]);
    const e = explain(a, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: data.izaRegios[0]!.id });
    if (!e.ok) throw new Error(e.bericht);
    const text = renderExplanation(e.uitleg).join(' ');
    expect(text).toContain(`de ${data.izaRegios.length} IZA-regio's`);
    expect(text).toContain(data.spukIza2026.naam);
    // A smaller data set gives smaller counts: nothing is written into the text.
    const fewer = { ...data, izaRegios: data.izaRegios.slice(0, 40) };
    const out = allocate(fewer, { versie: 1, naam: 't', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '50' }] });
    if (!out.ok) throw new Error('allocate');
    const e2 = explain(out.allocation, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: data.izaRegios[0]!.id });
    if (!e2.ok) throw new Error(e2.bericht);
    expect(renderExplanation(e2.uitleg).join(' ')).toContain("de 40 IZA-regio's");
    const ks = explain(a, { stroom: 'ks-brede-spuk', jaar: 2023, ontvanger: 'GM0363' });
    if (!ks.ok) throw new Error(ks.bericht);
    const ksText = renderExplanation(ks.uitleg).join(' ');
    expect(ksText).toContain(`(lokaal deel, ${data.gemeenten.length} ontvangers)`);
    expect(ksText).toMatch(/status: raming\)\. Waarom raming: de verdeelsleutel voor 2023 is niet gepubliceerd/);
  });

  it('refuses a year without the stream with a Dutch message', () => {
    const e = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2019, ontvanger: 'GM0363' });
    expect(e).toEqual({ ok: false, bericht: expect.stringMatching(/geen bedrag/) });
  });
});
