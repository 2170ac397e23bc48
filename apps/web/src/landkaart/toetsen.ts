/**
 * Moving between municipalities on the map with the keyboard: the map is one tab stop, and the
 * arrow keys go to the nearest municipality in that direction (by centroid), Home and End to the
 * first and last in the list. Pure: from centroids and a key to the next index.
 */

export type Richting = 'links' | 'rechts' | 'boven' | 'onder';

export const PIJLTOETSEN: Readonly<Record<string, Richting>> = {
  ArrowLeft: 'links',
  ArrowRight: 'rechts',
  ArrowUp: 'boven',
  ArrowDown: 'onder',
};

/**
 * The index of the nearest point from `huidig` in direction `richting`: among the points that lie
 * in that direction (within 60 degrees either side of it), the one with the smallest distance
 * along the direction plus twice the distance across it. `huidig` itself when there is none.
 */
export function volgende(punten: readonly (readonly [number, number])[], huidig: number, richting: Richting): number {
  const p = punten[huidig];
  if (!p) return huidig;
  let beste = huidig;
  let score = Infinity;
  punten.forEach((q, i) => {
    if (i === huidig) return;
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    const langs = richting === 'rechts' ? dx : richting === 'links' ? -dx : richting === 'onder' ? dy : -dy;
    const dwars = Math.abs(richting === 'links' || richting === 'rechts' ? dy : dx);
    if (langs <= 0 || dwars > langs * Math.tan(Math.PI / 3)) return;
    const s = langs + 2 * dwars;
    if (s < score || (s === score && i < beste)) {
      score = s;
      beste = i;
    }
  });
  return beste;
}
