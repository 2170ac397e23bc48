/**
 * `--gemeente CODE|NAAM` for the commands that write rows per recipient (allocate, compare): the
 * municipality or municipalities a query means (a former municipality leads to its successor),
 * and, for the years in which a planned merger takes it in, the sentence that its rows are then
 * its successor's. The lookup itself is the core's.
 */
import { divisionOf, formatDate, successionIn, type BaselineData, type Herindelingen } from '@kansrijke-start/core';
import { resolveMunicipality } from './commands/explain.js';

export const MUNICIPALITY_HELP = `  --gemeente CODE|NAAM  alleen de regels van deze gemeente (code, naam of voormalige naam); in
                        jaren waarin een geplande herindeling haar opneemt, die van de nieuwe gemeente`;

export interface MunicipalityFilter {
  codes: string[];
  /** Dutch notes for stderr: how the query was read, and the years the rows are a successor's. */
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
      meldingen.push(
        `${m.gemeente.naam} (${m.gemeente.code}) gaat per ${formatDate(s.datum)} op in ${s.opvolger.naam} (${s.opvolger.code}) volgens de geplande herindeling; vanaf ${jaar} staan hier de regels van ${s.opvolger.naam}.`,
      );
      break;
    }
  }
  return { codes: matches.map((m) => m.gemeente.code), meldingen };
}
