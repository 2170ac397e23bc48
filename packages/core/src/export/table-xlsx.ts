import { euro, geheel, jaar, tekst, writeXlsx, type XlsxCell, type XlsxSheet } from './xlsx.js';
import { cellText, type Cell, type Column, type Table } from './table.js';

/**
 * Tables as an xlsx workbook. Apart from `table.ts`, so that whoever writes only CSV or JSON
 * does not load the xlsx writer and its ZIP library.
 */

function xlsxCell(t: Table, c: Column, v: Cell): XlsxCell {
  if (v === null) return null;
  switch (c.soort) {
    case 'euro':
      return euro(v as bigint, t.eenheid);
    case 'jaar':
      return jaar(v as number | bigint);
    case 'aantal':
      return geheel(v as number | bigint);
    case 'getal':
      return { t: 'getal', v: String(v), ...(c.euroCent ? { opmaak: 'euro-cent' as const } : {}) };
    default:
      return tekst(cellText(t, c, v));
  }
}

/**
 * The tables as one xlsx workbook, a sheet per table, with Dutch headers, a frozen header row,
 * an autofilter and, where the table has one, its totals row.
 */
export function tablesToXlsx(tables: readonly Table[]): Uint8Array {
  const sheets: XlsxSheet[] = tables.map((t) => ({
    naam: t.naam,
    kolommen: t.kolommen.map((c) => ({ kop: c.kop, breedte: c.breedte ?? (c.soort === 'euro' ? 16 : c.soort === 'jaar' ? 8 : 14) })),
    rijen: t.rijen.map((r) => t.kolommen.map((c, i) => xlsxCell(t, c, r[i] ?? null))),
    // The totals row's label is text whatever the column holds; its other cells are amounts.
    ...(t.totaal ? { slot: t.kolommen.map((c, i) => (typeof t.totaal![i] === 'string' ? tekst(t.totaal![i] as string) : xlsxCell(t, c, t.totaal![i] ?? null))) } : {}),
  }));
  return writeXlsx(sheets);
}
