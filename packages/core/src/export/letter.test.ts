import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import { emptyScenario } from '../scenario/format.js';
import { type ScenarioInput } from '../scenario/schema.js';
import type { Allocation } from '../allocation/types.js';
import { formatEuro } from '../money/format.js';
import { membershipIn, regionsOf } from '../views/regions.js';
import { mergeReasons, municipalityLetter, regionLetter } from './letter.js';
import { escapeHtml, letterToHtml } from './letter-html.js';

const data = baselineData();
const calc = (s: unknown): Allocation => {
  const c = allocateScenario(data, s);
  if (!c.ok) throw new Error(c.fouten.map((f) => f.bericht).join('; '));
  return c.allocation;
};
const basis = calc(emptyScenario());
const SCENARIO: ScenarioInput = {
  versie: 1,
  naam: 'Gezinspoli 6 mln',
  omschrijving: 'Wat als de tranche voor 2028 6 in plaats van 5 miljoen is?',
  wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' }],
};
const scenario = calc(SCENARIO);

/** The sum of the own lines of a municipality in a stream-year of an allocation, straight from its results. */
const ownSum = (a: Allocation, code: string, jaar: number) =>
  a.resultaten.filter((r) => r.jaar === jaar).flatMap((r) => r.regels.filter((l) => l.soort === 'gemeente' && l.ontvanger === code));

