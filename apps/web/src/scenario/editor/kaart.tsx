import { useState } from 'preact/hooks';
import { CHANGE_KIND_NAMES, type Problem, type Wijziging } from '@kansrijke-start/core';
import { data, scenario, setScenario, waarschuwingen } from '../state.js';
import { Keuzes } from '../../ui/keuzes.js';
import { GetalVeld } from '../../ui/getalveld.js';
import { Fouten } from '../../ui/meldingen.js';
import { SleutelVelden } from './sleutel.js';
import { DeelnameVelden } from './deelname.js';
import { ReserveringVelden } from './reservering.js';
import { StroomJaar } from './stroom-jaar.js';

/** What a field gets to change its part of a change: returns a Dutch message when the scenario cannot take it. */
export type Update = (w: Wijziging) => string | null;

/** Replaces change `i`; returns the Dutch problems when the scenario cannot take it (then nothing changes). */
function werkBij(i: number, w: Wijziging): Problem[] | null {
  const next = { ...scenario.value, wijzigingen: scenario.value.wijzigingen.map((x, j) => (j === i ? w : x)) };
  const c = setScenario(next);
  return c.ok ? null : c.fouten;
}

const alsTekst = (fouten: Problem[] | null): string | null =>
  fouten === null ? null : fouten.map((f) => f.bericht).join('; ');

export function WijzigingKaart({ w, i }: { w: Wijziging; i: number }) {
  const [fouten, setFouten] = useState<Problem[] | null>(null);
  const id = `w${i}`;
  const update = (nw: Wijziging): string | null => {
    const f = werkBij(i, nw);
    setFouten(f);
    return alsTekst(f);
  };
  const verwijder = () => {
    const c = setScenario({ ...scenario.value, wijzigingen: scenario.value.wijzigingen.filter((_, j) => j !== i) });
    if (!c.ok) setFouten(c.fouten);
    else document.getElementById('wijzigingen-titel')?.focus();
  };
  const titel = `${i + 1}. ${CHANGE_KIND_NAMES[w.soort]}`;
  return (
    <li class="wijziging" id={`wijziging-${i}`}>
      <section aria-labelledby={`${id}-titel`}>
        <div class="wijziging__kop">
          <h3 id={`${id}-titel`} tabIndex={-1}>
            {titel}
          </h3>
          <button type="button" class="knop knop--link" onClick={verwijder}>
            Verwijderen<span class="visually-hidden"> wijziging {titel}</span>
          </button>
        </div>
        <StroomJaar id={id} stroom={w.stroom} jaar={w.jaar} kies={(v) => update({ ...w, ...v })} />
        <Keuzes
          legend="Geldt"
          name={`${id}-geldigheid`}
          opties={[
            ['alleen-dit-jaar', `alleen in ${w.jaar}`],
            ['vanaf-dit-jaar', `vanaf ${w.jaar}`],
          ]}
          waarde={w.geldigheid}
          kies={(v) => update({ ...w, geldigheid: v })}
        />
        <Velden w={w} id={id} update={update} />
        {fouten && (
          <div class="melding melding--fout" role="alert">
            <p>Deze wijziging is niet doorgevoerd; de uitkomst is die van de laatste geldige invoer.</p>
            <Fouten fouten={fouten} />
          </div>
        )}
        <Opmerkingen i={i} />
      </section>
    </li>
  );
}

function Velden({ w, id, update }: { w: Wijziging; id: string; update: Update }) {
  switch (w.soort) {
    case 'bedrag':
      return (
        <GetalVeld
          id={`${id}-bedrag`}
          label="Landelijk bedrag"
          hint="In euro, bijvoorbeeld 6.000.000 of 1.234.567,89"
          eenheid="euro"
          waarde={w.bedrag}
          breedte="12rem"
          bijWijziging={(v) => update({ ...w, bedrag: v })}
        />
      );
    case 'korting':
    case 'indexatie':
      return (
        <GetalVeld
          id={`${id}-percentage`}
          label={w.soort === 'korting' ? 'Kortingspercentage' : 'Indexatiepercentage'}
          hint={w.soort === 'korting' ? 'Bijvoorbeeld 10 of 2,5; 0 betekent geen korting' : 'Per jaar; indexaties van opeenvolgende jaren worden samengesteld'}
          eenheid="%"
          decimalen={6}
          waarde={w.percentage}
          breedte="7rem"
          bijWijziging={(v) => update({ ...w, percentage: v })}
        />
      );
    case 'lokaal-regionaal':
      return (
        <GetalVeld
          id={`${id}-lokaal`}
          label="Deel voor gemeenten (lokaal)"
          hint={`De rest gaat naar de ${data.izaRegios.length} IZA-regio's (regionaal), betaald aan de mandaatgemeente`}
          eenheid="%"
          decimalen={6}
          waarde={w.lokaalPercentage}
          breedte="7rem"
          bijWijziging={(v) => update({ ...w, lokaalPercentage: v })}
        />
      );
    case 'verdeling':
      return (
        <Keuzes
          legend="Het bedrag"
          name={`${id}-verdeling`}
          opties={[
            ['gemeenten', 'verdelen over gemeenten'],
            ['landelijk', 'landelijk houden (niet verdelen)'],
          ]}
          waarde={w.verdeling}
          kies={(v) => update({ ...w, verdeling: v })}
        />
      );
    case 'sleutel':
      return <SleutelVelden w={w} id={id} update={update} />;
    case 'deelname':
      return <DeelnameVelden w={w} id={id} update={update} />;
    case 'reservering':
      return <ReserveringVelden w={w} id={id} update={update} />;
  }
}


/** What the core says about change `i` (no effect, partly overridden, replaces a cut), where the change is made. */
function Opmerkingen({ i }: { i: number }) {
  const eigen = waarschuwingen.value.filter((w) => w.pad === `wijzigingen[${i}]`);
  if (eigen.length === 0) return null;
  return (
    <div class="melding melding--waarschuwing" role="status" id={`wijziging-${i}-opmerkingen`}>
      <ul>
        {eigen.map((w) => (
          <li key={w.bericht}>{w.bericht}</li>
        ))}
      </ul>
    </div>
  );
}
