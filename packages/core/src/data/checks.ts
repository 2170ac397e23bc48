/**
 * The checks of the reference data: every file on its own (its schema, unique keys), then
 * across files (coverage of the municipal division, control totals, mergers, the documents the
 * sources cite, the version of the data). Every problem is a Dutch message naming file, line and
 * column.
 */
import { Decimal, type Decimal as DecimalValue } from '../money/decimal.js';
import type { RawData, RawFile } from './raw/index.js';
import {
  IDEM,
  IDEM_COLUMNS,
  KERNCIJFERS_2022_PEILDATUM,
  NOTE_SEPARATOR,
  bevolking2026Schema,
  bevolkingSchema,
  bronnenSchema,
  bredeSpuk2025Schema,
  gemeenten2021Schema,
  gemeentenSchema,
  fullDate,
  generiekeKortingenSchema,
  ggdRegioSchema,
  herindelingenGeplandSchema,
  herindelingenSchema,
  inkomen2020Schema,
  kerncijfers2022Schema,
  landelijkeBudgettenSchema,
  parseFile,
  rowLines,
  spukIzaSchema,
  type Bevolking2026Row,
  type BevolkingRow,
  type BredeSpukRow,
  type FileSchema,
  type Fout,
  type GgdRow,
  type InkomenRow,
  type IzaRow,
  type KerncijfersRow,
  type Located,
} from './schema.js';
import type {
  DataVersion,
  Division,
  GenericCut,
  Merger,
  Municipality,
  Municipality2021,
  NationalAmountRow,
  PlannedMerger,
  SourceDocument,
} from './types.js';
import { citations } from './sources.js';

/**
 * Control values stated in ../shared/data/README.md. They are not used in any computation:
 * the data must reproduce them, so that a truncated or mistyped copy is noticed.
 */
const CONTROLE = {
  gemeenten: 342,
  gemeenten2021: 352,
  izaRegios: 42,
  ggdRegios: 25,
  inwoners2023: 17_811_291n,
  inwoners2024: 17_942_942n,
} as const;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** "A", "A en B", "A, B en C" */
export function opsomming(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

const TELWOORDEN = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'];

/** 3 -> 'drie'; digits above ten. */
export function telwoord(n: number): string {
  return TELWOORDEN[n] ?? String(n);
}

function regels<T>(rows: readonly Located<T>[]): string | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return null;
  return first.regel === last.regel ? String(first.regel) : `${first.regel}-${last.regel}`;
}

