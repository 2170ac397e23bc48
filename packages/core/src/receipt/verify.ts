/**
 * Checking an export against its receipt: read what the file says about itself (its metadata:
 * data version, the scenarios and their receipts, the table it holds), compute the scenarios
 * again with this engine and this data, and compare, hash by hash and cell by cell. Pure: the
 * shell (`ks-budget verify`) reads the files and prints the report.
 */
import type { BaselineData } from '../data/types.js';
import type { Allocation } from '../allocation/types.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import { emptyScenario } from '../scenario/format.js';
import { formatProblem } from '../scenario/problem.js';
import { formatDate } from '../dates/dates.js';
import { parseCsv } from '../csv/parse.js';
import type { ComparisonFilter } from '../views/comparison.js';
import { allocationTable, comparisonTable, overviewTable, totalsTable } from '../export/tables.js';
import { tableToCsv, tableToObjects, type Table } from '../export/table.js';
import { tablesToXlsx } from '../export/table-xlsx.js';
import { resultsTables } from '../export/workbook.js';
import { readXlsx, type ReadSheet } from '../export/xlsx-read.js';
import { RECEIPT_LABELS, scenarioLabel } from '../export/metadata.js';
import { ENGINE } from '../export/engine.js';
import { receiptOf, scenarioHash } from './receipt.js';

/** A file to check, as the shell read it. */
export type ExportFile =
  | { soort: 'json'; bestand: string; tekst: string }
  /** `metadata`: the CSVW file beside it (`<bestand>-metadata.json`), when there is one. */
  | { soort: 'csv'; bestand: string; tekst: string; metadata: { bestand: string; tekst: string } | null }
  | { soort: 'xlsx'; bestand: string; bytes: Uint8Array };

/** A scenario given beside the export (`--scenario`), as text. */
export interface GivenScenario {
  bestand: string;
  tekst: string;
}

/** What `verifyExport` may get beside the file. */
export interface VerifyOptions {
  /**
   * Scenarios given beside the export: for a CSV without metadata, or where the export does not
   * hold its scenario; where it does, each is checked to be the scenario of the export. As many
   * as the export has scenarios, or one fewer (the first, the reference, is then the baseline).
   */
  scenarios?: readonly GivenScenario[];
  /** Today (ISO day), as the export was made with; only the notices about decisions depend on it, and they are not compared. */
  vandaag?: string;
}

/** One place where the file and the recomputation differ. */
export interface Difference {
  /** The table or sheet (`Vergelijking`), or `bewijs` for a receipt. */
  tabel: string;
  /** Where in the file: `regel 12` (CSV), `rij 12` (xlsx), `regels[10]` (JSON), or the receipt's field. */
  plaats: string;
  /** Which row: its year, stream and recipient (with name), or what the receipt is of. */
  rij: string;
  kolom: string;
  verwacht: string;
  gevonden: string;
}

/** The outcome of `verifyExport`: the file matches, it does not (with where), or it cannot be checked (with why). */
export type VerifyResult =
  /** `regels`: the report in Dutch, one line each. */
  | { uitkomst: 'klopt'; regels: string[] }
  | { uitkomst: 'verschilt'; regels: string[]; verschillen: Difference[] }
  /** The file is not an export that can be checked (or a scenario is missing): what and where. */
  | { uitkomst: 'ongeldig'; fouten: string[] };

/** At most this many differences are listed; a line says how many more there are. */
export const MAX_LISTED = 25;

/** The columns that say which amount a row is about; a table without them is compared row by row. */
const KEY_IDS = ['jaar', 'stroom', 'ontvanger', 'gemeente'] as const;

/** The same columns on a sheet, by their Dutch headers (a sheet has no machine names), and the columns with a recipient's name. */
const SHEET_KEYS = ['Jaar', 'Stroom', 'Stroom (code)', 'Ontvanger (code)', 'Gemeente (code)'];
const SHEET_NAMES = ['Ontvanger', 'Gemeente'];

