import { route, href, type View } from './route.js';
import { scenario, heeftWijzigingen } from './scenario/state.js';
import { Meldingen } from './ui/meldingen.js';
import { Kop1 } from './ui/kop.js';
import { Overzicht } from './overzicht/overzicht.js';
import { NietBewaardBalk } from './delen/bewaren.js';
import { GegevensVersie } from './ui/gegevens.js';
import { opVerzoek, type OpVerzoek } from './ui/op-verzoek.js';

/**
 * The views that the front page does not need are loaded on first use (ui/op-verzoek.tsx), each a
 * chunk of its own; main.tsx awaits the one the page opens with before the first render.
 */
export const OP_VERZOEK: Partial<Record<View, OpVerzoek>> = {
  gemeente: opVerzoek(() => import('./gemeente/gemeente.js').then((m) => m.GemeenteView)),
  regio: opVerzoek(() => import('./regio/regio.js').then((m) => m.RegioView)),
  scenario: opVerzoek(() => import('./scenario/scenario.js').then((m) => m.ScenarioView)),
  delen: opVerzoek(() => import('./delen/delen.js').then((m) => m.DelenView)),
  // the map: with d3-geo, topojson-client and the boundary maps
  kaart: opVerzoek(() => import('./landkaart/landkaart.js').then((m) => m.KaartView)),
};
const GemeenteView = OP_VERZOEK.gemeente!.View;
const RegioView = OP_VERZOEK.regio!.View;
const ScenarioView = OP_VERZOEK.scenario!.View;
const DelenView = OP_VERZOEK.delen!.View;
const KaartView = OP_VERZOEK.kaart!.View;

const MENU: { view: View; pad: string; label: string }[] = [
  { view: 'overzicht', pad: 'overzicht', label: 'Overzicht' },
  { view: 'gemeente', pad: 'gemeente', label: 'Mijn gemeente' },
  { view: 'regio', pad: 'regio', label: "Regio's" },
  { view: 'kaart', pad: 'kaart', label: 'Kaart' },
  { view: 'scenario', pad: 'scenario', label: 'Scenario' },
  { view: 'delen', pad: 'delen', label: 'Bewaren en delen' },
];

/**
 * What the band under the header says about the scenario being edited. A component of its own, so
 * that an edit re-renders this line and not the whole page.
 */
function LintScenario() {
  const s = scenario.value;
  return (
    <p class="lint__scenario">
      {heeftWijzigingen.value ? (
        <>
          Scenario: <strong>{s.naam || 'zonder naam'}</strong> ({s.wijzigingen.length} {s.wijzigingen.length === 1 ? 'wijziging' : 'wijzigingen'}
          {s.herindelingen === 'zonder' ? ', zonder geplande herindeling' : ''})
        </>
      ) : (
        'U werkt met de basis (geen wijzigingen)'
      )}
    </p>
  );
}

export function App() {
  const r = route.value;
  return (
    <>
      <a
        class="nl-skip-link nl-skip-link--visible-on-focus"
        href="#inhoud"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('inhoud')?.focus();
        }}
      >
        Naar de inhoud
      </a>
      <header class="utrecht-page-header kop">
        <div class="utrecht-page-header__content kop__binnen">
          <a class="woordmerk" href={href('overzicht')}>
            <span class="woordmerk__lint" aria-hidden="true">
              <span />
            </span>
            <span class="woordmerk__tekst">
              <span class="woordmerk__naam">Rekenhulp Kansrijke Start</span>
              <span class="woordmerk__sub">Verdeling van de middelen over jaren, stromen en gemeenten</span>
            </span>
          </a>
        </div>
      </header>
      <div class="lint">
        <div class="lint__binnen">
          <nav class="hoofdnav" aria-label="Hoofdmenu">
            <ul>
              {MENU.map((m) => (
                <li key={m.view}>
                  <a href={href(m.pad)} aria-current={r.view === m.view ? 'page' : undefined}>
                    {m.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <LintScenario />
        </div>
      </div>
      <div class="utrecht-page-body">
      <main class="utrecht-page-body__content" id="inhoud" tabIndex={-1}>
        <Meldingen />
        {r.view === 'overzicht' && <Overzicht />}
        {r.view === 'gemeente' && <GemeenteView />}
        {r.view === 'regio' && <RegioView />}
        {r.view === 'kaart' && <KaartView />}
        {r.view === 'scenario' && <ScenarioView />}
        {r.view === 'delen' && <DelenView />}
        {r.view === 'onbekend' && (
          <>
            <Kop1 titel="Pagina niet gevonden">Pagina niet gevonden</Kop1>
            <p class="nl-paragraph">
              Deze pagina bestaat niet. Ga naar het <a class="nl-link" href={href('overzicht')}>overzicht</a>.
            </p>
          </>
        )}
      </main>
      </div>
      <footer class="utrecht-page-footer voet">
        <div class="utrecht-page-footer__content voet__binnen">
          <div>
            <h2 class="nl-heading nl-heading--level-2">Over deze rekenhulp</h2>
            <p class="nl-paragraph">
              Rekent exact, in hele centen, met openbare cijfers van VWS en CBS. Bedragen met de status <i>raming</i> zijn
              schattingen; <i>onbekend</i> telt nooit als nul.
            </p>
          </div>
          <div>
            <h2 class="nl-heading nl-heading--level-2">Versie en privacy</h2>
            <GegevensVersie />
            <p class="nl-paragraph">Alles wordt in uw browser berekend. Uw scenario blijft op dit apparaat, tot u het zelf deelt.</p>
          </div>
          <div>
            <h2 class="nl-heading nl-heading--level-2">Bronnen</h2>
            <p class="nl-paragraph">
              CBS (CC BY 4.0), GALA (VWS, 2023), AZWA (2025), VWS-brieven over de Brede SPUK en de SPUK IZA. Zie het{' '}
              <a class="nl-link" href={href('overzicht', { bron: 1 })}>overzicht van bronnen</a>.
            </p>
          </div>
        </div>
      </footer>
      <NietBewaardBalk />
    </>
  );
}
