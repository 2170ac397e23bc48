import { useState } from 'preact/hooks';
import { CHANGE_KIND_NAMES, type Problem, type Wijziging } from '@kansrijke-start/core';
import { data, scenario, setScenario, waarschuwingen } from '../state.js';
import { Keuzes } from '../../ui/keuzes.js';
import { GetalVeld } from '../../ui/getalveld.js';
import { Fouten, Opmerkingen } from '../../ui/meldingen.js';
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
          <h3 class="nl-heading nl-heading--level-3" id={`${id}-titel`} tabIndex={-1}>
            {titel}
          </h3>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={verwijder}>
            Verwijderen<span class="visually-hidden"> wijziging {titel}</span>
          </button>
        </div>
        <StroomJaar id={id} stroom={w.stroom} jaar={w.jaar} kies={(v) => update({ ...w, ...v })} />
        {w.soort === 'ingroeipad' ? (
          <p class="nl-paragraph">Geldt vanaf {w.jaar}.</p>
        ) : (
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
        )}
        <Velden w={w} id={id} update={update} />
        {fouten && (
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__message">
              <p class="nl-paragraph">Deze wijziging is niet doorgevoerd; de uitkomst is die van de laatste geldige invoer.</p>
              <Fouten fouten={fouten} />
            </div>
          </div>
        )}
        <Opmerkingen id={`wijziging-${i}-opmerkingen`} opmerkingen={waarschuwingen.value.filter((w) => w.pad === `wijzigingen[${i}]`)} />
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
        <>
          <GetalVeld
            id={`${id}-lokaal`}
            label="Deel voor gemeenten (lokaal)"
            hint={
              w.regio === 'ggd'
                ? `De rest gaat naar de ${data.ggdRegios.length} GGD-regio's (regionaal)`
                : `De rest gaat naar de ${data.izaRegios.length} IZA-regio's (regionaal), betaald aan de mandaatgemeente`
            }
            eenheid="%"
            decimalen={6}
            waarde={w.lokaalPercentage}
            breedte="7rem"
            bijWijziging={(v) => update({ ...w, lokaalPercentage: v })}
          />
          <Keuzes
            legend="Het regionale deel gaat naar"
            name={`${id}-regio`}
            opties={[
              ['iza', `de ${data.izaRegios.length} IZA-regio's (via de mandaatgemeente)`],
              ['ggd', `de ${data.ggdRegios.length} GGD-regio's`],
            ]}
            waarde={w.regio ?? 'iza'}
            kies={(v) => {
              const { regio: _, ...rest } = w;
              update(v === 'iza' ? rest : { ...rest, regio: v });
            }}
          />
        </>
      );
    case 'ingroeipad':
      return <IngroeipadVelden w={w} id={id} update={update} />;
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


/** The cap of a transition path: per inhabitant or as a percentage, per year of the path. */
function IngroeipadVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'ingroeipad' }>; id: string; update: Update }) {
  const soort = w.perInwoner !== undefined ? 'perInwoner' : 'percentage';
  const { perInwoner: _p, percentage: _q, ...rest } = w;
  return (
    <>
      <p class="nl-paragraph utrecht-form-field-description">
        Het bedrag van elke gemeente mag per jaar maar zoveel afwijken van wat zij met de basissleutel (Brede SPUK-sleutel) van hetzelfde totaal
        zou krijgen: in het eerste jaar één keer de grens, in het tweede twee keer, enzovoort. Wat de grenzen vrijmaken of kosten, wordt verevend
        over de andere gemeenten; het totaal blijft gelijk. Een ingroeipad geldt altijd vanaf het gekozen jaar.
      </p>
      <Keuzes
        legend="Grens per jaar"
        name={`${id}-grens`}
        opties={[
          ['perInwoner', 'in euro per inwoner'],
          ['percentage', 'als percentage van het referentiebedrag'],
        ]}
        waarde={soort}
        kies={(v) => {
          if (v === soort) return;
          update(v === 'perInwoner' ? { ...rest, geldigheid: 'vanaf-dit-jaar', perInwoner: '1' } : { ...rest, geldigheid: 'vanaf-dit-jaar', percentage: '5' });
        }}
      />
      {soort === 'perInwoner' ? (
        <GetalVeld
          id={`${id}-per-inwoner`}
          label="Grens per inwoner, per jaar"
          hint="Bijvoorbeeld 0,50; in het tweede jaar van het pad geldt het dubbele"
          eenheid="euro"
          waarde={w.perInwoner ?? ''}
          breedte="8rem"
          bijWijziging={(v) => update({ ...rest, perInwoner: v })}
        />
      ) : (
        <GetalVeld
          id={`${id}-grens-percentage`}
          label="Grens als percentage van het referentiebedrag, per jaar"
          hint="Bijvoorbeeld 5; in het tweede jaar van het pad geldt het dubbele"
          eenheid="%"
          decimalen={6}
          waarde={w.percentage ?? ''}
          breedte="7rem"
          bijWijziging={(v) => update({ ...rest, percentage: v })}
        />
      )}
    </>
  );
}
