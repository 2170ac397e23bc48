/**
 * The validated reference data: `parseBaselineData` checks the embedded CSV copies (`raw/`)
 * file by file (schema.ts), then across files (coverage, control totals, mergers), and derives
 * the indicators per municipality of the 2023-2026 division. `baselineData()` does that once
 * for the embedded copy.
 */
import { Decimal, type Decimal as DecimalValue } from '../money/decimal.js';
import { rawData, type RawData, type RawFile } from './raw/index.js';
import {
  KERNCIJFERS_2022_PEILDATUM,
  bevolkingSchema,
  bredeSpuk2025Schema,
  formatFout,
  gemeenten2021Schema,
  gemeentenSchema,
  generiekeKortingenSchema,
  herindelingenSchema,
  inkomen2020Schema,
  kerncijfers2022Schema,
  landelijkeBudgettenSchema,
  parseFile,
  spukIzaSchema,
  type BevolkingRow,
  type BredeSpukRow,
  type FileSchema,
  type Fout,
  type InkomenRow,
  type IzaRow,
  type KerncijfersRow,
  type Located,
} from './schema.js';
import type {
  BaselineData,
  GenericCut,
  Indicator,
  IndicatorId,
  Merger,
  Municipality,
  Municipality2021,
  NationalAmountRow,
  ObservedTable,
} from './types.js';

/**
 * Control values stated in ../shared/data/README.md. They are not used in any computation:
 * the data must reproduce them, so that a truncated or mistyped copy is noticed.
 */
const CONTROLE = {
  gemeenten: 342,
  gemeenten2021: 352,
  izaRegios: 42,
  inwoners2023: 17_811_291n,
  inwoners2024: 17_942_942n,
} as const;

const BRON_CBS = 'Bron: CBS (CC BY 4.0)';
const BRON_BRIEF_SPUK = 'VWS-brief "Wijziging SPUK IZA en Brede SPUK", 12-09-2025, kenmerk 4190863-1084972-DMO';

// ---------------------------------------------------------------------------------------------
// Small helpers

type Result<T> = { ok: true; data: T } | { ok: false; fouten: string[] };

/** "A", "A en B", "A, B en C" */
function opsomming(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

const TELWOORDEN = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'];

/** 3 -> 'drie'; digits above ten. */
function telwoord(n: number): string {
  return TELWOORDEN[n] ?? String(n);
}

function regels<T>(rows: readonly Located<T>[]): string | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return null;
  return first.regel === last.regel ? String(first.regel) : `${first.regel}-${last.regel}`;
}

