/**
 * Zod schemas for the embedded reference CSVs (`raw/`): one schema per file that checks the
 * header, validates every cell of a row and turns the row into a typed value. Checks across rows
 * and files (unique keys, coverage, totals, mergers, citations) live in `checks.ts`. Messages
 * are Dutch, for the people who maintain the data; every one names file, line and column.
 */
import { z } from 'zod';
import { Decimal, type Decimal as DecimalValue } from '../money/decimal.js';
import type { RawFile } from './raw/index.js';
import {
  FIRST_YEAR,
  LAST_YEAR,
  STREAM_IDS,
  type GenericCut,
  type IzaRegion,
  type Merger,
  type Municipality,
  type Municipality2021,
  type NationalAmountRow,
  type PlannedMerger,
  type SourceDocument,
} from './types.js';
import { SOURCE_STATUSES, type SourceStatus } from '../status/status.js';

// ---------------------------------------------------------------------------------------------
// Problems

/** One problem found in the data; `regel` is the line in the CSV file (header = line 1). */
export interface Fout {
  bestand: string;
  regel: number | string | null; // a line, a range such as '2-343', or null when no line applies
  kolom: string | null;
  melding: string;
}

/** `gemeenten-2023-2026.csv, regel 5, kolom "gemeentecode": ...` */
export function formatFout(f: Fout): string {
  const parts = [f.bestand];
  if (f.regel !== null) parts.push(typeof f.regel === 'number' ? `regel ${f.regel}` : `regels ${f.regel}`);
  if (f.kolom !== null) parts.push(`kolom "${f.kolom}"`);
  return `${parts.join(', ')}: ${f.melding}`;
}

// ---------------------------------------------------------------------------------------------
// Cells

