import { useState } from 'preact/hooks';
import { YEARS, type EigenStroom, type OwnStreamId, type Problem, type Scenario, type Wijziging } from '@kansrijke-start/core';
import { data, scenario, setScenario, waarschuwingen } from '../state.js';
import { Keuzes } from '../../ui/keuzes.js';
import { GetalVeld } from '../../ui/getalveld.js';
import { TekstVeld } from '../../ui/tekstveld.js';
import { Fouten, Opmerkingen } from '../../ui/meldingen.js';
import { SleutelVelden } from './sleutel.js';

/**
 * The scenario's own streams: money that is not in the data yet (a name, an amount per year,
 * a key). Every figure is computed by the core; here the user only edits the declaration.
 */

type Bedrag = EigenStroom['bedragen'][number];

/** The first year an own stream can be divided over municipalities (the years of the data's division). */
const EERSTE_JAAR = data.indeling.van;
const JAREN = YEARS.filter((y) => y >= EERSTE_JAAR);

/** `eigen:` and the name in lower-case letters, digits and hyphens; a number added when it is taken. */
export function nieuweId(naam: string, bestaand: readonly string[]): OwnStreamId {
  const basis =
    naam
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'stroom';
  let id = `eigen:${basis}` as OwnStreamId;
  for (let k = 2; bestaand.includes(id); k++) id = `eigen:${basis}-${k}` as OwnStreamId;
  return id;
}

function zet(next: Scenario): Problem[] | null {
  const c = setScenario(next);
  return c.ok ? null : c.fouten;
}
const alsTekst = (f: Problem[] | null): string | null => (f === null ? null : f.map((x) => x.bericht).join('; '));

export function EigenStromen() {
  const s = scenario.value;
  const lijst = s.eigenStromen ?? [];
  return (
    <section aria-labelledby="eigen-stromen-titel">
      <h2 class="nl-heading nl-heading--level-2" id="eigen-stromen-titel" tabIndex={-1}>
        Eigen stromen ({lijst.length})
      </h2>
      <p class="nl-paragraph utrecht-form-field-description">
        Geld dat nog niet in de gegevens staat, zoals een toegezegd budget: geef het een naam, een bedrag per jaar en een verdeelsleutel. Zo'n
        bedrag heeft altijd de status "scenario"; zet in de toelichting waar het vandaan komt.
      </p>
      {lijst.length > 0 && (
        <ol class="wijzigingen">
          {lijst.map((e, j) => (
            <EigenStroomKaart key={e.id} e={e} j={j} />
          ))}
        </ol>
      )}
      <EigenStroomToevoegen />
    </section>
  );
}

function EigenStroomToevoegen() {
  const [naam, setNaam] = useState('');
  const [fouten, setFouten] = useState<Problem[] | null>(null);
  return (
    <form
      class="paneel"
      aria-labelledby="eigen-toevoegen-titel"
      onSubmit={(ev) => {
        ev.preventDefault();
        const huidig = scenario.value;
        const lijst = huidig.eigenStromen ?? [];
        const n = naam.trim() || `Eigen stroom ${lijst.length + 1}`;
        const e: EigenStroom = {
          id: nieuweId(n, lijst.map((x) => x.id)),
          naam: n,
          bedragen: [{ jaar: Math.max(2028, EERSTE_JAAR), geldigheid: 'vanaf-dit-jaar', bedrag: '1000000' }],
          sleutel: { type: 'brede-spuk-2025' },
        };
        const scenarioNaam = huidig.wijzigingen.length === 0 && lijst.length === 0 && huidig.naam === 'Basis' ? 'Mijn scenario' : huidig.naam;
        const f = zet({ ...huidig, naam: scenarioNaam, eigenStromen: [...lijst, e] });
        setFouten(f);
        if (!f) {
          setNaam('');
          requestAnimationFrame(() => document.getElementById(`eigen-${lijst.length}-naam`)?.focus());
        }
      }}
    >
      <h3 class="nl-heading nl-heading--level-3" id="eigen-toevoegen-titel">Nieuwe eigen stroom</h3>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="eigen-nieuw-naam">Naam van de stroom</label>
        <input class="utrecht-textbox utrecht-textbox--html-input" id="eigen-nieuw-naam" type="text" maxLength={200} value={naam} onInput={(ev) => setNaam(ev.currentTarget.value)} />
      </div>
      {fouten && (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__message">
            <Fouten fouten={fouten} />
          </div>
        </div>
      )}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">
        Eigen stroom aanmaken
      </button>
    </form>
  );
}