/** Looks up a key that earlier checks guarantee to exist. */
function must<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Interne fout: ${String(key)} ontbreekt na de controles`);
  return v;
}

function sum(values: readonly DecimalValue[]): DecimalValue {
  return values.reduce((a, b) => a.plus(b), new Decimal(0));
}

// ---------------------------------------------------------------------------------------------
// Checks within one file

function duplicates<T>(
  file: RawFile,
  rows: readonly Located<T>[],
  key: (t: T) => string,
  kolom: string,
  label: (t: T) => string = (t) => `"${key(t)}"`,
): Fout[] {
  const seen = new Map<string, number>();
  const fouten: Fout[] = [];
  for (const r of rows) {
    const k = key(r.waarde);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, r.regel);
    else fouten.push({ bestand: file.file, regel: r.regel, kolom, melding: `${label(r.waarde)} komt dubbel voor (ook op regel ${first})` });
  }
  return fouten;
}

function countIs<T>(file: RawFile, rows: readonly Located<T>[], expected: number, kolom: string, wat: string): Fout[] {
  if (rows.length === expected) return [];
  return [{ bestand: file.file, regel: regels(rows), kolom, melding: `bevat ${rows.length} ${wat}, verwacht ${expected} (zie README van de brondata)` }];
}

// ---------------------------------------------------------------------------------------------
// Stage 1: every file on its own

interface Parsed {
  gemeenten: Located<Municipality>[];
  gemeenten2021: Located<Municipality2021>[];
  herindelingen: Located<Merger>[];
  bevolking: Located<BevolkingRow>[];
  kerncijfers: Located<KerncijfersRow>[];
  inkomen: Located<InkomenRow>[];
  bredeSpuk: Located<BredeSpukRow>[];
  iza: Located<IzaRow>[];
  budgetten: Located<NationalAmountRow>[];
  kortingen: Located<GenericCut>[];
}

function parseAll(raw: RawData): { parsed: Parsed; fouten: Fout[] } {
  const fouten: Fout[] = [];
  const read = <T>(file: RawFile, schema: FileSchema<T>): Located<T>[] => {
    const r = parseFile(file, schema);
    fouten.push(...r.fouten);
    return r.rows;
  };
  const parsed: Parsed = {
    gemeenten: read(raw.gemeenten20232026, gemeentenSchema),
    gemeenten2021: read(raw.gemeenten2021, gemeenten2021Schema),
    herindelingen: read(raw.herindelingen20192026, herindelingenSchema),
    bevolking: read(raw.bevolking20232024, bevolkingSchema),
    kerncijfers: read(raw.kerncijfers2022, kerncijfers2022Schema),
    inkomen: read(raw.inkomen2020, inkomen2020Schema),
    bredeSpuk: read(raw.bredeSpukTotaal2025, bredeSpuk2025Schema),
    iza: read(raw.spukIzaPerRegio20252026, spukIzaSchema),
    budgetten: read(raw.landelijkeBudgetten, landelijkeBudgettenSchema),
    kortingen: read(raw.generiekeKortingen, generiekeKortingenSchema),
  };
  return { parsed, fouten };
}

function uniqueness(raw: RawData, p: Parsed): Fout[] {
  const code = (r: { code: string }) => r.code;
  const cuts = p.kortingen.flatMap((r) => r.waarde.jaren.map((jaar) => ({ regel: r.regel, waarde: `${r.waarde.regeling} ${jaar}` })));
  return [
    ...duplicates(raw.gemeenten20232026, p.gemeenten, code, 'gemeentecode'),
    ...duplicates(raw.gemeenten2021, p.gemeenten2021, code, 'gemeentecode'),
    ...duplicates(raw.herindelingen20192026, p.herindelingen, (m) => `${m.datum} ${m.oudeCode} -> ${m.nieuweCode}`, 'nieuwe_gemeentecode'),
    ...duplicates(raw.bevolking20232024, p.bevolking, code, 'gemeentecode'),
    ...duplicates(raw.kerncijfers2022, p.kerncijfers, code, 'gemeentecode'),
    ...duplicates(raw.inkomen2020, p.inkomen, code, 'gemeentecode'),
    ...duplicates(raw.bredeSpukTotaal2025, p.bredeSpuk, code, 'gemeentecode'),
    // Equal names give equal ids, so checking the ids covers both.
    ...duplicates(raw.spukIzaPerRegio20252026, p.iza, (r) => r.regio.id, 'iza_regio', (r) => `"${r.regio.naam}" (id ${r.regio.id})`),
    ...duplicates(raw.landelijkeBudgetten, p.budgetten, (r) => `${r.stroom} ${r.jaar}`, 'jaar'),
    ...duplicates(raw.generiekeKortingen, cuts, (k) => k, 'jaar'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Stage 2: across files

/** Every name a code has carried in the municipality lists and the merger table. */
function knownNames(p: Parsed): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (code: string, naam: string) => {
    const set = names.get(code) ?? new Set<string>();
    set.add(naam);
    names.set(code, set);
  };
  for (const { waarde: g } of p.gemeenten) {
    add(g.code, g.naam);
    add(g.code, g.naamCbs);
  }
  for (const { waarde: g } of p.gemeenten2021) add(g.code, g.naam);
  for (const { waarde: m } of p.herindelingen) {
    add(m.oudeCode, m.oudeNaam);
    add(m.nieuweCode, m.nieuweNaam);
  }
  return names;
}

function nameMatches(file: RawFile, rows: readonly Located<{ code: string; naam: string }>[], names: Map<string, Set<string>>): Fout[] {
  return rows.flatMap(({ regel, waarde }) => {
    const known = names.get(waarde.code);
    if (known === undefined || known.has(waarde.naam)) return [];
    const melding = `"${waarde.naam}" is niet de naam van ${waarde.code} (bekend: ${[...known].map((n) => `"${n}"`).join(', ')})`;
    return [{ bestand: file.file, regel, kolom: 'gemeentenaam', melding }];
  });
}

/** The rows of `file` must cover exactly the codes `expected` (code -> where it is defined). */
function coversExactly(
  file: RawFile,
  rows: readonly Located<{ code: string }>[],
  expected: ReadonlyMap<string, string>,
  bron: string,
): Fout[] {
  const present = new Set(rows.map((r) => r.waarde.code));
  const missing: Fout[] = [...expected]
    .filter(([code]) => !present.has(code))
    .map(([code, waar]) => ({ bestand: file.file, regel: null, kolom: 'gemeentecode', melding: `gemeente ${code} ontbreekt (${waar})` }));
  const extra: Fout[] = rows
    .filter((r) => !expected.has(r.waarde.code))
    .map((r) => ({ bestand: file.file, regel: r.regel, kolom: 'gemeentecode', melding: `${r.waarde.code} hoort niet bij ${bron}` }));
  return [...missing, ...extra];
}

function totalIs(file: RawFile, rows: readonly Located<BevolkingRow>[], kolom: string, of: (r: BevolkingRow) => DecimalValue, expected: bigint): Fout[] {
  const total = sum(rows.map((r) => of(r.waarde)));
  if (total.eq(expected.toString())) return [];
  const melding = `de som is ${total.toFixed()}, verwacht ${expected} (landelijk totaal volgens het CBS)`;
  return [{ bestand: file.file, regel: regels(rows), kolom, melding }];
}

/** Mergers that took effect after `peildatum`, grouped by date, latest first. */
function mergersAfter(mergers: readonly Merger[], peildatum: string): Merger[][] {
  const byDate = new Map<string, Merger[]>();
  for (const m of mergers) if (m.datum > peildatum) byDate.set(m.datum, [...(byDate.get(m.datum) ?? []), m]);
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, ms]) => ms);
}

/** The municipal division on `peildatum`, found by undoing later mergers on the 2023 division. */
function divisionAt(codes2023: Iterable<string>, mergers: readonly Merger[], peildatum: string): Set<string> {
  const division = new Set(codes2023);
  for (const group of mergersAfter(mergers, peildatum)) {
    for (const m of group) division.delete(m.nieuweCode);
    for (const m of group) division.add(m.oudeCode);
  }
  return division;
}

/** Where a code of the division on `peildatum` ended up in the 2023 division, or a problem. */
function successorIn2023(code: string, mergers: readonly Merger[], peildatum: string, codes2023: ReadonlySet<string>): { code: string } | { melding: string } {
  const later = mergers.filter((m) => m.datum > peildatum && m.oudeCode !== m.nieuweCode);
  let current = code;
  const visited = new Set<string>();
  while (!visited.has(current)) {
    visited.add(current);
    const next = [...new Set(later.filter((m) => m.oudeCode === current).map((m) => m.nieuweCode))];
    if (next.length > 1) return { melding: `${current} is gesplitst over ${opsomming(next)}; cijfers kunnen niet eenduidig worden omgerekend` };
    const [only] = next;
    if (only === undefined) break;
    current = only;
  }
  return codes2023.has(current) ? { code: current } : { melding: `${code} leidt via de herindelingen niet tot een gemeente van 2023-2026` };
}

function codeIndex(file: RawFile, rows: readonly Located<{ code: string; naam: string }>[]): Map<string, string> {
  return new Map(rows.map((r) => [r.waarde.code, `${r.waarde.naam}, zie ${file.file} regel ${r.regel}`]));
}

function mergerChecks(raw: RawData, p: Parsed, codes2023: ReadonlySet<string>): Fout[] {
  const oudeCodes = new Set(p.herindelingen.map((r) => r.waarde.oudeCode));
  const vanishedWithoutMerger: Fout[] = p.gemeenten2021
    .filter((r) => !codes2023.has(r.waarde.code) && !oudeCodes.has(r.waarde.code))
    .map((r) => ({
      bestand: raw.gemeenten2021.file,
      regel: r.regel,
      kolom: 'gemeentecode',
      melding: `${r.waarde.code} (${r.waarde.naam}) bestaat niet meer in 2023-2026, maar staat niet als oude gemeente in ${raw.herindelingen20192026.file}`,
    }));
  const unknownTarget: Fout[] = p.herindelingen
    .filter((r) => !codes2023.has(r.waarde.nieuweCode) && !oudeCodes.has(r.waarde.nieuweCode))
    .map((r) => ({
      bestand: raw.herindelingen20192026.file,
      regel: r.regel,
      kolom: 'nieuwe_gemeentecode',
      melding: `${r.waarde.nieuweCode} is geen gemeente van 2023-2026 en is later ook niet heringedeeld`,
    }));
  return [...vanishedWithoutMerger, ...unknownTarget];
}

function kerncijferChecks(raw: RawData, p: Parsed, codes2023: ReadonlySet<string>): Fout[] {
  const file = raw.kerncijfers2022;
  const mergers = p.herindelingen.map((r) => r.waarde);
  const division = divisionAt(codes2023, mergers, KERNCIJFERS_2022_PEILDATUM);
  const expected = new Map([...division].map((code) => [code, `indeling op ${KERNCIJFERS_2022_PEILDATUM}, afgeleid uit ${raw.gemeenten20232026.file} en ${raw.herindelingen20192026.file}`]));
  const coverage = coversExactly(file, p.kerncijfers, expected, `de indeling op ${KERNCIJFERS_2022_PEILDATUM}`);
  const unmappable: Fout[] = p.kerncijfers.flatMap((r) => {
    const s = successorIn2023(r.waarde.code, mergers, KERNCIJFERS_2022_PEILDATUM, codes2023);
    return 'melding' in s ? [{ bestand: file.file, regel: r.regel, kolom: 'gemeentecode', melding: s.melding }] : [];
  });
  return [...coverage, ...unmappable];
}

function izaChecks(raw: RawData, p: Parsed, codes2023: ReadonlyMap<string, Municipality>): Fout[] {
  const file = raw.spukIzaPerRegio20252026;
  return p.iza.flatMap(({ regel, waarde: { regio } }): Fout[] => {
    const code = regio.mandaatgemeenteCode;
    if (code === null) return [];
    const g = codes2023.get(code);
    if (g === undefined) return [{ bestand: file.file, regel, kolom: 'mandaatgemeentecode', melding: `${code} is geen gemeente van 2023-2026` }];
    if (g.naam === regio.mandaatgemeente || g.naamCbs === regio.mandaatgemeente) return [];
    return [{ bestand: file.file, regel, kolom: 'mandaatgemeente', melding: `"${regio.mandaatgemeente}" is niet de naam van ${code} ("${g.naam}")` }];
  });
}

function crossChecks(raw: RawData, p: Parsed): Fout[] {
  const gemeenten = new Map(p.gemeenten.map((r) => [r.waarde.code, r.waarde]));
  const codes2023 = new Set(gemeenten.keys());
  const expected = codeIndex(raw.gemeenten20232026, p.gemeenten);
  const lijst = `de gemeenten van ${raw.gemeenten20232026.file}`;
  const names = knownNames(p);
  return [
    ...countIs(raw.gemeenten20232026, p.gemeenten, CONTROLE.gemeenten, 'gemeentecode', 'gemeenten'),
    ...countIs(raw.gemeenten2021, p.gemeenten2021, CONTROLE.gemeenten2021, 'gemeentecode', 'gemeenten'),
    ...countIs(raw.spukIzaPerRegio20252026, p.iza, CONTROLE.izaRegios, 'iza_regio', 'IZA-regio’s'),
    ...coversExactly(raw.bevolking20232024, p.bevolking, expected, lijst),
    ...coversExactly(raw.inkomen2020, p.inkomen, expected, lijst),
    ...coversExactly(raw.bredeSpukTotaal2025, p.bredeSpuk, expected, lijst),
    ...nameMatches(raw.bevolking20232024, p.bevolking, names),
    ...nameMatches(raw.inkomen2020, p.inkomen, names),
    ...nameMatches(raw.bredeSpukTotaal2025, p.bredeSpuk, names),
    ...nameMatches(raw.kerncijfers2022, p.kerncijfers, names),
    ...totalIs(raw.bevolking20232024, p.bevolking, 'inwoners_2023_01_01', (r) => r.inwoners2023, CONTROLE.inwoners2023),
    ...totalIs(raw.bevolking20232024, p.bevolking, 'inwoners_2024_01_01', (r) => r.inwoners2024, CONTROLE.inwoners2024),
    ...mergerChecks(raw, p, codes2023),
    ...kerncijferChecks(raw, p, codes2023),
    ...izaChecks(raw, p, gemeenten),
  ];
}

// ---------------------------------------------------------------------------------------------
// Stage 3: indicators and tables

/** The figures indicators are computed from, per 2023-2026 municipality. */
interface Sources {
  bevolking: ReadonlyMap<string, BevolkingRow>;
  inkomen: ReadonlyMap<string, InkomenRow>;
  /** The 2022 rows that together make up a 2023-2026 municipality (usually one). */
  kerncijfers: ReadonlyMap<string, readonly KerncijfersRow[]>;
  /** Dutch sentence on how the 2022 division was mapped (names the merged municipalities). */
  omrekening2022: string;
}

interface IndicatorSpec {
  id: IndicatorId;
  naam: string;
  eenheid: string;
  status: Indicator['status'];
  bron: string;
  toelichting: (s: Sources) => string;
  waarde: (code: string, s: Sources) => DecimalValue;
}

const fromBevolking = (f: (r: BevolkingRow) => DecimalValue) => (code: string, s: Sources) => f(must(s.bevolking, code));
/** A 2022 figure derived per former municipality, then summed over the predecessors. */
const fromKerncijfers = (f: (r: KerncijfersRow) => DecimalValue) => (code: string, s: Sources) => sum(must(s.kerncijfers, code).map(f));
const percentOf = (pct: DecimalValue, total: DecimalValue) => pct.times(total).div(100);

const KWB_2024 = `CBS, Kerncijfers wijken en buurten 2024 (bestand bevolking-2023-2024.csv). ${BRON_CBS}`;
const KWB_2023 = `CBS, Kerncijfers wijken en buurten 2023 (bestand bevolking-2023-2024.csv). ${BRON_CBS}`;
const KWB_2022 = `CBS, Kerncijfers wijken en buurten 2022 (bestand kerncijfers-2022.csv); indeling omgerekend met herindelingen-2019-2026.csv (CBS-codelijsten). ${BRON_CBS}`;
const INKOMEN_2020 = `CBS, maatwerktabel "Inkomen per gemeente en wijk, 2020" (bestand inkomen-2020.csv) en CBS, Kerncijfers wijken en buurten 2024 (huishoudens; bestand bevolking-2023-2024.csv). ${BRON_CBS}`;
const INDELING_2023 = 'Gemeentelijke indeling 2023-2026.';
const ROUNDED_PCT = 'Het CBS publiceert het percentage afgerond op een heel getal, dus de uitkomst is een benadering; de waarde wordt niet afgerond.';

const INDICATORS: readonly IndicatorSpec[] = [
  {
    id: 'inwoners-2024',
    naam: 'Inwoners op 1 januari 2024',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: KWB_2024,
    toelichting: () => `Officieel CBS-cijfer (kolom inwoners_2024_01_01). ${INDELING_2023}`,
    waarde: fromBevolking((r) => r.inwoners2024),
  },
  {
    id: 'inwoners-2023',
    naam: 'Inwoners op 1 januari 2023',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: KWB_2023,
    toelichting: () => `Officieel CBS-cijfer (kolom inwoners_2023_01_01). ${INDELING_2023}`,
    waarde: fromBevolking((r) => r.inwoners2023),
  },
  {
    id: 'huishoudens-2024',
    naam: 'Huishoudens op 1 januari 2024',
    eenheid: 'huishoudens',
    status: 'officieel',
    bron: KWB_2024,
    toelichting: () => `Officieel CBS-cijfer (kolom huishoudens_2024). ${INDELING_2023}`,
    waarde: fromBevolking((r) => r.huishoudens2024),
  },
  {
    id: 'kinderen-0-15-2024',
    naam: 'Kinderen van 0 tot 15 jaar op 1 januari 2024 (raming)',
    eenheid: 'personen',
    status: 'raming',
    bron: KWB_2024,
    toelichting: () => `Raming: pct_0_tot_15_jaar_2024 / 100 × inwoners_2024_01_01. ${ROUNDED_PCT} ${INDELING_2023}`,
    waarde: fromBevolking((r) => percentOf(r.pct0tot15, r.inwoners2024)),
  },
  {
    id: 'huishoudens-met-kinderen-2024',
    naam: 'Huishoudens met kinderen op 1 januari 2024 (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: KWB_2024,
    toelichting: () => `Raming: pct_huishoudens_met_kinderen_2024 / 100 × huishoudens_2024. ${ROUNDED_PCT} ${INDELING_2023}`,
    waarde: fromBevolking((r) => percentOf(r.pctHuishoudensMetKinderen, r.huishoudens2024)),
  },
  {
    id: 'inwoners-2022',
    naam: 'Inwoners op 1 januari 2022',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: KWB_2022,
    toelichting: (s) => `Officieel CBS-cijfer (kolom inwoners_2022_01_01) in de indeling van 2022. ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => r.inwoners),
  },
  {
    id: 'geboorten-2022',
    naam: 'Levend geborenen 2022 (raming)',
    eenheid: 'geboorten',
    status: 'raming',
    bron: KWB_2022,
    toelichting: (s) =>
      `Raming: geboortes_per_1000_inwoners × inwoners_2022_01_01 / 1000, per gemeente van 2022 berekend en daarna opgeteld. ` +
      `Het CBS publiceert het geboortecijfer afgerond op een heel getal per 1000 inwoners, dus de uitkomst is een benadering; de waarde wordt niet afgerond. ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => r.geboortenPer1000.times(r.inwoners).div(1000)),
  },
  {
    id: 'huishoudens-laag-inkomen-2022',
    naam: 'Huishoudens met een laag inkomen 2022 (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: KWB_2022,
    toelichting: (s) =>
      `Raming: pct_huishoudens_laag_inkomen / 100 × huishoudens, per gemeente van 2022 berekend en daarna opgeteld. ${ROUNDED_PCT} ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => percentOf(r.pctLaagInkomen, r.huishoudens)),
  },
  {
    id: 'huishoudens-sociaal-minimum-2022',
    naam: 'Huishoudens onder of rond het sociaal minimum 2022 (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: KWB_2022,
    toelichting: (s) =>
      `Raming: pct_huishoudens_onder_of_rond_sociaal_minimum / 100 × huishoudens, per gemeente van 2022 berekend en daarna opgeteld. ${ROUNDED_PCT} ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => percentOf(r.pctSociaalMinimum, r.huishoudens)),
  },
  {
    id: 'opleiding-laag-2022',
    naam: 'Personen met een laag opleidingsniveau 2022',
    eenheid: 'personen',
    status: 'officieel',
    bron: KWB_2022,
    toelichting: (s) => `Officieel CBS-cijfer (kolom opleidingsniveau_laag_aantal); het CBS rondt deze aantallen af op tientallen. ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => r.opleidingLaag),
  },
  {
    id: 'huishoudens-laagste-40pct-2020',
    naam: 'Huishoudens in de landelijk laagste 40% besteedbaar inkomen (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: INKOMEN_2020,
    toelichting: () =>
      'Raming: pct_particuliere_huishoudens_in_laagste_40pct_besteedbaar_inkomen (2020) / 100 × huishoudens_2024. ' +
      'Let op: dit combineert jaren (het percentage van 2020 wordt toegepast op het aantal huishoudens van 2024). ' +
      `Het percentage heeft één decimaal; de waarde wordt niet afgerond. ${INDELING_2023}`,
    waarde: (code, s) => percentOf(must(s.inkomen, code).pctLaagste40, must(s.bevolking, code).huishoudens2024),
  },
];

