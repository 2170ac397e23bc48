import { effect, signal } from '@preact/signals';
import { serializeScenario } from '@kansrijke-start/core';
import { scenario } from '../scenario/state.js';
import { download, bestandsnaam } from '../ui/download.js';
import { meld } from '../ui/meldingen.js';
import { discardOlder, saveScenario, type SaveResult } from './storage.js';

type Failed = Extract<SaveResult, { ok: false }>;

/** Set while the browser does not keep the scenario, with what happened to the copy it had. */
export const nietBewaard = signal<{ vorige: Failed['vorige'] } | null>(null);

/**
 * Keeps every change in the browser. The first run is skipped: what was just loaded is what the
 * browser already keeps (and a kept scenario that did not fit the data stays kept until the user
 * changes something). When saving fails, the page says so at once and keeps saying so; the copy
 * the browser had is older than the page and is put aside or removed (see `saveScenario`).
 */
export function startBewaren(): void {
  let first = true;
  let putAside = false; // this page put the older copy aside, so a later successful save supersedes it
  effect(() => {
    const s = scenario.value;
    if (first) {
      first = false;
      return;
    }
    const r = saveScenario(s);
    if (r.ok) {
      if (putAside) discardOlder();
      putAside = false;
      if (nietBewaard.peek()) {
        nietBewaard.value = null;
        meld({ soort: 'succes', titel: 'Uw scenario wordt weer in deze browser bewaard.' });
      }
      return;
    }
    if (r.vorige === 'opzij') putAside = true;
    const before = nietBewaard.peek();
    // A later failure finds no copy any more; what happened to the copy at the first failure still holds.
    nietBewaard.value = { vorige: before && r.vorige === 'geen' ? before.vorige : r.vorige };
  });
}

export function downloadScenario(): void {
  download(`${bestandsnaam(scenario.value.naam)}.json`, serializeScenario(scenario.value), 'application/json');
}

const VORIGE: Record<Failed['vorige'], string> = {
  opzij: 'De eerder bewaarde versie is ouder; bij een volgend bezoek wordt die alleen als oudere versie aangeboden.',
  verwijderd: 'De eerder bewaarde versie was ouder en is verwijderd, zodat die niet als uw scenario wordt geopend.',
  blijft: 'Let op: bij een volgend bezoek opent een oudere versie, die niet kon worden verwijderd.',
  geen: '',
};

/** The message while saving fails: at the bottom of the window, on every view, until a save works again. */
export function NietBewaardBalk() {
  const n = nietBewaard.value;
  if (!n) return null;
  return (
    <div class="niet-bewaard" role="alert" id="niet-bewaard">
      <div class="niet-bewaard__binnen">
        <div>
          <h2>Uw wijzigingen worden niet bewaard</h2>
          <p>
            De opslag van deze browser is vol of geblokkeerd. Uw scenario staat alleen nog op deze pagina en is weg als u die sluit of
            herlaadt: download het om het te bewaren (inlezen kan bij Bewaren en delen). {VORIGE[n.vorige]}
          </p>
        </div>
        <button type="button" class="knop" onClick={downloadScenario}>
          Download scenario (JSON)
        </button>
      </div>
    </div>
  );
}
