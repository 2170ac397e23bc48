import { render } from 'preact';
import { effect } from '@preact/signals';
import './ui/styles.css';
import { App, OP_VERZOEK } from './app.js';
import { route, startRouting, navigate, href } from './route.js';
import { navigatie } from './ui/kop.js';
import { openAlsVariant, setScenario, setVarianten, varianten } from './scenario/state.js';
import { kies } from './varianten/lijst.js';
import { loadStored, discardUnreadable, discardOlder } from './delen/storage.js';
import { startBewaren, nietBewaard } from './delen/bewaren.js';
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

// 2. A copy put aside because saving a newer version failed: it may be older than the last work,
//    so it is never opened as the current scenario, only offered as an older version.
if (stored.ouder) {
  const ouder = stored.ouder;
  const n = ouder.scenario?.wijzigingen.length ?? 0;
  const wat = ouder.scenario ? `“${ouder.scenario.naam}”, ${n} ${n === 1 ? 'wijziging' : 'wijzigingen'}` : 'niet leesbaar';
  const id = meld({
    soort: 'waarschuwing',
    titel: 'Uw laatste wijzigingen zijn niet bewaard',
    tekst:
      `Bij een vorig bezoek was de opslag van de browser vol of geblokkeerd. Er is een oudere versie van uw scenario bewaard (${wat}); ` +
      `die kan ouder zijn dan uw laatste werk. U werkt nu met ${stored.scenario ? `het scenario dat daarna is bewaard (“${stored.scenario.naam}”)` : 'de basis'}.`,
    acties: [
      ...(ouder.scenario
        ? [
            {
              label: 'Oudere versie openen',
              doe: () => {
                const c = setScenario(ouder.scenario);
                if (!c.ok) {
                  meld({ soort: 'fout', titel: 'De oudere versie past niet bij de gegevens', tekst: 'U werkt verder met uw eigen scenario.', fouten: c.fouten });
                  return;
                }
                if (!nietBewaard.value) discardOlder(); // it is now the kept scenario
                sluit(id);
              },
            },
          ]
        : []),
      { label: 'Oudere versie downloaden', doe: () => download('oudere-versie-scenario.json', ouder.tekst, 'application/json') },
      {
        label: 'Oudere versie verwijderen',
        doe: () => {
          discardOlder();
          sluit(id);
        },
      },
    ],
  });
}

// 3. Keep every change in the browser; when that fails, say so at once (see delen/bewaren.tsx).
startBewaren();

// 4. A share link: `#/scenario?s=...`. Bad links leave the current scenario as it was.
// The link being opened: the route may change again while it is decoded. Once it is open, the same
// link opened again is handled again (it selects the variant it already is).
let opening: string | null = null; // not '': an empty link on a fresh page gets its message too
async function openLink(payload: string) {
  if (payload === opening) return;
  opening = payload;
  // The link's decoder is loaded only when a link is opened: most visits carry none.
  const decoded = await import('./delen/link.js').then((m) => m.decodeScenario(payload)).finally(() => (opening = null));
  navigate(href('scenario'), { replace: true });
  if (!decoded.ok) {
    meld({ soort: 'fout', titel: 'De link kon niet worden geopend', tekst: 'U werkt verder met uw eigen scenario; daaraan is niets veranderd.', fouten: decoded.fouten });
    return;
  }
  const { berekening: c, nieuw, vorige } = openAlsVariant(decoded.scenario);
  if (!c.ok) {
    meld({ soort: 'fout', titel: 'Het scenario in de link kan niet worden doorgerekend', tekst: 'U werkt verder met uw eigen scenario; daaraan is niets veranderd.', fouten: c.fouten });
    return;
  }
  const id = meld({
    soort: 'succes',
    titel: `Scenario “${c.scenario.naam}” uit de link geopend`,
    tekst: nieuw ? 'Toegevoegd als variant; uw andere varianten zijn niet veranderd.' : 'Dit scenario was al een van uw varianten.',
    acties:
      vorige !== varianten.peek().huidig
        ? [
            {
              label: 'Terug naar de vorige variant',
              doe: () => {
                setVarianten(kies(varianten.peek(), vorige));
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
// 5. The view the page opens with, when it is one loaded on first use: fetched before the first render,
//    so that `app-klaar` and `__appKlaar` mean that the view itself is on the screen. When it cannot be
//    fetched, the view says so (ui/op-verzoek.tsx). Not a top-level await: the view's chunk imports
//    this module's chunk, and would wait for this module to finish, which would wait for the view.
function toon() {
  render(<App />, document.getElementById('app')!);
  performance.mark('app-klaar');
  (window as unknown as { __appKlaar: boolean }).__appKlaar = true;
}
const eerste = OP_VERZOEK[route.value.view];
if (eerste) void eerste.laad().then(toon, toon);
else toon();
