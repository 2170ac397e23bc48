import { csvMetadata, csvMetadataName, exportMetadata, tableToCsv, type Allocation, type Table } from '@kansrijke-start/core';
import { download } from './download.js';
import { VANDAAG } from './gegevens.js';

/** The CSVW metadata file beside a CSV file of `tabel`: the core's description of its columns, versions and stand. */
export function metadataTekst(tabel: Table, allocations: readonly Allocation[], namen: readonly string[], bestand: string, excel = false): string {
  return JSON.stringify(csvMetadata(tabel, exportMetadata(allocations, namen, { vandaag: VANDAAG }), bestand, { excel }), null, 2);
}

/** "Verantwoording (CSVW, JSON)": the metadata file of a CSV download, next to it. */
export function VerantwoordingKnop({ bestand, maak }: { bestand: string; maak: () => string | Promise<string> }) {
  return (
    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={async () => download(csvMetadataName(bestand), await maak(), 'application/csvm+json')}>
      Verantwoording (CSVW, JSON)<span class="visually-hidden"> bij {bestand}</span>
    </button>
  );
}

/** A CSV download of one of the core's tables (made when asked for, possibly after loading its builder), with its metadata file beside it. */
export function CsvDownload({ tabel, bestand, allocations, namen, label = 'CSV' }: { tabel: () => Table | Promise<Table>; bestand: string; allocations: readonly Allocation[]; namen: readonly string[]; label?: string }) {
  return (
    <div class="utrecht-button-group">
      <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={async () => download(bestand, tableToCsv(await tabel()), 'text/csv;charset=utf-8')}>
        {label}
        <span class="visually-hidden"> ({bestand})</span>
      </button>
      <VerantwoordingKnop bestand={bestand} maak={async () => metadataTekst(await tabel(), allocations, namen, bestand)} />
    </div>
  );
}
