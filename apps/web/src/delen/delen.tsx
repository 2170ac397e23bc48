import { useState } from 'preact/hooks';
import { formatNumber, type Problem } from '@kansrijke-start/core';
import { allocation, baseAllocation, data, heeftWijzigingen, scenario, setScenario, varianten, BASIS } from '../scenario/state.js';
import { href } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { Fouten } from '../ui/meldingen.js';
import { BevestigKnop } from '../ui/bevestig.js';
import { download, bestandsnaam } from '../ui/download.js';
import { ALS_UTF8, leesTekst, mbTekst } from '../ui/bestand.js';
import { shareLink, MAX_PAYLOAD_CHARS, MAX_JSON_BYTES, type TooLarge } from './link.js';
import { uitkomstenCsv, uitkomstenMetadata } from './uitkomsten.js';
import { VANDAAG } from '../ui/gegevens.js';
import { VerantwoordingKnop } from '../ui/csv-download.js';
import { downloadScenario, downloadVarianten, nietBewaard } from './bewaren.js';
import { Bewijs } from '../ui/bewijs.js';

/** The largest scenario file that is read (a scenario of 2000 changes with long notes stays below it). */
export const MAX_UPLOAD = 5_000_000;

const getal = (n: number) => formatNumber(BigInt(n), 0);

type Status = { soort: 'fout'; titel: string; fouten: Problem[] } | { soort: 'succes'; titel: string } | null;

