import { opVerzoek } from '../ui/op-verzoek.js';

/**
 * The letter, loaded on first use: the letter's code and its CSS are a chunk of their own, so
 * the first load of the app does not grow.
 */
export const BriefLaden = opVerzoek(() => import('./brief.js').then((m) => m.Brief)).View;