/** Looks up a key that earlier checks guarantee to exist. */
export function must<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Interne fout: ${String(key)} ontbreekt na de controles`);
  return v;
}

export function sum(values: readonly DecimalValue[]): DecimalValue {
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

export interface Parsed {
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
  /** `idem` already replaced by the value of the row above. */
  herindelingenGepland: Located<PlannedMerger>[];
  bevolking2026: Located<Bevolking2026Row>[];
  ggd: Located<GgdRow>[];
  bronnen: Located<SourceDocument>[];
}

/**
 * Replaces a status or source written as `idem` by the value of the row directly above (itself
 * already resolved), so `idem` never reaches the data. An `idem` on the first row refers to
 * nothing and is a problem. When the row above has a problem of its own, `idem` is left as it
 * is: the data is rejected in this stage anyway.
 */
function resolveIdem(file: RawFile, rows: readonly Located<PlannedMerger>[]): { rows: Located<PlannedMerger>[]; fouten: Fout[] } {
  const byLine = new Map(rows.map((r) => [r.regel, r]));
  const resolved: Located<PlannedMerger>[] = [];
  const fouten: Fout[] = [];
  let above: PlannedMerger | undefined;
  rowLines(file).forEach((regel, index) => {
    const row = byLine.get(regel);
    if (row === undefined) {
      above = undefined;
      return;
    }
    let waarde = row.waarde;
    for (const kolom of IDEM_COLUMNS) {
      if (waarde[kolom].toLowerCase() !== IDEM) continue;
      if (index === 0) {
        fouten.push({ bestand: file.file, regel, kolom, melding: `"${waarde[kolom]}" op de eerste regel: er is geen regel erboven om de waarde van over te nemen` });
      } else if (above !== undefined) {
        waarde = { ...waarde, [kolom]: above[kolom] };
      }
    }
    resolved.push({ regel, waarde });
    above = waarde;
  });
  return { rows: resolved, fouten };
}

export function parseAll(raw: RawData): { parsed: Parsed; fouten: Fout[] } {
  const fouten: Fout[] = [];
  const read = <T>(file: RawFile, schema: FileSchema<T>): Located<T>[] => {
    const r = parseFile(file, schema);
    fouten.push(...r.fouten);
    return r.rows;
  };
  const planned = (file: RawFile): Located<PlannedMerger>[] => {
    const r = resolveIdem(file, read(file, herindelingenGeplandSchema));
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
    herindelingenGepland: planned(raw.herindelingen2027),
    bevolking2026: read(raw.bevolking2026, bevolking2026Schema),
    ggd: read(raw.ggdRegio2023, ggdRegioSchema),
    bronnen: read(raw.bronnen, bronnenSchema),
  };
  return { parsed, fouten };
}

export function uniqueness(raw: RawData, p: Parsed): Fout[] {
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
    ...duplicates(raw.herindelingen2027, p.herindelingenGepland, (m) => `${m.datum} ${m.oudeCode} -> ${m.nieuweCode}`, 'nieuwe_gemeentecode'),
    ...duplicates(raw.bevolking2026, p.bevolking2026, code, 'gemeentecode'),
    ...duplicates(raw.ggdRegio2023, p.ggd, code, 'gemeentecode'),
    ...oneNamePerCode(raw.ggdRegio2023, p.ggd),
    ...duplicates(raw.bronnen, p.bronnen, (d) => d.bronTekst, 'bron_tekst'),
  ];
}

/** Every GGD code has one name, and every name one code, throughout the file. */
function oneNamePerCode(file: RawFile, rows: readonly Located<GgdRow>[]): Fout[] {
  const byCode = new Map<string, Located<GgdRow>>();
  const byName = new Map<string, Located<GgdRow>>();
  const fouten: Fout[] = [];
  for (const r of rows) {
    const { ggdCode, ggdNaam } = r.waarde;
    const code = byCode.get(ggdCode);
    const naam = byName.get(ggdNaam);
    if (code === undefined) byCode.set(ggdCode, r);
    else if (code.waarde.ggdNaam !== ggdNaam) {
      const melding = `"${ggdNaam}" is niet de naam van ${ggdCode} (op regel ${code.regel}: "${code.waarde.ggdNaam}")`;
      fouten.push({ bestand: file.file, regel: r.regel, kolom: 'ggdnaam', melding });
      continue;
    }
    if (naam === undefined) byName.set(ggdNaam, r);
    else if (naam.waarde.ggdCode !== ggdCode) {
      const melding = `${ggdCode} is niet de code van "${ggdNaam}" (op regel ${naam.regel}: ${naam.waarde.ggdCode})`;
      fouten.push({ bestand: file.file, regel: r.regel, kolom: 'ggdcode', melding });
    }
  }
  return fouten;
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

/** "Bergen (NH.)" -> "Bergen (NH)": the full stops of a CBS suffix in parentheses left out. */
function withoutSuffixDots(naam: string): string {
  return naam.replace(/\(([^()]*)\)$/, (_, suffix: string) => `(${suffix.replace(/\./g, '')})`);
}

/**
 * Each row's name must be a name its code has carried. With `suffixDots: 'optional'` a CBS
 * suffix may be written without its full stops ("Bergen (NH)" for "Bergen (NH.)"), as
 * `bevolking-2026.csv` (taken from another publication) does; nothing else is loosened.
 */
function nameMatches(
  file: RawFile,
  rows: readonly Located<{ code: string; naam: string }>[],
  names: Map<string, Set<string>>,
  suffixDots: 'required' | 'optional' = 'required',
): Fout[] {
  return rows.flatMap(({ regel, waarde }) => {
    const known = names.get(waarde.code);
    if (known === undefined || known.has(waarde.naam)) return [];
    if (suffixDots === 'optional' && [...known].some((n) => withoutSuffixDots(n) === withoutSuffixDots(waarde.naam))) return [];
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
export function successorIn2023(code: string, mergers: readonly Merger[], peildatum: string, codes2023: ReadonlySet<string>): { code: string } | { melding: string } {
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

/** The division of a municipality list, from the years in its file name (`gemeenten-2023-2026.csv`). */
export function divisionOfFile(file: RawFile): Division | null {
  const m = /(\d{4})-(\d{4})\.csv$/.exec(file.file);
  if (m === null || Number(m[2]) < Number(m[1])) return null;
  return { van: Number(m[1]), tot: Number(m[2]), naam: `indeling ${m[1]}-${m[2]}` };
}

function divisionCheck(file: RawFile): Fout[] {
  if (divisionOfFile(file) !== null) return [];
  return [{ bestand: file.file, regel: null, kolom: null, melding: 'de bestandsnaam noemt niet de jaren van de indeling (verwacht bijvoorbeeld gemeenten-2023-2026.csv)' }];
}

/** The name of a municipality of the division, as `gemeentenaam` or in the CBS spelling. */
function isNameOf(g: Municipality, naam: string): boolean {
  return g.naam === naam || g.naamCbs === naam;
}

/**
 * A type that says the new code is not that of an existing municipality. A merger into an
 * existing municipality (a "lichte samenvoeging") keeps the receiver's code; any other new code
 * must be announced in the row.
 */
const NEW_CODE = /nieuwe (gemeente|gemeentecode|code)\b/i;

function plannedMergerChecks(raw: RawData, p: Parsed, gemeenten: ReadonlyMap<string, Municipality>): Fout[] {
  const file = raw.herindelingen2027;
  const division = divisionOfFile(raw.gemeenten20232026);
  if (division === null) return []; // reported by divisionCheck
  return p.herindelingenGepland.flatMap(({ regel, waarde: m }): Fout[] => {
    const at = (kolom: string, melding: string): Fout => ({ bestand: file.file, regel, kolom, melding });
    const fouten: Fout[] = [];
    if (m.jaar <= division.tot) {
      fouten.push(at('beoogde_datum', `${m.datum} ligt niet na de ${division.naam}; een geplande herindeling gaat in op 1 januari ${division.tot + 1} of later`));
    }
    const oud = gemeenten.get(m.oudeCode);
    if (oud === undefined) fouten.push(at('oude_gemeentecode', `${m.oudeCode} is geen gemeente van de ${division.naam}`));
    else if (!isNameOf(oud, m.oudeNaam)) fouten.push(at('oude_gemeentenaam', `"${m.oudeNaam}" is niet de naam van ${m.oudeCode} ("${oud.naam}")`));
    const nieuw = gemeenten.get(m.nieuweCode);
    if (nieuw !== undefined) {
      if (!isNameOf(nieuw, m.nieuweNaam)) fouten.push(at('nieuwe_gemeentenaam', `"${m.nieuweNaam}" is niet de naam van ${m.nieuweCode} ("${nieuw.naam}")`));
    } else if (!NEW_CODE.test(m.type)) {
      const melding =
        `${m.nieuweCode} is geen gemeente van de ${division.naam}; bij een lichte samenvoeging houdt de ontvangende gemeente haar code, ` +
        'en een nieuwe gemeentecode moet in kolom "type" staan (bijvoorbeeld "samenvoeging nieuwe gemeente")';
      fouten.push(at('nieuwe_gemeentecode', melding));
    }
    return fouten;
  });
}

/** `bevolking-2026.csv`: the province of each municipality, and one source for the whole file. */
function bevolking2026Checks(raw: RawData, p: Parsed, gemeenten: ReadonlyMap<string, Municipality>): Fout[] {
  const file = raw.bevolking2026;
  const provinces: Fout[] = p.bevolking2026.flatMap(({ regel, waarde: r }) => {
    const g = gemeenten.get(r.code);
    if (g === undefined || g.provincie === r.provincie) return [];
    return [{ bestand: file.file, regel, kolom: 'provincienaam', melding: `"${r.provincie}" is niet de provincie van ${r.code} ("${g.provincie}", zie ${raw.gemeenten20232026.file})` }];
  });
  const first = p.bevolking2026[0];
  const sources: Fout[] =
    first === undefined
      ? []
      : p.bevolking2026
          .filter((r) => r.waarde.bron !== first.waarde.bron)
          .map((r) => ({
            bestand: file.file,
            regel: r.regel,
            kolom: 'bron',
            melding: `noemt een andere bron dan regel ${first.regel}; het hele bestand komt uit één bron (een opmerking mag na "${NOTE_SEPARATOR}" volgen)`,
          }));
  return [...provinces, ...sources];
}

function ggdRegionCount(file: RawFile, rows: readonly Located<GgdRow>[]): Fout[] {
  const codes = new Set(rows.map((r) => r.waarde.ggdCode));
  if (codes.size === CONTROLE.ggdRegios) return [];
  return [{ bestand: file.file, regel: regels(rows), kolom: 'ggdcode', melding: `noemt ${codes.size} GGD-regio’s, verwacht ${CONTROLE.ggdRegios} (zie README van de brondata)` }];
}

/** Every part of every `bron` text of the national amounts and the generic cuts cites a document of `bronnen.csv`. */
function citationChecks(raw: RawData, p: Parsed): Fout[] {
  const documents = p.bronnen.map((r) => r.waarde);
  const check = (file: RawFile, rows: readonly Located<{ bron: string }>[]): Fout[] =>
    rows.flatMap(({ regel, waarde }) =>
      citations(documents, waarde.bron)
        .filter((c) => c.document === null)
        .map((c) => ({
          bestand: file.file,
          regel,
          kolom: 'bron',
          melding: `"${c.deel}" begint niet met de bron_tekst van een document in ${raw.bronnen.file}; voeg het document toe of schrijf de bron zoals daar (meerdere documenten gescheiden door "; ")`,
        })),
    );
  return [...check(raw.landelijkeBudgetten, p.budgetten), ...check(raw.generiekeKortingen, p.kortingen)];
}

/** Where the version of the embedded data lives (written by the import script). */
export const META_FILE = 'raw/meta.ts';

/**
 * The version of the data (`raw/meta.ts`, written by the import script) must fit the data: its
 * date is the newest date in `bronnen.csv` (a partial date counts as its first day), and `versie`
 * is that date, '+' and the first 12 hex digits of the SHA-256. The SHA-256 itself cannot be
 * recomputed here (the core has no hash function); the tests recompute it from `raw/`.
 */
function versionChecks(raw: RawData, p: Parsed, meta: DataVersion): Fout[] {
  const file = raw.bronnen.file;
  const fouten: Fout[] = [];
  if (!/^[0-9a-f]{64}$/.test(meta.sha256)) {
    fouten.push({ bestand: META_FILE, regel: null, kolom: null, melding: `sha256 "${meta.sha256}" is geen SHA-256 (64 tekens 0-9 en a-f); voer npm run import-data uit` });
  }
  const expected = `${meta.datum}+${meta.sha256.slice(0, 12)}`;
  if (meta.versie !== expected) {
    fouten.push({ bestand: META_FILE, regel: null, kolom: null, melding: `versie "${meta.versie}" is niet de datum, "+" en de eerste 12 tekens van de SHA-256 ("${expected}"); voer npm run import-data uit` });
  }
  let newest: { regel: number; datum: string } | undefined;
  for (const { regel, waarde } of p.bronnen) {
    if (waarde.datum === null) continue;
    const datum = fullDate(waarde.datum);
    if (newest === undefined || datum > newest.datum) newest = { regel, datum };
  }
  if (newest === undefined) {
    fouten.push({ bestand: file, regel: regels(p.bronnen), kolom: 'datum', melding: 'geen enkel document heeft een datum, dus de gegevens hebben geen datum' });
  } else if (newest.datum !== meta.datum) {
    const melding = `de nieuwste datum van een document is ${newest.datum}, maar de versie van de gegevens (${META_FILE}) is van ${meta.datum}; voer npm run import-data uit`;
    fouten.push({ bestand: file, regel: newest.regel, kolom: 'datum', melding });
  }
  return fouten;
}

export function crossChecks(raw: RawData, p: Parsed, meta: DataVersion): Fout[] {
  const gemeenten = new Map(p.gemeenten.map((r) => [r.waarde.code, r.waarde]));
  const codes2023 = new Set(gemeenten.keys());
  const expected = codeIndex(raw.gemeenten20232026, p.gemeenten);
  const lijst = `de gemeenten van ${raw.gemeenten20232026.file}`;
  const names = knownNames(p);
  return [
    ...divisionCheck(raw.gemeenten20232026),
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
    ...plannedMergerChecks(raw, p, gemeenten),
    ...coversExactly(raw.bevolking2026, p.bevolking2026, expected, lijst),
    ...nameMatches(raw.bevolking2026, p.bevolking2026, names, 'optional'),
    ...bevolking2026Checks(raw, p, gemeenten),
    ...coversExactly(raw.ggdRegio2023, p.ggd, expected, lijst),
    ...nameMatches(raw.ggdRegio2023, p.ggd, names),
    ...ggdRegionCount(raw.ggdRegio2023, p.ggd),
    ...citationChecks(raw, p),
    ...versionChecks(raw, p, meta),
  ];
}

