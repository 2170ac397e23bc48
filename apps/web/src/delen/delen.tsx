import { useState } from 'preact/hooks';
import { serializeScenario, type Problem } from '@kansrijke-start/core';
import { allocation, baseAllocation, heeftWijzigingen, scenario, setScenario, BASIS } from '../scenario/state.js';
import { Kop1 } from '../ui/kop.js';
import { Fouten } from '../ui/meldingen.js';
import { BevestigKnop } from '../ui/bevestig.js';
import { download, bestandsnaam } from '../ui/download.js';
import { shareLink } from './link.js';
import { uitkomstenCsv, uitkomstenXlsx } from './uitkomsten.js';

const MAX_UPLOAD = 5_000_000;

type Status = { soort: 'fout'; titel: string; fouten: Problem[] } | { soort: 'succes'; titel: string } | null;

export function DelenView() {
  const [link, setLink] = useState('');
  const [gekopieerd, setGekopieerd] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const naam = bestandsnaam(scenario.value.naam);

  const maakLink = async () => {
    setLink(await shareLink(scenario.value, location.href));
    setGekopieerd(false);
  };
  const kopieer = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setGekopieerd(true);
    } catch {
      (document.getElementById('deellink') as HTMLInputElement | null)?.select();
    }
  };
  const leesJson = async (file: File | undefined) => {
    if (!file) return;
    const titel = `${file.name} is niet ingelezen; uw scenario is niet veranderd`;
    if (file.size > MAX_UPLOAD) return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: `het bestand is groter dan 5 MB`, plaats: null }] });
    const text = await file.text();
    if (text.trim() === '') return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: 'het bestand is leeg', plaats: null }] });
    const c = setScenario(text);
    if (!c.ok) return setStatus({ soort: 'fout', titel, fouten: c.fouten });
    setStatus({ soort: 'succes', titel: `Scenario “${c.scenario.naam}” ingelezen uit ${file.name} (${c.scenario.wijzigingen.length} wijzigingen)` });
  };

  return (
    <>
      <Kop1 titel="Bewaren en delen">Bewaren en delen</Kop1>
      <p class="inleiding">
        Uw scenario “{scenario.value.naam}” wordt in deze browser bewaard, ook als u de pagina sluit. Hier kunt u het delen met een
        collega, als bestand bewaren of inlezen, en de uitkomsten downloaden.
      </p>
      {status && (
        <div class={`melding melding--${status.soort}`} role={status.soort === 'fout' ? 'alert' : 'status'} id="delen-status">
          <h2>{status.titel}</h2>
          {status.soort === 'fout' && <Fouten fouten={status.fouten} />}
        </div>
      )}

      <section aria-labelledby="link-titel" class="paneel">
        <h2 id="link-titel">Link om te delen</h2>
        <p>De link bevat het hele scenario. Wie hem opent, ziet dezelfde uitkomsten. Er wordt niets naar een server gestuurd.</p>
        <div class="knoppen">
          <button type="button" class="knop" onClick={() => void maakLink()}>
            Maak een deellink
          </button>
        </div>
        {link && (
          <div class="veld">
            <label for="deellink">Deellink ({link.length} tekens)</label>
            <input id="deellink" class="deellink" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <div class="knoppen">
              <button type="button" class="knop knop--secundair" onClick={() => void kopieer()}>
                Kopieer de link
              </button>
              <span role="status">{gekopieerd ? 'Gekopieerd.' : ''}</span>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="bestand-titel" class="paneel">
        <h2 id="bestand-titel">Scenario als bestand</h2>
        <div class="knoppen">
          <button type="button" class="knop" onClick={() => download(`${naam}.json`, serializeScenario(scenario.value), 'application/json')}>
            Download scenario (JSON)
          </button>
        </div>
        <div class="veld">
          <label for="scenario-bestand">
            Scenario inlezen (JSON)
            <span class="hint">Vervangt het huidige scenario, alleen als het bestand helemaal klopt.</span>
          </label>
          <input
            id="scenario-bestand"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              void leesJson(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
      </section>

      <section aria-labelledby="uitkomsten-titel" class="paneel">
        <h2 id="uitkomsten-titel">Uitkomsten downloaden</h2>
        <p>
          Alle ontvangers, stromen en jaren: basis, scenario en verschil in euro, in procenten en per inwoner, met de status van elk
          bedrag. Een onbekend bedrag is een lege cel, geen nul. Het is hetzelfde bestand als <code>ks-budget compare</code> geeft.
        </p>
        <div class="knoppen">
          <button type="button" class="knop" onClick={() => download(`${naam}-uitkomsten.csv`, uitkomstenCsv(scenario.value, baseAllocation, allocation.value, false), 'text/csv;charset=utf-8')}>
            CSV
          </button>
          <button type="button" class="knop" onClick={() => download(`${naam}-uitkomsten-excel.csv`, uitkomstenCsv(scenario.value, baseAllocation, allocation.value, true), 'text/csv;charset=utf-8')}>
            CSV voor Nederlandse Excel
          </button>
          <button
            type="button"
            class="knop"
            onClick={() =>
              download(
                `${naam}-uitkomsten.xlsx`,
                uitkomstenXlsx(scenario.value, baseAllocation, allocation.value) as Uint8Array<ArrayBuffer>,
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              )
            }
          >
            Excel-werkmap (.xlsx)
          </button>
        </div>
        <p class="hint">De gewone CSV heeft komma's en een decimale punt; de Excel-versie puntkomma's en een decimale komma.</p>
      </section>

      <section aria-labelledby="basis-titel" class="paneel">
        <h2 id="basis-titel">Terug naar de basis</h2>
        {heeftWijzigingen.value ? (
          <>
            <p>Gooit alle wijzigingen weg. Download het scenario eerst als u het wilt bewaren.</p>
            <BevestigKnop
              label="Terug naar de basis"
              vraag="Weet u zeker dat u alle wijzigingen wilt weggooien?"
              ja="Ja, terug naar de basis"
              onJa={() => {
                setScenario(BASIS);
                setStatus({ soort: 'succes', titel: 'U werkt weer met de basis.' });
              }}
            />
          </>
        ) : (
          <p>U werkt al met de basis.</p>
        )}
      </section>
    </>
  );
}
