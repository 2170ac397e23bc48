/**
 * The summary that ends `ks-budget compare` on a terminal: the core's `comparisonSummary` of the
 * comparison rows, laid out. Every figure is the core's (sums of the rows, exact cents); this
 * module only chooses words and layout.
 */
import { formatEuro, formatSignedEuro, type ComparisonSummary, type StreamRef, type SummaryTotal, type SummaryTotalRow } from '@kansrijke-start/core';
import { terminalSafe } from './output.js';
import { layoutTable, wrapText } from './terminal.js';

/** Prose wrapped as the terminal shows it (made safe first: a scenario name is user input). */
const wrap = (text: string, width: number): string => wrapText(terminalSafe(text), width);

const amount = (t: SummaryTotal, unit: 'euro' | 'cent'): string => (!t.aanwezig ? '' : t.bedrag === null ? 'onbekend' : formatEuro(t.bedrag, unit === 'euro' ? 'auto' : 'always'));
const signed = (v: bigint | null): string => (v === null ? 'onbekend' : formatSignedEuro(v));

function totalsTable(rows: readonly SummaryTotalRow[], namen: readonly string[], unit: 'euro' | 'cent', width: number, year: boolean, stroomNaam: (id: StreamRef) => string): string {
  return layoutTable(
    {
      koppen: [...(year ? ['Jaar'] : []), 'Stroom', ...namen, ...namen.slice(1).map((n) => `Verschil ${n}`)],
      rijen: rows.map((r) => [...(year ? [String(r.jaar)] : []), stroomNaam(r.stroom), ...r.totalen.map((t) => amount(t, unit)), ...r.verschillen.map(signed)]),
      rechts: [...(year ? [true] : []), false, ...namen.map(() => true), ...namen.slice(1).map(() => true)],
    },
    width,
  );
}

/** The summary as text for a terminal of `width`: totals per stream and year, per stream, and the largest increases and decreases. */
export function summaryText(s: ComparisonSummary, namen: readonly string[], unit: 'euro' | 'cent', width: number, count: number, stroomNaam: (id: StreamRef) => string): string {
  const parts: string[] = ['', wrap(`Samenvatting: ${namen.slice(1).join(' en ')} tegen ${namen[0]}`, width), ''];
  if (s.totalen.length === 0) {
    parts.push('Geen regels in deze vergelijking.', '');
    return parts.join('\n');
  }
  parts.push('Totaal per stroom en jaar (som van de regels hierboven):', totalsTable(s.totalen, namen, unit, width, true, stroomNaam));
  if (s.perStroom.length > 0 && new Set(s.totalen.map((t) => t.jaar)).size > 1) {
    parts.push('Totaal per stroom over de jaren hierboven:', totalsTable(s.perStroom, namen, unit, width, false, stroomNaam));
  }
  s.bewegingen.forEach((b, j) => {
    const naam = namen[j + 1];
    const counts = `${b.aantalStijgers} ${b.aantalStijgers === 1 ? 'gemeente gaat' : 'gemeenten gaan'} erop vooruit, ${b.aantalDalers} erop achteruit, ${b.aantalGelijk} ${b.aantalGelijk === 1 ? 'blijft' : 'blijven'} gelijk${b.aantalOnbekend > 0 ? `, van ${b.aantalOnbekend} is het verschil onbekend` : ''}.`;
    parts.push(wrap(`${naam} tegen ${namen[0]}, opgeteld over de stromen en jaren hierboven: ${counts}`, width), '');
    for (const [title, list] of [
      [`Grootste stijgers (hoogstens ${count})`, b.stijgers],
      [`Grootste dalers (hoogstens ${count})`, b.dalers],
    ] as const) {
      parts.push(`${title}:`);
      if (list.length === 0) parts.push('  geen', '');
      else parts.push(layoutTable({ koppen: ['Gemeente', 'Code', 'Verschil'], rijen: list.map((m) => [m.naam, m.ontvanger, formatSignedEuro(m.verschil)]), rechts: [false, false, true] }, width));
    }
  });
  return parts.join('\n');
}
