import type { DataVersion, PendingDecision, SourceDocument } from '../data/types.js';
import type { StreamRef } from '../streams/own.js';
import type { Fraction } from '../money/fraction.js';
import type { Problem } from '../scenario/problem.js';
import type { Scenario } from '../scenario/schema.js';
import type { Origin, StreamYearParameters } from '../scenario/parameters.js';
import type { Status } from '../status/status.js';
import type { KeyWeights } from '../keys/weights.js';
import type { Distribution } from './distribute.js';
import type { TransitionFacts } from './transition.js';
import type { YearDivision } from '../municipalities/division.js';

/** Who an amount goes to: a municipality, a region, the national level, a reservation, or money left unspent (`onbenut`). */
export type RecipientKind = 'gemeente' | 'regio' | 'landelijk' | 'reservering' | 'onbenut';

/** The unit amounts are rounded to: whole euros or whole cents. */
export type RoundingUnit = 'euro' | 'cent';

/** One amount for one recipient, in cents (a multiple of 100 when rounding to whole euros). */
export interface AllocationLine {
  /** A stream of the data, or an own stream of the scenario (`eigen:...`). */
  stroom: StreamRef;
  jaar: number;
  /** GM code, IZA region id, GGD region code (GG....), `landelijk`, `onbenut`, or the code of a reservation. */
  ontvanger: string;
  naam: string;
  soort: RecipientKind;
  /** Cents; null = unknown (never 0). */
  bedrag: bigint | null;
  status: Status;
  /** Why the status is less than official (Dutch); empty for a published or computed amount. */
  redenen: readonly string[];
  /** For municipalities: false when it does not take part. */
  deelname?: boolean;
  /** For IZA regions: the mandate holder that receives it (a GGD region has none). */
  mandaatgemeente?: { naam: string; code: string | null };
}

/**
 * One step of the computation of a stream in a year, recorded while it is computed: what went
 * in, where it came from, and what came out. The explanation of an amount is a selection of
 * these steps; its Dutch text is rendered from them. Amounts, by their type: a fraction
 * (`Fraction`) is exact euros, a bigint is cents, and a decimal text (`landelijk-bedrag`'s
 * `bedrag`, a percentage) is the figure as the data or the scenario writes it, in euros.
 */
export type TraceStep =
  | { stap: 'landelijk-bedrag'; bedrag: string | null; status: Status; structureel: boolean; oorsprong: Origin }
  | { stap: 'korting'; percentage: string; voor: Fraction; na: Fraction; oorsprong: Origin }
  | { stap: 'indexatie'; jaren: { jaar: number; percentage: string; oorsprong: Origin }[]; factor: Fraction; voor: Fraction; na: Fraction }
  /** The one rounding of the adjusted amount to the unit; `totaal` in cents. Only when it changed something. */
  | { stap: 'afronding-totaal'; exact: Fraction; totaal: bigint; eenheid: RoundingUnit }
  /**
   * Not divided. `perGemeenteOnbekend`: the money did go to the municipalities, but each one's
   * amount is unknown (why, in Dutch); a municipality's amount is then unknown, not 0.
   */
  | { stap: 'niet-verdeeld'; reden: string; oorsprong: Origin; perGemeenteOnbekend?: string }
  /** Amounts in cents. */
  | { stap: 'reserveringen'; ontvangers: { code: string; naam: string; bedrag: bigint }[]; totaal: bigint; oorsprong: Origin }
  /** `lokaal`, `regionaal`: exact euros. */
  /** `schaal`: the regional part over the GGD regions (absent: the IZA regions). */
  | { stap: 'lokaal-regionaal'; lokaalPercentage: string; lokaal: Fraction; regionaal: Fraction; regios: number; schaal?: 'ggd'; status: Status; oorsprong: Origin }
  | { stap: 'deelname'; deelnemers: number; gemeenten: number; nietDeelnemers: 'herverdelen' | 'onbenut'; oorsprong: Origin }
  | {
      stap: 'sleutel';
      deel: 'lokaal' | 'regionaal';
      omschrijving: string;
      bron: string;
      status: Status;
      /** Why the key is an assumption, when it is one. */
      reden: string | null;
      ontvangers: number;
      /** Cents per recipient; null when the key has none. */
      basisbedrag: bigint | null;
      minimumbedrag: bigint | null;
      /** How many recipients were raised to the minimum. */
      aangevuld: number;
      /** Municipalities with a fixed amount in place of a share (`vasteBedragen`): how many, and their total in cents. */
      vasteBedragen?: { aantal: number; totaal: bigint } | null;
      /** Municipalities with a base amount on top of their share (`basisbedragen`): how many, and their total in cents. */
      basisbedragen?: { aantal: number; totaal: bigint } | null;
      oorsprong: Origin;
    }
  | { stap: 'afronding'; eenheid: RoundingUnit; restEenheden: bigint; kandidaten: number; ontvangers: number }
  /**
   * The transition path (after the rounding): in year `jaarInPad` of a path from `vanafJaar`, each
   * municipality's change against its reference is at most `jaarInPad` times the cap per year.
   * `begrensd`: how many ended at a cap; `verschoven`: cents moved by the balancing, in all.
   */
  | {
      stap: 'ingroeipad';
      vanafJaar: number;
      jaarInPad: number;
      perInwoner: string | null;
      percentage: string | null;
      ontvangers: number;
      begrensd: number;
      verschoven: bigint;
      rondes: number;
      oorsprong: Origin;
    }
  /**
   * The municipal division of the year, when planned mergers take effect by then: applied
   * (`toegepast`), or kept out by the scenario. `delen`: the codes of the base division that a
   * successor covers (itself first where it keeps existing).
   */
  | {
      stap: 'indeling';
      naam: string;
      toegepast: boolean;
      samenvoegingen: {
        opvolger: { code: string; naam: string };
        opgeheven: { code: string; naam: string }[];
        delen: string[];
        datum: string;
        status: string;
        bron: string;
        reden: string;
      }[];
      oorsprong: Origin;
    };

