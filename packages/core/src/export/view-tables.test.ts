import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { parseCsv } from '../csv/parse.js';
import { nationalOverview } from '../views/overview.js';
import { compareRecipients, compareTotals } from '../views/comparison.js';
import { keyFactors, recipientCard } from '../views/card.js';
import { tableToCsv, type Table } from './table.js';
import { cardRowsTable, cardSidesShown, cardTable, cardYears, chartTable, keyFactorsTable, overviewYearTable, recipientRowsTable, totalRowsTable } from './view-tables.js';

const data = baselineData();
const allocationOf = (s: unknown): Allocation => {
  const out = allocateScenario(data, s);
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
};
const basis = allocationOf({ versie: 1, naam: 'Basis', wijzigingen: [] });
const SCENARIO = {
  versie: 1,
  naam: 'Gezinspoli en splitsing',
  wijzigingen: [
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' },
    { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60' },
  ],
};
const scenario = allocationOf(SCENARIO);

const col = (t: Table, id: string): number => {
  const i = t.kolommen.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`no column ${id}`);
  return i;
};
/** The table as CSV and read back: what a downloaded file holds. */
const csvRows = (t: Table) => {
  const p = parseCsv(tableToCsv(t), { bestand: 'tabel.csv' });
  if (!p.ok) throw new Error(p.fouten.join('; '));
  return p.rows.map((r) => r.cells);
};

describe('overviewYearTable', () => {
  const o = nationalOverview(basis);
  const t = overviewYearTable(o);
  it('has one row per year; each stream cell is the overview amount, empty (with an empty status) where the stream does not run', () => {
    expect(t.rijen.map((r) => r[0])).toEqual(o.jaren.map((y) => y.jaar));
    for (const [i, y] of o.jaren.entries()) {
      for (const c of y.cellen) {
        expect(t.rijen[i]![col(t, c.stroom)]).toBe(c.loopt ? c.bedrag : null);
        expect(t.rijen[i]![col(t, `status_${c.stroom}`)]).toBe(c.loopt ? c.status : null);
      }
    }
  });
  it('the known total is the sum of the known stream amounts of its row, and says when an unknown amount is left out', () => {
    for (const r of t.rijen) {
      const cells = o.stromen.map((s) => r[col(t, s.id)] as bigint | null);
      expect(r[col(t, 'totaal_bekend')]).toBe(cells.reduce<bigint>((a, v) => a + (v ?? 0n), 0n));
      const unknown = o.stromen.some((s) => r[col(t, `status_${s.id}`)] === 'onbekend');
      expect(r[col(t, 'met_onbekend')]).toBe(unknown ? 'ja' : 'nee');
    }
  });
});

