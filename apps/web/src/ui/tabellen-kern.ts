/** Loaded on first use through `tabellen()` (tabellen.ts). */
export { cardRowsTable, cardTable, chartTable, keyFactorsTable, overviewYearTable, recipientRowsTable, totalRowsTable } from '@kansrijke-start/core';
