import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { emptyScenario } from '../scenario/format.js';
import { divisionOf } from '../municipalities/division.js';
import { dividedStreamYears, findRegions, membershipIn, regionOfMunicipality, regionTotals, regionsOf, type RegionKind } from './regions.js';
import { compareAllocations, compareRecipients } from './comparison.js';
import { allocationTable, regionTable } from '../export/tables.js';

const data = baselineData();
const KINDS: readonly RegionKind[] = ['ggd', 'provincie'];

function allocation(input: unknown): Allocation {
  const out = allocateScenario(data, input);
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('\n'));
  return out.allocation;
}
const baseline = allocation(emptyScenario());

/** The region totals checked against the lines themselves: per region the sum of its municipalities' lines. */
function checkTotals(a: Allocation): number {
  let checked = 0;
  for (const soort of KINDS) {
    for (const { stroom, jaar } of dividedStreamYears([a])) {
      const r = a.resultaten.find((x) => x.stroom === stroom && x.jaar === jaar)!;
      const m = membershipIn(data, r.indeling, soort);
      const expected = new Map<string, bigint>();
      for (const l of r.regels) {
        if (l.soort !== 'gemeente') continue;
        const code = m.regioVan.get(l.ontvanger);
        expect(code, `${l.ontvanger} has a ${soort}`).toBeDefined();
        expected.set(code!, (expected.get(code!) ?? 0n) + l.bedrag!);
      }
      const rows = regionTotals(data, [a], { soort, jaar, stroom });
      expect(rows).toHaveLength(regionsOf(data, soort).length);
      for (const row of rows) expect(row.zijden[0]!.bedrag, `${soort} ${row.code} ${stroom} ${jaar}`).toBe(expected.get(row.code) ?? 0n);
      // Every municipality is in exactly one region: the regions add up to the municipalities' part, not to the IZA regions' part.
      const municipal = r.regels.filter((l) => l.soort === 'gemeente').reduce((s, l) => s + l.bedrag!, 0n);
      expect(rows.reduce((s, x) => s + x.zijden[0]!.bedrag!, 0n)).toBe(municipal);
      checked++;
    }
  }
  return checked;
}

