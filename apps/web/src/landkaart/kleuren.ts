/**
 * The colours of the map's classes. Amounts and per-inhabitant figures: one hue from light
 * (low) to dark (high). Differences: red for a decrease, blue for an increase, a neutral grey
 * for no difference (ColorBrewer RdBu and Blues, readable for the common colour-vision
 * deficiencies). Unknown or no amount gets a hatching, never a colour of the scale.
 */

const OPLOPEND = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'] as const;
const DALING = ['#b2182b', '#ef8a62', '#fddbc7'] as const; // dark (large decrease) to light
const STIJGING = ['#d1e5f0', '#67a9cf', '#2166ac'] as const; // light to dark (large increase)
export const GEEN_VERSCHIL = '#f0f0f0';
export const ONBEKEND_PATROON = 'kaart-onbekend';

/** `n` colours spread over a palette, in its order. */
function spreiding(palet: readonly string[], n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [palet[Math.floor((palet.length - 1) / 2)]!];
  return Array.from({ length: n }, (_, i) => palet[Math.round((i * (palet.length - 1)) / (n - 1))]!);
}

/**
 * The colour of each class, low to high. For a diverging scheme `nul` is the index of the class
 * for no difference: the classes below it get the reds, those above it the blues.
 */
export function kleurenVoor(aantal: number, nul: number | null): string[] {
  if (nul === null) return spreiding(OPLOPEND.slice(0, aantal <= 5 ? 5 : 6), aantal);
  const onder = nul;
  const boven = aantal - nul - 1;
  const dalingen = onder === 1 ? [DALING[1]] : spreiding(DALING, onder);
  const stijgingen = boven === 1 ? [STIJGING[1]] : spreiding(STIJGING, boven);
  return [...dalingen, GEEN_VERSCHIL, ...stijgingen];
}
