/**
 * The results workbook (.xlsx) of a scenario against the baseline, and the sheet of amounts per
 * municipality and year it holds. Its own entry point (`@kansrijke-start/core/xlsx`), so that an
 * application can load the xlsx writer and its ZIP library only when a person asks for the file.
 */
import type { BaselineData } from '../data/types.js';
import type { Allocation } from '../allocation/types.js';
import type { Scenario } from '../scenario/schema.js';
import { weakest, type Status } from '../status/status.js';
import { centsToPlain } from '../money/format.js';
import { inhabitantsIn, perInhabitantCents } from '../views/per-inhabitant.js';
import { membershipIn, regionsOf } from '../views/regions.js';
import { describeScenario } from '../views/description.js';
import { exportMetadata, metadataTable } from './metadata.js';
import { comparisonTable, descriptionTable, scenarioTable, sideIds, statusTable, totalsTable } from './tables.js';
import { TOTAL_LABEL, withTotals, type Cell, type Column, type Table } from './table.js';
import { tablesToXlsx } from './table-xlsx.js';

interface MunicipalityRow {
  code: string;
  naam: string;
  provincie: string | null;
  inwoners: bigint | null;
  /** Per year: the sum over the streams; null = an amount of a stream is unknown. */
  jaren: Map<number, bigint | null>;
  status: Status;
}

/**
 * Per municipality (rows) and year (columns): the amounts of the allocation summed over all
 * streams, with the province, the inhabitants, the sum over the years and that sum per
 * inhabitant, and the weakest status of its amounts. A municipality's year is empty when it has
 * no amount that year (it did not exist yet, or no longer) or when one of its amounts is unknown;
 * never 0. The totals row sums every municipality's amounts per year exactly (unknown when one
 * is unknown; empty for a year without municipality amounts), and over the years. The regions' parts (IZA regions) are not in it: only what municipalities get.
 */
export function municipalityYearTable(data: BaselineData, allocation: Allocation): Table {
  const provinceNames = new Map(regionsOf(data, 'provincie').map((r) => [r.code, r.naam]));
  const rows = new Map<string, MunicipalityRow>();
  const years = [...new Set(allocation.resultaten.map((r) => r.jaar))].sort((a, b) => a - b);
  /** Per year with municipality amounts: their sum (null when one is unknown); a year without any has no total. */
  const yearTotals = new Map<number, bigint | null>();
  for (const r of allocation.resultaten) {
    const province = membershipIn(data, r.indeling, 'provincie').regioVan;
    const inhabitants = inhabitantsIn(data, r.indeling);
    for (const l of r.regels) {
      if (l.soort !== 'gemeente') continue;
      let row = rows.get(l.ontvanger);
      if (!row) {
        const p = province.get(l.ontvanger);
        row = { code: l.ontvanger, naam: l.naam, provincie: p === undefined ? null : (provinceNames.get(p) ?? null), inwoners: inhabitants.get(l.ontvanger) ?? null, jaren: new Map(), status: l.status };
        rows.set(l.ontvanger, row);
      }
      const before = row.jaren.has(l.jaar) ? row.jaren.get(l.jaar)! : 0n;
      row.jaren.set(l.jaar, before === null || l.bedrag === null ? null : before + l.bedrag);
      row.status = weakest(row.status, l.status);
      const t = yearTotals.has(l.jaar) ? yearTotals.get(l.jaar)! : 0n;
      yearTotals.set(l.jaar, t === null || l.bedrag === null ? null : t + l.bedrag);
    }
  }
  const sumOf = (xs: Iterable<bigint | null>): bigint | null => {
    let s: bigint | null = 0n;
    for (const x of xs) s = s === null || x === null ? null : s + x;
    return s;
  };
  const kolommen: Column[] = [
    { id: 'gemeente', kop: 'Gemeente (code)', soort: 'code' },
    { id: 'naam', kop: 'Gemeente', soort: 'tekst', breedte: 30 },
    { id: 'provincie', kop: 'Provincie', soort: 'tekst', breedte: 16 },
    { id: 'inwoners', kop: 'Inwoners', soort: 'aantal' },
    ...years.map((jaar): Column => ({ id: `bedrag_${jaar}`, kop: `${jaar} (euro)`, soort: 'euro' })),
    { id: 'totaal', kop: `Totaal ${years[0] ?? ''}-${years.at(-1) ?? ''} (euro)`, soort: 'euro' },
    { id: 'totaal_per_inwoner', kop: 'Totaal per inwoner (euro)', soort: 'getal', euroCent: true },
    { id: 'status', kop: 'Status (de zwakste van de bedragen)', soort: 'code' },
  ];
  const ordered = [...rows.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || (a.code < b.code ? -1 : 1));
  const rijen: Cell[][] = ordered.map((g) => {
    const total = sumOf(g.jaren.values());
    const per = perInhabitantCents(total, g.inwoners);
    return [g.code, g.naam, g.provincie, g.inwoners, ...years.map((j) => (g.jaren.has(j) ? g.jaren.get(j)! : null)), total, per === null ? null : centsToPlain(per, 'cent'), g.status];
  });
  const totaal: Cell[] = [null, TOTAL_LABEL, null, null, ...years.map((j) => (yearTotals.has(j) ? yearTotals.get(j)! : null)), yearTotals.size === 0 ? null : sumOf(yearTotals.values()), null, null];
  return { naam: 'Gemeenten per jaar', kolommen, rijen, eenheid: allocation.eenheid === 1n ? 'cent' : 'euro', totaal };
}

