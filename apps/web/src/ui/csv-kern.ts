import { csvMetadata, csvMetadataName, exportMetadata, tableToCsv, type Allocation, type Table } from '@kansrijke-start/core';
import { VANDAAG } from './gegevens.js';

/**
 * The core's CSV writer and CSVW metadata, in a chunk of their own: they are needed only when
 * someone downloads a CSV (ui/csv-download.tsx loads them then), so the first load does not carry them.
 */
export { csvMetadataName, tableToCsv };

/** The CSVW metadata file beside a CSV file of `tabel`: the core's description of its columns, versions and stand. */
export function metadataTekst(tabel: Table, allocations: readonly Allocation[], namen: readonly string[], bestand: string, excel = false): string {
  return JSON.stringify(csvMetadata(tabel, exportMetadata(allocations, namen, { vandaag: VANDAAG }), bestand, { excel }), null, 2);
}
