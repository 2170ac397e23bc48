/**
 * `--gemeente CODE|NAAM` for the commands that write rows per recipient (allocate, compare): the
 * municipality or municipalities a query means (a former municipality leads to its successor),
 * and, for the first year in which a planned merger takes it in, the core's sentence why its
 * rows are then its successor's. The lookup and its sentences are the core's.
 */
import { divisionOf, findMunicipality, successionIn, type BaselineData, type Herindelingen } from '@kansrijke-start/core';
import { resolveMunicipality } from './commands/explain.js';

export const MUNICIPALITY_HELP = `  --gemeente CODE|NAAM  alleen de regels van deze gemeente (code, naam of voormalige naam); in
                        jaren waarin een geplande herindeling haar opneemt, die van de nieuwe gemeente`;

export interface MunicipalityFilter {
  codes: string[];
  /** Dutch notes for stderr: how the query was read, and from which year the rows are a successor's. */
  meldingen: string[];
}

export function municipalityFilter(data: BaselineData, query: string | undefined, jaren: { van: number; tot: number }, herindelingen: Herindelingen): MunicipalityFilter | null {
  if (query === undefined) return null;
  const matches = resolveMunicipality(data, query);
  const meldingen = matches.flatMap((m) => (m.toelichting ? [m.toelichting] : []));
  for (const m of matches) {
    for (let jaar = Math.max(jaren.van, data.indeling.tot + 1); jaar <= jaren.tot; jaar++) {
      const s = successionIn(divisionOf(data, jaar, herindelingen), m.gemeente.code);
      if (!s || s.opvolger.code === m.gemeente.code) continue;
      // The core's sentence for this municipality in the first year the merger takes it in.
      const inYear = findMunicipality(data, m.gemeente.code, { limit: 1, jaar, herindelingen })[0];
      if (inYear?.toelichting) meldingen.push(inYear.toelichting);
      break;
    }
  }
  return { codes: matches.map((m) => m.gemeente.code), meldingen };
}
