import { comparisonTable, scenarioTable, statusTable, tableToCsv, tablesToXlsx, totalsTable, type Allocation, type Scenario } from '@kansrijke-start/core';
import { data } from '../scenario/state.js';

/**
 * The results for download: the core's tables of the comparison of the baseline with the
 * scenario (every recipient, stream and year) and of the totals, the scenario's changes and
 * the statuses. The CLI writes the same tables, so the same question gives the same file.
 */
const NAMEN = (s: Scenario): [string, string] => ['Basis', s.naam || 'Scenario'];

export function uitkomstenCsv(scenario: Scenario, basis: Allocation, uitkomst: Allocation, excel: boolean): string {
  return tableToCsv(comparisonTable(data, [basis, uitkomst], NAMEN(scenario)), { excel });
}

export function uitkomstenXlsx(scenario: Scenario, basis: Allocation, uitkomst: Allocation): Uint8Array {
  return tablesToXlsx([totalsTable([basis, uitkomst], NAMEN(scenario)), comparisonTable(data, [basis, uitkomst], NAMEN(scenario)), scenarioTable(scenario), statusTable()]);
}
