import { useState } from 'preact/hooks';
import { Keuzes } from '../ui/keuzes.js';
import {
  INDICATOR_IDS,
  readKeyTable,
  STREAMS,
  YEARS,
  resolveParameters,
  type Problem,
  type Sleutel,
  type StreamId,
  type Wijziging,
} from '@kansrijke-start/core';
import { data, scenario, setScenario } from './state.js';
import { GetalVeld } from '../ui/getalveld.js';
import { SOORT_LABEL } from './labels.js';
import { Fouten } from '../ui/meldingen.js';

const SOORTEN = Object.keys(SOORT_LABEL) as Wijziging['soort'][];
const indicatorNaam = (id: string) => data.indicatoren.find((i) => i.id === id)?.naam ?? id;

/** A new change with the values that hold now, so adding it changes nothing until the user edits it. */
export function nieuweWijziging(soort: Wijziging['soort'], stroom: StreamId, jaar: number): Wijziging {
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
  }
}

/** Replaces change `i`; returns the Dutch problems when the scenario cannot take it (then nothing changes). */
function werkBij(i: number, w: Wijziging): Problem[] | null {
  const next = { ...scenario.value, wijzigingen: scenario.value.wijzigingen.map((x, j) => (j === i ? w : x)) };
  const c = setScenario(next);
  return c.ok ? null : c.fouten;
}

const alsTekst = (fouten: Problem[] | null): string | null =>
  fouten === null ? null : fouten.map((f) => f.bericht).join('; ');

