import { effect, signal } from '@preact/signals';
import { emptyScenario, serializeScenario, type Scenario } from '@kansrijke-start/core';
import { BASIS, scenario, setVarianten, varianten } from '../scenario/state.js';
import { download, bestandsnaam } from '../ui/download.js';
import { meld, sluit } from '../ui/meldingen.js';
import { eenVariant, huidigeVan, metHuidig, parseVarianten, serializeVarianten, uitGelezen } from '../varianten/lijst.js';
import { discardOlder, discardUnreadableVariants, loadStored, loadVariants, saveScenario, saveVariants, type SaveResult } from './storage.js';

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
  startVarianten();
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

/** False while the browser does not keep the list of variants (the edited one is kept apart, see above). */
export const variantenBewaard = signal(true);

/**
 * Reads the kept list of variants and keeps every change of it. The scenario the page opened
 * with (the browser's copy of the edited scenario, read before this runs) is the newer copy of
 * the edited variant; a browser without a list (from before variants) gets a list of that one
 * scenario. An unreadable list is moved aside and offered for download, never lost.
 */
function startVarianten(): void {
  const kept = loadVariants((t) => parseVarianten(t, null).ok);
  // What the page opened (a kept scenario it could compute), else the kept scenario it could not
  // compute (it stays kept until it is edited). Without either, the list's copy of the edited
  // variant is older than the work of the last visit (saving it failed, see `saveScenario`): it
  // is not opened as the current work; the edited variant starts from the baseline.
  const opened = scenario.peek();
  const edited: Scenario | null = opened !== BASIS ? opened : loadStored().scenario;
  if (kept.tekst !== null) {
    const r = parseVarianten(kept.tekst, null);
    if (r.ok) {
      const v = uitGelezen(r);
      setVarianten(metHuidig(v, edited ?? { ...emptyScenario(huidigeVan(v).scenario.naam), afronding: huidigeVan(v).scenario.afronding }));
    }
  } else setVarianten(eenVariant(edited ?? opened));
  if (kept.onleesbaar !== null) {
    const tekst = kept.onleesbaar;
    const r = parseVarianten(tekst, null);
    const id = meld({
      soort: 'fout',
      titel: 'Uw bewaarde varianten konden niet worden gelezen',
      tekst: 'U werkt verder met het scenario dat apart bewaard was. De bewaarde tekst is niet weggegooid: download hem om hem te herstellen.',
      fouten: r.ok ? [] : r.fouten,
      acties: [
        { label: 'Bewaarde varianten downloaden', doe: () => download('onleesbare-varianten.json', tekst, 'application/json') },
        {
          label: 'Bewaarde varianten verwijderen',
          doe: () => {
            discardUnreadableVariants();
            sluit(id);
          },
        },
      ],
    });
  }
  effect(() => {
    variantenBewaard.value = saveVariants(serializeVarianten(varianten.value));
  });
}

/** All variants as one file, to keep or to pass on; read back with "Varianten inlezen". */
export function downloadVarianten(): void {
  download('varianten.json', serializeVarianten(varianten.value, false), 'application/json');
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
          <h2 class="nl-heading nl-heading--level-2">Uw wijzigingen worden niet bewaard</h2>
          <p class="nl-paragraph">
            De opslag van deze browser is vol of geblokkeerd. Uw scenario staat alleen nog op deze pagina en is weg als u die sluit of
            herlaadt: download het om het te bewaren (inlezen kan bij Bewaren en delen). {VORIGE[n.vorige]}
          </p>
        </div>
        <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={downloadScenario}>
          Download scenario (JSON)
        </button>
      </div>
    </div>
  );
}