describe('GGD regions and provinces', () => {
  it('has 25 GGD regions and 12 provinces, and every municipality of every divided year in one of each', () => {
    expect(regionsOf(data, 'ggd')).toHaveLength(25);
    expect(regionsOf(data, 'provincie')).toHaveLength(12);
    for (const jaar of [2023, 2027]) {
      const division = divisionOf(data, jaar);
      for (const soort of KINDS) expect(membershipIn(data, division, soort).regioVan.size).toBe(division.gemeenten.length);
    }
  });

  it('totals per region equal the sum of its municipalities for every stream and year of the baseline', () => {
    expect(checkTotals(baseline)).toBeGreaterThanOrEqual(2 * 8);
  });

  it('property: the same holds for scenarios that move money to the IZA regions or change the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.constantFrom('gepland', 'zonder'),
        (lokaal, bedrag, herindelingen) => {
          const a = allocation({
            ...emptyScenario(),
            herindelingen,
            wijzigingen: [
              { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: String(lokaal) },
              { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: String(bedrag) },
            ],
          });
          checkTotals(a);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('says where the two GGD sources disagree (Mook en Middelaar) and makes both regions an estimate', () => {
    expect(data.ggdIndeling.afwijkingen.length).toBeGreaterThanOrEqual(1);
    const a = data.ggdIndeling.afwijkingen[0]!;
    const m = membershipIn(data, divisionOf(data, 2027), 'ggd');
    const uncertain = [...m.redenen.entries()].filter(([, r]) => r.some((x) => x.includes(a.naam)));
    expect(uncertain).toHaveLength(2);
    const rows = regionTotals(data, [baseline], { soort: 'ggd', jaar: 2027, stroom: 'nu-niet-zwanger' });
    for (const [code] of uncertain) {
      const row = rows.find((r) => r.code === code)!;
      expect(row.zijden[0]!.status).toBe('raming');
      expect(row.zijden[0]!.redenen.join(' ')).toContain(a.naam);
    }
    expect(m.toelichting.length).toBeGreaterThan(0);
    expect(m.bron.length).toBeGreaterThan(0);
  });

  it('lists the municipalities of one region, and the region table writes the same totals', () => {
    const region = regionOfMunicipality(data, 'ggd', 'GM0402', 2027)!;
    const members = compareRecipients(data, [baseline], { jaar: 2027, stroom: 'nu-niet-zwanger', regio: { soort: 'ggd', code: region.code } });
    expect(members.map((r) => r.ontvanger)).toContain('GM0402');
    expect(members.map((r) => r.ontvanger)).not.toContain('GM1696');
    expect(members.every((r) => r.soort === 'gemeente')).toBe(true);
    const total = regionTotals(data, [baseline], { soort: 'ggd', jaar: 2027, stroom: 'nu-niet-zwanger' }).find((r) => r.code === region.code)!;
    expect(members.reduce((s, r) => s + r.zijden[0]!.bedrag!, 0n)).toBe(total.zijden[0]!.bedrag);
    const table = regionTable(data, [baseline], ['Basis'], { soort: 'ggd', van: 2027, tot: 2027, stroom: 'nu-niet-zwanger' });
    const row = table.rijen.find((r) => r[2] === region.code)!;
    expect(row[table.kolommen.findIndex((c) => c.id === 'basis')]).toBe(total.zijden[0]!.bedrag);
  });

  it('has no region total for a year in which nothing is divided over municipalities (absent, not 0)', () => {
    const rows = regionTotals(data, [baseline], { soort: 'provincie', jaar: 2027, stroom: 'rookvrije-start' });
    expect(rows.length).toBe(12);
    expect(rows.every((r) => !r.zijden[0]!.aanwezig && r.zijden[0]!.bedrag === null)).toBe(true);
  });

  it('has an unknown region total for a year whose money went to the municipalities with an unknown key (the impuls), not 0', () => {
    for (const stroom of ['alle', 'ks-impuls'] as const) {
      const rows = regionTotals(data, [baseline], { soort: 'provincie', jaar: 2020, stroom });
      expect(rows.length).toBe(12);
      expect(rows.every((r) => r.zijden[0]!.aanwezig && r.zijden[0]!.bedrag === null && r.zijden[0]!.status === 'onbekend')).toBe(true);
      expect(rows[0]!.zijden[0]!.redenen.join(' ')).toMatch(/ging wel naar gemeenten/);
    }
  });

  it('finds a region by code, whole name or a part of it, and leads an absorbed municipality to its successor\'s region', () => {
    const [gooi] = findRegions(data, 'ggd', 'gooi');
    expect(gooi).toBeDefined();
    expect(findRegions(data, 'ggd', gooi!.code.toLowerCase())).toEqual([gooi]);
    expect(findRegions(data, 'ggd', gooi!.naam.toUpperCase())).toEqual([gooi]);
    expect(findRegions(data, 'ggd', 'GGD').length).toBeGreaterThan(1);
    expect(findRegions(data, 'ggd', 'geen regio')).toEqual([]);
    expect(findRegions(data, 'provincie', 'fryslan').map((r) => r.naam)).toEqual(['Fryslân']);
    expect(regionOfMunicipality(data, 'ggd', 'GM1696', 2027)).toEqual(regionOfMunicipality(data, 'ggd', 'GM0402', 2027));
    expect(regionOfMunicipality(data, 'ggd', 'GM1696', 2027, 'zonder')).toEqual(gooi);
    const one = regionTable(data, [baseline], ['Basis'], { soort: 'ggd', code: gooi!.code });
    expect(one.rijen.length).toBeGreaterThan(0);
    expect(one.rijen.every((r) => r[2] === gooi!.code)).toBe(true);
  });
});

describe('a filter on recipients', () => {
  it('keeps the rows of one municipality, and its successor in the years a planned merger takes it in', () => {
    const rows = compareAllocations(data, [baseline], { van: 2026, tot: 2027, stroom: 'nu-niet-zwanger', ontvangers: ['GM1696'] });
    expect(rows.map((r) => [r.jaar, r.ontvanger])).toEqual([
      [2026, 'GM1696'],
      [2027, 'GM0402'],
    ]);
    const t = allocationTable(baseline, { van: 2026, tot: 2027, stroom: 'nu-niet-zwanger', ontvangers: ['GM1696'] });
    expect(t.rijen.map((r) => [r[0], r[2]])).toEqual([
      [2026, 'GM1696'],
      [2027, 'GM0402'],
    ]);
  });
});
