import type { Allocation, Table } from '@kansrijke-start/core';
import { download } from './download.js';

/** The CSV writer and the metadata (ui/csv-kern.ts), loaded on the first download. */
const csvKern = () => import('./csv-kern.js');

/** "Verantwoording (CSVW, JSON)": the metadata file of a CSV download, next to it. */
export function VerantwoordingKnop({ bestand, maak }: { bestand: string; maak: () => string | Promise<string> }) {
  return (
    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={async () => download((await csvKern()).csvMetadataName(bestand), await maak(), 'application/csvm+json')}>
      Verantwoording (CSVW, JSON)<span class="visually-hidden"> bij {bestand}</span>
    </button>
  );
}

/** A CSV download of one of the core's tables (made when asked for, possibly after loading its builder), with its metadata file beside it. */
export function CsvDownload({ tabel, bestand, allocations, namen, label = 'CSV' }: { tabel: () => Table | Promise<Table>; bestand: string; allocations: readonly Allocation[]; namen: readonly string[]; label?: string }) {
  return (
    <div class="utrecht-button-group">
      <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={async () => download(bestand, (await csvKern()).tableToCsv(await tabel()), 'text/csv;charset=utf-8')}>
        {label}
        <span class="visually-hidden"> ({bestand})</span>
      </button>
      <VerantwoordingKnop bestand={bestand} maak={async () => (await csvKern()).metadataTekst(await tabel(), allocations, namen, bestand)} />
    </div>
  );
}
