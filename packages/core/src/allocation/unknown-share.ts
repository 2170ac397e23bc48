import type { Allocation, StreamYearResult } from './types.js';
import type { StreamRef } from '../streams/own.js';
import { yearRanges } from '../dates/dates.js';

/**
 * When the money of a stream-year did go to the municipalities but each one's amount is
 * unknown (the baseline's 2019-2022 impuls): why, in Dutch; otherwise null. Every view of a
 * municipality then shows its amount as unknown, never as 0 or as "not divided".
 */
export function unknownPerMunicipality(r: StreamYearResult): string | null {
  for (const s of r.stappen) if (s.stap === 'niet-verdeeld') return s.perGemeenteOnbekend ?? null;
  return null;
}

/**
 * For a list of municipalities' amounts (an export filtered by municipality): per stream whose
 * money went to the municipalities without a known amount each, in the years `van`-`tot`, a
 * Dutch note that those amounts are unknown and why ("Impuls Kansrijke Start (2019-2022): ...").
 * Such a stream-year has no line per municipality, so the note is what says it is not 0.
 */
export function unknownShareNotes(allocation: Allocation, filter: { van: number; tot: number; stroom?: StreamRef | null }): string[] {
  const byStream = new Map<string, { naam: string; reden: string; jaren: number[] }>();
  for (const r of allocation.resultaten) {
    if (r.jaar < filter.van || r.jaar > filter.tot || (filter.stroom != null && r.stroom !== filter.stroom)) continue;
    const reden = unknownPerMunicipality(r);
    if (reden === null) continue;
    const e = byStream.get(r.stroom) ?? { naam: r.naam, reden, jaren: [] };
    e.jaren.push(r.jaar);
    byStream.set(r.stroom, e);
  }
  return [...byStream.values()].map((e) => `${e.naam} (${yearRanges(e.jaren.sort((a, b) => a - b))}): ${e.reden}.`);
}
