import { route, href, type View } from './route.js';
import { scenario, heeftWijzigingen } from './scenario/state.js';
import { Meldingen } from './ui/meldingen.js';
import { Kop1 } from './ui/kop.js';
import { Overzicht } from './overzicht/overzicht.js';
import { GemeenteView } from './gemeente/gemeente.js';
import { ScenarioView } from './scenario/scenario.js';
import { DelenView } from './delen/delen.js';
import { NietBewaardBalk } from './delen/bewaren.js';
import { RegioView } from './regio/regio.js';
import { GegevensVersie } from './ui/gegevens.js';

const MENU: { view: View; pad: string; label: string }[] = [
  { view: 'overzicht', pad: 'overzicht', label: 'Overzicht' },
  { view: 'gemeente', pad: 'gemeente', label: 'Mijn gemeente' },
  { view: 'regio', pad: 'regio', label: "Regio's" },
  { view: 'scenario', pad: 'scenario', label: 'Scenario' },
  { view: 'delen', pad: 'delen', label: 'Bewaren en delen' },
];

export function App() {
  const r = route.value;
  return (
    <>
      <a
        class="skiplink"
        href="#inhoud"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('inhoud')?.focus();
        }}
      >
        Naar de inhoud
      </a>
      <header class="kop">
        <div class="kop__binnen">
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
          <p class="lint__scenario">
            {heeftWijzigingen.value ? (
              <>
                Scenario: <strong>{scenario.value.naam || 'zonder naam'}</strong> ({scenario.value.wijzigingen.length}{' '}
                {scenario.value.wijzigingen.length === 1 ? 'wijziging' : 'wijzigingen'}
                {scenario.value.herindelingen === 'zonder' ? ', zonder geplande herindeling' : ''})
              </>
            ) : (
              'U werkt met de basis (geen wijzigingen)'
            )}
          </p>
        </div>
      </div>
      <main id="inhoud" tabIndex={-1}>
        <Meldingen />
        {r.view === 'overzicht' && <Overzicht />}
        {r.view === 'gemeente' && <GemeenteView />}
        {r.view === 'regio' && <RegioView />}
        {r.view === 'scenario' && <ScenarioView />}
        {r.view === 'delen' && <DelenView />}
        {r.view === 'onbekend' && (
          <>
            <Kop1 titel="Pagina niet gevonden">Pagina niet gevonden</Kop1>
            <p>
              Deze pagina bestaat niet. Ga naar het <a href={href('overzicht')}>overzicht</a>.
            </p>
          </>
        )}
      </main>
      <footer class="voet">
        <div class="voet__binnen">
          <div>
            <h2>Over deze rekenhulp</h2>
            <p>
              Rekent exact, in hele centen, met openbare cijfers van VWS en CBS. Bedragen met de status <i>raming</i> zijn
              schattingen; <i>onbekend</i> telt nooit als nul.
            </p>
          </div>
          <div>
            <h2>Gegevens</h2>
            <GegevensVersie />
            <p>Alles wordt in uw browser berekend. Uw scenario blijft op dit apparaat, tot u het zelf deelt.</p>
          </div>
          <div>
            <h2>Bronnen</h2>
            <p>
              CBS (CC BY 4.0), GALA (VWS, 2023), AZWA (2025), VWS-brieven over de Brede SPUK en de SPUK IZA. Zie het{' '}
              <a href={href('overzicht', { bron: 1 })}>overzicht van bronnen</a>.
            </p>
          </div>
        </div>
      </footer>
      <NietBewaardBalk />
    </>
  );
}