function EigenStroomKaart({ e, j }: { e: EigenStroom; j: number }) {
  const [fouten, setFouten] = useState<Problem[] | null>(null);
  const id = `eigen-${j}`;
  const update = (ne: EigenStroom): string | null => {
    const huidig = scenario.value;
    const f = zet({ ...huidig, eigenStromen: (huidig.eigenStromen ?? []).map((x, k) => (k === j ? ne : x)) });
    setFouten(f);
    return alsTekst(f);
  };
  const wijzigingen = scenario.value.wijzigingen.filter((w) => w.stroom === e.id).length;
  const verwijder = () => {
    const huidig = scenario.value;
    // The changes on this stream go with it: without the stream they could not be computed.
    const f = zet({
      ...huidig,
      eigenStromen: (huidig.eigenStromen ?? []).filter((_, k) => k !== j),
      wijzigingen: huidig.wijzigingen.filter((w) => w.stroom !== e.id),
    });
    setFouten(f);
    if (!f) document.getElementById('eigen-stromen-titel')?.focus();
  };
  const zetBedrag = (k: number, b: Bedrag) => update({ ...e, bedragen: e.bedragen.map((x, m) => (m === k ? b : x)) });
  // The key fields of a key change, reused: what they set goes into the stream's key.
  const alsWijziging: Extract<Wijziging, { soort: 'sleutel' }> = { soort: 'sleutel', stroom: e.id, jaar: e.bedragen[0]?.jaar ?? EERSTE_JAAR, geldigheid: 'vanaf-dit-jaar', sleutel: e.sleutel };
  const titel = `Eigen stroom: ${e.naam}`;
  return (
    <li class="wijziging" id={`eigen-stroom-${j}`}>
      <section aria-labelledby={`${id}-titel`}>
        <div class="wijziging__kop">
          <h3 class="nl-heading nl-heading--level-3" id={`${id}-titel`} tabIndex={-1}>
            {titel}
          </h3>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={verwijder}>
            Verwijderen
            <span class="visually-hidden">
              {' '}
              {titel}
              {wijzigingen > 0 ? `, met ${wijzigingen === 1 ? 'de wijziging' : `de ${wijzigingen} wijzigingen`} op deze stroom` : ''}
            </span>
          </button>
        </div>
        <p class="nl-paragraph utrecht-form-field-description">Code in het scenario: {e.id}. Status van de bedragen: scenario.</p>
        <TekstVeld id={`${id}-naam`} label="Naam" waarde={e.naam} bijWijziging={(v) => update({ ...e, naam: v })} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={`${id}-toelichting`}>Toelichting (waar komt het bedrag vandaan?)</label>
          <textarea
            id={`${id}-toelichting`}
            maxLength={1000}
            rows={2}
            value={e.toelichting ?? ''}
            onInput={(ev) => {
              const v = ev.currentTarget.value;
              const { toelichting: _, ...rest } = e;
              update(v.trim() === '' ? rest : { ...e, toelichting: v });
            }}
          />
        </div>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Bedragen</legend>
          <p class="nl-paragraph utrecht-form-field-description">Later in de lijst gaat voor eerder, voor de jaren waarin ze allebei gelden. Een jaar zonder bedrag heeft geen uitkomst (niet nul).</p>
          <ol class="eigen-bedragen">
            {e.bedragen.map((b, k) => (
              <li key={k}>
                <div class="rij">
                  <div class="utrecht-form-field">
                    <label class="utrecht-form-label" for={`${id}-bedrag-${k}-jaar`}>Jaar</label>
                    <select class="utrecht-select utrecht-select--html-select" id={`${id}-bedrag-${k}-jaar`} value={b.jaar} onChange={(ev) => zetBedrag(k, { ...b, jaar: Number(ev.currentTarget.value) })}>
                      {JAREN.map((y) => (
                        <option value={y} key={y}>
                          {y}
                        </option>
                      ))}
                    </select>
                  </div>
                  <GetalVeld
                    id={`${id}-bedrag-${k}`}
                    label={`Bedrag ${k + 1}`}
                    eenheid="euro"
                    waarde={b.bedrag}
                    breedte="12rem"
                    bijWijziging={(v) => zetBedrag(k, { ...b, bedrag: v })}
                  />
                </div>
                <Keuzes
                  legend={`Bedrag ${k + 1} geldt`}
                  name={`${id}-bedrag-${k}-geldigheid`}
                  opties={[
                    ['alleen-dit-jaar', `alleen in ${b.jaar}`],
                    ['vanaf-dit-jaar', `vanaf ${b.jaar}`],
                  ]}
                  waarde={b.geldigheid}
                  kies={(v) => zetBedrag(k, { ...b, geldigheid: v })}
                />
                {e.bedragen.length > 1 && (
                  <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => update({ ...e, bedragen: e.bedragen.filter((_, m) => m !== k) })}>
                    Bedrag {k + 1} verwijderen
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              const laatste = e.bedragen.at(-1);
              const jaar = Math.min((laatste?.jaar ?? EERSTE_JAAR) + 1, JAREN.at(-1)!);
              update({ ...e, bedragen: [...e.bedragen, { jaar, geldigheid: 'alleen-dit-jaar', bedrag: laatste?.bedrag ?? '0' }] });
            }}
          >
            Nog een bedrag<span class="visually-hidden"> voor {e.naam}</span>
          </button>
        </fieldset>
        <SleutelVelden w={alsWijziging} id={`${id}-sleutel`} update={(w) => (w.soort === 'sleutel' ? update({ ...e, sleutel: w.sleutel }) : null)} />
        {fouten && (
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <div class="utrecht-alert__message">
              <p class="nl-paragraph">Deze wijziging van de eigen stroom is niet doorgevoerd; de uitkomst is die van de laatste geldige invoer.</p>
              <Fouten fouten={fouten} />
            </div>
          </div>
        )}
        <Opmerkingen id={`eigen-stroom-${j}-opmerkingen`} opmerkingen={waarschuwingen.value.filter((w) => w.pad === `eigenStromen[${j}]` || w.pad.startsWith(`eigenStromen[${j}].`))} />
      </section>
    </li>
  );
}