/** The 2022 rows per 2023-2026 municipality, and a sentence naming the ones that were merged. */
function group2022(p: Parsed, codes2023: ReadonlySet<string>, gemeenten: ReadonlyMap<string, Municipality>) {
  const mergers = p.herindelingen.map((r) => r.waarde);
  const groups = new Map<string, KerncijfersRow[]>();
  for (const { waarde: r } of p.kerncijfers) {
    const s = successorIn2023(r.code, mergers, KERNCIJFERS_2022_PEILDATUM, codes2023);
    if ('code' in s) groups.set(s.code, [...(groups.get(s.code) ?? []), r]);
  }
  const merged = [...groups].filter(([code, rows]) => rows.length > 1 || rows[0]?.code !== code);
  const zinnen = merged.map(([code, rows]) => {
    const naam = gemeenten.get(code)?.naam ?? code;
    const datum = mergers.filter((m) => m.nieuweCode === code && m.datum > KERNCIJFERS_2022_PEILDATUM).map((m) => m.datum).sort().pop() ?? '';
    const others = rows.filter((r) => r.code !== code);
    const delen = opsomming(others.map((r) => `${r.naam} (${r.code})`));
    return others.length === rows.length
      ? `${naam} (${code}) is de som van de ${telwoord(rows.length)} voormalige gemeenten ${delen} (samengevoegd per ${datum})`
      : `${naam} (${code}) is de som van ${naam} en ${delen} (toegevoegd per ${datum})`;
  });
  const omrekening2022 =
    zinnen.length === 0
      ? `Peildatum ${KERNCIJFERS_2022_PEILDATUM}; de indeling is gelijk aan die van 2023-2026.`
      : `Peildatum ${KERNCIJFERS_2022_PEILDATUM}; omgerekend naar de indeling 2023-2026: ${zinnen.join('; ')}.`;
  return { groups, omrekening2022 };
}