/** What an export records, read from any of the three forms. */
interface Recorded {
  gegevens: { versie: string | null; datum: string | null; sha256: string | null } | null;
  motor: string | null;
  scenarios: { naam: string | null; scenario: unknown; scenarioSha256: string | null; resultaatSha256: string | null }[];
  tabel: { id: string | null; naam: string | null; filter: ComparisonFilter | null } | null;
}

type Grid = { header: string[]; rows: { plaats: string; cells: string[] }[]; excel?: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const short = (hash: string | null): string => (hash === null ? '(geen)' : `${hash.slice(0, 12)}…`);

/** The column of a difference between a given scenario and the export's. */
const GIVEN = 'gegeven scenario';

const NOT_AN_EXPORT = 'dit is geen export van de rekenhulp (ks-budget of de app)';

/** The metadata object of a JSON export or CSVW file, read leniently; null when it has none. */
function fromMetadata(m: unknown): Recorded | null {
  if (!isObject(m) || !Array.isArray(m['scenarios'])) return null;
  const g = isObject(m['gegevens']) ? m['gegevens'] : null;
  const motor = isObject(m['motor']) ? str(m['motor']['versie']) : null;
  const tabel = isObject(m['tabel']) ? m['tabel'] : null;
  return {
    gegevens: g ? { versie: str(g['versie']), datum: str(g['datum']), sha256: str(g['sha256']) } : null,
    motor,
    scenarios: (m['scenarios'] as unknown[]).map((s) => {
      const e = isObject(s) ? s : {};
      const b = isObject(e['bewijs']) ? e['bewijs'] : {};
      return { naam: str(e['naam']), scenario: e['scenario'] ?? null, scenarioSha256: str(b['scenarioSha256']), resultaatSha256: str(b['resultaatSha256']) };
    }),
    tabel: tabel ? { id: str(tabel['id']), naam: str(tabel['naam']), filter: isObject(tabel['filter']) ? (tabel['filter'] as ComparisonFilter) : null } : null,
  };
}

/** The sheet "Verantwoording" of a workbook (rows: label, value) as what the export records. */
function fromSheet(sheet: ReadSheet): Recorded {
  const rows = new Map<string, string>();
  for (const r of sheet.rijen.slice(1)) if (r[0]) rows.set(r[0], r[1] ?? '');
  const names: (string | null)[] = [];
  for (const [label, value] of rows) {
    const k = label === 'Vergeleken met (eerste kolom)' ? 0 : /^Scenario (\d+)$/.exec(label) ? Number(label.slice(9)) : -1;
    if (k < 0) continue;
    names[k] = /^(.*) \(\d+ wijziging(?:en)?; (?:zonder|met) geplande herindelingen\)$/s.exec(value)?.[1] ?? value;
  }
  const scenarios: Recorded['scenarios'] = [];
  for (let k = 0; rows.has(`${scenarioLabel(k)}: ${RECEIPT_LABELS.scenario}`) || k < names.length; k++) {
    const at = (what: string) => rows.get(`${scenarioLabel(k)}: ${what}`) ?? null;
    const json = at(RECEIPT_LABELS.json);
    let scenario: unknown = null;
    if (json !== null && json.startsWith('{')) {
      try {
        scenario = JSON.parse(json);
      } catch {
        scenario = null;
      }
    }
    scenarios.push({ naam: names[k] ?? null, scenario, scenarioSha256: at(RECEIPT_LABELS.scenario), resultaatSha256: at(RECEIPT_LABELS.uitkomst) });
  }
  const motor = rows.get('Rekenmotor') ?? null;
  return {
    gegevens: { versie: rows.get('Versie van de gegevens') ?? null, datum: null, sha256: rows.get('SHA-256 van de gegevens') ?? null },
    motor: motor === null ? null : (motor.split(' ').at(-1) ?? null),
    scenarios,
    tabel: { id: rows.get('Tabel') ?? 'uitkomsten', naam: 'Werkmap', filter: null },
  };
}

/** The table definitions an export can hold, by id. */
type Builder = (data: BaselineData, allocations: readonly Allocation[], namen: readonly string[], filter: ComparisonFilter) => Table;
const BUILDERS: Readonly<Record<string, Builder>> = {
  verdeling: (data, a, _n, f) => allocationTable(a[0]!, f, data),
  vergelijking: (data, a, n, f) => comparisonTable(data, a, n, f),
  totalen: (_d, a, n) => totalsTable(a, n),
  landelijk: (_d, a, _n, f) => overviewTable(a[0]!, { ...(f.van !== undefined ? { van: f.van } : {}), ...(f.tot !== undefined ? { tot: f.tot } : {}) }),
};
/** Table names that say which definition it is (the id is recorded by newer exports). */
const BY_NAME: Readonly<Record<string, string>> = { Verdeling: 'verdeling', Vergelijking: 'vergelijking', Landelijk: 'landelijk' };

/** Which definition a table is, from its recorded id or name, or from its columns. */
function tableId(data: BaselineData, rec: Recorded['tabel'], header: readonly string[] | null, count: number): string | null {
  if (rec?.id && (BUILDERS[rec.id] || rec.id === 'uitkomsten')) return rec.id;
  if (rec?.naam && BY_NAME[rec.naam]) return BY_NAME[rec.naam]!;
  if (header === null) return null;
  const stub = emptyAllocationStub(data);
  for (const id of Object.keys(BUILDERS)) {
    const n = id === 'verdeling' || id === 'landelijk' ? 1 : Math.max(2, count);
    const cols = BUILDERS[id]!(data, Array.from({ length: n }, () => stub), [], {}).kolommen.map((c) => c.id);
    if (cols.length === header.length && cols.every((c, i) => c === header[i])) return id;
  }
  return null;
}

let stubCache: { data: BaselineData; allocation: Allocation } | null = null;
/** An allocation without results, for the columns of a table definition. */
function emptyAllocationStub(data: BaselineData): Allocation {
  if (stubCache?.data === data) return stubCache.allocation;
  const out = allocateScenario(data, emptyScenario());
  if (!out.ok) throw new Error('verify: the baseline cannot be computed');
  const allocation = { ...out.allocation, resultaten: [] };
  stubCache = { data, allocation };
  return allocation;
}

/** How many scenarios a CSV's columns show: `basis` and `scenario` (2), or `scenario_1`, `scenario_2` (3); otherwise 1. */
function sidesInHeader(header: readonly string[]): number {
  if (!header.includes('basis')) return 1;
  return header.includes('scenario') ? 2 : 1 + header.filter((h) => /^scenario_\d+$/.test(h)).length;
}

const cellOf = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

function csvGrid(tekst: string, bestand: string): Grid | string[] {
  const p = parseCsv(tekst, { bestand });
  if (!p.ok) return p.fouten;
  return { header: p.header, rows: p.rows.map((r) => ({ plaats: `regel ${r.line}`, cells: r.cells })), excel: p.separator === ';' };
}

function sheetGrid(s: ReadSheet): Grid {
  const [head, ...rest] = s.rijen;
  const width = head?.length ?? 0;
  return {
    header: (head ?? []).map((c) => c ?? ''),
    rows: rest
      .map((cells, i) => ({ plaats: `rij ${i + 2}`, cells: Array.from({ length: Math.max(width, cells.length) }, (_, j) => cells[j] ?? '') }))
      .filter((r) => r.cells.some((c) => c !== '')),
  };
}

/**
 * The differences between the grid as recomputed and as found. Rows are matched by their key
 * columns (year, stream, recipient) where they identify the rows, otherwise by position.
 * `complete`: whether the file must hold every row (the selection it was made with is known).
 */
function compareGrids(tabel: string, expected: Grid, found: Grid, keyIds: readonly string[], complete: boolean, nameIds: readonly string[] = ['naam']): Difference[] {
  const out: Difference[] = [];
  if (expected.header.length !== found.header.length || expected.header.some((h, i) => h !== found.header[i])) {
    out.push({ tabel, plaats: 'kopregel', rij: 'kopregel', kolom: '(alle)', verwacht: expected.header.join(', '), gevonden: found.header.join(', ') });
    return out;
  }
  const header = expected.header;
  const keyAt = keyIds.map((id) => header.indexOf(id)).filter((i) => i >= 0);
  const nameAt = header.findIndex((h) => nameIds.includes(h));
  const keyOf = (cells: readonly string[]) => keyAt.map((i) => cells[i] ?? '').join('\u0000');
  const label = (cells: readonly string[], plaats: string) => {
    if (keyAt.length === 0) return plaats;
    const key = keyAt.map((i) => cells[i] ?? '').filter((c) => c !== '').join(' · ');
    const name = nameAt >= 0 && cells[nameAt] ? ` (${cells[nameAt]})` : '';
    return `${key}${name}`;
  };
  const byKey = new Map<string, string[]>();
  let unique = keyAt.length > 0;
  for (const r of expected.rows) {
    const k = keyOf(r.cells);
    if (byKey.has(k)) unique = false;
    byKey.set(k, r.cells);
  }
  const pairs: { plaats: string; want: string[] | null; got: string[] | null }[] = [];
  if (unique) {
    const seen = new Set<string>();
    for (const r of found.rows) {
      const k = keyOf(r.cells);
      pairs.push({ plaats: r.plaats, want: seen.has(k) ? null : (byKey.get(k) ?? null), got: r.cells });
      seen.add(k);
    }
    if (complete) for (const r of expected.rows) if (!seen.has(keyOf(r.cells))) pairs.push({ plaats: '(ontbreekt)', want: r.cells, got: null });
  } else {
    const n = Math.max(expected.rows.length, found.rows.length);
    for (let i = 0; i < n; i++) {
      const f = found.rows[i];
      if (!f && !complete) break;
      pairs.push({ plaats: f?.plaats ?? '(ontbreekt)', want: expected.rows[i]?.cells ?? null, got: f?.cells ?? null });
    }
  }
  for (const { plaats, want, got } of pairs) {
    if (want === null) out.push({ tabel, plaats, rij: label(got!, plaats), kolom: '(hele rij)', verwacht: 'geen rij (de herberekening heeft deze rij niet, of maar één keer)', gevonden: (got ?? []).join(', ') });
    else if (got === null) out.push({ tabel, plaats, rij: label(want, plaats), kolom: '(hele rij)', verwacht: want.join(', '), gevonden: 'geen rij' });
    else header.forEach((h, j) => {
      if ((want[j] ?? '') !== (got[j] ?? '')) out.push({ tabel, plaats, rij: label(want, plaats), kolom: h, verwacht: want[j] ?? '', gevonden: got[j] ?? '' });
    });
  }
  return out;
}

/** The text of one difference: `Vergelijking, regel 14 (2027 · nu-niet-zwanger · GM0014 (Groningen)), kolom scenario: verwacht 123, gevonden 124`. */
export function differenceText(d: Difference): string {
  if (d.tabel === 'bewijs' && d.kolom === GIVEN) return `${d.rij}: het scenario in het bestand (SHA-256 ${short(d.gevonden)}) is niet het gegeven scenario ${d.plaats} (SHA-256 ${short(d.verwacht)})`;
  if (d.tabel === 'bewijs') return `bewijs van ${d.rij}: ${d.kolom} in het bestand is ${d.gevonden}, de herberekening geeft ${d.verwacht}`;
  const q = (s: string) => (s === '' ? 'leeg' : `"${s.length > 160 ? `${s.slice(0, 160)}…` : s}"`);
  const where = d.rij === d.plaats ? d.plaats : `${d.plaats}: ${d.rij}`;
  return `${d.tabel}, ${where}, kolom ${d.kolom}: verwacht ${q(d.verwacht)}, gevonden ${q(d.gevonden)}`;
}

/**
 * Checks an export: its data version, the receipt of each scenario (the SHA-256 of the scenario
 * it holds, and of the result this engine computes from it), and every row of its table against
 * the table computed again. Never throws on bad input.
 */
export function verifyExport(data: BaselineData, file: ExportFile, opts: VerifyOptions = {}): VerifyResult {
  const fail = (...fouten: string[]): VerifyResult => ({ uitkomst: 'ongeldig', fouten });
  const b = file.bestand;

  // 1. What the file records, and its rows.
  let rec: Recorded | null = null;
  let found: Grid | null = null;
  let sheets: ReadSheet[] | null = null;
  let jsonRows: unknown[] | null = null;
  if (file.soort === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(file.tekst.replace(/^\ufeff/, ''));
    } catch (e) {
      return fail(`${b}: dit is geen geldige JSON (${e instanceof Error ? e.message : String(e)}); verify leest een JSON-, CSV- of xlsx-export`);
    }
    if (!isObject(doc)) return fail(`${b}: ${NOT_AN_EXPORT}: een JSON-export is een object met de velden "metadata" en "regels"`);
    rec = fromMetadata(doc['metadata']);
    if (!rec) return fail(`${b}: ${NOT_AN_EXPORT}: het veld "metadata" met de scenario's ontbreekt`);
    if (doc['regels'] !== undefined) {
      if (!Array.isArray(doc['regels'])) return fail(`${b}: het veld "regels" moet een lijst zijn`);
      jsonRows = doc['regels'];
    }
  } else if (file.soort === 'csv') {
    const g = csvGrid(file.tekst, b);
    if (Array.isArray(g)) return fail(...g);
    found = g;
    if (file.metadata) {
      let m: unknown;
      try {
        m = JSON.parse(file.metadata.tekst.replace(/^\ufeff/, ''));
      } catch (e) {
        return fail(`${file.metadata.bestand}: dit is geen geldige JSON (${e instanceof Error ? e.message : String(e)})`);
      }
      const notes = isObject(m) && Array.isArray(m['notes']) ? (m['notes'] as unknown[]) : [];
      const meta = notes.map((n) => (isObject(n) ? n['metadata'] : undefined)).find((x) => x !== undefined);
      rec = fromMetadata(meta);
      if (!rec) return fail(`${file.metadata.bestand}: dit is geen metadatabestand (CSVW) van een export van de rekenhulp: "notes" met de metadata ontbreekt`);
    }
  } else {
    const wb = readXlsx(file.bytes);
    if (!wb.ok) return fail(`${b}: ${wb.fout}`);
    const meta = wb.bladen.find((s) => s.naam === 'Verantwoording');
    if (!meta) return fail(`${b}: ${NOT_AN_EXPORT}: het blad "Verantwoording" ontbreekt`);
    rec = fromSheet(meta);
    if (rec.scenarios.length === 0) return fail(`${b}: het blad "Verantwoording" noemt geen scenario's met hun bewijs; deze werkmap is met een oudere versie gemaakt of geen export van de rekenhulp`);
    sheets = wb.bladen;
  }

  // A CSV without its metadata: its scenarios must be given, and its columns say which table it is.
  if (!rec) {
    const given = opts.scenarios ?? [];
    if (given.length === 0) {
      return fail(
        `${b}: het metadatabestand ${b}-metadata.json ontbreekt, en er is geen scenario gegeven. ` +
          'Zet het metadatabestand dat bij de export hoort ernaast (ks-budget ... --metadata BESTAND, of "Verantwoording" in de app), ' +
          'of geef het scenario met --scenario BESTAND (voor een vergelijking met de basis: alleen het scenario; voor de basis zelf: een scenario zonder wijzigingen)',
      );
    }
    const sides = sidesInHeader(found!.header);
    rec = { gegevens: null, motor: null, scenarios: Array.from({ length: sides }, () => ({ naam: null, scenario: null, scenarioSha256: null, resultaatSha256: null })), tabel: null };
  }

  const lines: string[] = [];
  const diffs: Difference[] = [];

  // 2. The data: with other data every amount may differ; say that, not every row.
  const g = rec.gegevens;
  if (g?.sha256 && g.sha256 !== data.versie.sha256) {
    const text =
      `${b} is gemaakt met andere gegevens (versie ${g.versie ?? 'onbekend'}${g.datum ? `, stand ${formatDate(g.datum)}` : ''}, SHA-256 ${short(g.sha256)}); ` +
      `deze rekenhulp rekent met versie ${data.versie.versie} (stand ${formatDate(data.versie.datum)}, SHA-256 ${short(data.versie.sha256)}). ` +
      'Met andere gegevens geeft de herberekening andere bedragen, dus de rijen zijn niet vergeleken; controleer het bestand met de versie van ks-budget die deze gegevens heeft.';
    return { uitkomst: 'verschilt', regels: [text], verschillen: [{ tabel: 'bewijs', plaats: 'gegevens', rij: 'de gegevens', kolom: 'SHA-256 van de gegevens', verwacht: data.versie.sha256, gevonden: g.sha256 }] };
  }
  if (!g?.sha256) lines.push('Let op: het bestand noemt de versie van de gegevens niet; gerekend is met de gegevens van deze rekenhulp.');
  if (rec.motor && rec.motor !== ENGINE.versie) lines.push(`Let op: het bestand is gemaakt met rekenmotor ${rec.motor}; deze rekenhulp heeft ${ENGINE.versie}.`);

  // 3. The scenarios: given ones fill in (or are checked against) the recorded ones.
  const n = rec.scenarios.length;
  if (n === 0) return fail(`${b}: de metadata noemt geen scenario's`);
  const given = opts.scenarios ?? [];
  if (given.length > 0 && given.length !== n && given.length !== n - 1) {
    return fail(`--scenario: dit bestand heeft ${n} scenario's; geef er ${n} of ${n - 1} (zonder de basis, de eerste kolom), niet ${given.length}`);
  }
  const offset = given.length === n ? 0 : 1;
  const allocations: Allocation[] = [];
  const namen: string[] = [];
  for (let k = 0; k < n; k++) {
    const r = rec.scenarios[k]!;
    const mine = k - offset >= 0 ? given[k - offset] : undefined;
    const label = `${n === 1 ? 'Scenario' : scenarioLabel(k)}${r.naam ? ` ("${r.naam}")` : ''}`;
    let input: unknown = r.scenario;
    let from = `het scenario in ${b}`;
    if (input === null || input === undefined) {
      if (mine) {
        input = mine.tekst;
        from = mine.bestand;
      } else if (k === 0 && given.length === n - 1 && (r.naam === null || r.naam === 'Basis')) {
        input = emptyScenario();
        from = 'de basis';
      } else {
        return fail(`${b}: ${label}: het bestand bevat het scenario niet; geef het met --scenario BESTAND`);
      }
    }
    const out = allocateScenario(data, input);
    if (!out.ok) return fail(...out.fouten.map((p) => `${label}: ${formatProblem(p, from)}`));
    const hash = scenarioHash(out.scenario);
    if (mine && input !== mine.tekst) {
      const theirs = allocateScenario(data, mine.tekst);
      if (!theirs.ok) return fail(...theirs.fouten.map((p) => formatProblem(p, mine.bestand)));
      const h = scenarioHash(theirs.scenario);
      if (h !== hash) diffs.push({ tabel: 'bewijs', plaats: mine.bestand, rij: label, kolom: GIVEN, verwacht: h, gevonden: hash });
    }
    if (r.scenarioSha256 !== null && r.scenarioSha256 !== hash) {
      diffs.push({ tabel: 'bewijs', plaats: label, rij: label, kolom: RECEIPT_LABELS.scenario, verwacht: hash, gevonden: r.scenarioSha256 });
    }
    const receipt = receiptOf(out.allocation);
    if (r.resultaatSha256 !== null && r.resultaatSha256 !== receipt.resultaatSha256) {
      diffs.push({ tabel: 'bewijs', plaats: label, rij: label, kolom: RECEIPT_LABELS.uitkomst, verwacht: receipt.resultaatSha256, gevonden: r.resultaatSha256 });
    }
    allocations.push(out.allocation);
    namen.push(r.naam ?? (from === 'de basis' ? 'Basis' : out.scenario.naam));
    lines.push(`${label}: scenario ${short(hash)}, uitkomst ${short(receipt.resultaatSha256)}${r.scenarioSha256 === null ? ' (het bestand noemt geen bewijs; herberekend uit ' + from + ')' : ''}`);
  }

  // 4. The rows, against the table computed again.
  const recFilter = rec.tabel?.filter ?? null;
  const filter: ComparisonFilter = recFilter ?? {};
  let rowCount = 0;
  if (sheets) {
    if (allocations.length !== 2) return fail(`${b}: een werkmap van de rekenhulp heeft twee scenario's (de basis en het scenario), niet ${allocations.length}`);
    const expected = readXlsx(tablesToXlsx(resultsTables(data, allocations[1]!.scenario, allocations[0]!, allocations[1]!, [namen[0]!, namen[1]!], opts.vandaag ? { vandaag: opts.vandaag } : {})));
    if (!expected.ok) throw new Error(`verify: the workbook written cannot be read: ${expected.fout}`);
    for (const want of expected.bladen) {
      if (want.naam === 'Verantwoording') continue;
      const got = sheets.find((s) => s.naam === want.naam);
      if (!got) {
        diffs.push({ tabel: want.naam, plaats: 'blad', rij: 'blad', kolom: '(alle)', verwacht: `het blad "${want.naam}"`, gevonden: 'geen blad' });
        continue;
      }
      const f = sheetGrid(got);
      rowCount += f.rows.length;
      diffs.push(...compareGrids(want.naam, sheetGrid(want), f, SHEET_KEYS, true, SHEET_NAMES));
    }
  } else {
    const header = found ? found.header : jsonRows && isObject(jsonRows[0]) ? Object.keys(jsonRows[0]) : null;
    const id = tableId(data, rec.tabel, header, allocations.length);
    if (id === null || id === 'uitkomsten' || (!found && jsonRows === null)) {
      lines.push(`De rijen zijn niet vergeleken: ${jsonRows === null && !found ? 'het bestand heeft geen rijen ("regels")' : `verify kent de tabel${rec.tabel?.naam ? ` "${rec.tabel.naam}"` : ''} niet`}; gecontroleerd zijn de gegevens en het bewijs van elk scenario.`);
    } else {
      const table = BUILDERS[id]!(data, allocations, namen, filter);
      let expected: Grid;
      let got: Grid;
      if (found) {
        const excel = found.excel === true;
        const e = csvGrid(tableToCsv(table, { excel }), 'herberekening');
        if (Array.isArray(e)) throw new Error(`verify: the CSV written cannot be read: ${e.join('; ')}`);
        expected = e;
        got = found;
      } else {
        const ids = table.kolommen.map((c) => c.id);
        expected = { header: ids, rows: tableToObjects(table).map((o, i) => ({ plaats: `regels[${i}]`, cells: ids.map((c) => cellOf(o[c])) })) };
        const keys = jsonRows!.length > 0 && isObject(jsonRows![0]) ? Object.keys(jsonRows![0]) : ids;
        got = {
          header: keys,
          rows: jsonRows!.map((o, i) => ({ plaats: `regels[${i}]`, cells: keys.map((c) => (isObject(o) ? cellOf(o[c]) : '')) })),
        };
      }
      rowCount = got.rows.length;
      diffs.push(...compareGrids(table.naam, expected, got, KEY_IDS, recFilter !== null));
      if (recFilter === null) lines.push('Het bestand noemt de selectie niet waarmee het is gemaakt; rijen die ontbreken zijn daarom niet als verschil geteld.');
    }
  }

  const head =
    `Gegevens versie ${data.versie.versie} (stand ${formatDate(data.versie.datum)}), rekenmotor ${ENGINE.naam} ${ENGINE.versie}.`;
  if (diffs.length === 0) {
    return { uitkomst: 'klopt', regels: [`${b} klopt: de herberekening geeft dezelfde uitkomst${rowCount > 0 ? ` (${rowCount} rijen vergeleken)` : ''}.`, head, ...lines] };
  }
  const listed = diffs.slice(0, MAX_LISTED).map((d) => `  ${differenceText(d)}`);
  return {
    uitkomst: 'verschilt',
    regels: [
      `${b} klopt niet: ${diffs.length === 1 ? 'één verschil' : `${diffs.length} verschillen`} met de herberekening.`,
      ...listed,
      ...(diffs.length > MAX_LISTED ? [`  en nog ${diffs.length - MAX_LISTED} verschillen`] : []),
      head,
      ...lines,
    ],
    verschillen: diffs,
  };
}

