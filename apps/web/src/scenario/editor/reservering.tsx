import type { Wijziging } from '@kansrijke-start/core';
import { GetalVeld } from '../../ui/getalveld.js';
import { TekstVeld } from '../../ui/tekstveld.js';
import type { Update } from './kaart.js';

export function ReserveringVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'reservering' }>; id: string; update: Update }) {
  const zet = (ontvangers: typeof w.ontvangers) => update({ ...w, ontvangers });
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Vooraf gereserveerde bedragen</legend>
      {w.ontvangers.length === 0 && <p class="nl-paragraph utrecht-form-field-description">Nog geen ontvangers.</p>}
      {w.ontvangers.map((o, k) => (
        <div class="rij" key={k}>
          <TekstVeld id={`${id}-r${k}-naam`} label="Ontvanger" waarde={o.naam} bijWijziging={(v) => zet(w.ontvangers.map((x, j) => (j === k ? { ...x, naam: v } : x)))} />
          <GetalVeld
            id={`${id}-r${k}-bedrag`}
            label="Bedrag"
            eenheid="euro"
            waarde={o.bedrag}
            breedte="10rem"
            bijWijziging={(v) => zet(w.ontvangers.map((x, j) => (j === k ? { ...x, bedrag: v } : x)))}
          />
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => zet(w.ontvangers.filter((_, j) => j !== k))}>
            Verwijderen<span class="visually-hidden"> {o.naam}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action"
        onClick={() => {
          const used = new Set(w.ontvangers.map((o) => o.code));
          let n = w.ontvangers.length + 1;
          while (used.has(`reservering-${n}`)) n++;
          zet([...w.ontvangers, { code: `reservering-${n}`, naam: `Reservering ${n}`, bedrag: '0' }]);
        }}
      >
        Ontvanger toevoegen
      </button>
    </fieldset>
  );
}