describe('recipientRowsTable', () => {
  const rows = compareRecipients(data, [basis, scenario], { jaar: 2027, stroom: 'nu-niet-zwanger' });
  it('keeps the order it is given (a view that sorts passes its rows as shown)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: 1, maxLength: 30 }), (shown) => {
        const t = recipientRowsTable(shown, ['Basis', 'S'], { jaar: 2027, stroom: 'nu-niet-zwanger' });
        expect(csvRows(t).map((r) => r[col(t, 'ontvanger')])).toEqual(shown.map((r) => r.ontvanger));
      }),
      { numRuns: 30 },
    );
  });
  it('writes each side, the difference and the status of the comparison; an absent side is empty, never 0', () => {
    const t = recipientRowsTable(rows, ['Basis', 'S'], { jaar: 2027, stroom: 'nu-niet-zwanger' });
    expect(t.rijen.length).toBe(rows.length);
    let regions = 0;
    for (const [i, r] of rows.entries()) {
      const row = t.rijen[i]!;
      expect(row[col(t, 'basis')]).toBe(r.zijden[0]!.aanwezig ? r.zijden[0]!.bedrag : null);
      expect(row[col(t, 'scenario')]).toBe(r.zijden[1]!.aanwezig ? r.zijden[1]!.bedrag : null);
      const b = row[col(t, 'basis')] as bigint | null;
      const s = row[col(t, 'scenario')] as bigint | null;
      if (b !== null && s !== null) expect(row[col(t, 'verschil')]).toBe(s - b);
      expect(row[col(t, 'status_scenario')]).toBe(r.zijden[1]!.status);
      if (r.soort === 'regio') regions++;
    }
    // The split puts money on the IZA regions in the scenario only: they are absent in the baseline.
    expect(regions).toBeGreaterThan(0);
    const region = t.rijen.find((row) => row[col(t, 'soort')] === 'regio')!;
    expect(region[col(t, 'basis')]).toBeNull();
  });
  it('with three sides, every variant has its own difference columns', () => {
    const other = allocationOf({ ...SCENARIO, naam: 'Ander', wijzigingen: SCENARIO.wijzigingen.slice(0, 1) });
    const three = compareRecipients(data, [basis, scenario, other], { jaar: 2028, stroom: 'alle' });
    const t = recipientRowsTable(three, ['Basis', 'S', 'A'], { jaar: 2028, stroom: 'alle' });
    expect(t.kolommen.map((c) => c.id)).toEqual(expect.arrayContaining(['scenario_1', 'scenario_2', 'verschil_1', 'verschil_2', 'per_inwoner_scenario_2']));
    expect(t.rijen.every((r) => r[col(t, 'stroom')] === 'alle')).toBe(true);
  });
});

describe('totalRowsTable', () => {
  it('holds the rows given, with the amounts of each side and whether the row changed', () => {
    const all = compareTotals([basis, scenario]);
    const changed = all.filter((r) => r.gewijzigd);
    const t = totalRowsTable(changed, ['Basis', 'S']);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(all.length);
    expect(t.rijen.map((r) => `${r[0]}|${r[1]}`)).toEqual(changed.map((r) => `${r.jaar}|${r.stroom}`));
    for (const [i, r] of changed.entries()) {
      expect(t.rijen[i]![col(t, 'scenario')]).toBe(r.zijden[1]!.bedrag);
      expect(t.rijen[i]![col(t, 'gewijzigd')]).toBe('ja');
    }
  });
});

