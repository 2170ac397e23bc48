import { useState } from 'preact/hooks';
import { CHANGE_KIND_NAMES, resolveParameters, type Problem, type StreamRef, type Wijziging } from '@kansrijke-start/core';
import { data, scenario, setScenario } from '../state.js';
import { Fouten } from '../../ui/meldingen.js';
import { StroomJaar } from './stroom-jaar.js';

const SOORTEN = Object.keys(CHANGE_KIND_NAMES) as Wijziging['soort'][];

/** A new change with the values that hold now, so adding it changes nothing until the user edits it. */
export function nieuweWijziging(soort: Wijziging['soort'], stroom: StreamRef, jaar: number): Wijziging {
  const p = resolveParameters(data, scenario.value, stroom, jaar);
  const common = { stroom, jaar, geldigheid: 'alleen-dit-jaar' as const };
  switch (soort) {
    case 'bedrag':
      return { soort, ...common, bedrag: p.bedrag?.waarde ?? '0' };
    case 'korting':
      return { soort, ...common, percentage: p.korting?.waarde ?? '0' };
    case 'indexatie':
      return { soort, ...common, percentage: '0' };
    case 'reservering':
      return { soort, ...common, ontvangers: p.reserveringen?.waarde.map((o) => ({ ...o })) ?? [] };
    case 'lokaal-regionaal':
      return { soort, ...common, lokaalPercentage: p.lokaalPercentage.waarde };
    case 'sleutel':
      return { soort, ...common, sleutel: p.sleutel.waarde };
    case 'deelname':
      return {
        soort,
        ...common,
        gemeenten: p.deelname ? [...p.deelname.waarde.gemeenten] : data.gemeenten.map((g) => g.code),
        nietDeelnemers: p.deelname?.waarde.nietDeelnemers ?? 'herverdelen',
      };
    case 'verdeling':
      return { soort, ...common, verdeling: p.verdeling.waarde };
    case 'ingroeipad': {
      // A path runs from a year on; it starts from the path that holds, or from a cap of 100% per year.
      const path = p.ingroeipad?.waarde;
      const grens = path?.perInwoner != null ? { perInwoner: path.perInwoner } : { percentage: path?.percentage ?? '100' };
      return { soort, ...common, geldigheid: 'vanaf-dit-jaar', ...grens };
    }
  }
}

export function WijzigingToevoegen({ onToegevoegd }: { onToegevoegd: (index: number) => void }) {
  const [soort, setSoort] = useState<Wijziging['soort']>('bedrag');
  const [stroom, setStroom] = useState<StreamRef>('integrale-gezinspoli');
  const [jaar, setJaar] = useState(2028);
  const [fouten, setFouten] = useState<Problem[] | null>(null);
  return (
    <form
      class="paneel"
      aria-labelledby="toevoegen-titel"
      onSubmit={(e) => {
        e.preventDefault();
        const w = nieuweWijziging(soort, stroom, jaar);
        const huidig = scenario.value;
        // The first change turns "the baseline" into a scenario of its own: give it a name that says so.
        const naam = huidig.wijzigingen.length === 0 && huidig.naam === 'Basis' ? 'Mijn scenario' : huidig.naam;
        const c = setScenario({ ...huidig, naam, wijzigingen: [...huidig.wijzigingen, w] });
        setFouten(c.ok ? null : c.fouten);
        if (c.ok) onToegevoegd(scenario.value.wijzigingen.length - 1);
      }}
    >
      <h2 class="nl-heading nl-heading--level-2" id="toevoegen-titel">Wijziging toevoegen</h2>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="nieuw-soort">Wat wilt u wijzigen?</label>
        <select class="utrecht-select utrecht-select--html-select" id="nieuw-soort" value={soort} onChange={(e) => setSoort(e.currentTarget.value as Wijziging['soort'])}>
          {SOORTEN.map((s) => (
            <option value={s} key={s}>
              {CHANGE_KIND_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <StroomJaar
        id="nieuw"
        stroom={stroom}
        jaar={jaar}
        kies={(v) => {
          setStroom(v.stroom);
          setJaar(v.jaar);
        }}
      />
      {fouten && (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__message">
            <Fouten fouten={fouten} />
          </div>
        </div>
      )}
      <button type="submit" class="utrecht-button utrecht-button--primary-action">
        Toevoegen
      </button>
    </form>
  );
}

