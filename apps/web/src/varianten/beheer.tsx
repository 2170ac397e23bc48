import { useState } from 'preact/hooks';
import type { Problem } from '@kansrijke-start/core';
import { berekeningVan, data, scenario, setScenario, setVarianten, varianten } from '../scenario/state.js';
import { BevestigKnop } from '../ui/bevestig.js';
import { Fouten } from '../ui/meldingen.js';
import { ALS_UTF8, leesTekst, mbTekst } from '../ui/bestand.js';
import { downloadVarianten, variantenBewaard } from '../delen/bewaren.js';
import { dupliceer, herstel, hernoem, importeer, kies, letter, MAX_VARIANTEN, MAX_VERGELIJK, nieuweVariant, parseVarianten, verwijder, vergelijkMet, type Variant } from './lijst.js';

/** The largest file of variants that is read: fifty scenarios of a good size. */
export const MAX_VARIANTEN_BESTAND = 20_000_000;

type Status = { soort: 'fout'; titel: string; fouten: Problem[] } | { soort: 'succes'; titel: string } | null;

const aantalWijzigingen = (v: Variant) => {
  const n = v.scenario.wijzigingen.length;
  return n === 0 ? 'geen wijzigingen' : n === 1 ? '1 wijziging' : `${n} wijzigingen`;
};

const focused = new WeakSet<HTMLElement>();
/** Focuses a field when it appears (the rename field), not again on every render. */
const focusOnce = (el: HTMLInputElement | null) => {
  if (el && !focused.has(el)) {
    focused.add(el);
    el.focus();
  }
};

/** Makes a variant the one being edited; one the core cannot compute stays as it is, with why. */
function bewerk(id: number, setStatus: (s: Status) => void) {
  const v = varianten.value;
  const t = v.lijst.find((x) => x.id === id);
  if (!t) return;
  const c = berekeningVan(t.scenario);
  if (!c.ok) {
    setStatus({ soort: 'fout', titel: `Variant “${t.scenario.naam}” past niet bij de gegevens en kan niet worden bewerkt`, fouten: c.fouten });
    return;
  }
  setVarianten(kies(v, id));
  setStatus(null);
}

/**
 * The named variants kept in this browser: which one is edited, new, duplicate, rename, back to
 * the baseline, delete; which (at most two) are compared with the baseline; all of them to and
 * from one file.
 */
