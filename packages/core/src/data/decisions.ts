import type { StreamRef } from '../streams/own.js';
import type { PendingDecision } from './types.js';
import { formatDate } from '../dates/dates.js';

/**
 * Decisions the data says are still to come. The figures they concern rest on an assumption
 * until then, and may be out of date once the announced date has passed (see
 * `decisionNotices`). This list belongs to the product, not to `../shared/data`: it records
 * what the cited documents say is still open, each with its source.
 */
export const PENDING_DECISIONS: readonly PendingDecision[] = [
  {
    id: 'azwa-lokaal-regionaal',
    onderwerp: 'de verdeling van de AZWA-middelen over lokale en regionale doelen',
    stromen: ['nu-niet-zwanger', 'integrale-gezinspoli'],
    van: 2027,
    tot: 2029,
    verwacht: { tekst: 'het derde kwartaal van 2026', uiterlijk: '2026-09-30' },
    aanname: 'de basis zet het hele bedrag lokaal, verdeeld met de Brede SPUK-sleutel',
    bron: 'VWS-brief aan VNG AZWA-afspraken D5 en D6 en financieringsinstrument, 22-04-2026, kenmerk 1097348-DMO',
  },
  {
    id: 'rookvrije-start-sleutel',
    onderwerp: 'de ontvangers en de verdeelsleutel van Rookvrije Start',
    stromen: ['rookvrije-start'],
    van: 2027,
    tot: 2029,
    verwacht: null,
    aanname: 'de basis verdeelt het bedrag niet: het blijft landelijk',
    bron: 'AZWA definitief (31-08-2025) bijlage 2, p.90-91',
  },
];

/** The pending decisions that concern a stream in a year. */
export function decisionsFor(besluiten: readonly PendingDecision[], stroom: StreamRef, jaar: number): PendingDecision[] {
  // An own stream of a scenario is in no decision of the data.
  return besluiten.filter((b) => (b.stromen as readonly string[]).includes(stroom) && jaar >= b.van && jaar <= b.tot);
}

/** What a user is told about a pending decision on the figures it concerns (Dutch). */
export interface DecisionNotice {
  id: string;
  /** True when the announced date has passed, by the date of the data set or by `vandaag`. */
  verouderd: boolean;
  /** "Nog niet besloten" or "Mogelijk verouderd". */
  titel: string;
  /** What it means, as its own sentences (for under the title in a box). */
  inhoud: string;
  /** `${titel}: ${inhoud}`, as one sentence for a text. */
  tekst: string;
}

/** `body` goes on after "titel: ", so it starts in lower case; `inhoud` is the same as sentences of its own. */
const notice = (id: string, verouderd: boolean, titel: string, body: string): DecisionNotice => ({
  id,
  verouderd,
  titel,
  inhoud: body.charAt(0).toUpperCase() + body.slice(1),
  tekst: `${titel}: ${body}`,
});

/**
 * The notice for a pending decision: that it is still open and what the figures assume until
 * then; and, once the announced date has passed by the date of the data set (`gegevensDatum`) or
 * by the user's clock (`vandaag`, an ISO day), that the figure may be out of date and why.
 */
export function decisionNotice(b: PendingDecision, opts: { gegevensDatum: string; vandaag?: string | undefined }): DecisionNotice {
  const years = b.van === b.tot ? `${b.van}` : `${b.van}-${b.tot}`;
  const when = b.verwacht ? ` Dit besluit was aangekondigd voor ${b.verwacht.tekst}.` : ' Er is geen datum voor dit besluit genoemd.';
  const open = notice(b.id, false, 'Nog niet besloten', `${b.onderwerp} (${years}).${when} Tot dan geldt: ${b.aanname}. Bron: ${b.bron}.`);
  const limit = b.verwacht?.uiterlijk;
  if (limit === undefined) return open;
  const byData = opts.gegevensDatum > limit;
  const byClock = opts.vandaag !== undefined && opts.vandaag > limit;
  if (!byData && !byClock) return open;
  const passed = byData
    ? `de gegevens hebben stand ${formatDate(opts.gegevensDatum)}`
    : `vandaag is het ${formatDate(opts.vandaag!)} en de gegevens hebben stand ${formatDate(opts.gegevensDatum)}`;
  return notice(
    b.id,
    true,
    'Mogelijk verouderd',
    `${b.onderwerp} (${years}) was aangekondigd voor ${b.verwacht!.tekst}. Die datum is voorbij (${passed}), maar het besluit is niet in deze gegevens verwerkt. Deze bedragen gaan nog uit van: ${b.aanname}. Controleer of het besluit inmiddels is genomen. Bron: ${b.bron}.`,
  );
}

/** The notices for the figures of a stream in a year. */
export function decisionNotices(
  gegevens: { besluiten: readonly PendingDecision[]; versie: { datum: string } },
  stroom: StreamRef,
  jaar: number,
  vandaag?: string,
): DecisionNotice[] {
  return decisionsFor(gegevens.besluiten, stroom, jaar).map((b) => decisionNotice(b, { gegevensDatum: gegevens.versie.datum, vandaag }));
}