describe('cardTable and cardRowsTable', () => {
  const card = recipientCard(data, [basis, scenario], 'GM0363');
  const t = cardTable(card, [basis, scenario], ['Basis', 'S']);
  const jaren = cardYears(card);
  it('per stream: a row per side that differs, whose sum over the years is its total, and the difference row', () => {
    for (const s of card.perStroom) {
      const rows = t.rijen.filter((r) => r[1] === s.stroom);
      const bedrag = rows.filter((r) => r[0] === 'bedrag');
      expect(bedrag.map((r) => r[3])).toEqual(cardSidesShown(card, s.stroom, jaren, 2).map((k) => ['Basis', 'S'][k]));
      for (const r of bedrag) {
        const cells = jaren.map((j) => r[col(t, `j${j}`)] as bigint | null);
        if (cells.every((c) => c !== null)) expect(r[col(t, 'totaal')]).toBe(cells.reduce((a, c) => a! + c!, 0n));
      }
      const verschil = rows.find((r) => r[0] === 'verschil');
      if (bedrag.length === 2 && verschil) {
        for (const j of jaren) {
          const [b, v] = bedrag.map((r) => r[col(t, `j${j}`)] as bigint | null);
          if (b !== null && v !== null) expect(verschil[col(t, `j${j}`)]).toBe(v! - b!);
        }
      }
    }
    // The gezinspoli change makes the scenario differ there; a stream it does not touch is shown once.
    expect(t.rijen.filter((r) => r[0] === 'bedrag' && r[1] === 'integrale-gezinspoli').length).toBe(2);
    expect(t.rijen.filter((r) => r[0] === 'bedrag' && r[1] === 'ks-brede-spuk').length).toBe(1);
  });
  it('the year totals add up the stream rows of each side', () => {
    for (const [k, naam] of ['Basis', 'S'].entries()) {
      const total = t.rijen.find((r) => r[0] === 'totaal' && r[3] === naam)!;
      for (const j of jaren) {
        const perStream = card.perStroom.map((s) => {
          const row = t.rijen.find((r) => r[0] === 'bedrag' && r[1] === s.stroom && r[3] === naam) ?? t.rijen.find((r) => r[0] === 'bedrag' && r[1] === s.stroom && r[3] === 'Basis')!;
          return row[col(t, `j${j}`)] as bigint | null;
        });
        const cell = total[col(t, `j${j}`)];
        if (cell !== null && perStream.every((v) => v !== null)) expect(cell).toBe(perStream.reduce((a, v) => a! + v!, 0n));
      }
      // Over every year the total is unknown (each municipality's 2019-2022 impuls is); over the years with known amounts it is the sum.
      expect(total[col(t, 'totaal')]).toBeNull();
      const known = recipientCard(data, [basis, scenario], 'GM0363', { jaren: [2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030] });
      const kt = cardTable(known, [basis, scenario], ['Basis', 'S']);
      expect(kt.rijen.find((r) => r[0] === 'totaal' && r[3] === naam)![col(kt, 'totaal')]).toBe(known.totaal.zijden[k]!.bedrag);
      expect(known.totaal.zijden[k]!.bedrag).not.toBeNull();
    }
  });
  it('lists the amounts one by one with a total row per year that is the sum of its own rows', () => {
    const r = cardRowsTable(card, [basis, scenario], ['Basis', 'S']);
    for (const j of card.jaren) {
      const own = r.rijen.filter((x) => x[0] === j && x[1] === 'eigen');
      const total = r.rijen.find((x) => x[0] === j && x[1] === 'totaal')!;
      const v = own.map((x) => x[col(r, 'scenario')] as bigint | null);
      if (total[col(r, 'scenario')] !== null && v.every((x) => x !== null)) expect(total[col(r, 'scenario')]).toBe(v.reduce((a, x) => a! + x!, 0n));
    }
    expect(r.rijen.filter((x) => x[1] === 'totaal').length).toBe(card.perJaar.length);
  });
});

describe('chartTable', () => {
  it('one row per category and one column per series; a value not drawn (unknown) is empty, not 0', () => {
    const t = chartTable('Grafiek', { id: 'jaar', kop: 'Jaar', soort: 'jaar' }, ['2025', '2026'], [
      { id: 'a', naam: 'A', soort: 'euro', waarden: [1234500n, null] },
      { id: 'n', naam: 'Aantal', soort: 'aantal', waarden: [3, 0] },
    ]);
    expect(tableToCsv(t)).toBe('jaar,a,n\n2025,12345,3\n2026,,0\n');
  });
});

describe('keyFactorsTable', () => {
  it('one row per indicator of the key, with its value, total and exact share; unknown stays empty', () => {
    const f = keyFactors(data, basis, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: 'GM0363' });
    if (!f.ok) throw new Error(f.bericht);
    const t = keyFactorsTable(f.sleutel);
    expect(t.rijen.map((r) => r[col(t, 'maatstaf')])).toEqual(f.sleutel.factoren.map((x) => x.id));
    expect(t.rijen.length).toBeGreaterThan(0);
    for (const [i, x] of f.sleutel.factoren.entries()) {
      expect(t.rijen[i]![col(t, 'waarde')]).toBe(x.waarde);
      const share = t.rijen[i]![col(t, 'aandeel')] as string | null;
      if (x.aandeel === null) expect(share).toBeNull();
      // The share's 10 decimals are within 1e-10 of waarde / totaal.
      else expect(Math.abs(Number(share) - Number(x.waarde) / Number(x.totaal))).toBeLessThan(1e-9);
    }
  });
});
