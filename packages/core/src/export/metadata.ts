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
import { ENGINE } from './engine.js';
import { receiptOf, type Receipt } from '../receipt/receipt.js';
import { canonicalJson } from '../receipt/canonical.js';
import type { Scenario } from '../scenario/schema.js';
import type { ComparisonFilter } from '../views/comparison.js';

export { ENGINE };

/** One scenario of an export: its name and settings, its receipt, and the scenario itself (so the export can be recomputed). */
export interface ExportScenario {
  naam: string;
  wijzigingen: number;
  afronding: string;
  herindelingen: string;
  /** The receipt of its allocation: engine, data, SHA-256 of the canonical scenario and of the canonical result. */
  bewijs: Receipt;
  /** The scenario as computed (parsed and normalised, with a shell's `--herindelingen` applied). */
  scenario: Scenario;
}

/**
 * Which table an export holds, so that `ks-budget verify` can compute it again: `id` names the
 * core's table definition (`verdeling`: allocationTable, `vergelijking`: comparisonTable,
 * `totalen`: totalsTable, `landelijk`: overviewTable, `uitkomsten`: the workbook of
 * resultsTables), `naam` is the table's own name, and `filter` the selection it was made with
 * (absent: not recorded; rows missing from the file are then not counted as differences).
 */
export interface ExportTable {
  id?: string;
  naam: string;
  filter?: ComparisonFilter;
}

/** What an export says about itself: engine, data, scenarios with their receipts, unit, open decisions, and the table it holds. */
export interface ExportMetadata {
  product: string;
  motor: { naam: string; versie: string };
  gegevens: { versie: string; datum: string; sha256: string };
  /** The scenarios of the export, in column order; the first is what differences are taken against. */
  scenarios: ExportScenario[];
  /** The unit amounts are in. */
  eenheid: 'euro' | 'cent';
  /** Decisions still to come that figures in the export depend on, with what they mean for them. */
  besluiten: DecisionNotice[];
  /** The table the export holds, when known. */
  tabel?: ExportTable;
}

/**
 * The metadata of an export of `allocations` (named `namen`). `vandaag` (an ISO day, from the
 * user's clock) adds the notice that an announced decision date has passed.
 */
export function exportMetadata(allocations: readonly Allocation[], namen: readonly string[], opts: { vandaag?: string; tabel?: ExportTable } = {}): ExportMetadata {
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
      bewijs: receiptOf(a),
      scenario: a.scenario,
    })),
    eenheid: allocations.some((a) => a.eenheid === 1n) ? 'cent' : 'euro',
    besluiten: concerned.map((b) => decisionNotice(b, { gegevensDatum: g.versie.datum, vandaag: opts.vandaag })),
    ...(opts.tabel ? { tabel: { ...opts.tabel, ...(opts.tabel.filter ? { filter: exportFilter(opts.tabel.filter) } : {}) } } : {}),
  };
}

/** A filter as an export records it: only what selects something (no null, false or undefined), as plain JSON. */
export function exportFilter(f: ComparisonFilter): ComparisonFilter {
  const out: ComparisonFilter = {};
  if (f.van !== undefined) out.van = f.van;
  if (f.tot !== undefined) out.tot = f.tot;
  if (f.stroom) out.stroom = f.stroom;
  if (f.alleenVerschillen) out.alleenVerschillen = true;
  if (f.regio) out.regio = { soort: f.regio.soort, code: f.regio.code };
  if (f.ontvangers) out.ontvangers = [...f.ontvangers];
  return out;
}

/** The longest text of a cell in a workbook (Excel's limit is 32,767 characters). */
export const MAX_CELL_TEXT = 32_000;

/** The labels of a scenario's receipt rows on the sheet "Verantwoording": `Scenario 1: SHA-256 van het scenario`. */
export const RECEIPT_LABELS = { scenario: 'SHA-256 van het scenario', uitkomst: 'SHA-256 van de uitkomst', json: 'scenario als JSON' } as const;

/** The label of scenario `k` in receipt rows, numbered as the rows above them: the first column, then `Scenario 1`, ... */
export const scenarioLabel = (k: number): string => (k === 0 ? 'Eerste kolom' : `Scenario ${k}`);

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
    ...(m.tabel?.id ? [['Tabel', m.tabel.id]] : []),
    ...m.scenarios.flatMap((s, k) => {
      const json = canonicalJson(s.scenario);
      return [
        [`${scenarioLabel(k)}: ${RECEIPT_LABELS.scenario}`, s.bewijs.scenarioSha256],
        [`${scenarioLabel(k)}: ${RECEIPT_LABELS.uitkomst}`, s.bewijs.resultaatSha256],
        [
          `${scenarioLabel(k)}: ${RECEIPT_LABELS.json}`,
          json.length <= MAX_CELL_TEXT ? json : `te lang voor een cel (${json.length} tekens); geef het scenariobestand met --scenario bij ks-budget verify`,
        ],
      ];
    }),
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
    notes: [{ metadata: m.tabel ? m : { ...m, tabel: { naam: table.naam } } }],
  };
}

/** The name of the metadata file of a CSV file: `verdeling.csv` → `verdeling.csv-metadata.json` (CSVW's own convention). */
export const csvMetadataName = (bestand: string): string => `${bestand}-metadata.json`;