/** One stream in one year of an allocation: the amount divided, its status and trace, and one line per recipient. */
export interface StreamYearResult {
  /** A stream of the data, or an own stream of the scenario (`eigen:...`; its name: `naam`). */
  stroom: StreamRef;
  /** The stream's Dutch name (for an own stream, the name the scenario gives it). */
  naam: string;
  jaar: number;
  parameters: StreamYearParameters;
  /** The municipal division the amount is divided over (the division of the year). */
  indeling: YearDivision;
  /** The steps of the computation, in order. */
  stappen: readonly TraceStep[];
  /** Exact national amount after cut and indexation, in euros; null = unknown. */
  bijgesteld: Fraction | null;
  /** The amount that is divided, in cents after the explicit rounding to the unit; null = unknown. */
  totaal: bigint | null;
  reserveringen: bigint; // cents taken off the top
  lokaal: Fraction; // exact cents for municipalities
  regionaal: Fraction; // exact cents for regions
  /** Status of `totaal` (the national amount after adjustments), with the reasons. */
  bedragStatus: Status;
  bedragRedenen: readonly string[];
  /** Status of the municipalities' lines (the weakest of amount, adjustments, split and key), with the reasons. */
  status: Status;
  redenen: readonly string[];
  /** One line per recipient, in a fixed order; written out when first read (a sweep rarely reads them), then kept. */
  regels: AllocationLine[];
  /** Per line (same index as `regels`): its place among the claims of `verdeling`, or -1 when not apportioned. */
  claims: Int32Array;
  /** The rounded division behind the lines; `roundingOf(verdeling, claims[i])` gives line i's rounding facts. */
  verdeling: Distribution | null;
  sleutel: KeyWeights | null;
  /** Dutch notes: why not allocated, what is attributed rather than earmarked. */
  meldingen: string[];
  /** The transition path of this stream-year, when one holds (absent or null otherwise). */
  ingroeipad?: TransitionOutcome | null;
}

/**
 * The transition path of a stream-year: `facts` per member (in units), `index[k]` the place of
 * member k among the municipalities of the division (`indeling.gemeenten`), and its inhabitants
 * when the cap is per inhabitant.
 */
export interface TransitionOutcome {
  index: number[];
  inwoners: (bigint | null)[] | null;
  facts: TransitionFacts;
}

/** What an allocation carries of the data it was computed from: its version, its documents, its open decisions. */
export interface DataContext {
  versie: DataVersion;
  bronnen: readonly SourceDocument[];
  besluiten: readonly PendingDecision[];
}

/**
 * The result of `allocateScenario`: every stream and year of the scenario, computed on the data
 * it names in `gegevens`, in whole euros or cents (`eenheid`).
 */
export interface Allocation {
  scenario: Scenario;
  /** The data it was computed from (for the stand of each source, open decisions, and exports' metadata). */
  gegevens: DataContext;
  eenheid: bigint; // 100n cents (euro) or 1n (cent)
  resultaten: StreamYearResult[];
  /** Warnings about the whole (a budget frame exceeded); the scenario's own warnings are in the outcome. */
  waarschuwingen: Problem[];
  /** Present when only some years were computed (`AllocateOptions.jaren`): those years. Absent: every year. */
  jaren?: readonly number[];
}
