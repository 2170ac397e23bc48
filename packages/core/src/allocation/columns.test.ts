import { describe, it, expect } from 'vitest';
import { baselineData } from '../data/baseline.js';
import type { BaselineData } from '../data/types.js';
import { allocateScenario } from './allocate-scenario.js';
import { lineColumns } from './stream-year.js';
import type { Allocation, StreamYearResult } from './types.js';
import { emptyScenario } from '../scenario/format.js';
import { type ScenarioInput } from '../scenario/schema.js';

const data = baselineData();
const someCodes = data.gemeenten.filter((_, i) => i % 3 === 0).map((g) => g.code);

/** Scenarios that give every kind of line: reservations, unspent, GGD and IZA regions, a transition path, national, unknown, an own stream, cents, no mergers. */
const scenarios: Partial<ScenarioInput>[] = [
  {},
  {
    afronding: 'cent',
    wijzigingen: [
      { soort: 'reservering', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar', ontvangers: [{ code: 'NCJ', naam: 'Nederlands Centrum Jeugdgezondheid', bedrag: '250000' }] },
      { soort: 'deelname', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', gemeenten: someCodes, nietDeelnemers: 'onbenut' },
      { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '80', regio: 'ggd' },
      { soort: 'lokaal-regionaal', stroom: 'integrale-gezinspoli', jaar: 2029, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60.5' },
      { soort: 'verdeling', stroom: 'ks-gala-structureel', jaar: 2030, geldigheid: 'alleen-dit-jaar', verdeling: 'landelijk' },
    ],
  },
  {
    herindelingen: 'zonder',
    wijzigingen: [
      { soort: 'sleutel', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'vanaf-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }] } },
      { soort: 'ingroeipad', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '2.5' },
    ],
    eigenStromen: [{ id: 'eigen:pilot', naam: 'Pilot', bedragen: [{ jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '1000000.5' }], sleutel: { type: 'brede-spuk-2025', vasteBedragen: [{ code: 'GM0363', bedrag: '1000' }] } }],
  },
  {
    wijzigingen: [
      { soort: 'reservering', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', ontvangers: [{ code: 'NCJ', naam: 'Nederlands Centrum Jeugdgezondheid', bedrag: '100000' }] },
      { soort: 'sleutel', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', sleutel: { type: 'formule', gewichten: [{ indicator: 'geboorten-2022', gewicht: '1' }] } },
      { soort: 'ingroeipad', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', perInwoner: '0.05' },
      { soort: 'deelname', stroom: 'integrale-gezinspoli', jaar: 2029, geldigheid: 'alleen-dit-jaar', gemeenten: someCodes, nietDeelnemers: 'onbenut' },
    ],
  },
];

function allocation(d: BaselineData, input: Partial<ScenarioInput>): Allocation {
  const out = allocateScenario(d, { ...emptyScenario('Kolommen'), ...input });
  if (!out.ok) throw new Error(out.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n'));
  return out.allocation;
}

const fromLines = (r: StreamYearResult) => ({ ontvangers: r.regels.map((l) => l.ontvanger), soorten: r.regels.map((l) => l.soort), bedragen: r.regels.map((l) => l.bedrag) });
/** The columns with each amount in cents, as the lines have it. */
const inCents = (r: StreamYearResult) => {
  const c = lineColumns(r);
  return { ontvangers: c.ontvangers, soorten: c.soorten, bedragen: c.eenheden.map((u) => (u === null ? null : u * c.eenheid)) };
};

describe('lineColumns', () => {
  it('gives each line\'s recipient, amount and kind, read before or after the lines are written out; the amounts add up and follow a transition path', () => {
    const kinds = new Set<string>();
    const paths = new Set<string>();
    for (const input of scenarios) {
      // Another data object: its own results, so that here the columns are read before the lines.
      const columnsFirst = allocation({ ...data }, input).resultaten;
      const columns = columnsFirst.map(inCents);
      const linesFirst = allocation(data, input).resultaten;
      expect(linesFirst.length).toBe(columnsFirst.length);
      linesFirst.forEach((r, i) => {
        const plain = fromLines(r);
        expect(inCents(r)).toEqual(plain);
        expect(columns[i]).toEqual(plain);
        expect(fromLines(columnsFirst[i]!)).toEqual(plain);
        for (const l of r.regels) kinds.add(`${l.soort}${l.bedrag === null ? ' onbekend' : ''}`);
        // The amounts: they add up to the total, and on a transition path they are the path's.
        if (r.totaal !== null) expect(r.regels.reduce((sum, l) => sum + l.bedrag!, 0n)).toBe(r.totaal);
        if (r.ingroeipad) {
          const first = r.regels.findIndex((l) => l.soort === 'gemeente');
          r.ingroeipad.index.forEach((at, k) => expect(r.regels[first + at]!.bedrag).toBe(r.ingroeipad!.facts.amount[k]! * 100n));
          paths.add(r.regels.some((l) => l.soort === 'reservering') ? 'met reservering' : 'zonder reservering');
        }
      });
    }
    expect([...paths].sort()).toEqual(['met reservering', 'zonder reservering']);
    expect([...kinds].sort()).toEqual(['gemeente', 'landelijk', 'landelijk onbekend', 'onbenut', 'regio', 'reservering']);
  });

  it('has the units as exact doubles where the rounding gave them, the same as the bigints, read before or after them', () => {
    let withDoubles = 0;
    for (const input of scenarios) {
      for (const d of [{ ...data }, data]) {
        for (const r of allocation(d, input).resultaten) {
          const c = lineColumns(r);
          // Read the doubles first (the bigints are made when first read), then compare.
          const doubles = c.eenhedenD ? Array.from(c.eenhedenD) : null;
          if (!doubles) continue;
          withDoubles++;
          expect(doubles.every((x) => Number.isSafeInteger(x))).toBe(true);
          expect(doubles.map((x) => BigInt(x) * c.eenheid)).toEqual(r.regels.map((l) => l.bedrag));
          expect(doubles.map(BigInt)).toEqual(c.eenheden);
        }
      }
    }
    // The results of the baseline's keys and of the scenarios' own ones, not only a few.
    expect(withDoubles).toBeGreaterThan(50);
  });

  it('reads a result that was not computed here (a copy) from its lines', () => {
    const r = allocation(data, scenarios[1]!).resultaten.find((x) => x.regels.some((l) => l.soort === 'reservering'))!;
    const copy: StreamYearResult = { ...r, regels: r.regels.map((l) => (l.soort === 'reservering' ? { ...l, bedrag: 1n } : l)) };
    expect(inCents(copy)).toEqual(fromLines(copy));
    expect(lineColumns(copy).eenhedenD).toBeNull();
    expect(inCents(copy)).not.toEqual(inCents(r));
  });
});