export function VariantenBeheer() {
  const v = varianten.value;
  const [status, setStatus] = useState<Status>(null);
  const [hernoemen, setHernoemen] = useState<{ id: number; naam: string; fout: string | null } | null>(null);

  const slaNaamOp = () => {
    if (!hernoemen) return;
    const naam = hernoemen.naam.trim();
    if (naam === '') return setHernoemen({ ...hernoemen, fout: 'Geef de variant een naam.' });
    if (varianten.value.lijst.some((x) => x.id !== hernoemen.id && x.scenario.naam === naam)) {
      return setHernoemen({ ...hernoemen, fout: `Er is al een variant met de naam “${naam}”; kies een andere naam.` });
    }
    if (hernoemen.id === varianten.value.huidig) setScenario({ ...scenario.value, naam });
    else setVarianten(hernoem(varianten.value, hernoemen.id, naam));
    setHernoemen(null);
    setStatus({ soort: 'succes', titel: `De variant heet nu “${naam}”.` });
  };

  const leesBestand = async (file: File | undefined) => {
    if (!file) return;
    const titel = `${file.name} is niet ingelezen; uw varianten zijn niet veranderd`;
    const gelezen = await leesTekst(file, { maxBytes: MAX_VARIANTEN_BESTAND, hoe: ALS_UTF8.json });
    if (!gelezen.ok) return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: gelezen.bericht, plaats: gelezen.plaats }] });
    if (gelezen.tekst.trim() === '') return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: 'het bestand is leeg', plaats: null }] });
    const r = parseVarianten(gelezen.tekst, data);
    if (!r.ok) return setStatus({ soort: 'fout', titel, fouten: r.fouten });
    const uit = importeer(varianten.value, r.scenarios);
    if (uit.teVeel) {
      return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: `samen met uw varianten zouden het er meer dan ${MAX_VARIANTEN} worden; verwijder eerst varianten`, plaats: null }] });
    }
    setVarianten(uit.varianten);
    const n = r.scenarios.length;
    setStatus({
      soort: 'succes',
      titel: `${n === 1 ? '1 variant' : `${n} varianten`} gelezen uit ${file.name}: ${uit.toegevoegd === 0 ? 'ze waren er alle al' : `${uit.toegevoegd} toegevoegd`}.`,
    });
  };

  const kiesVergelijk = (k: number, waarde: string) => {
    const ids = [...varianten.value.vergelijk];
    const id = Number(waarde);
    if (waarde === '') ids.splice(k, 1);
    else ids[k] = id;
    setVarianten(vergelijkMet(varianten.value, ids.filter((x) => x !== undefined)));
  };

  return (
    <section aria-labelledby="varianten-titel" class="paneel varianten" id="varianten">
      <h2 class="nl-heading nl-heading--level-2" id="varianten-titel">Uw varianten</h2>
      <p class="nl-paragraph klein">
        {variantenBewaard.value
          ? 'Alle varianten worden in deze browser bewaard. U bewerkt er één tegelijk; kies er hoogstens twee om naast de basis te zetten.'
          : 'De opslag van deze browser is vol of geblokkeerd: de lijst van varianten wordt nu niet bewaard. Download de varianten om ze te bewaren.'}
      </p>
      {status && (
        <div class={`utrecht-alert melding--${status.soort}`} role={status.soort === 'fout' ? 'alert' : 'status'} id="varianten-status">
          <div class="utrecht-alert__message">
            <h3 class="nl-heading nl-heading--level-3">{status.titel}</h3>
            {status.soort === 'fout' && <Fouten fouten={status.fouten} />}
          </div>
        </div>
      )}
      <ul class="variantenlijst">
        {v.lijst.map((x) => {
          const bewerkt = x.id === v.huidig;
          const naam = x.scenario.naam || 'Zonder naam';
          const plek = v.vergelijk.indexOf(x.id);
          return (
            <li key={x.id} class={`variant${bewerkt ? ' variant--huidig' : ''}`} data-variant={x.scenario.naam}>
              <div class="variant__kop">
                <h3 class="nl-heading nl-heading--level-3 variant__naam" id={`variant-${x.id}-naam`}>
                  {naam}
                </h3>
                <span class="klein">
                  {aantalWijzigingen(x)}
                  {bewerkt && ' · wordt bewerkt'}
                  {plek >= 0 && ` · vergeleken als variant ${letter(plek)}`}
                </span>
              </div>
              {hernoemen?.id === x.id ? (
                <div class={`utrecht-form-field${hernoemen.fout ? ' utrecht-form-field--invalid' : ''}`}>
                  <label class="utrecht-form-label" for={`variant-${x.id}-nieuwe-naam`}>Nieuwe naam voor “{naam}”</label>
                  {hernoemen.fout && (
                    <span class="utrecht-form-field-error-message" id={`variant-${x.id}-naam-fout`}>
                      {hernoemen.fout}
                    </span>
                  )}
                  <input
                    class="utrecht-textbox utrecht-textbox--html-input"
                    id={`variant-${x.id}-nieuwe-naam`}
                    type="text"
                    maxLength={200}
                    value={hernoemen.naam}
                    ref={focusOnce}
                    aria-invalid={hernoemen.fout ? 'true' : undefined}
                    aria-describedby={hernoemen.fout ? `variant-${x.id}-naam-fout` : undefined}
                    onInput={(e) => setHernoemen({ ...hernoemen, naam: e.currentTarget.value, fout: null })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') slaNaamOp();
                      if (e.key === 'Escape') setHernoemen(null);
                    }}
                  />
                  <div class="utrecht-button-group">
                    <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={slaNaamOp}>
                      Naam opslaan
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setHernoemen(null)}>
                      Annuleren
                    </button>
                  </div>
                </div>
              ) : (
                <div class="utrecht-button-group variant__knoppen">
                  {!bewerkt && (
                    <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => bewerk(x.id, setStatus)}>
                      Bewerken<span class="visually-hidden"> “{naam}”</span>
                    </button>
                  )}
                  <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setVarianten(dupliceer(varianten.value, x.id))}>
                    Dupliceren<span class="visually-hidden"> “{naam}”</span>
                  </button>
                  <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setHernoemen({ id: x.id, naam: x.scenario.naam, fout: null })}>
                    Naam wijzigen<span class="visually-hidden"> “{naam}”</span>
                  </button>
                  {/* The edited variant is reset in the form below ("Terug naar de basis" there). */}
                  {!bewerkt && x.scenario.wijzigingen.length > 0 && (
                    <BevestigKnop
                      label="Terug naar de basis"
                      vraag={`Alle wijzigingen van “${naam}” weggooien? De naam blijft.`}
                      ja="Ja, terug naar de basis"
                      onJa={() => {
                        setVarianten(herstel(varianten.value, x.id));
                        setStatus({ soort: 'succes', titel: `“${naam}” is weer de basis.` });
                      }}
                    />
                  )}
                  <BevestigKnop
                    label="Verwijderen"
                    vraag={`Variant “${naam}” verwijderen? Dat kan niet ongedaan worden gemaakt; download de varianten eerst als u hem wilt bewaren.`}
                    ja="Ja, verwijderen"
                    onJa={() => {
                      setVarianten(verwijder(varianten.value, x.id));
                      setStatus({ soort: 'succes', titel: `Variant “${naam}” is verwijderd.` });
                    }}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div class="utrecht-button-group">
        <button type="button" class="utrecht-button utrecht-button--primary-action" disabled={v.lijst.length >= MAX_VARIANTEN} onClick={() => setVarianten(nieuweVariant(varianten.value))}>
          Nieuwe variant
        </button>
      </div>
      <details class="varianten-bestand">
        <summary>Alle varianten als één bestand: downloaden of inlezen</summary>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={downloadVarianten}>
            Alle varianten downloaden (JSON)
          </button>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="varianten-bestand">
            Varianten inlezen (JSON)
            <span class="utrecht-form-field-description">
              Voegt de varianten uit het bestand toe, alleen als het hele bestand klopt; een variant die er al is, komt er niet twee keer in.
              Een JSON-bestand in UTF-8, hoogstens {mbTekst(MAX_VARIANTEN_BESTAND)}.
            </span>
          </label>
          <input
            id="varianten-bestand"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              void leesBestand(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
      </details>
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset vergelijk-keuze">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Naast de basis zetten</legend>
        <div class="filters">
          {Array.from({ length: MAX_VERGELIJK }, (_, k) => {
            const gekozen = v.vergelijk[k];
            const eerder = v.vergelijk.slice(0, k);
            return (
              <div class="utrecht-form-field" key={k}>
                <label class="utrecht-form-label" for={`vergelijk-${k}`}>Variant {letter(k)}</label>
                <select class="utrecht-select utrecht-select--html-select" id={`vergelijk-${k}`} value={gekozen === undefined ? '' : String(gekozen)} disabled={k > v.vergelijk.length} onChange={(e) => kiesVergelijk(k, e.currentTarget.value)}>
                  <option value="">Geen</option>
                  {v.lijst
                    .filter((x) => !eerder.includes(x.id))
                    .map((x) => (
                      <option key={x.id} value={String(x.id)}>
                        {x.scenario.naam || 'Zonder naam'}
                      </option>
                    ))}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
    </section>
  );
}