type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const GM_CODE = /^GM\d{4}$/;
const PV_CODE = /^PV\d{2}$/;
const WHOLE = /^(0|[1-9]\d*)$/;
const PLAIN_DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;
const COMMA_DECIMAL = /^\d+,\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date as precise as known: 2025-08-31, 2026-01 or 2025. */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const GG_CODE = /^GG\d{4}$/;
/** An https address: scheme, a host with a dot, optionally a path, query or fragment; no spaces. */
const HTTPS_URL = /^https:\/\/[^\s/?#.]+(\.[^\s/?#.]+)+(:\d+)?([/?#]\S*)?$/;
const YEAR_RANGE = /^(\d{4})-(\d{4})$/;
/** CBS marks a suppressed or unknown figure with '.'; an empty cell means the same here. */
const CBS_MISSING = new Set(['', '.']);

const show = (v: string): string => `"${v}"`;

/** A string cell checked and converted by `parse`; its message becomes the zod issue. */
function cell<T>(parse: (v: string) => CellResult<T>) {
  return z.string().transform((v, ctx): T => {
    const r = parse(v);
    if (r.ok) return r.value;
    ctx.issues.push({ code: 'custom', message: r.message, input: v });
    return z.NEVER;
  });
}

function numberProblem(v: string, expected: string): string {
  if (v === '') return `is leeg; verwacht ${expected}`;
  if (COMMA_DECIMAL.test(v)) return `${show(v)} heeft een decimale komma; gebruik een punt (bijvoorbeeld ${v.replace(',', '.')})`;
  if (v !== v.trim()) return `${show(v)} bevat spaties; verwacht ${expected}`;
  return `${show(v)} is geen ${expected}`;
}

function parseWhole(v: string): CellResult<DecimalValue> {
  return WHOLE.test(v) ? { ok: true, value: new Decimal(v) } : { ok: false, message: numberProblem(v, 'geheel getal (alleen cijfers)') };
}

function parseEuro(v: string): CellResult<bigint> {
  return WHOLE.test(v) ? { ok: true, value: BigInt(v) } : { ok: false, message: numberProblem(v, "bedrag in hele euro's (alleen cijfers)") };
}

function parseDecimal(v: string): CellResult<DecimalValue> {
  return PLAIN_DECIMAL.test(v) ? { ok: true, value: new Decimal(v) } : { ok: false, message: numberProblem(v, 'getal (met een punt als decimaalteken)') };
}

function parsePercentage(v: string): CellResult<DecimalValue> {
  const r = parseDecimal(v);
  if (r.ok && r.value.gt(100)) return { ok: false, message: `${show(v)} is geen percentage (groter dan 100)` };
  return r;
}

/** A CBS figure an indicator depends on: a missing figure is an error, never a guess. */
function required<T>(parse: (v: string) => CellResult<T>, usedFor: string) {
  return (v: string): CellResult<T> =>
    CBS_MISSING.has(v)
      ? { ok: false, message: `CBS-cijfer ontbreekt (${v === '' ? 'lege cel' : show(v)}); nodig voor ${usedFor}; er wordt geen getal verzonnen` }
      : parse(v);
}

/** A CBS figure no indicator uses: it may be missing ('' or '.'), then it is null. */
function optional<T>(parse: (v: string) => CellResult<T>) {
  return (v: string): CellResult<T | null> => (CBS_MISSING.has(v) ? { ok: true, value: null } : parse(v));
}

/** Whether `v` (YYYY-MM-DD) is a day of the calendar: 2019-02-30 and 2019-13-01 are not. */
function isCalendarDay(v: string): boolean {
  const time = Date.parse(`${v}T00:00:00Z`);
  // Date.parse rolls 2019-02-30 over to 2 March; the round trip refuses that.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(v);
}

function parseIsoDate(v: string): CellResult<string> {
  const valid = ISO_DATE.test(v) && isCalendarDay(v);
  return valid ? { ok: true, value: v } : { ok: false, message: `${show(v)} is geen geldige datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2023-01-01)` };
}

/**
 * A date as precise as known (2025-08-31, 2026-01, 2025) written as a full ISO date: a partial
 * date stands for its first day (2026-01 -> 2026-01-01, 2025 -> 2025-01-01). Only for dates that
 * passed the schema of `bronnen.csv`. The import script (`dataDate`) applies the same rule.
 */
export function fullDate(v: string): string {
  const m = PARTIAL_DATE.exec(v);
  return m === null ? v : `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** An empty date is unknown (null); otherwise JJJJ, JJJJ-MM or JJJJ-MM-DD, a real date. */
function parseSourceDate(v: string): CellResult<string | null> {
  if (v === '') return { ok: true, value: null };
  const valid = PARTIAL_DATE.test(v) && isCalendarDay(fullDate(v));
  return valid
    ? { ok: true, value: v }
    : { ok: false, message: `${show(v)} is geen geldige datum (verwacht JJJJ-MM-DD, JJJJ-MM of JJJJ, bijvoorbeeld 2025-08-31, 2026-01 of 2025; of leeg als de datum onbekend is)` };
}

/** An empty cell is unknown (null); otherwise a text without surrounding spaces. */
function parseOptionalText(v: string): CellResult<string | null> {
  if (v === '') return { ok: true, value: null };
  return v === v.trim() ? { ok: true, value: v } : { ok: false, message: `${show(v)} begint of eindigt met een spatie` };
}

/** An empty address is unknown (null); otherwise it must be an https address. */
function parseHttpsUrl(v: string): CellResult<string | null> {
  if (v === '') return { ok: true, value: null };
  if (HTTPS_URL.test(v)) return { ok: true, value: v };
  if (/^http:\/\//i.test(v)) return { ok: false, message: `${show(v)} is geen https-adres; alleen beveiligde adressen (https://) zijn toegestaan` };
  return { ok: false, message: `${show(v)} is geen geldig https-adres (verwacht https://..., zonder spaties; of leeg als er geen adres is)` };
}

/** A share of an area: a decimal above 0 and at most 1. */
function parseShare(v: string): CellResult<DecimalValue> {
  const r = parseDecimal(v);
  if (r.ok && (r.value.lte(0) || r.value.gt(1))) return { ok: false, message: `${show(v)} is geen aandeel tussen 0 en 1 (groter dan 0, ten hoogste 1)` };
  return r;
}

function yearProblem(v: string): string {
  return `${show(v)} is geen jaar van ${FIRST_YEAR} tot en met ${LAST_YEAR}`;
}

function parseYear(v: string): CellResult<number> {
  const year = WHOLE.test(v) ? Number(v) : NaN;
  return year >= FIRST_YEAR && year <= LAST_YEAR ? { ok: true, value: year } : { ok: false, message: yearProblem(v) };
}

function parseBudgetYear(v: string): CellResult<number | 'structureel'> {
  if (v === 'structureel') return { ok: true, value: v };
  const r = parseYear(v);
  return r.ok ? r : { ok: false, message: `${yearProblem(v)}, en ook niet "structureel"` };
}

/** '2026' -> [2026]; '2027-2029' -> [2027, 2028, 2029]. */
function parseYears(v: string): CellResult<readonly number[]> {
  const range = YEAR_RANGE.exec(v);
  if (range === null) {
    const single = parseYear(v);
    return single.ok ? { ok: true, value: [single.value] } : { ok: false, message: `${yearProblem(v)}, en ook geen reeks zoals 2027-2029` };
  }
  const from = parseYear(range[1] ?? '');
  const to = parseYear(range[2] ?? '');
  if (!from.ok) return from;
  if (!to.ok) return to;
  if (to.value < from.value) return { ok: false, message: `${show(v)}: het eindjaar ligt voor het beginjaar` };
  return { ok: true, value: Array.from({ length: to.value - from.value + 1 }, (_, i) => from.value + i) };
}

const gemeentecode = z
  .string()
  .regex(GM_CODE, { error: (iss) => `${show(String(iss.input))} is geen geldige gemeentecode (verwacht GM en vier cijfers, bijvoorbeeld GM0014)` });

const provinciecode = z
  .string()
  .regex(PV_CODE, { error: (iss) => `${show(String(iss.input))} is geen geldige provinciecode (verwacht PV en twee cijfers, bijvoorbeeld PV20)` });

const ggdcode = z
  .string()
  .regex(GG_CODE, { error: (iss) => `${show(String(iss.input))} is geen geldige GGD-code (verwacht GG en vier cijfers, bijvoorbeeld GG0111)` });

/** A name or other text that must be present, without surrounding spaces. */
const tekst = z
  .string()
  .refine((v) => v.trim() !== '', { error: 'is leeg; hier hoort een tekst' })
  .refine((v) => v === v.trim(), { error: (iss) => `${show(String(iss.input))} begint of eindigt met een spatie` });

/** Free text that may be empty. */
const vrijeTekst = z.string();

const STATUSES = SOURCE_STATUSES;

const status = z.enum(STATUSES, {
  error: (iss) => `${show(String(iss.input))} is geen geldige status (toegestaan: ${STATUSES.join(', ')})`,
});

const stroom = z.enum(STREAM_IDS, {
  error: (iss) => `${show(String(iss.input))} is geen bekende stroom (toegestaan: ${STREAM_IDS.join(', ')})`,
});

// ---------------------------------------------------------------------------------------------
// Files

type Shape = Record<string, z.ZodType<unknown, string>>;
type ShapeOutput<S extends Shape> = { [K in keyof S]: z.output<S[K]> };
/** A cross-field problem inside one row, reported on `kolom`. */
interface RowProblem {
  kolom: string;
  melding: string;
}

/** How one CSV file is read: its expected header and the schema of one row. */
export interface FileSchema<T> {
  readonly columns: readonly string[];
  readonly row: z.ZodType<T, Record<string, string>>;
}

function fileSchema<S extends Shape, T>(
  shape: S,
  toRow: (r: ShapeOutput<S>) => T,
  check: (r: ShapeOutput<S>) => RowProblem[] = () => [],
): FileSchema<T> {
  const row = z.object(shape).transform((r, ctx): T => {
    const typed = r as ShapeOutput<S>;
    const problems = check(typed);
    for (const p of problems) ctx.issues.push({ code: 'custom', path: [p.kolom], message: p.melding, input: r });
    return problems.length > 0 ? z.NEVER : toRow(typed);
  });
  return { columns: Object.keys(shape), row: row as unknown as z.ZodType<T, Record<string, string>> };
}

/** Men plus women must equal the inhabitants, when CBS gives both. */
function sexesAddUp(inwoners: DecimalValue, mannen: DecimalValue | null, vrouwen: DecimalValue | null, kolom: string): RowProblem[] {
  if (mannen === null || vrouwen === null || mannen.plus(vrouwen).eq(inwoners)) return [];
  return [{ kolom, melding: `mannen (${mannen.toString()}) plus vrouwen (${vrouwen.toString()}) is niet gelijk aan het aantal inwoners (${inwoners.toString()})` }];
}

export const gemeentenSchema = fileSchema(
  {
    gemeentecode,
    gemeentenaam: tekst,
    gemeentenaam_cbs_2025: tekst,
    provinciecode,
    provincienaam: tekst,
  },
  (r): Municipality => ({
    code: r.gemeentecode,
    naam: r.gemeentenaam,
    naamCbs: r.gemeentenaam_cbs_2025,
    provincieCode: r.provinciecode,
    provincie: r.provincienaam,
  }),
);

export const gemeenten2021Schema = fileSchema(
  { gemeentecode, gemeentenaam: tekst, provinciecode, provincienaam: tekst },
  (r): Municipality2021 => ({ code: r.gemeentecode, naam: r.gemeentenaam, provincieCode: r.provinciecode, provincie: r.provincienaam }),
);

export const herindelingenSchema = fileSchema(
  {
    datum: cell(parseIsoDate),
    oude_gemeentecode: gemeentecode,
    oude_gemeentenaam: tekst,
    nieuwe_gemeentecode: gemeentecode,
    nieuwe_gemeentenaam: tekst,
    type: tekst,
    bron: tekst,
  },
  (r): Merger => ({
    datum: r.datum,
    oudeCode: r.oude_gemeentecode,
    oudeNaam: r.oude_gemeentenaam,
    nieuweCode: r.nieuwe_gemeentecode,
    nieuweNaam: r.nieuwe_gemeentenaam,
    type: r.type,
    bron: r.bron,
  }),
);

/** A row of `bevolking-2023-2024.csv` (2023-2026 division). */
export interface BevolkingRow {
  code: string;
  naam: string;
  inwoners2023: DecimalValue;
  inwoners2024: DecimalValue;
  pct0tot15: DecimalValue;
  huishoudens2024: DecimalValue;
  pctHuishoudensMetKinderen: DecimalValue;
}

export const bevolkingSchema = fileSchema(
  {
    gemeentecode,
    gemeentenaam: tekst,
    inwoners_2023_01_01: cell(required(parseWhole, 'de indicator inwoners 2023')),
    inwoners_2024_01_01: cell(required(parseWhole, 'de indicatoren inwoners en kinderen 0-15 jaar 2024')),
    mannen_2024: cell(optional(parseWhole)),
    vrouwen_2024: cell(optional(parseWhole)),
    pct_0_tot_15_jaar_2024: cell(required(parsePercentage, 'de indicator kinderen 0-15 jaar 2024')),
    huishoudens_2024: cell(required(parseWhole, 'de indicatoren over huishoudens 2024')),
    pct_huishoudens_met_kinderen_2024: cell(required(parsePercentage, 'de indicator huishoudens met kinderen 2024')),
  },
  (r): BevolkingRow => ({
    code: r.gemeentecode,
    naam: r.gemeentenaam,
    inwoners2023: r.inwoners_2023_01_01,
    inwoners2024: r.inwoners_2024_01_01,
    pct0tot15: r.pct_0_tot_15_jaar_2024,
    huishoudens2024: r.huishoudens_2024,
    pctHuishoudensMetKinderen: r.pct_huishoudens_met_kinderen_2024,
  }),
  (r) => sexesAddUp(r.inwoners_2024_01_01, r.mannen_2024, r.vrouwen_2024, 'inwoners_2024_01_01'),
);

/** The reference date of `kerncijfers-2022.csv` (its column `inwoners_2022_01_01`). */
export const KERNCIJFERS_2022_PEILDATUM = '2022-01-01';

/** A row of `kerncijfers-2022.csv` (2022 division): only the figures indicators use. */
export interface KerncijfersRow {
  code: string;
  naam: string;
  inwoners: DecimalValue;
  huishoudens: DecimalValue;
  geboortenPer1000: DecimalValue;
  pctLaagInkomen: DecimalValue;
  pctSociaalMinimum: DecimalValue;
  opleidingLaag: DecimalValue;
}

export const kerncijfers2022Schema = fileSchema(
  {
    gemeentecode,
    gemeentenaam: tekst,
    inwoners_2022_01_01: cell(required(parseWhole, 'de indicatoren inwoners en geboorten 2022')),
    mannen: cell(optional(parseWhole)),
    vrouwen: cell(optional(parseWhole)),
    pct_0_tot_15_jaar: cell(optional(parsePercentage)),
    huishoudens: cell(required(parseWhole, 'de indicatoren over huishoudens met een laag inkomen of rond het sociaal minimum 2022')),
    pct_huishoudens_met_kinderen: cell(optional(parsePercentage)),
    geboortes_per_1000_inwoners: cell(required(parseDecimal, 'de indicator geboorten 2022')),
    pct_huishoudens_laag_inkomen: cell(required(parsePercentage, 'de indicator huishoudens met een laag inkomen 2022')),
    pct_huishoudens_hoog_inkomen: cell(optional(parsePercentage)),
    pct_huishoudens_onder_of_rond_sociaal_minimum: cell(required(parsePercentage, 'de indicator huishoudens rond het sociaal minimum 2022')),
    gem_gestandaardiseerd_inkomen_huishoudens_x1000eur: cell(optional(parseDecimal)),
    opleidingsniveau_laag_aantal: cell(required(parseWhole, 'de indicator opleidingsniveau laag 2022')),
    opleidingsniveau_middelbaar_aantal: cell(optional(parseWhole)),
    opleidingsniveau_hoog_aantal: cell(optional(parseWhole)),
  },
  (r): KerncijfersRow => ({
    code: r.gemeentecode,
    naam: r.gemeentenaam,
    inwoners: r.inwoners_2022_01_01,
    huishoudens: r.huishoudens,
    geboortenPer1000: r.geboortes_per_1000_inwoners,
    pctLaagInkomen: r.pct_huishoudens_laag_inkomen,
    pctSociaalMinimum: r.pct_huishoudens_onder_of_rond_sociaal_minimum,
    opleidingLaag: r.opleidingsniveau_laag_aantal,
  }),
  (r) => sexesAddUp(r.inwoners_2022_01_01, r.mannen, r.vrouwen, 'inwoners_2022_01_01'),
);

/** A row of `inkomen-2020.csv` (2023 division). */
export interface InkomenRow {
  code: string;
  naam: string;
  pctLaagste40: DecimalValue;
}

export const inkomen2020Schema = fileSchema(
  {
    gemeentecode,
    gemeentenaam: tekst,
    gem_persoonlijk_inkomen_per_inwoner_x1000eur: cell(optional(parseDecimal)),
    pct_particuliere_huishoudens_in_laagste_40pct_besteedbaar_inkomen: cell(required(parsePercentage, 'de indicator huishoudens in de laagste 40% inkomens')),
    pct_particuliere_huishoudens_in_hoogste_20pct_besteedbaar_inkomen: cell(optional(parsePercentage)),
  },
  (r): InkomenRow => ({ code: r.gemeentecode, naam: r.gemeentenaam, pctLaagste40: r.pct_particuliere_huishoudens_in_laagste_40pct_besteedbaar_inkomen }),
);

/** A row of `brede-spuk-totaal-2025.csv`. */
export interface BredeSpukRow {
  code: string;
  naam: string;
  bedrag: bigint;
}

export const bredeSpuk2025Schema = fileSchema(
  { gemeentecode, gemeentenaam: tekst, bedrag_2025_eur: cell(parseEuro) },
  (r): BredeSpukRow => ({ code: r.gemeentecode, naam: r.gemeentenaam, bedrag: r.bedrag_2025_eur }),
);

/**
 * The stable id of an IZA region: its name in lower case, diacritics removed, every run of
 * other characters replaced by '-', no '-' at either end. 'Apeldoorn/Zutphen' -> 'apeldoorn-zutphen'.
 */
export function izaRegioId(naam: string): string {
  return naam
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A row of `spuk-iza-per-regio-2025-2026.csv`. */
export interface IzaRow {
  regio: IzaRegion;
  bedrag2025: bigint;
  bedrag2026: bigint;
}

export const spukIzaSchema = fileSchema(
  {
    iza_regio: tekst,
    mandaatgemeente: tekst,
    mandaatgemeentecode: z.union([z.literal(''), gemeentecode], {
      error: (iss) => `${show(String(iss.input))} is geen geldige gemeentecode (verwacht GM en vier cijfers, of leeg als de ontvanger geen gemeente is)`,
    }),
    bedrag_2025_eur: cell(parseEuro),
    bedrag_2026_eur: cell(parseEuro),
  },
  (r): IzaRow => ({
    regio: {
      id: izaRegioId(r.iza_regio),
      naam: r.iza_regio,
      mandaatgemeente: r.mandaatgemeente,
      mandaatgemeenteCode: r.mandaatgemeentecode === '' ? null : r.mandaatgemeentecode,
    },
    bedrag2025: r.bedrag_2025_eur,
    bedrag2026: r.bedrag_2026_eur,
  }),
  (r) => (izaRegioId(r.iza_regio) === '' ? [{ kolom: 'iza_regio', melding: `${show(r.iza_regio)} levert geen bruikbare id op (geen letters of cijfers)` }] : []),
);

/** An empty amount means unknown, and only status 'onbekend' may say so (and vice versa). */
function unknownMatchesStatus(bedrag: DecimalValue | null, st: SourceStatus): RowProblem[] {
  if (bedrag === null && st !== 'onbekend') {
    return [{ kolom: 'bedrag_eur', melding: `is leeg, maar de status is "${st}"; een leeg bedrag mag alleen bij status "onbekend" (onbekend is niet nul)` }];
  }
  if (bedrag !== null && st === 'onbekend') {
    return [{ kolom: 'status', melding: `is "onbekend", maar er staat een bedrag (${bedrag.toString()}); laat het bedrag leeg of kies een andere status` }];
  }
  return [];
}

export const landelijkeBudgettenSchema = fileSchema(
  {
    stroom,
    jaar: cell(parseBudgetYear),
    bedrag_eur: cell((v): CellResult<DecimalValue | null> => (v === '' ? { ok: true, value: null } : parseDecimal(v))),
    status,
    kanaal: tekst,
    ontvangers: tekst,
    sleutel: tekst,
    bron: tekst,
    toelichting: vrijeTekst,
  },
  (r): NationalAmountRow => ({
    stroom: r.stroom,
    jaar: r.jaar,
    bedrag: r.bedrag_eur,
    status: r.status,
    kanaal: r.kanaal,
    ontvangers: r.ontvangers,
    sleutel: r.sleutel,
    bron: r.bron,
    toelichting: r.toelichting,
  }),
  (r) => unknownMatchesStatus(r.bedrag_eur, r.status),
);

export const generiekeKortingenSchema = fileSchema(
  {
    regeling: tekst,
    jaar: cell(parseYears),
    percentage: cell(parsePercentage),
    bron: tekst,
    toelichting: vrijeTekst,
  },
  (r): GenericCut => ({ regeling: r.regeling, jaren: r.jaar, percentage: r.percentage, bron: r.bron, toelichting: r.toelichting }),
);

/**
 * In `herindelingen-2027.csv` a status or source that is the same as in the row above is written
 * as `idem` (in any case); `checks.ts` replaces it by the value of the row above (`resolveIdem`),
 * so that `idem` never reaches the data.
 */
export const IDEM = 'idem';

/** The columns of `herindelingen-2027.csv` that may say `idem`; each is also the field of `PlannedMerger`. */
export const IDEM_COLUMNS = ['status', 'bron'] as const;

export const herindelingenGeplandSchema = fileSchema(
  {
    beoogde_datum: cell(parseIsoDate),
    oude_gemeentecode: gemeentecode,
    oude_gemeentenaam: tekst,
    nieuwe_gemeentecode: gemeentecode,
    nieuwe_gemeentenaam: tekst,
    type: tekst,
    status: tekst,
    bron: tekst,
  },
  (r): PlannedMerger => ({
    datum: r.beoogde_datum,
    jaar: Number(r.beoogde_datum.slice(0, 4)),
    oudeCode: r.oude_gemeentecode,
    oudeNaam: r.oude_gemeentenaam,
    nieuweCode: r.nieuwe_gemeentecode,
    nieuweNaam: r.nieuwe_gemeentenaam,
    type: r.type,
    status: r.status,
    bron: r.bron,
  }),
  (r) =>
    r.beoogde_datum.endsWith('-01-01')
      ? []
      : [{ kolom: 'beoogde_datum', melding: `${show(r.beoogde_datum)} is geen 1 januari; een herindeling gaat in op 1 januari` }],
);

/**
 * In `bevolking-2026.csv` the source of a row may be followed by this separator and a note, which
 * says why a figure is missing ("... -- ONTBREEKT: ...").
 */
export const NOTE_SEPARATOR = ' -- ';

/** A row of `bevolking-2026.csv` (2023-2026 division). */
export interface Bevolking2026Row {
  code: string;
  naam: string;
  provincie: string;
  /** null: unknown (an empty cell, or CBS's '.'), never 0. */
  inwoners: DecimalValue | null;
  /** The source, without the note. */
  bron: string;
  /** The note after `NOTE_SEPARATOR`, or null. */
  opmerking: string | null;
}

export const bevolking2026Schema = fileSchema(
  {
    gemeentecode,
    gemeentenaam: tekst,
    provincienaam: tekst,
    inwoners_2026_01_01: cell(optional(parseWhole)),
    bron: tekst,
  },
  (r): Bevolking2026Row => {
    const i = r.bron.indexOf(NOTE_SEPARATOR);
    return {
      code: r.gemeentecode,
      naam: r.gemeentenaam,
      provincie: r.provincienaam,
      inwoners: r.inwoners_2026_01_01,
      bron: i < 0 ? r.bron : r.bron.slice(0, i),
      opmerking: i < 0 ? null : r.bron.slice(i + NOTE_SEPARATOR.length),
    };
  },
);

const BRP_STATUSES = ['bron', 'afgeleid'] as const;
const OVEREENSTEMMING = ['ja', 'nee'] as const;

/** A row of `ggd-regio-2023.csv`: a municipality and the GGD region derived from the maps. */
export interface GgdRow {
  code: string;
  naam: string;
  ggdCode: string;
  ggdNaam: string;
  /** The share of the municipality's area inside that region. */
  aandeel: DecimalValue;
  /** The GGD that the BRP table of RvIG names. */
  brpGgd: string;
  brpStatus: (typeof BRP_STATUSES)[number];
  /** Whether the BRP table names the same GGD as the maps. */
  overeenstemming: boolean;
}

export const ggdRegioSchema = fileSchema(
  {
    gemeentecode,
    gemeentenaam: tekst,
    ggdcode,
    ggdnaam: tekst,
    aandeel_oppervlak: cell(parseShare),
    brp_ggd: tekst,
    brp_status: z.enum(BRP_STATUSES, {
      error: (iss) => `${show(String(iss.input))} is geen geldige brp_status (toegestaan: ${BRP_STATUSES.join(', ')})`,
    }),
    overeenstemming: z.enum(OVEREENSTEMMING, {
      error: (iss) => `${show(String(iss.input))} is geen geldige overeenstemming (toegestaan: ${OVEREENSTEMMING.join(', ')})`,
    }),
  },
  (r): GgdRow => ({
    code: r.gemeentecode,
    naam: r.gemeentenaam,
    ggdCode: r.ggdcode,
    ggdNaam: r.ggdnaam,
    aandeel: r.aandeel_oppervlak,
    brpGgd: r.brp_ggd,
    brpStatus: r.brp_status,
    overeenstemming: r.overeenstemming === 'ja',
  }),
  (r) =>
    r.overeenstemming === 'nee' && r.brp_ggd === r.ggdnaam
      ? [{ kolom: 'overeenstemming', melding: `is "nee", maar brp_ggd noemt dezelfde GGD als ggdnaam (${show(r.ggdnaam)})` }]
      : [],
);

export const bronnenSchema = fileSchema(
  {
    bron_tekst: tekst,
    titel: tekst,
    uitgever: tekst,
    datum: cell(parseSourceDate),
    kenmerk: cell(parseOptionalText),
    url: cell(parseHttpsUrl),
  },
  (r): SourceDocument => ({ bronTekst: r.bron_tekst, titel: r.titel, uitgever: r.uitgever, datum: r.datum, kenmerk: r.kenmerk, url: r.url }),
);

// ---------------------------------------------------------------------------------------------
// Reading a file

/** A typed row with the line where it starts in the CSV. */
export interface Located<T> {
  regel: number;
  waarde: T;
}

/**
 * The line on which each row starts (header = line 1). The cells are the original strings,
 * so a line break inside a quoted field is still there to be counted.
 */
export function rowLines(raw: RawFile): number[] {
  const breaks = (cells: readonly string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  let line = 1 + breaks(raw.columns) + 1;
  return raw.rows.map((row) => {
    const start = line;
    line += 1 + breaks(row);
    return start;
  });
}

const headerSchema = (expected: readonly string[]) =>
  z.array(z.string()).superRefine((actual, ctx) => {
    const n = Math.max(actual.length, expected.length);
    for (let i = 0; i < n; i++) {
      const a = actual[i];
      const e = expected[i];
      if (a === e) continue;
      const message =
        a === undefined ? `kolom "${e}" ontbreekt` : e === undefined ? `onverwachte extra kolom "${a}"` : `verwacht kolom "${e}", maar de kop heeft "${a}"`;
      ctx.addIssue({ code: 'custom', path: [i], message });
      return; // one message per header: after the first difference the rest is shifted
    }
  });

function fieldCountProblem(row: readonly string[], columns: readonly string[]): RowProblem {
  if (row.length < columns.length) {
    const kolom = columns[row.length] ?? '';
    return { kolom, melding: `de regel heeft ${row.length} velden, verwacht ${columns.length}: kolom "${kolom}" en verder ontbreken` };
  }
  const kolom = columns[columns.length - 1] ?? '';
  return { kolom, melding: `de regel heeft ${row.length} velden, verwacht ${columns.length}: er staan velden na de laatste kolom` };
}

/** Validates one embedded file against its schema. Never throws for bad content. */
export function parseFile<T>(raw: RawFile, schema: FileSchema<T>): { rows: Located<T>[]; fouten: Fout[] } {
  const fouten: Fout[] = [];
  const header = headerSchema(schema.columns).safeParse(raw.columns);
  if (!header.success) {
    for (const iss of header.error.issues) {
      const i = Number(iss.path[0]);
      fouten.push({ bestand: raw.file, regel: 1, kolom: raw.columns[i] ?? schema.columns[i] ?? null, melding: iss.message });
    }
    return { rows: [], fouten };
  }
  const lines = rowLines(raw);
  const rows: Located<T>[] = [];
  raw.rows.forEach((cells, index) => {
    const regel = lines[index] ?? index + 2;
    if (cells.length !== schema.columns.length) {
      const p = fieldCountProblem(cells, schema.columns);
      fouten.push({ bestand: raw.file, regel, kolom: p.kolom, melding: p.melding });
      return;
    }
    const record = Object.fromEntries(schema.columns.map((c, i) => [c, cells[i] ?? '']));
    const parsed = schema.row.safeParse(record);
    if (parsed.success) rows.push({ regel, waarde: parsed.data });
    else for (const iss of parsed.error.issues) fouten.push({ bestand: raw.file, regel, kolom: String(iss.path[0] ?? ''), melding: iss.message });
  });
  return { rows, fouten };
}
