import { useState } from 'preact/hooks';
import type { Sleutel, Wijziging } from '@kansrijke-start/core';
import { data } from '../state.js';
import { GetalVeld } from '../../ui/getalveld.js';
import type { Update } from './kaart.js';

type Veld = 'vasteBedragen' | 'basisbedragen';
type Regel = NonNullable<Sleutel['vasteBedragen']>[number];

const TEKST: Record<Veld, { legend: string; uitleg: string; bedrag: string; toevoegen: string; kiezen: string }> = {
  vasteBedragen: {
    legend: 'Vaste bedragen per gemeente',
    uitleg:
      'Een gemeente met een vast bedrag krijgt precies dat bedrag en deelt niet mee in de verdeling naar verhouding (zoals de Brede SPUK de kleinste gemeenten een vast bedrag geeft). De rest gaat naar verhouding over de andere gemeenten.',
    bedrag: 'Vast bedrag',
    toevoegen: 'Voeg vast bedrag toe',
    kiezen: 'Gemeente die een vast bedrag krijgt',
  },
  basisbedragen: {
    legend: 'Basisbedragen per gemeente',
    uitleg: 'Een basisbedrag komt bovenop het aandeel naar verhouding: het gaat eerst van het bedrag af, de rest wordt naar verhouding verdeeld.',
    bedrag: 'Basisbedrag',
    toevoegen: 'Voeg basisbedrag toe',
    kiezen: 'Gemeente die een basisbedrag krijgt',
  },
};

const naamVan = (code: string) => data.gemeenten.find((g) => g.code === code)?.naam ?? code;

/** The fixed or base amounts per municipality of a key: a list of municipality, amount and note, with an add row. */
export function BedragenPerGemeente({ w, id, veld, update }: { w: Extract<Wijziging, { soort: 'sleutel' }>; id: string; veld: Veld; update: Update }) {
  const sl = w.sleutel;
  const lijst: readonly Regel[] = sl[veld] ?? [];
  const ander: readonly Regel[] = sl[veld === 'vasteBedragen' ? 'basisbedragen' : 'vasteBedragen'] ?? [];
  const bezet = new Set([...lijst, ...ander].map((r) => r.code));
  const vrij = data.gemeenten.filter((g) => !bezet.has(g.code));
  const [nieuw, setNieuw] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const t = TEKST[veld];
  const zet = (regels: Regel[]): string | null => {
    const { [veld]: _, ...rest } = sl;
    return update({ ...w, sleutel: (regels.length === 0 ? rest : { ...rest, [veld]: regels }) as Sleutel });
  };
  const kies = nieuw && !bezet.has(nieuw) ? nieuw : (vrij[0]?.code ?? '');
  const p = `${id}-${veld}`;
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.legend}</legend>
      <p class="nl-paragraph utrecht-form-field-description">{t.uitleg}</p>
      {lijst.length === 0 && <p class="nl-paragraph utrecht-form-field-description">Nog geen gemeenten.</p>}
      {lijst.map((r, k) => (
        <div class="rij" key={r.code}>
          <GetalVeld
            id={`${p}-${k}-bedrag`}
            label={`${t.bedrag} ${naamVan(r.code)}`}
            eenheid="euro"
            waarde={r.bedrag}
            breedte="10rem"
            bijWijziging={(v) => zet(lijst.map((x, j) => (j === k ? { ...x, bedrag: v } : x)))}
          />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={`${p}-${k}-toelichting`}>
              Toelichting (optioneel)<span class="visually-hidden"> bij {naamVan(r.code)}</span>
            </label>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id={`${p}-${k}-toelichting`}
              type="text"
              maxLength={1000}
              value={r.toelichting ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value.trim();
                zet(lijst.map((x, j) => (j === k ? (v === '' ? { code: x.code, bedrag: x.bedrag } : { ...x, toelichting: v }) : x)));
              }}
            />
          </div>
          <button type="button" class="utrecht-button utrecht-button--subtle" onClick={() => setFout(zet(lijst.filter((_, j) => j !== k)))}>
            Verwijderen<span class="visually-hidden"> {naamVan(r.code)}</span>
          </button>
        </div>
      ))}
      {vrij.length > 0 && (
        <div class="rij">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for={`${p}-nieuw`}>{t.kiezen}</label>
            <select class="utrecht-select utrecht-select--html-select" id={`${p}-nieuw`} value={kies} onChange={(e) => setNieuw(e.currentTarget.value)}>
              {vrij.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.naam} ({g.code})
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => kies && setFout(zet([...lijst, { code: kies, bedrag: '0' }]))}>
            {t.toevoegen}
          </button>
        </div>
      )}
      {fout && (
        <p class="nl-paragraph utrecht-form-field-error-message" role="alert">
          {fout}
        </p>
      )}
    </fieldset>
  );
}