function buildIndicators(p: Parsed): Indicator[] {
  const gemeenten = new Map(p.gemeenten.map((r) => [r.waarde.code, r.waarde]));
  const codes2023 = new Set(gemeenten.keys());
  const { groups, omrekening2022 } = group2022(p, codes2023, gemeenten);
  const sources: Sources = {
    bevolking: new Map(p.bevolking.map((r) => [r.waarde.code, r.waarde])),
    inkomen: new Map(p.inkomen.map((r) => [r.waarde.code, r.waarde])),
    kerncijfers: groups,
    omrekening2022,
  };
  return INDICATORS.map((spec) => ({
    id: spec.id,
    naam: spec.naam,
    eenheid: spec.eenheid,
    status: spec.status,
    bron: spec.bron,
    toelichting: spec.toelichting(sources),
    waarden: new Map([...codes2023].map((code) => [code, spec.waarde(code, sources)])),
  }));
}

function bredeSpukTable(raw: RawData, p: Parsed): ObservedTable {
  return {
    id: 'brede-spuk-2025',
    naam: 'Brede SPUK 2025 per gemeente (alle onderdelen samen)',
    status: 'officieel',
    bron: `${BRON_BRIEF_SPUK}, bijlage 2A (bestand ${raw.bredeSpukTotaal2025.file})`,
    toelichting:
      "Officieel bedrag 2025 per gemeente voor alle onderdelen van de Brede SPUK samen, inclusief de loon- en prijsbijstelling 2024, afgerond op hele euro's. " +
      'Alle onderdelen gebruiken één verdeelsleutel, dus het aandeel van een gemeente in deze tabel is de Brede SPUK-sleutel zoals toegepast.',
    bedragen: new Map(p.bredeSpuk.map((r) => [r.waarde.code, r.waarde.bedrag])),
  };
}