describe('the letter of a municipality', () => {
  it('has the totals per year and stream of the allocation, the scenario name and description', () => {
    const l = municipalityLetter(data, [basis, scenario], 'GM0344', { vandaag: '2026-05-01' });
    expect(l.titel).toBe('Gemeente Utrecht');
    expect(l.scenario.naam).toBe('Gezinspoli 6 mln');
    expect(l.scenario.omschrijving).toBe(SCENARIO.omschrijving);
    expect(l.scenario.wijzigingen).toHaveLength(1);
    expect(l.datum).toBe('1 mei 2026');
    expect(l.gegevens.versie).toBe(data.versie.versie);
    // Every year of the allocation has its row; years without money for Utrecht may share one.
    expect(l.jaren.flatMap((y) => Array.from({ length: y.tot - y.jaar + 1 }, (_, i) => y.jaar + i))).toEqual([...new Set(scenario.resultaten.map((r) => r.jaar))].sort());
    for (const y of l.jaren) {
      const lines = ownSum(scenario, 'GM0344', y.jaar);
      if (y.tot > y.jaar) for (let j = y.jaar; j <= y.tot; j++) expect(ownSum(scenario, 'GM0344', j)).toEqual([]);
      if (lines.length === 0) {
        // 2019-2022: the impuls went to the municipalities, each amount unknown; later years without money: no amount.
        expect(y.totaal.soort).toBe(y.jaar <= 2022 ? 'bedrag' : 'niet-verdeeld');
        expect(y.totaal.bedrag).toBeNull();
        if (y.jaar <= 2022) expect(y.totaal.tekst).toBe('onbekend');
        continue;
      }
      expect(y.totaal.bedrag).toBe(lines.reduce((s, x) => s + x.bedrag!, 0n));
      expect(y.totaal.tekst).toBe(formatEuro(y.totaal.bedrag!, 'auto'));
      // Each cell is the line of its stream.
      l.stromen.forEach((s, i) => {
        const line = lines.find((x) => x.stroom === s.stroom);
        expect(y.cellen[i]!.bedrag).toBe(line ? line.bedrag : null);
        if (line) expect(y.cellen[i]!.status).toBe(line.status);
      });
    }
    // The sum over every year is unknown (the impuls of 2019-2022, which has no column); the columns add up to the known years.
    expect(l.totaal.bedrag).toBeNull();
    const known = l.jaren.reduce((s, y) => s + (y.totaal.bedrag ?? 0n), 0n);
    expect(l.stromen.some((s) => s.stroom === 'ks-impuls')).toBe(false);
    expect(l.perStroom.reduce((s, c) => s + c.bedrag!, 0n)).toBe(known);
    // The comparison has the baseline's year totals too, and the difference in 2028.
    const v = l.vergelijking!;
    const y2028 = v.jaren.find((y) => y.jaar === 2028)!;
    const b2028 = ownSum(basis, 'GM0344', 2028).reduce((s, x) => s + x.bedrag!, 0n);
    expect(y2028.totalen[0]!.bedrag).toBe(b2028);
    expect(y2028.verschillen[0]!.verschil).toBe(l.jaren.find((y) => y.jaar === 2028)!.totaal.bedrag! - b2028);
    expect(v.jaren.find((y) => y.jaar === 2027)!.verschillen[0]!.verschil).toBe(0n);
    // It leaves out the years of which nothing is known (2019-2022), and sums the years it shows.
    expect(v.jaren.map((y) => y.jaar)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const side = (k: number) => v.jaren.reduce((s, y) => s + y.totalen[k]!.bedrag!, 0n);
    expect(v.totaal.totalen[1]!.bedrag).toBe(side(1));
    expect(v.totaal.verschillen[0]!.verschil).toBe(side(1) - side(0));
    // Statuses with their meaning, sources with their documents, explanations of every amount.
    expect(l.statussen.map((s) => s.status)).toContain('berekend');
    expect(l.statussen.every((s) => s.betekenis.length > 20)).toBe(true);
    expect(l.bronnen.length).toBeGreaterThan(0);
    const amounts = scenario.resultaten.flatMap((r) => r.regels.filter((x) => x.ontvanger === 'GM0344' || (x.soort === 'regio' && x.mandaatgemeente?.code === 'GM0344')));
    // Every amount, and each unknown impuls amount of 2019-2022.
    expect(l.bijlage).toHaveLength(amounts.length + 4);
    expect(l.bijlage.every((b) => b.alineas.at(-1)!.startsWith('Uitkomst:'))).toBe(true);
  });

  it('years whose municipal amounts are unknown (the impuls) are unknown, and money not divided over municipalities is said so: never 0', () => {
    const l = municipalityLetter(data, [basis], 'GM0363');
    const y2019 = l.jaren.find((y) => y.jaar === 2019)!;
    expect(y2019.totaal).toMatchObject({ soort: 'bedrag', bedrag: null, tekst: 'onbekend', status: 'onbekend' });
    // No column of unknowns: a sentence says that and why.
    expect(l.stromen.some((s) => s.stroom === 'ks-impuls')).toBe(false);
    expect(l.nietVerdeeld.filter((s) => s.startsWith('Impuls Kansrijke Start (2019-2022): ') && /ging wel naar gemeenten/.test(s))).toHaveLength(1);
    expect(y2019.tot).toBe(2022);
    expect(l.nietVerdeeld.some((s) => s.includes('Rookvrije Start') && /niet over gemeenten verdeeld/.test(s))).toBe(true);
    expect(l.scenario.basis).toBe(true);
    expect(l.vergelijking).toBeNull();
  });

  it('an unknown amount makes its year and the sum unknown, never 0', () => {
    // An allocation in which one amount of Utrecht is unknown (as the model allows).
    const r = basis.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2025)!;
    const broken: Allocation = {
      ...basis,
      resultaten: basis.resultaten.map((x) => (x !== r ? x : { ...r, regels: r.regels.map((l) => (l.ontvanger === 'GM0344' ? { ...l, bedrag: null, status: 'onbekend' as const } : l)) })),
    };
    const l = municipalityLetter(data, [broken], 'GM0344');
    const y = l.jaren.find((x) => x.jaar === 2025)!;
    expect(y.cellen[l.stromen.findIndex((s) => s.stroom === 'ks-brede-spuk')]!.tekst).toBe('onbekend');
    expect(y.totaal.bedrag).toBeNull();
    expect(y.totaal.status).toBe('onbekend');
    expect(y.perInwonerTekst).toBe('–');
    expect(l.totaal.bedrag).toBeNull();
    expect(l.totaal.tekst).toBe('onbekend');
    expect(l.statussen.map((s) => s.status)).toContain('onbekend');
  });

  it('a municipality that a planned merger takes in says where its amount is', () => {
    const wijdemeren = data.gemeenten.find((g) => g.naam === 'Wijdemeren')!;
    const w = municipalityLetter(data, [basis], wijdemeren.code);
    const y2027 = w.jaren.find((y) => y.jaar === 2027)!;
    expect(y2027.totaal.soort).toBe('elders');
    expect(y2027.totaal.tekst).toBe('bij Hilversum');
  });
});

