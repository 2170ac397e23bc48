import type { Decimal } from '../money/decimal.js';
import type { SourceStatus } from '../status/status.js';

/** The funding streams; ids are those of `landelijke-budgetten.csv`. */
export const STREAM_IDS = [
  'ks-impuls',
  'ks-brede-spuk',
  'nu-niet-zwanger',
  'integrale-gezinspoli',
  'rookvrije-start',
  'ks-gala-structureel',
  'landelijk-vws',
] as const;
/** The id of a funding stream of the data (`ks-brede-spuk`, ...); an own stream of a scenario is a `StreamRef` (`eigen:...`). */
export type StreamId = (typeof STREAM_IDS)[number];

/** The years this product covers. */
export const FIRST_YEAR = 2019;
/** The last year this product covers. */
export const LAST_YEAR = 2030;
/** Every year this product covers, ascending: 2019 to 2030. */
export const YEARS: readonly number[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** A municipality of the 2023-2026 division (342). */
export interface Municipality {
  code: string; // GM0363
  naam: string;
  naamCbs: string; // CBS spelling with suffix, e.g. "Beek (L.)"
  provincieCode: string; // PV27
  provincie: string;
}

/** A municipality on 1 January 2021 (352). */
export interface Municipality2021 {
  code: string;
  naam: string;
  provincieCode: string;
  provincie: string;
}

/** One row of `herindelingen-2019-2026.csv`: an old code that went (partly) into a new one. */
export interface Merger {
  datum: string; // ISO date, 2019-01-01
  oudeCode: string;
  oudeNaam: string;
  nieuweCode: string;
  nieuweNaam: string;
  type: string;
  bron: string;
}

/** Ids of the indicators a formula key can weigh. */
export type IndicatorId =
  | 'inwoners-2026'
  | 'inwoners-2024'
  | 'inwoners-2023'
  | 'huishoudens-2024'
  | 'kinderen-0-15-2024'
  | 'huishoudens-met-kinderen-2024'
  | 'inwoners-2022'
  | 'geboorten-2022'
  | 'huishoudens-laag-inkomen-2022'
  | 'huishoudens-sociaal-minimum-2022'
  | 'opleiding-laag-2022'
  | 'huishoudens-laagste-40pct-2020';

/** An indicator per municipality of the 2023-2026 division, with its source and status. */
export interface Indicator {
  id: IndicatorId;
  naam: string; // Dutch label, e.g. "Inwoners op 1 januari 2024"
  eenheid: string; // "inwoners", "huishoudens", "geboorten", "personen"
  status: 'officieel' | 'raming';
  bron: string;
  toelichting: string; // how it was derived (for 'raming': the formula)
  /** Key: municipality code of the 2023-2026 division, every one of the 342; null = unknown (never 0). */
  waarden: ReadonlyMap<string, Decimal | null>;
}

/** An official table of whole-euro amounts whose shares serve as an observed key. */
export interface ObservedTable {
  id: string; // 'brede-spuk-2025', 'spuk-iza-2025', 'spuk-iza-2026'
  naam: string;
  status: 'officieel';
  bron: string;
  toelichting: string;
  bedragen: ReadonlyMap<string, bigint>; // recipient code (GM code or region id) -> whole euros
  /** The years in which this table is the key as officially applied; in other years using it is an assumption. */
  sleutelJaren: readonly number[];
}

/** One of the 42 IZA regions; its money is paid to the mandate holder. */
export interface IzaRegion {
  id: string; // stable slug of the name, e.g. 'achterhoek', 'twente'
  naam: string; // "Achterhoek"
  mandaatgemeente: string; // "Doetinchem", or "SamenTwente"
  mandaatgemeenteCode: string | null; // GM0222, or null for SamenTwente (not a municipality)
}

/** One row of `landelijke-budgetten.csv`. */
export interface NationalAmountRow {
  stroom: StreamId;
  jaar: number | 'structureel';
  bedrag: Decimal | null; // euros; null = unknown (never 0)
  status: SourceStatus;
  kanaal: string;
  ontvangers: string;
  sleutel: string;
  bron: string;
  toelichting: string;
}

/** One row of `generieke-kortingen.csv`. */
export interface GenericCut {
  regeling: string; // 'brede-spuk', 'spuk-iza', 'spuk-azwa (GALA-deel)'
  jaren: readonly number[]; // '2027-2029' expands to [2027, 2028, 2029]
  percentage: Decimal;
  bron: string;
  toelichting: string;
}

/**
 * A merger planned for a coming 1 January (`herindelingen-2027.csv`): an old municipality that
 * goes into a new one. A row whose old and new code are the same says that the receiving
 * municipality keeps existing (and its code). `status` says how far the legal basis is.
 */
export interface PlannedMerger {
  datum: string; // ISO date, 2027-01-01
  /** The first year of the new division. */
  jaar: number;
  oudeCode: string;
  oudeNaam: string;
  nieuweCode: string;
  nieuweNaam: string;
  type: string;
  /** The state of the law (as the file says it; "idem" resolved to the row above). */
  status: string;
  bron: string;
}

/** A GGD region (public health service) with its municipalities of the 2023-2026 division. */
export interface GgdRegion {
  code: string; // GG0111
  naam: string; // GGD Groningen
  /** Municipality codes, in the order of `gemeenten`. */
  gemeenten: readonly string[];
}

/** How the GGD membership is known: derived from maps, with the municipalities where sources disagree. */
export interface GgdMembership {
  bron: string;
  /** 'afgeleid': derived from the boundary maps, not a published membership table. */
  status: 'afgeleid';
  toelichting: string;
  /** Municipalities where the second source (the BRP table) names another GGD. */
  afwijkingen: readonly { code: string; naam: string; kaart: string; brp: string }[];
}

/** A document the data cites (`bronnen.csv`): its date is the "stand" of the figures taken from it. */
export interface SourceDocument {
  /** The phrase as cited, a prefix of the `bron` texts that cite it. */
  bronTekst: string;
  titel: string;
  uitgever: string;
  /** ISO date, or as precise as known: '2025-08-31', '2026-01', '2025'; null when unknown. */
  datum: string | null;
  kenmerk: string | null;
  url: string | null;
}

/** The version and date of the data set as a whole. */
export interface DataVersion {
  /** `YYYY-MM-DD+<first 12 hex digits of the SHA-256 of the embedded files>`. */
  versie: string;
  /** The date of the newest document the data cites: how current the data set is. */
  datum: string;
  /** SHA-256 (hex) of the embedded CSV files, in the order of the import. */
  sha256: string;
}

/**
 * A decision the data says is still to come (the AZWA split, the Rookvrije Start key): until it
 * is taken, the figures it concerns rest on `aanname`; once `verwacht.uiterlijk` has passed, by
 * the date of the data set or by the user's clock, they may be out of date.
 */
export interface PendingDecision {
  id: string;
  /** What is to be decided, as a Dutch noun phrase. */
  onderwerp: string;
  stromen: readonly StreamId[];
  /** The years it concerns. */
  van: number;
  tot: number;
  /** When it was announced for, in words and as the last day of that; null when no date was given. */
  verwacht: { tekst: string; uiterlijk: string } | null;
  /** What the figures assume until then (Dutch). */
  aanname: string;
  bron: string;
}

/** A municipal division: the municipalities of a range of years (for `gemeenten`: 2023-2026). */
export interface Division {
  van: number;
  tot: number;
  /** "indeling 2023-2026", for messages and explanations. */
  naam: string;
}

/** Everything the product knows, validated. */
export interface BaselineData {
  /** The division of `gemeenten`, read from the name of its file. */
  indeling: Division;
  gemeenten: readonly Municipality[];
  gemeenten2021: readonly Municipality2021[];
  herindelingen: readonly Merger[];
  indicatoren: readonly Indicator[];
  bredeSpuk2025: ObservedTable;
  spukIza2025: ObservedTable; // keyed by region id
  spukIza2026: ObservedTable; // keyed by region id
  izaRegios: readonly IzaRegion[];
  landelijkeBudgetten: readonly NationalAmountRow[];
  kortingen: readonly GenericCut[];
  /** The mergers planned after the last year of `indeling` (the 2027 division). */
  herindelingenGepland: readonly PlannedMerger[];
  ggdRegios: readonly GgdRegion[];
  /** GGD region code per municipality code of the division. */
  ggdVan: ReadonlyMap<string, string>;
  ggdIndeling: GgdMembership;
  bronnen: readonly SourceDocument[];
  /** Decisions still to come that the figures depend on. */
  besluiten: readonly PendingDecision[];
  versie: DataVersion;
}
