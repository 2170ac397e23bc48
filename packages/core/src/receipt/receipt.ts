/**
 * The receipt of a result: what it was computed with (engine, data) and two SHA-256 hashes that
 * identify what went in (the scenario) and what came out (the canonical result). Anyone with the
 * same engine and data can recompute both from the scenario and check a published figure against
 * them (`ks-budget verify`).
 */
import type { Allocation } from '../allocation/types.js';
import { ENGINE } from '../export/engine.js';
import type { Scenario } from '../scenario/schema.js';
import { canonicalJson } from './canonical.js';
import { sha256Hex } from './hash.js';

/** The receipt of an allocation (see `receiptOf`): what it was computed with, and the hashes of what went in and came out. */
export interface Receipt {
  /** The engine: `@kansrijke-start/core` and its version. */
  motor: { naam: string; versie: string };
  /** The data set: its version, its date (ISO day) and the SHA-256 of its sources. */
  gegevens: { versie: string; datum: string; sha256: string };
  /** SHA-256 (hex) of `canonicalJson` of the scenario as parsed and normalised (the one computed). */
  scenarioSha256: string;
  /** SHA-256 (hex) of `canonicalJson(canonicalResult(allocation))`. */
  resultaatSha256: string;
}

/** One amount in the canonical result. */
export interface CanonicalLine {
  ontvanger: string;
  soort: string;
  /** Cents, as bigint (written as a decimal string); null = unknown. */
  bedrag: bigint | null;
  status: string;
  /** Present only for a municipality that does not take part. */
  deelname?: false;
  /** The code of the municipality a region's amount is paid to, when it has one. */
  mandaatgemeente?: string | null;
}

/** One stream in one year in the canonical result. */
export interface CanonicalStreamYear {
  stroom: string;
  /** The stream's name (for an own stream of the scenario, the name it gives it). */
  naam: string;
  jaar: number;
  /** The national amount that is divided, in cents after its one rounding; null = unknown. */
  totaal: bigint | null;
  bedragStatus: string;
  status: string;
  regels: CanonicalLine[];
}

/**
 * The canonical result of an allocation: what every figure of an export depends on, and
 * nothing else. It covers the unit (`eenheid`: `euro` or `cent`) and, per stream and year
 * (ordered by year, then stream code in UTF-16 order), the stream's name, the national amount
 * that is divided (`totaal`, cents), its status, the status of the municipal lines, and every
 * line (ordered by recipient code, then kind): recipient code, kind of recipient, amount in
 * cents (null = unknown), status, whether a municipality takes part (only when it does not),
 * and for a region the code of its mandate holder. It does not cover texts that are derived
 * from these and from the data: names of recipients (they come from the data, whose version and
 * hash the receipt carries), the reasons of a status, the trace and the explanations.
 */
export function canonicalResult(allocation: Allocation): { eenheid: 'euro' | 'cent'; resultaten: CanonicalStreamYear[] } {
  const resultaten = [...allocation.resultaten]
    .sort((a, b) => a.jaar - b.jaar || codeOrder(a.stroom, b.stroom))
    .map((r) => ({
      stroom: r.stroom,
      naam: r.naam,
      jaar: r.jaar,
      totaal: r.totaal,
      bedragStatus: r.bedragStatus,
      status: r.status,
      regels: [...r.regels]
        .sort((a, b) => codeOrder(a.ontvanger, b.ontvanger) || codeOrder(a.soort, b.soort))
        .map((l): CanonicalLine => {
          const line: CanonicalLine = { ontvanger: l.ontvanger, soort: l.soort, bedrag: l.bedrag, status: l.status };
          if (l.deelname === false) line.deelname = false;
          if (l.mandaatgemeente) line.mandaatgemeente = l.mandaatgemeente.code;
          return line;
        }),
    }));
  return { eenheid: allocation.eenheid === 1n ? 'cent' : 'euro', resultaten };
}

/** UTF-16 code-unit order (as the canonical JSON sorts keys). */
const codeOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** SHA-256 (hex) of the canonical JSON of a scenario. */
export function scenarioHash(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}

const receipts = new WeakMap<Allocation, Receipt>();

/**
 * The receipt of an allocation: engine, data, and the hashes of its scenario and of its
 * canonical result (`canonicalResult`). Computed once per allocation object (it hashes every
 * line) and remembered while the allocation lives.
 */
export function receiptOf(allocation: Allocation): Receipt {
  const known = receipts.get(allocation);
  if (known) return known;
  const v = allocation.gegevens.versie;
  const receipt: Receipt = Object.freeze({
    motor: Object.freeze({ naam: ENGINE.naam, versie: ENGINE.versie }),
    gegevens: Object.freeze({ versie: v.versie, datum: v.datum, sha256: v.sha256 }),
    scenarioSha256: scenarioHash(allocation.scenario),
    resultaatSha256: sha256Hex(canonicalJson(canonicalResult(allocation))),
  });
  receipts.set(allocation, receipt);
  return receipt;
}