export function DelenView() {
  const [link, setLink] = useState('');
  const [teGroot, setTeGroot] = useState<TooLarge | null>(null);
  const [gekopieerd, setGekopieerd] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const naam = bestandsnaam(scenario.value.naam);

  // The workbook writer and its ZIP library are loaded only when someone asks for the workbook.
  const downloadXlsx = async () => {
    try {
      const { resultsWorkbook } = await import('@kansrijke-start/core/xlsx');
      const s = scenario.value;
      // The same names as the CSV downloads (uitkomsten.ts).
      const bytes = resultsWorkbook(data, s, baseAllocation, allocation.value, ['Basis', s.naam || 'Scenario'], { vandaag: VANDAAG });
      download(`${naam}-uitkomsten.xlsx`, bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch {
      setStatus({
        soort: 'fout',
        titel: 'De Excel-werkmap kon niet worden gemaakt',
        fouten: [{ pad: '', bericht: 'het onderdeel dat de werkmap schrijft kon niet worden geladen; controleer de verbinding en probeer het opnieuw', plaats: null }],
      });
    }
  };

  const maakLink = async () => {
    const r = await shareLink(scenario.value, location.href);
    setLink(r.ok ? r.link : '');
    setTeGroot(r.ok ? null : r);
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
    const gelezen = await leesTekst(file, { maxBytes: MAX_UPLOAD, hoe: ALS_UTF8.json });
    if (!gelezen.ok) return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: gelezen.bericht, plaats: gelezen.plaats }] });
    const text = gelezen.tekst;
    if (text.trim() === '') return setStatus({ soort: 'fout', titel, fouten: [{ pad: file.name, bericht: 'het bestand is leeg', plaats: null }] });
    const c = setScenario(text);
    if (!c.ok) return setStatus({ soort: 'fout', titel, fouten: c.fouten });
    setStatus({ soort: 'succes', titel: `Scenario “${c.scenario.naam}” ingelezen uit ${file.name} (${c.scenario.wijzigingen.length} wijzigingen)` });
  };

  return (
    <>
      <Kop1 titel="Bewaren en delen">Bewaren en delen</Kop1>
      <p class="nl-paragraph inleiding nl-paragraph--lead">
        {nietBewaard.value
          ? `Uw scenario “${scenario.value.naam}” kan nu niet in deze browser worden bewaard: de opslag is vol of geblokkeerd. Download het als bestand om het te bewaren.`
          : `Uw scenario “${scenario.value.naam}” wordt in deze browser bewaard, ook als u de pagina sluit.`}{' '}
        Hier kunt u het delen met een collega, als bestand bewaren of inlezen, en de uitkomsten downloaden.
      </p>
      {status && (
        <div class={`utrecht-alert melding--${status.soort}`} role={status.soort === 'fout' ? 'alert' : 'status'} id="delen-status">
          <div class="utrecht-alert__message">
            <h2 class="nl-heading nl-heading--level-2">{status.titel}</h2>
            {status.soort === 'fout' && <Fouten fouten={status.fouten} />}
          </div>
        </div>
      )}

      <section aria-labelledby="link-titel" class="paneel">
        <h2 class="nl-heading nl-heading--level-2" id="link-titel">Link om te delen</h2>
        <p class="nl-paragraph">De link bevat het hele scenario. Wie hem opent, ziet dezelfde uitkomsten. Er wordt niets naar een server gestuurd.</p>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void maakLink()}>
            Maak een deellink
          </button>
        </div>
        {teGroot && (
          <div class="utrecht-alert utrecht-alert--warning" role="alert" id="link-te-groot">
            <div class="utrecht-alert__message">
              <h3 class="nl-heading nl-heading--level-3">Dit scenario is te groot voor een link</h3>
              <p class="nl-paragraph">
                {teGroot.reden === 'tekens'
                  ? `De link zou ${getal(teGroot.tekens)} tekens lang worden; een deellink heeft hoogstens ${getal(MAX_PAYLOAD_CHARS)} tekens, anders kan hij niet worden geopend.`
                  : `Het scenario is ${mbTekst(teGroot.bytes)}; een deellink kan hoogstens ${mbTekst(MAX_JSON_BYTES)} aan scenario bevatten, anders kan hij niet worden geopend.`}{' '}
                Deel het scenario als bestand: download het en stuur het bestand. Wie het ontvangt, leest het in bij “Scenario inlezen
                (JSON)” op deze pagina.
              </p>
              <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={downloadScenario}>
                  Download scenario (JSON)
                </button>
              </div>
            </div>
          </div>
        )}
        {link && (
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="deellink">Deellink ({link.length} tekens)</label>
            <input id="deellink" class="utrecht-textbox utrecht-textbox--html-input deellink" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <div class="utrecht-button-group">
              <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => void kopieer()}>
                Kopieer de link
              </button>
              <span role="status">{gekopieerd ? 'Gekopieerd.' : ''}</span>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="bestand-titel" class="paneel">
        <h2 class="nl-heading nl-heading--level-2" id="bestand-titel">Scenario als bestand</h2>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={downloadScenario}>
            Download scenario (JSON)
          </button>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="scenario-bestand">
            Scenario inlezen (JSON)
            <span class="utrecht-form-field-description">
              Vervangt het huidige scenario, alleen als het bestand helemaal klopt. Een JSON-bestand in UTF-8, hoogstens {mbTekst(MAX_UPLOAD)}.
            </span>
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

      <section aria-labelledby="alle-varianten-titel" class="paneel">
        <h2 class="nl-heading nl-heading--level-2" id="alle-varianten-titel">Alle varianten als één bestand</h2>
        <p class="nl-paragraph">
          De deellink en het bestand hierboven bevatten alleen het scenario dat u nu bewerkt (“{scenario.value.naam}”). Om al uw
          varianten ({varianten.value.lijst.length}) te bewaren of door te geven, downloadt u ze samen als één bestand; inlezen kan bij{' '}
          <a class="nl-link" href={href('scenario')}>Uw varianten op de pagina Scenario</a>.
        </p>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={downloadVarianten}>
            Alle varianten downloaden (JSON)
          </button>
        </div>
      </section>

      <section aria-labelledby="uitkomsten-titel" class="paneel">
        <h2 class="nl-heading nl-heading--level-2" id="uitkomsten-titel">Uitkomsten downloaden</h2>
        <p class="nl-paragraph">
          Alle ontvangers, stromen en jaren: basis, scenario en verschil in euro, in procenten en per inwoner, met de status van elk
          bedrag. Een onbekend bedrag is een lege cel, geen nul. Het is hetzelfde bestand als <code>ks-budget compare</code> geeft.
        </p>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => download(`${naam}-uitkomsten.csv`, uitkomstenCsv(scenario.value, baseAllocation, allocation.value, false), 'text/csv;charset=utf-8')}>
            CSV
          </button>
          <VerantwoordingKnop bestand={`${naam}-uitkomsten.csv`} maak={() => uitkomstenMetadata(scenario.value, baseAllocation, allocation.value, `${naam}-uitkomsten.csv`, false)} />
        </div>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => download(`${naam}-uitkomsten-excel.csv`, uitkomstenCsv(scenario.value, baseAllocation, allocation.value, true), 'text/csv;charset=utf-8')}>
            CSV voor Nederlandse Excel
          </button>
          <VerantwoordingKnop
            bestand={`${naam}-uitkomsten-excel.csv`}
            maak={() => uitkomstenMetadata(scenario.value, baseAllocation, allocation.value, `${naam}-uitkomsten-excel.csv`, true)}
          />
        </div>
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => void downloadXlsx()}>
            Excel-werkmap (.xlsx)
          </button>
        </div>
        <p class="nl-paragraph utrecht-form-field-description">
          De gewone CSV heeft komma's en een decimale punt; de Excel-versie puntkomma's en een decimale komma. De verantwoording naast
          elke CSV (CSVW, een JSON-bestand) noemt de kolommen, de versie en stand van de gegevens en de besluiten die nog moeten komen; de
          Excel-werkmap heeft daarvoor het blad “Verantwoording”.
        </p>
        <Bewijs allocations={heeftWijzigingen.value ? [baseAllocation, allocation.value] : [baseAllocation]} namen={['Basis', scenario.value.naam || 'Scenario']} />
      </section>

      <section aria-labelledby="basis-titel" class="paneel">
        <h2 class="nl-heading nl-heading--level-2" id="basis-titel">Terug naar de basis</h2>
        {heeftWijzigingen.value ? (
          <>
            <p class="nl-paragraph">Gooit alle wijzigingen weg. Download het scenario eerst als u het wilt bewaren.</p>
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
          <p class="nl-paragraph">U werkt al met de basis.</p>
        )}
      </section>
    </>
  );
}
