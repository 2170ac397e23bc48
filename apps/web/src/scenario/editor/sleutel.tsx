import { useState } from 'preact/hooks';
import { INDICATOR_IDS, readKeyTable, type Sleutel, type Wijziging } from '@kansrijke-start/core';
import { data } from '../state.js';
import { GetalVeld } from '../../ui/getalveld.js';
import { Regels } from '../../ui/meldingen.js';
import { ALS_UTF8, leesTekst, mbTekst } from '../../ui/bestand.js';
import type { Update } from './kaart.js';
import { BedragenPerGemeente } from './bedragen.js';

/**
 * The largest key table that is read. A key has a value per municipality (342 now; the scenario
 * allows at most 1000 rows), a few dozen bytes a row: even an export with many extra columns
 * stays far below this. Larger files are refused before they are read, so a wrong file cannot
 * crash the tab.
 */
export const MAX_SLEUTEL_BYTES = 2_000_000;

const indicatorNaam = (id: string) => data.indicatoren.find((i) => i.id === id)?.naam ?? id;

const SLEUTELS: [Sleutel['type'], string][] = [
  ['brede-spuk-2025', 'Brede SPUK-sleutel (waargenomen, bedragen 2025)'],
  ['formule', 'Formule met gewichten'],
  ['tabel', 'Eigen tabel (CSV-bestand)'],
];

