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
export type StreamId = (typeof STREAM_IDS)[number];

/** The years this product covers. */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2030;
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
  waarden: ReadonlyMap<string, Decimal>; // key: 2023-2026 municipality code; every one of the 342
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
}
