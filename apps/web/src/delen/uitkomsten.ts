import {
  comparisonTable,
  tableToCsv,
  type Allocation,
  type Scenario,
} from '@kansrijke-start/core';
import { data } from '../scenario/state.js';
import { metadataTekst } from '../ui/csv-kern.js';

/**
 * The results for download: the core's tables of the comparison of the baseline with the
 * scenario (every recipient, stream and year) and of the totals, the scenario's changes and
 * the statuses. The CLI writes the same tables, so the same question gives the same file. Each
 * CSV has a CSVW metadata file beside it; the workbook is the core's `resultsWorkbook` (loaded when asked for).
 */
const NAMEN = (s: Scenario): [string, string] => ['Basis', s.naam || 'Scenario'];

export function uitkomstenCsv(scenario: Scenario, basis: Allocation, uitkomst: Allocation, excel: boolean): string {
  return tableToCsv(comparisonTable(data, [basis, uitkomst], NAMEN(scenario)), { excel });
}

/** The CSVW metadata (JSON text) of the CSV file `bestand` that `uitkomstenCsv` gives. */
export function uitkomstenMetadata(scenario: Scenario, basis: Allocation, uitkomst: Allocation, bestand: string, excel: boolean): string {
  return metadataTekst(comparisonTable(data, [basis, uitkomst], NAMEN(scenario)), [basis, uitkomst], NAMEN(scenario), bestand, excel);
}
