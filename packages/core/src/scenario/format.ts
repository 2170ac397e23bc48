import type { Scenario } from './schema.js';

/**
 * What code needs of the scenario format without its zod schemas: the version, the limits and
 * the empty scenario. `schema.ts` builds the schemas from these, when a scenario is first read;
 * computing the baseline never loads zod (a bundle can then load it when it is first needed,
 * as ks-budget does).
 */

/**
 * The version of the scenario format (`versie`).
 *
 * A scenario is plain, versioned JSON: a list of changes on top of the baseline. Each change
 * names a stream and a year and says whether it holds for that year only
 * (`alleen-dit-jaar`) or from that year on (`vanaf-dit-jaar`). Changes are applied in list
 * order, so a later change overrides an earlier one for the years they share.
 *
 * Numbers are decimal strings with a `.` ("6000000", "2.5"); plain JSON numbers are accepted
 * on input and written back as strings, so no amount passes through binary floating point.
 */
export const SCENARIO_VERSION = 1;

/** At most this many changes in one scenario. */
export const MAX_CHANGES = 2000;

/** At most this many own streams in one scenario. */
export const MAX_OWN_STREAMS = 20;

/** The empty scenario: the baseline as it is. */
export function emptyScenario(naam = 'Basis'): Scenario {
  return { versie: SCENARIO_VERSION, naam, afronding: 'euro', herindelingen: 'gepland', wijzigingen: [] };
}