describe('the letter of a GGD region', () => {
  it('totals per year are the sums of its municipalities in that year', () => {
    const region = regionsOf(data, 'ggd')[3]!;
    const l = regionLetter(data, [basis, scenario], region.code, { vandaag: '2026-05-01' });
    expect(l.titel).toBe(`GGD-regio ${region.naam}`);
    expect(l.scenario.naam).toBe('Gezinspoli 6 mln');
    for (const y of l.jaren) {
      const results = scenario.resultaten.filter((r) => r.jaar === y.jaar);
      let sum = 0n;
      let any = false;
      for (const r of results) {
        const m = membershipIn(data, r.indeling, 'ggd').regioVan;
        for (const x of r.regels) if (x.soort === 'gemeente' && m.get(x.ontvanger) === region.code) ((sum += x.bedrag!), (any = true));
      }
      expect(y.totaal.bedrag).toBe(any ? sum : null);
    }
    expect(l.regio!.gemeenten.length).toBeGreaterThan(1);
    expect(l.bijlage.length).toBeGreaterThan(0);
  });
});

describe('reasons said once', () => {
  it('merges reasons that differ only in their year, and keeps the others', () => {
    expect(mergeReasons(['de sleutel voor 2023 is geschat', 'de sleutel voor 2024 is geschat', 'iets anders', 'de sleutel voor 2027 is geschat', 'iets anders'])).toEqual([
      'de sleutel voor 2023, 2024, 2027 is geschat'.replace('2023, 2024', '2023-2024'),
      'iets anders',
    ]);
    expect(mergeReasons(['sleutel 2023 geschat', 'sleutel 2024 onbekend'])).toEqual(['sleutel 2023 geschat', 'sleutel 2024 onbekend']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a 2023 b', 'a 2024 b', 'c', 'd 2025', 'a 2030 b')), (xs) => {
        const out = mergeReasons(xs);
        // Every reason is said: its text, or its text with its year among others.
        for (const x of xs) expect(out.some((o) => o === x || (o.startsWith(x.slice(0, 2)) && o.endsWith(x.slice(-2))))).toBe(true);
        expect(out.length).toBeLessThanOrEqual(new Set(xs).size);
      }),
    );
  });
});

describe('the letter as HTML', () => {
  it('escapes every text, also a scenario name like <b>&"', () => {
    const naam = `<b>&"'</b><script>alert(1)</script>`;
    const a = calc({ ...SCENARIO, naam, omschrijving: '<img src=x onerror=alert(1)>' });
    const html = letterToHtml(municipalityLetter(data, [basis, a], 'GM0344'));
    expect(html).toContain(escapeHtml(naam));
    expect(html).not.toContain('<b>&');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    // The running header names the scenario in CSS: no way out of the style element.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('is self-contained: no script, nothing loaded from elsewhere, and has the totals', () => {
    const l = municipalityLetter(data, [basis, scenario], 'GM0344', { vandaag: '2026-05-01' });
    const html = letterToHtml(l);
    if (process.env['BRIEF_OUT']) {
      for (const code of ['GM0363', 'GM0344', 'GM0402', 'GM1696', 'GM0518', 'GM0088']) {
        writeFileSync(`${process.env['BRIEF_OUT']}/kort-${code}.html`, letterToHtml(municipalityLetter(data, [basis, scenario], code, { vandaag: '2026-12-01' }), { bijlage: false }));
      }
      for (const r of regionsOf(data, 'ggd').slice(0, 3)) {
        writeFileSync(`${process.env['BRIEF_OUT']}/kort-${r.code}.html`, letterToHtml(regionLetter(data, [basis, scenario], r.code, { vandaag: '2026-12-01' }), { bijlage: false }));
      }
      writeFileSync(`${process.env['BRIEF_OUT']}/utrecht.html`, html);
      writeFileSync(`${process.env['BRIEF_OUT']}/regio.html`, letterToHtml(regionLetter(data, [basis], regionsOf(data, 'ggd')[3]!.code, { vandaag: '2026-05-01' })));
      writeFileSync(`${process.env['BRIEF_OUT']}/amsterdam.html`, letterToHtml(municipalityLetter(data, [basis], 'GM0363', { vandaag: '2026-05-01' })));
    }
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain('Gezinspoli 6 mln');
    for (const y of l.jaren) if (y.totaal.bedrag !== null) expect(html).toContain(formatEuro(y.totaal.bedrag, 'auto'));
    expect(html).toContain('counter(pages)');
    expect(html).toContain('class="bijlage"');
    expect(letterToHtml(l, { bijlage: false })).not.toContain('class="bijlage"');
  });

  it('escapeHtml leaves no markup character of any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = escapeHtml(s);
        expect(t).not.toMatch(/[<>"']/);
        expect(t.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
});
