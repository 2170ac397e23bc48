import { decisionNotices, formatDate, isoDay, type DecisionNotice, type StreamRef } from '@kansrijke-start/core';
import { baseAllocation, data } from '../scenario/state.js';

/**
 * How current the figures are: the version and stand of the data set, and the decisions the
 * data says are still to come (from the core). The app only decides where they are shown.
 */

/** Today on the user's clock (Dutch calendar): a decision date that has passed makes a figure "mogelijk verouderd". */
export const VANDAAG = isoDay(new Date());

/** "Gegevens: versie 2026-04-22+…, stand 22 april 2026". */
export function GegevensVersie() {
  return (
    <p class="nl-paragraph gegevensversie">
      Gegevens: versie <span class="geen-afbreking">{data.versie.versie}</span>, stand {formatDate(data.versie.datum)}
    </p>
  );
}

/** The core's notices for the figures of a stream in a year (or of every stream in `stromen`). */
export function besluitenBij(stromen: readonly StreamRef[], jaar: number): DecisionNotice[] {
  const out = new Map<string, DecisionNotice>();
  for (const s of stromen) for (const n of decisionNotices(baseAllocation.gegevens, s, jaar, VANDAAG)) out.set(n.id, n);
  return [...out.values()];
}

/** The notices of many figures, each once. */
export const uniek = (lijsten: readonly (readonly DecisionNotice[])[]): DecisionNotice[] => [...new Map(lijsten.flat().map((n) => [n.id, n])).values()];

/** Once per view: the full text of each notice that concerns figures on it. */
export function BesluitMeldingen({ besluiten }: { besluiten: readonly DecisionNotice[] }) {
  if (besluiten.length === 0) return null;
  return (
    <>
      {besluiten.map((n) => (
        <section key={n.id} class={`utrecht-alert ${n.verouderd ? 'utrecht-alert--warning' : ''} besluit-melding`} aria-labelledby={`besluit-${n.id}-kop`} id={`besluit-${n.id}`}>
          <div class="utrecht-alert__message">
            <h2 class="nl-heading nl-heading--level-2" id={`besluit-${n.id}-kop`}>{n.titel}</h2>
            <p class="nl-paragraph">{n.inhoud}</p>
          </div>
        </section>
      ))}
    </>
  );
}

/** A short mark on a figure that a notice concerns; the notice itself is shown once on the view. */
export function BesluitMarker({ besluiten }: { besluiten: readonly DecisionNotice[] }) {
  if (besluiten.length === 0) return null;
  const verouderd = besluiten.some((n) => n.verouderd);
  return (
    <span class={`besluit-marker${verouderd ? ' besluit-marker--verouderd' : ''}`}>
      {verouderd ? 'mogelijk verouderd' : 'nog niet besloten'}
      <span class="visually-hidden">: zie de melding “{verouderd ? 'Mogelijk verouderd' : 'Nog niet besloten'}” op deze pagina</span>
    </span>
  );
}
