import type { StreamId } from './types.js';

/**
 * A budget frame that a scenario is checked against. The coalition agreement of 2022 made
 * € 23 million a year available for Kansrijke Start from 2023 ("an important part" to
 * municipalities). It is policy data with a source, so it lives here, not in the engine.
 * The streams are those that this money funds: the Brede SPUK part, its structural continuation
 * from 2027, and the national VWS activities (whose amounts are unknown and so not counted).
 */
export interface BudgetFrame {
  naam: string;
  vanaf: number;
  bedrag: string; // euros
  stromen: readonly StreamId[];
  bron: string;
}

/** The budget frame of the coalition agreement 2022, with its source (see `BudgetFrame`). */
export const FRAME: BudgetFrame = {
  naam: 'Coalitieakkoord 2022: € 23 miljoen per jaar voor Kansrijke Start',
  vanaf: 2023,
  bedrag: '23000000',
  stromen: ['ks-brede-spuk', 'ks-gala-structureel', 'landelijk-vws'],
  bron: 'Coalitieakkoord: 23 mln per jaar vanaf 2023',
};
