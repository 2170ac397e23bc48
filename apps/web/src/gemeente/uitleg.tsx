import { explain, renderExplanation, type Allocation, type StreamId } from '@kansrijke-start/core';
import { Status, euroTekst } from '../ui/status.js';

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
  stroom: StreamId;
  jaar: number;
  ontvanger: string;
  titel: string;
  id?: string;
}) {
  const r = explain(allocation, { stroom, jaar, ontvanger });
  if (!r.ok) {
    return (
      <section class="paneel paneel--uitleg uitleg" id={id}>
        <h3>{titel}</h3>
        <p>{r.bericht}</p>
      </section>
    );
  }
  const e = r.uitleg;
  const paragraphs = renderExplanation(e);
  const uitkomst = paragraphs[paragraphs.length - 1];
  return (
    <section class="paneel paneel--uitleg uitleg" id={id} aria-label={titel}>
      <h3>{titel}</h3>
      <p>
        <strong>{e.naam}</strong>, {e.stroomNaam}, {e.jaar}: <strong>{euroTekst(e.bedrag)}</strong> <Status status={e.status} />
      </p>
      <ol>
        {paragraphs.slice(0, -1).map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ol>
      <p>
        <strong>{uitkomst}</strong>
      </p>
      {e.meldingen.length > 0 && (
        <div class="klein">
          <p class="label">Let op</p>
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