/**
 * The comparison table with what a reader of a sheet per municipality wants beside it: the
 * province of each municipality (in the division of the row's year) after its name, and after
 * the inhabitants each side's amount per inhabitant (rounded to cents, `perInhabitantCents`);
 * the differences per inhabitant are shown in euros. Only for the workbook: the CSV of the
 * comparison (`ks-budget compare`) stays as it is.
 */
export function withMunicipalityColumns(data: BaselineData, t: Table, allocations: readonly Allocation[], namen: readonly string[]): Table {
  const at = (id: string) => {
    const i = t.kolommen.findIndex((c) => c.id === id);
    if (i < 0) throw new RangeError(`withMunicipalityColumns: column ${id} missing`);
    return i;
  };
  const [iJaar, iStroom, iCode, iNaam, iSoort, iInw] = ['jaar', 'stroom', 'ontvanger', 'naam', 'soort', 'inwoners'].map(at) as [number, number, number, number, number, number];
  const ids = sideIds(allocations.length);
  const sides = ids.map(at);
  const provinceNames = new Map(regionsOf(data, 'provincie').map((r) => [r.code, r.naam]));
  const divisions = new Map<string, ReadonlyMap<string, string>>();
  for (const r of allocations[0]?.resultaten ?? []) divisions.set(`${r.jaar}|${r.stroom}`, membershipIn(data, r.indeling, 'provincie').regioVan);
  const provincie: Column = { id: 'provincie', kop: 'Provincie', soort: 'tekst', breedte: 16 };
  const kolommen: Column[] = [
    ...t.kolommen.slice(0, iNaam + 1),
    provincie,
    ...t.kolommen.slice(iNaam + 1, iInw + 1),
    ...ids.map((id, k): Column => ({ id: `${id}_per_inwoner`, kop: `${namen[k] ?? id} per inwoner (euro)`, soort: 'getal', euroCent: true })),
    ...t.kolommen.slice(iInw + 1),
  ].map((c): Column => (c.id.startsWith('verschil_per_inwoner') ? { ...c, euroCent: true } : c));
  const rijen = t.rijen.map((r) => {
    const code = r[iSoort] === 'gemeente' ? (divisions.get(`${r[iJaar]}|${r[iStroom]}`)?.get(r[iCode] as string) ?? null) : null;
    const inw = (r[iInw] ?? null) as bigint | null;
    const per = sides.map((i) => {
      const c = perInhabitantCents((r[i] ?? null) as bigint | null, inw);
      return c === null ? null : centsToPlain(c, 'cent');
    });
    return [...r.slice(0, iNaam + 1), code === null ? null : (provinceNames.get(code) ?? null), ...r.slice(iNaam + 1, iInw + 1), ...per, ...r.slice(iInw + 1)];
  });
  return { ...t, kolommen, rijen };
}

/**
 * The results of a scenario as a workbook: the totals per stream and year, every recipient
 * side by side, the scenario's amounts per municipality and year, the scenario in words (its
 * changes, and what each sets per year), the statuses, and "Verantwoording" (engine and data
 * version, stand of the data, the scenarios). `namen`: the baseline's and the scenario's names.
 */
export function resultsWorkbook(
  data: BaselineData,
  scenario: Scenario,
  basis: Allocation,
  uitkomst: Allocation,
  namen: readonly [string, string],
  opts: { vandaag?: string } = {},
): Uint8Array {
  return tablesToXlsx(resultsTables(data, scenario, basis, uitkomst, namen, opts));
}

/** The tables of `resultsWorkbook`, one per sheet, in order. */
export function resultsTables(
  data: BaselineData,
  scenario: Scenario,
  basis: Allocation,
  uitkomst: Allocation,
  namen: readonly [string, string],
  opts: { vandaag?: string } = {},
): Table[] {
  const both = [basis, uitkomst];
  return [
    withTotals(totalsTable(both, namen)),
    withTotals(withMunicipalityColumns(data, comparisonTable(data, both, namen), both, namen)),
    municipalityYearTable(data, uitkomst),
    scenarioTable(scenario),
    descriptionTable(describeScenario(data, basis, uitkomst)),
    statusTable(),
    metadataTable(exportMetadata(both, namen, { ...opts, tabel: { id: 'uitkomsten', naam: 'Werkmap' } })),
  ];
}

export { withTotals, TOTAL_LABEL } from './table.js';
export { tablesToXlsx } from './table-xlsx.js';
export { FORMAT_CODES, type NumberFormat } from './xlsx.js';
