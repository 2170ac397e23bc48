import { render } from 'preact';
import { effect } from '@preact/signals';
import './ui/styles.css';
import { App } from './app.js';
import { route, startRouting, navigate, href } from './route.js';
import { navigatie } from './ui/kop.js';
import { scenario, setScenario } from './scenario/state.js';
import { loadStored, saveScenario, discardUnreadable } from './delen/storage.js';
import { decodeScenario } from './delen/link.js';
import { meld, sluit } from './ui/meldingen.js';
import { download } from './ui/download.js';

// 1. The kept scenario, if any. An unreadable one is offered for download, never silently lost.
const stored = loadStored();
if (stored.scenario) {
  const c = setScenario(stored.scenario);
  if (!c.ok)
    meld({
      soort: 'fout',
      titel: 'Uw bewaarde scenario past niet bij de gegevens',
      tekst: 'U werkt nu met de basis. Het bewaarde scenario blijft bewaard tot u het wijzigt; download het om het te herstellen.',
      fouten: c.fouten,
      acties: [{ label: 'Bewaard scenario downloaden', doe: () => download('bewaard-scenario.json', JSON.stringify(stored.scenario, null, 2), 'application/json') }],
    });
}
if (stored.onleesbaar) {
  const tekst = stored.onleesbaar.tekst;
  const id = meld({
    soort: 'fout',
    titel: 'Het bewaarde scenario kon niet worden gelezen',
    tekst: `U werkt nu met ${stored.scenario ? 'uw laatste geldige scenario' : 'de basis'}. De bewaarde tekst is niet weggegooid: download hem om hem te herstellen.`,
    fouten: stored.onleesbaar.fouten,
    acties: [
      { label: 'Bewaarde tekst downloaden', doe: () => download('onleesbaar-scenario.json', tekst, 'application/json') },
      {
        label: 'Bewaarde tekst verwijderen',
        doe: () => {
          discardUnreadable();
          sluit(id);
        },
      },
    ],
  });
}

// 2. Keep every change in the browser.
effect(() => {
  saveScenario(scenario.value); // never throws: full or blocked storage leaves the scenario in the page
});

// 3. A share link: `#/scenario?s=...`. Bad links leave the current scenario as it was.
let lastLink = '';
async function openLink(payload: string) {
  if (payload === lastLink) return;
  lastLink = payload;
  const decoded = await decodeScenario(payload);
  navigate(href('scenario'), { replace: true });
  if (!decoded.ok) {
    meld({ soort: 'fout', titel: 'De link kon niet worden geopend', tekst: 'U werkt verder met uw eigen scenario; daaraan is niets veranderd.', fouten: decoded.fouten });
    return;
  }
  const vorig = scenario.value;
  const c = setScenario(decoded.scenario);
  if (!c.ok) {
    meld({ soort: 'fout', titel: 'Het scenario in de link kan niet worden doorgerekend', tekst: 'U werkt verder met uw eigen scenario; daaraan is niets veranderd.', fouten: c.fouten });
    return;
  }
  const id = meld({
    soort: 'succes',
    titel: `Scenario “${c.scenario.naam}” uit de link geopend`,
    tekst: vorig.wijzigingen.length > 0 ? 'Het vervangt uw vorige scenario.' : undefined,
    acties:
      vorig.wijzigingen.length > 0
        ? [
            {
              label: 'Vorig scenario terugzetten',
              doe: () => {
                setScenario(vorig);
                sluit(id);
              },
            },
          ]
        : undefined,
  });
}
effect(() => {
  const r = route.value;
  const s = r.view === 'scenario' ? r.query.get('s') : null;
  if (s !== null) void openLink(s);
});

startRouting();
addEventListener('hashchange', () => {
  navigatie.verplaatsFocus = true;
});
render(<App />, document.getElementById('app')!);
performance.mark('app-klaar');
(window as unknown as { __appKlaar: boolean }).__appKlaar = true;
