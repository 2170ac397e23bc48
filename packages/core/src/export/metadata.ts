/**
 * What every export carries about itself: the engine and data version it was computed with,
 * the date of the data (its "stand"), the scenarios, the decisions still to come, and the
 * columns. Written as the `metadata` of a JSON export, as the sheet "Verantwoording" of an xlsx
 * workbook, and for CSV as a CSVW metadata file beside it (W3C "Metadata Vocabulary for Tabular
 * Data"), so that the CSV itself stays a plain table every reader can read.
 */
import type { Allocation } from '../allocation/types.js';
import { decisionNotice, type DecisionNotice } from '../data/decisions.js';
import { formatDate } from '../dates/dates.js';
import type { Column, ColumnKind, Table } from './table.js';

/** The engine: this package and its version (kept equal to package.json by a test). */
export const ENGINE = { naam: '@kansrijke-start/core', versie: '0.1.0' } as const;

export interface ExportMetadata {
  product: string;
  motor: { naam: string; versie: string };
  gegevens: { versie: string; datum: string; sha256: string };
  /** The scenarios of the export, in column order; the first is what differences are taken against. */
  scenarios: { naam: string; wijzigingen: number; afronding: string; herindelingen: string }[];
  /** The unit amounts are in. */
  eenheid: 'euro' | 'cent';
  /** Decisions still to come that figures in the export depend on, with what they mean for them. */
  besluiten: DecisionNotice[];
}

/**
 * The metadata of an export of `allocations` (named `namen`). `vandaag` (an ISO day, from the
 * user's clock) adds the notice that an announced decision date has passed.
 */
export function exportMetadata(allocations: readonly Allocation[], namen: readonly string[], opts: { vandaag?: string } = {}): ExportMetadata {
  const first = allocations[0];
  if (!first) throw new RangeError('exportMetadata: no allocation');
  const g = first.gegevens;
  const concerned = g.besluiten.filter((b) => allocations.some((a) => a.resultaten.some((r) => (b.stromen as readonly string[]).includes(r.stroom) && r.jaar >= b.van && r.jaar <= b.tot)));
  return {
    product: 'Kansrijke Start rekenhulp',
    motor: { naam: ENGINE.naam, versie: ENGINE.versie },
    gegevens: { versie: g.versie.versie, datum: g.versie.datum, sha256: g.versie.sha256 },
    scenarios: allocations.map((a, k) => ({
      naam: namen[k] ?? a.scenario.naam,
      wijzigingen: a.scenario.wijzigingen.length,
      afronding: a.scenario.afronding,
      herindelingen: a.scenario.herindelingen,
    })),
    eenheid: allocations.some((a) => a.eenheid === 1n) ? 'cent' : 'euro',
    besluiten: concerned.map((b) => decisionNotice(b, { gegevensDatum: g.versie.datum, vandaag: opts.vandaag })),
  };
}

/** The metadata as a two-column table: the xlsx sheet "Verantwoording". */
export function metadataTable(m: ExportMetadata): Table {
  const rijen: string[][] = [
    ['Product', m.product],
    ['Rekenmotor', `${m.motor.naam} ${m.motor.versie}`],
    ['Versie van de gegevens', m.gegevens.versie],
    ['Stand van de gegevens', formatDate(m.gegevens.datum)],
    ['SHA-256 van de gegevens', m.gegevens.sha256],
    ['Bedragen in', m.eenheid === 'cent' ? "euro's met centen" : "hele euro's"],
    ...m.scenarios.map((s, k) => [
      k === 0 ? 'Vergeleken met (eerste kolom)' : `Scenario ${k}`,
      `${s.naam} (${s.wijzigingen} ${s.wijzigingen === 1 ? 'wijziging' : 'wijzigingen'}; ${s.herindelingen === 'zonder' ? 'zonder geplande herindelingen' : 'met geplande herindelingen'})`,
    ]),
    ...m.besluiten.map((b) => [b.verouderd ? 'Mogelijk verouderd' : 'Nog niet besloten', b.tekst]),
  ];
  return {
    naam: 'Verantwoording',
    kolommen: [
      { id: 'veld', kop: 'Gegeven', soort: 'tekst', breedte: 32 },
      { id: 'waarde', kop: 'Waarde', soort: 'tekst', breedte: 110 },
    ],
    rijen,
    eenheid: 'euro',
  };
}

const CSVW_DATATYPE: Readonly<Record<ColumnKind, string>> = {
  tekst: 'string',
  code: 'string',
  jaar: 'integer',
  euro: 'decimal',
  getal: 'decimal',
  aantal: 'integer',
  datum: 'string', // as precise as the source: a day, a month or a year
};

/**
 * The CSVW metadata of a CSV file of `table` named `bestand` (the file it describes, relative
 * to the metadata file `<bestand>-metadata.json`): its columns with their Dutch titles and
 * types, the dialect (plain or Excel-NL), and the versions and stand of the export.
 */
export function csvMetadata(table: Table, m: ExportMetadata, bestand: string, opts: { excel?: boolean } = {}): Record<string, unknown> {
  const excel = opts.excel === true;
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: bestand,
    'dc:title': `${m.product}: ${table.naam}`,
    'dc:creator': m.product,
    'schema:version': m.gegevens.versie,
    'dc:date': m.gegevens.datum,
    dialect: { delimiter: excel ? ';' : ',', encoding: 'utf-8', header: true, lineTerminators: excel ? ['\r\n'] : ['\n'] },
    tableSchema: {
      columns: table.kolommen.map((c: Column) => ({
        name: c.id,
        titles: c.kop,
        datatype: c.soort === 'euro' || c.soort === 'getal' ? { base: 'decimal', format: { decimalChar: excel ? ',' : '.' } } : CSVW_DATATYPE[c.soort],
      })),
    },
    notes: [{ metadata: m }],
  };
}

/** The name of the metadata file of a CSV file: `verdeling.csv` → `verdeling.csv-metadata.json` (CSVW's own convention). */
export const csvMetadataName = (bestand: string): string => `${bestand}-metadata.json`;