export function WijzigingToevoegen({ onToegevoegd }: { onToegevoegd: (index: number) => void }) {
  const [soort, setSoort] = useState<Wijziging['soort']>('bedrag');
  const [stroom, setStroom] = useState<StreamId>('integrale-gezinspoli');
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
      <h2 id="toevoegen-titel">Wijziging toevoegen</h2>
      <div class="veld">
        <label for="nieuw-soort">Wat wilt u wijzigen?</label>
        <select id="nieuw-soort" value={soort} onChange={(e) => setSoort(e.currentTarget.value as Wijziging['soort'])}>
          {SOORTEN.map((s) => (
            <option value={s} key={s}>
              {SOORT_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="rij">
        <div class="veld">
          <label for="nieuw-stroom">Stroom</label>
          <select id="nieuw-stroom" value={stroom} onChange={(e) => setStroom(e.currentTarget.value as StreamId)}>
            {STREAMS.map((s) => (
              <option value={s.id} key={s.id}>
                {s.naam}
              </option>
            ))}
          </select>
        </div>
        <div class="veld">
          <label for="nieuw-jaar">Jaar</label>
          <select id="nieuw-jaar" value={jaar} onChange={(e) => setJaar(Number(e.currentTarget.value))}>
            {YEARS.map((y) => (
              <option value={y} key={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {fouten && (
        <div class="melding melding--fout" role="alert">
          <Fouten fouten={fouten} />
        </div>
      )}
      <button type="submit" class="knop">
        Toevoegen
      </button>
    </form>
  );
}

export function WijzigingKaart({ w, i }: { w: Wijziging; i: number }) {
  const [fouten, setFouten] = useState<Problem[] | null>(null);
  const id = `w${i}`;
  const update = (nw: Wijziging): string | null => {
    const f = werkBij(i, nw);
    setFouten(f);
    return alsTekst(f);
  };
  const verwijder = () => {
    const c = setScenario({ ...scenario.value, wijzigingen: scenario.value.wijzigingen.filter((_, j) => j !== i) });
    if (!c.ok) setFouten(c.fouten);
    else document.getElementById('wijzigingen-titel')?.focus();
  };
  const titel = `${i + 1}. ${SOORT_LABEL[w.soort]}`;
  return (
    <li class="wijziging" id={`wijziging-${i}`}>
      <section aria-labelledby={`${id}-titel`}>
        <div class="wijziging__kop">
          <h3 id={`${id}-titel`} tabIndex={-1}>
            {titel}
          </h3>
          <button type="button" class="knop knop--link" onClick={verwijder}>
            Verwijderen<span class="visually-hidden"> wijziging {titel}</span>
          </button>
        </div>
        <div class="rij">
          <div class="veld">
            <label for={`${id}-stroom`}>Stroom</label>
            <select id={`${id}-stroom`} value={w.stroom} onChange={(e) => update({ ...w, stroom: e.currentTarget.value as StreamId })}>
              {STREAMS.map((s) => (
                <option value={s.id} key={s.id}>
                  {s.naam}
                </option>
              ))}
            </select>
          </div>
          <div class="veld">
            <label for={`${id}-jaar`}>Jaar</label>
            <select id={`${id}-jaar`} value={w.jaar} onChange={(e) => update({ ...w, jaar: Number(e.currentTarget.value) })}>
              {YEARS.map((y) => (
                <option value={y} key={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Keuzes
          legend="Geldt"
          name={`${id}-geldigheid`}
          opties={[
            ['alleen-dit-jaar', `alleen in ${w.jaar}`],
            ['vanaf-dit-jaar', `vanaf ${w.jaar}`],
          ]}
          waarde={w.geldigheid}
          kies={(v) => update({ ...w, geldigheid: v })}
        />
        <Velden w={w} id={id} update={update} />
        {fouten && (
          <div class="melding melding--fout" role="alert">
            <p>Deze wijziging is niet doorgevoerd; de uitkomst is die van de laatste geldige invoer.</p>
            <Fouten fouten={fouten} />
          </div>
        )}
      </section>
    </li>
  );
}

type Update = (w: Wijziging) => string | null;

function Velden({ w, id, update }: { w: Wijziging; id: string; update: Update }) {
  switch (w.soort) {
    case 'bedrag':
      return (
        <GetalVeld
          id={`${id}-bedrag`}
          label="Landelijk bedrag"
          hint="In euro, bijvoorbeeld 6.000.000 of 1.234.567,89"
          eenheid="euro"
          waarde={w.bedrag}
          breedte="12rem"
          bijWijziging={(v) => update({ ...w, bedrag: v })}
        />
      );
    case 'korting':
    case 'indexatie':
      return (
        <GetalVeld
          id={`${id}-percentage`}
          label={w.soort === 'korting' ? 'Kortingspercentage' : 'Indexatiepercentage'}
          hint={w.soort === 'korting' ? 'Bijvoorbeeld 10 of 2,5; 0 betekent geen korting' : 'Per jaar; indexaties van opeenvolgende jaren worden samengesteld'}
          eenheid="%"
          decimalen={6}
          waarde={w.percentage}
          breedte="7rem"
          bijWijziging={(v) => update({ ...w, percentage: v })}
        />
      );
    case 'lokaal-regionaal':
      return (
        <GetalVeld
          id={`${id}-lokaal`}
          label="Deel voor gemeenten (lokaal)"
          hint="De rest gaat naar de 42 IZA-regio's (regionaal), betaald aan de mandaatgemeente"
          eenheid="%"
          decimalen={6}
          waarde={w.lokaalPercentage}
          breedte="7rem"
          bijWijziging={(v) => update({ ...w, lokaalPercentage: v })}
        />
      );
    case 'verdeling':
      return (
        <Keuzes
          legend="Het bedrag"
          name={`${id}-verdeling`}
          opties={[
            ['gemeenten', 'verdelen over gemeenten'],
            ['landelijk', 'landelijk houden (niet verdelen)'],
          ]}
          waarde={w.verdeling}
          kies={(v) => update({ ...w, verdeling: v })}
        />
      );
    case 'sleutel':
      return <SleutelVelden w={w} id={id} update={update} />;
    case 'deelname':
      return <DeelnameVelden w={w} id={id} update={update} />;
    case 'reservering':
      return <ReserveringVelden w={w} id={id} update={update} />;
  }
}

const SLEUTELS: [Sleutel['type'], string][] = [
  ['brede-spuk-2025', 'Brede SPUK-sleutel (waargenomen, bedragen 2025)'],
  ['formule', 'Formule met gewichten'],
  ['tabel', 'Eigen tabel (CSV-bestand)'],
];

function SleutelVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'sleutel' }>; id: string; update: Update }) {
  const sl = w.sleutel;
  const [uploadFouten, setUploadFouten] = useState<string[] | null>(null);
  const [uploadMeldingen, setUploadMeldingen] = useState<string[]>([]);
  const kies = (type: Sleutel['type']) => {
    if (type === sl.type) return;
    if (type === 'brede-spuk-2025') update({ ...w, sleutel: { type } });
    else if (type === 'formule') update({ ...w, sleutel: { type, gewichten: [{ indicator: 'inwoners-2024', gewicht: '1' }] } });
    else document.getElementById(`${id}-bestand`)?.click();
  };
  const lees = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const r = readKeyTable(text, file.name, data);
    if (!r.ok) {
      setUploadFouten(r.fouten);
      setUploadMeldingen([]);
      return;
    }
    const fout = update({ ...w, sleutel: { type: 'tabel', naam: file.name.slice(0, 200), waarden: r.waarden } });
    setUploadFouten(fout ? [fout] : null);
    setUploadMeldingen(fout ? [] : r.meldingen);
  };
  return (
    <>
      <fieldset>
        <legend>Verdeelsleutel</legend>
        {SLEUTELS.map(([type, label]) => (
          <label class="keuze" key={type} style={{ display: 'flex' }}>
            <input type="radio" name={`${id}-sleutel`} checked={sl.type === type} onChange={() => kies(type)} />
            {label}
          </label>
        ))}
      </fieldset>
      {sl.type === 'formule' && (
        <fieldset>
          <legend>Gewichten</legend>
          <p class="hint">
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
      <div class="veld">
        <label for={`${id}-bestand`}>
          {sl.type === 'tabel' ? 'Andere tabel inlezen' : 'Eigen tabel inlezen'}
          <span class="hint">
            CSV met de kolommen gemeentecode en waarde (komma of puntkomma als scheidingsteken). Een code van een voormalige gemeente
            wordt bij de opvolger opgeteld.
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
        <p>
          In gebruik: tabel <strong>{sl.naam}</strong> met {sl.waarden.length} gemeenten.
        </p>
      )}
      {uploadFouten && (
        <div class="melding melding--fout" role="alert">
          <h3>Het bestand is niet gebruikt</h3>
          <p>De sleutel is niet veranderd. Wat er mis is:</p>
          <ul>
            {uploadFouten.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      {uploadMeldingen.length > 0 && (
        <div class="melding" role="status">
          <ul>
            {uploadMeldingen.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function DeelnameVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'deelname' }>; id: string; update: Update }) {
  const [filter, setFilter] = useState('');
  const gekozen = new Set(w.gemeenten);
  const f = filter.trim().toLowerCase();
  const zichtbaar = f ? data.gemeenten.filter((g) => g.naam.toLowerCase().includes(f) || g.code.toLowerCase().includes(f)) : data.gemeenten;
  const zet = (codes: Set<string>) => update({ ...w, gemeenten: data.gemeenten.filter((g) => codes.has(g.code)).map((g) => g.code) });
  return (
    <>
      <Keuzes
        legend="Het aandeel van gemeenten die niet deelnemen"
        name={`${id}-niet`}
        opties={[
          ['herverdelen', 'herverdelen over de deelnemers'],
          ['onbenut', 'blijft onbenut'],
        ]}
        waarde={w.nietDeelnemers}
        kies={(v) => update({ ...w, nietDeelnemers: v })}
      />
      <div class="veld">
        <label for={`${id}-filter`}>Gemeenten zoeken in de lijst</label>
        <input id={`${id}-filter`} type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      <div class="knoppen">
        <button type="button" class="knop knop--secundair" onClick={() => zet(new Set([...gekozen, ...zichtbaar.map((g) => g.code)]))}>
          {f ? 'Gevonden gemeenten aanvinken' : 'Alle gemeenten aanvinken'}
        </button>
        {f ? (
          <>
            <button type="button" class="knop knop--secundair" onClick={() => zet(new Set(zichtbaar.map((g) => g.code)))}>
              Alleen de gevonden gemeenten
            </button>
            <button
              type="button"
              class="knop knop--secundair"
              onClick={() => {
                const weg = new Set(zichtbaar.map((g) => g.code));
                zet(new Set([...gekozen].filter((c) => !weg.has(c))));
              }}
            >
              Gevonden gemeenten uitvinken
            </button>
          </>
        ) : null}
      </div>
      <fieldset>
        <legend>
          Deelnemende gemeenten ({gekozen.size} van {data.gemeenten.length})
        </legend>
        <div class="deelnemers">
          {zichtbaar.map((g) => (
            <label class="keuze" key={g.code}>
              <input
                type="checkbox"
                checked={gekozen.has(g.code)}
                onChange={(e) => {
                  const s = new Set(gekozen);
                  if (e.currentTarget.checked) s.add(g.code);
                  else s.delete(g.code);
                  zet(s);
                }}
              />
              {g.naam}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

function ReserveringVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'reservering' }>; id: string; update: Update }) {
  const zet = (ontvangers: typeof w.ontvangers) => update({ ...w, ontvangers });
  return (
    <fieldset>
      <legend>Vooraf gereserveerde bedragen</legend>
      {w.ontvangers.length === 0 && <p class="hint">Nog geen ontvangers.</p>}
      {w.ontvangers.map((o, k) => (
        <div class="rij" key={k}>
          <TekstVeld id={`${id}-r${k}-naam`} label="Ontvanger" waarde={o.naam} bijWijziging={(v) => zet(w.ontvangers.map((x, j) => (j === k ? { ...x, naam: v } : x)))} />
          <GetalVeld
            id={`${id}-r${k}-bedrag`}
            label="Bedrag"
            eenheid="euro"
            waarde={o.bedrag}
            breedte="10rem"
            bijWijziging={(v) => zet(w.ontvangers.map((x, j) => (j === k ? { ...x, bedrag: v } : x)))}
          />
          <button type="button" class="knop knop--link" onClick={() => zet(w.ontvangers.filter((_, j) => j !== k))}>
            Verwijderen<span class="visually-hidden"> {o.naam}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        class="knop knop--secundair"
        onClick={() => {
          const used = new Set(w.ontvangers.map((o) => o.code));
          let n = w.ontvangers.length + 1;
          while (used.has(`reservering-${n}`)) n++;
          zet([...w.ontvangers, { code: `reservering-${n}`, naam: `Reservering ${n}`, bedrag: '0' }]);
        }}
      >
        Ontvanger toevoegen
      </button>
    </fieldset>
  );
}

function TekstVeld({ id, label, waarde, bijWijziging }: { id: string; label: string; waarde: string; bijWijziging: (v: string) => string | null }) {
  const [tekst, setTekst] = useState(waarde);
  const [fout, setFout] = useState<string | null>(null);
  return (
    <div class={`veld${fout ? ' veld--fout' : ''}`}>
      <label for={id}>{label}</label>
      {fout && (
        <span class="veldfout" id={`${id}-fout`}>
          {fout}
        </span>
      )}
      <input
        id={id}
        type="text"
        value={tekst}
        aria-invalid={fout ? 'true' : undefined}
        aria-describedby={fout ? `${id}-fout` : undefined}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setTekst(v);
          setFout(v.trim() === '' ? 'vul een naam in' : bijWijziging(v.trim()));
        }}
      />
    </div>
  );
}