export function SleutelVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'sleutel' }>; id: string; update: Update }) {
  const sl = w.sleutel;
  const [uploadFouten, setUploadFouten] = useState<string[] | null>(null);
  const [uploadMeldingen, setUploadMeldingen] = useState<string[]>([]);
  const kies = (type: Sleutel['type']) => {
    if (type === sl.type) return;
    // Fixed and base amounts per municipality go along to the new key type.
    const bedragen = { ...(sl.vasteBedragen ? { vasteBedragen: sl.vasteBedragen } : {}), ...(sl.basisbedragen ? { basisbedragen: sl.basisbedragen } : {}) };
    if (type === 'brede-spuk-2025') update({ ...w, sleutel: { type, ...bedragen } });
    else if (type === 'formule') update({ ...w, sleutel: { type, gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }], ...bedragen } });
    else document.getElementById(`${id}-bestand`)?.click();
  };
  const lees = async (file: File | undefined) => {
    if (!file) return;
    const gelezen = await leesTekst(file, {
      maxBytes: MAX_SLEUTEL_BYTES,
      hoe: ALS_UTF8.csv,
      waaromKleiner: `een sleuteltabel met een regel voor elk van de ${data.gemeenten.length} gemeenten is een paar kB`,
    });
    if (!gelezen.ok) {
      const plaats = gelezen.plaats ? `, regel ${gelezen.plaats.regel}, kolom ${gelezen.plaats.kolom}` : '';
      setUploadFouten([`${file.name}${plaats}: ${gelezen.bericht}`]);
      setUploadMeldingen([]);
      return;
    }
    const r = readKeyTable(gelezen.tekst, file.name, data);
    if (!r.ok) {
      setUploadFouten(r.fouten);
      setUploadMeldingen([]);
      return;
    }
    const bedragen = { ...(sl.vasteBedragen ? { vasteBedragen: sl.vasteBedragen } : {}), ...(sl.basisbedragen ? { basisbedragen: sl.basisbedragen } : {}) };
    const fout = update({ ...w, sleutel: { type: 'tabel', naam: file.name.slice(0, 200), waarden: r.waarden, ...bedragen } });
    setUploadFouten(fout ? [fout] : null);
    setUploadMeldingen(fout ? [] : r.meldingen);
  };
  return (
    <>
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Verdeelsleutel</legend>
        {SLEUTELS.map(([type, label]) => (
          <label class="utrecht-form-label keuze" key={type} style={{ display: 'flex' }}>
            <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" name={`${id}-sleutel`} checked={sl.type === type} onChange={() => kies(type)} />
            {label}
          </label>
        ))}
      </fieldset>
      {sl.type === 'formule' && (
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Gewichten</legend>
          <p class="nl-paragraph utrecht-form-field-description">
            Elk gewicht geeft aan welk deel van het geld de indicator volgt. Met 70 voor inwoners en 30 voor huishoudens met een laag
            inkomen volgt 70% van het geld de inwoners. Laat een veld leeg om de indicator niet te gebruiken.
          </p>
          {INDICATOR_IDS.map((ind) => {
            const g = sl.gewichten.find((x) => x.indicator === ind);
            return (
              <GetalVeld
                key={ind}
                id={`${id}-gewicht-${ind}`}
                label={indicatorNaam(ind)}
                waarde={g?.gewicht ?? ''}
                decimalen={6}
                leegToegestaan
                naast
                breedte="6rem"
                bijWijziging={(v) => {
                  const rest = sl.gewichten.filter((x) => x.indicator !== ind);
                  const gewichten = v === '' ? rest : INDICATOR_IDS.flatMap((k) => (k === ind ? [{ indicator: k, gewicht: v }] : rest.filter((x) => x.indicator === k)));
                  if (gewichten.length === 0) return 'er moet minstens één indicator een gewicht hebben';
                  if (/^0+(\.0+)?$/.test(v)) return 'een gewicht moet groter dan 0 zijn; laat het veld leeg om de indicator niet te gebruiken';
                  return update({ ...w, sleutel: { ...sl, gewichten } });
                }}
              />
            );
          })}
          <GetalVeld
            id={`${id}-basisbedrag`}
            label="Basisbedrag per gemeente (optioneel)"
            hint="Elke gemeente krijgt eerst dit bedrag; de rest gaat naar verhouding"
            eenheid="euro"
            waarde={sl.basisbedrag ?? ''}
            leegToegestaan
            breedte="10rem"
            bijWijziging={(v) => {
              const { basisbedrag: _, ...rest } = sl;
              return update({ ...w, sleutel: v === '' ? rest : { ...rest, basisbedrag: v } });
            }}
          />
          <GetalVeld
            id={`${id}-minimumbedrag`}
            label="Minimumbedrag per gemeente (optioneel)"
            hint="Wie minder zou krijgen, krijgt dit; het tekort gaat naar verhouding van de anderen af"
            eenheid="euro"
            waarde={sl.minimumbedrag ?? ''}
            leegToegestaan
            breedte="10rem"
            bijWijziging={(v) => {
              const { minimumbedrag: _, ...rest } = sl;
              return update({ ...w, sleutel: v === '' ? rest : { ...rest, minimumbedrag: v } });
            }}
          />
        </fieldset>
      )}
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`${id}-bestand`}>
          {sl.type === 'tabel' ? 'Andere tabel inlezen' : 'Eigen tabel inlezen'}
          <span class="utrecht-form-field-description">
            CSV met de kolommen gemeentecode en waarde (komma of puntkomma als scheidingsteken), opgeslagen als UTF-8 (in Excel: “CSV
            UTF-8”), hoogstens {mbTekst(MAX_SLEUTEL_BYTES)}. Een code van een voormalige gemeente wordt bij de opvolger opgeteld.
          </span>
        </label>
        <input
          id={`${id}-bestand`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const input = e.currentTarget;
            void lees(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {sl.type === 'tabel' && (
        <p class="nl-paragraph">
          In gebruik: tabel <strong>{sl.naam}</strong> met {sl.waarden.length} gemeenten.
        </p>
      )}
      <BedragenPerGemeente w={w} id={id} veld="vasteBedragen" update={update} />
      <BedragenPerGemeente w={w} id={id} veld="basisbedragen" update={update} />
      {uploadFouten && (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__message">
            <h3 class="nl-heading nl-heading--level-3">Het bestand is niet gebruikt</h3>
            <p class="nl-paragraph">De sleutel is niet veranderd. Wat er mis is:</p>
            <Regels regels={uploadFouten} woord={['fout', 'fouten']} />
          </div>
        </div>
      )}
      {uploadMeldingen.length > 0 && (
        <div class="utrecht-alert" role="status">
          <div class="utrecht-alert__message">
            <Regels regels={uploadMeldingen} woord={['opmerking', 'opmerkingen']} />
          </div>
        </div>
      )}
    </>
  );
}