/** ' Twente ontvangt via SamenTwente, ...' for every region whose mandate holder has no GM code. */
function notMunicipalities(p: Parsed): string {
  const regios = p.iza.map((r) => r.waarde.regio).filter((r) => r.mandaatgemeenteCode === null);
  return regios.map((r) => ` ${r.naam} ontvangt via ${r.mandaatgemeente}; dat is geen gemeente en heeft dus geen gemeentecode.`).join('');
}

function izaTable(raw: RawData, p: Parsed, jaar: 2025 | 2026): ObservedTable {
  const bijlage = `${BRON_BRIEF_SPUK}, bijlage 2B (bestand ${raw.spukIzaPerRegio20252026.file})`;
  return {
    id: `spuk-iza-${jaar}`,
    naam: `SPUK IZA ${jaar} per IZA-regio`,
    status: 'officieel',
    bron: bijlage,
    toelichting:
      `Officieel SPUK IZA-bedrag ${jaar} per IZA-regio (sleutel: id van de regio), betaald aan de mandaatgemeente van de regio.` +
      notMunicipalities(p),
    bedragen: new Map(p.iza.map((r) => [r.waarde.regio.id, jaar === 2025 ? r.waarde.bedrag2025 : r.waarde.bedrag2026])),
  };
}

function build(raw: RawData, p: Parsed): BaselineData {
  const values = <T>(rows: readonly Located<T>[]) => rows.map((r) => r.waarde);
  return {
    gemeenten: values(p.gemeenten),
    gemeenten2021: values(p.gemeenten2021),
    herindelingen: values(p.herindelingen),
    indicatoren: buildIndicators(p),
    bredeSpuk2025: bredeSpukTable(raw, p),
    spukIza2025: izaTable(raw, p, 2025),
    spukIza2026: izaTable(raw, p, 2026),
    izaRegios: p.iza.map((r) => r.waarde.regio),
    landelijkeBudgetten: values(p.budgetten),
    kortingen: values(p.kortingen),
  };
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Validates raw CSV content (as embedded in `raw/`) and builds the baseline. Never throws for
 * bad content: every problem comes back as a Dutch message naming file, line and column.
 * Checks run in stages (each file, then across files); a later stage only runs when the
 * earlier one found nothing, so one mistake does not produce a cascade of follow-up messages.
 */
export function parseBaselineData(raw: RawData): { ok: true; data: BaselineData } | { ok: false; fouten: string[] } {
  const { parsed, fouten } = parseAll(raw);
  const stage1 = [...fouten, ...uniqueness(raw, parsed)];
  if (stage1.length > 0) return fail(stage1);
  const stage2 = crossChecks(raw, parsed);
  if (stage2.length > 0) return fail(stage2);
  return { ok: true, data: build(raw, parsed) };
}

function fail(fouten: readonly Fout[]): Result<never> {
  return { ok: false, fouten: fouten.map(formatFout) };
}

let cached: BaselineData | undefined;

/**
 * The baseline built from the embedded copy of the reference data, parsed once. Throws if the
 * embedded data is invalid: that is a programming error (run `npm run import-data` and the tests).
 */
export function baselineData(): BaselineData {
  if (cached !== undefined) return cached;
  const result = parseBaselineData(rawData);
  if (!result.ok) throw new Error(`De ingebouwde brondata is ongeldig:\n${result.fouten.join('\n')}`);
  cached = result.data;
  return cached;
}
