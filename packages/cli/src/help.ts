/**
 * Pieces of the help texts that come from the core: the columns of a table (from the core's
 * table definitions) and the statuses (from the one status vocabulary), so that a help text
 * never names a column or status the output does not have.
 */
import { STATUS_CODES, baselineData, emptyScenario, statusLegend, type Allocation, type Column } from '@kansrijke-start/core';

/** An allocation without results: only used to ask the core for the columns of a table. */
export function withoutResults(): Allocation {
  const d = baselineData();
  return { scenario: emptyScenario(), gegevens: { versie: d.versie, bronnen: d.bronnen, besluiten: d.besluiten }, eenheid: 100n, resultaten: [], waarschuwingen: [] };
}

/** The columns of a table: machine name (CSV header, JSON key) and the Dutch header. */
export function columnsHelp(kolommen: readonly Column[]): string {
  const width = Math.max(...kolommen.map((c) => c.id.length));
  return kolommen.map((c) => `  ${c.id.padEnd(width)}  ${c.kop}`).join('\n');
}

/** The status codes, in one line. */
export const statusCodes = (): string => STATUS_CODES.join(', ');

/** Every status with its meaning. */
export function statusHelp(): string {
  const legend = statusLegend();
  const width = Math.max(...legend.map((s) => s.status.length));
  return legend.map((s) => `  ${s.status.padEnd(width)}  ${s.betekenis}`).join('\n');
}
