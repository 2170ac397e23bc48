import { explain, renderExplanationParts, type Allocation, type StreamRef } from '@kansrijke-start/core';
import { Status, euroTekst } from '../ui/status.js';
import { VANDAAG } from '../ui/gegevens.js';
import { href } from '../route.js';

/** The explanation of one amount in plain Dutch, one step per list item. */
export function Uitleg({
  allocation,
  stroom,
  jaar,
  ontvanger,
  titel,
  id,
}: {
  allocation: Allocation;
  stroom: StreamRef;
  jaar: number;
  ontvanger: string;
  titel: string;
  id?: string;
}) {
  const r = explain(allocation, { stroom, jaar, ontvanger, vandaag: VANDAAG });
  if (!r.ok) {
    return (
      <section class="paneel paneel--uitleg uitleg" id={id}>
        <h3 class="nl-heading nl-heading--level-3">{titel}</h3>
        <p class="nl-paragraph">{r.bericht}</p>
        {r.opgegaanIn && (
          <p class="nl-paragraph">
            <a class="nl-link" href={href(`gemeente/${r.opgegaanIn.code}`, { jaar })}>
              Naar {r.opgegaanIn.naam} in {jaar}
            </a>
          </p>
        )}
      </section>
    );
  }
  const e = r.uitleg;
  // The steps, the result, and the pending decisions shown apart, as notices.
  const tekst = renderExplanationParts(e);
  return (
    <section class="paneel paneel--uitleg uitleg" id={id} aria-label={titel}>
      <h3 class="nl-heading nl-heading--level-3">{titel}</h3>
      <p class="nl-paragraph">
        <strong>{e.naam}</strong>, {e.stroomNaam}, {e.jaar}: <strong>{euroTekst(e.bedrag)}</strong> <Status status={e.status} />
      </p>
      <ol>
        {tekst.stappen.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ol>
      <p class="nl-paragraph">
        <strong>{tekst.uitkomst}</strong>
      </p>
      {e.besluiten.map((b) => (
        <div key={b.id} class={`utrecht-alert besluit-melding${b.verouderd ? ' utrecht-alert--warning' : ''}`}>
          <div class="utrecht-alert__message">
            <p class="nl-paragraph">
              <strong>{b.titel}:</strong> {b.inhoud}
            </p>
          </div>
        </div>
      ))}
      {e.meldingen.length > 0 && (
        <div class="klein">
          <p class="nl-paragraph label">Let op</p>
          <ul>
            {e.meldingen.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
