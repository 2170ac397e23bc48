import {
  REGION_KIND_NAMES,
  STREAMS,
  comparisonTable,
  compareRecipients,
  divisionOf,
  dividedStreamYears,
  membershipIn,
  regionTable,
  regionTotals,
  regionsOf,
  type Region,
  type RegionKind,
  type RegionSide,
  type RegionTotalRow,
  type StreamChoice,
  type StreamRef,
  type Status as StatusCode,
} from '@kansrijke-start/core';
import { data, heeftWijzigingen, scenario, vergeleken, vergelekenNamen } from '../scenario/state.js';
import { href, jaarUit, navigate, route } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { Status, StatusLegenda, StatusRedenen, euroTekst, perInwonerTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { stroomNaam } from '../ui/stromen.js';
import { BesluitMarker, BesluitMeldingen, besluitenBij, VANDAAG } from '../ui/gegevens.js';
import { CsvDownload } from '../ui/csv-download.js';
import { bestandsnaam } from '../ui/download.js';
import { JaarKeuze, StroomKeuze } from '../ui/keuzes.js';
import { BriefLaden } from '../brief/laden.js';
import { Bewijs } from '../ui/bewijs.js';
import { AlsCode } from '../ui/als-code.js';
import { tabellen } from '../ui/tabellen.js';

/**
 * What the municipalities of a GGD region or a province get together: `#/regio` lists the
 * regions, `#/regio/ggd/GG3606?jaar=2027&stroom=nu-niet-zwanger` shows one. Every figure,
 * status and reason comes from the core's region views.
 */

const SOORTEN: readonly RegionKind[] = ['ggd', 'provincie'];
const isSoort = (s: string | undefined): s is RegionKind => (SOORTEN as readonly string[]).includes(s ?? '');
const hoofdletter = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The year shown when the link names none: this year, when the product covers it. */
const STANDAARDJAAR = jaarUit(VANDAAG.slice(0, 4)) ?? 2026;

function stroomUit(tekst: string | null): StreamChoice {
  return STREAMS.some((s) => s.id === tekst) ? (tekst as StreamRef) : 'alle';
}

const regioHref = (soort: RegionKind, code: string | null, jaar: number, stroom: StreamChoice) =>
  href(code ? `regio/${soort}/${code}` : `regio/${soort}`, { jaar, stroom: stroom === 'alle' ? undefined : stroom });

export function RegioView() {
  const r = route.value;
  const soort = r.delen[0];
  const jaar = jaarUit(r.query.get('jaar')) ?? STANDAARDJAAR;
  const stroom = stroomUit(r.query.get('stroom'));
  if (!isSoort(soort)) return <RegioLijst jaar={jaar} stroom={stroom} onbekend={soort ?? null} />;
  const code = r.delen[1]?.toUpperCase();
  const regio = code ? regionsOf(data, soort).find((x) => x.code === code) : undefined;
  if (!regio) return <RegioLijst jaar={jaar} stroom={stroom} onbekend={code ?? null} soort={soort} />;
  if (regio.soort === 'ggd' && r.delen[2] === 'brief') {
    return <BriefLaden soort="ggd" code={regio.code} terug={{ href: regioHref(regio.soort, regio.code, jaar, stroom), tekst: `Terug naar ${regio.naam}` }} />;
  }
  return <Regio regio={regio} jaar={jaar} stroom={stroom} />;
}

function RegioLijst({ jaar, stroom, onbekend, soort }: { jaar: number; stroom: StreamChoice; onbekend: string | null; soort?: RegionKind }) {
  const soorten = soort ? [soort] : SOORTEN;
  return (
    <>
      <Kop1 titel="Regio's">Wat krijgen de gemeenten van een regio samen?</Kop1>
      {onbekend && (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__message">
            <p class="nl-paragraph">“{onbekend.slice(0, 40)}” is geen GGD-regio of provincie. Kies hieronder een regio.</p>
          </div>
        </div>
      )}
      <p class="nl-paragraph inleiding nl-paragraph--lead">
        Het totaal van een GGD-regio of provincie is de som van de bedragen van haar gemeenten, per stroom en jaar. Het regionale deel van
        een stroom gaat naar de {data.izaRegios.length} IZA-regio's en telt hier niet mee; u vindt het bij de gemeenten en in de
        vergelijking van uw scenario.
      </p>
      <div class="kolommen-2">
        {soorten.map((s) => {
          const regios = regionsOf(data, s);
          return (
            <section key={s} aria-labelledby={`lijst-${s}`}>
              <h2 class="nl-heading nl-heading--level-2" id={`lijst-${s}`}>
                {hoofdletter(REGION_KIND_NAMES[s].meer)} ({regios.length})
              </h2>
              <ul class="regiolijst">
                {regios.map((x) => (
                  <li key={x.code}>
                    <a class="nl-link" href={regioHref(s, x.code, jaar, stroom)}>{x.naam}</a> <span class="gedempt klein">({x.code})</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}

/** The year's division of the current scenario (which applies, or not, the planned mergers). */
const indelingVan = (jaar: number) => vergeleken.value.at(-1)!.resultaten.find((r) => r.jaar === jaar)?.indeling ?? divisionOf(data, jaar, scenario.value.herindelingen);

/** The core's total of this region for a stream (or all streams) in a year. */
const totaalVan = (regio: Region, jaar: number, stroom: StreamChoice): RegionTotalRow | undefined =>
  regionTotals(data, vergeleken.value, { soort: regio.soort, jaar, stroom }).find((x) => x.code === regio.code);

/** The streams of a year whose figures are shown: the chosen one, or every stream divided over municipalities that year. */
function stromenVan(jaar: number, stroom: StreamChoice): StreamRef[] {
  const verdeeld = dividedStreamYears(vergeleken.value)
    .filter((k) => k.jaar === jaar)
    .map((k) => k.stroom);
  return stroom === 'alle' ? verdeeld : verdeeld.filter((s) => s === stroom);
}

function Regio({ regio, jaar, stroom }: { regio: Region; jaar: number; stroom: StreamChoice }) {
  const soortNaam = REGION_KIND_NAMES[regio.soort].een;
  const scenarioActief = heeftWijzigingen.value;
  const totaal = totaalVan(regio, jaar, stroom);
  const stromen = stromenVan(jaar, stroom);
  const besluiten = besluitenBij(stromen, jaar);
  const keuzeNaam = stroom === 'alle' ? 'alle stromen samen' : stroomNaam(stroom);
  const verdeeld = totaal?.zijden.some((z) => z.aanwezig) ?? false;
  return (
    <>
      <nav class="kruimelpad" aria-label="Kruimelpad">
        <ol>
          <li>
            <a class="nl-link" href={regioHref(regio.soort, null, jaar, stroom)}>{hoofdletter(REGION_KIND_NAMES[regio.soort].meer)}</a>
          </li>
          <li aria-current="page">{regio.naam}</li>
        </ol>
      </nav>
      <Kop1 titel={`${regio.naam} (${soortNaam})`}>{regio.naam}</Kop1>
      <p class="nl-paragraph inleiding nl-paragraph--lead">
        Wat de gemeenten van {soortNaam} {regio.naam} samen krijgen, en elke gemeente apart
        {scenarioActief ? ': de basis en uw scenario' : ''}.
      </p>
      {regio.soort === 'ggd' && (
        <p class="nl-paragraph geen-afdruk">
          <a class="nl-link" href={href(`regio/ggd/${regio.code}/brief`)}>
            Brief voor deze regio (afdrukken of PDF)
          </a>
        </p>
      )}
      <RegioKeuzes regio={regio} jaar={jaar} stroom={stroom} />
      <BesluitMeldingen besluiten={besluiten} />
      {!totaal || !verdeeld ? (
        <p class="nl-paragraph" id="regio-niet-verdeeld">
          In {jaar} wordt {stroom === 'alle' ? 'geen enkele stroom' : `${keuzeNaam} niet`} over gemeenten verdeeld; er is dus geen totaal
          voor {regio.naam}.
        </p>
      ) : (
        <>
          <RegioTotaal rij={totaal} jaar={jaar} keuzeNaam={keuzeNaam} scenarioActief={scenarioActief} markeer={besluiten.length > 0} />
          <PerStroom regio={regio} jaar={jaar} stromen={stromen} scenarioActief={scenarioActief} />
          <Gemeenten regio={regio} jaar={jaar} stroom={stroom} keuzeNaam={keuzeNaam} totaal={totaal} scenarioActief={scenarioActief} markeer={besluiten.length > 0} />
        </>
      )}
      <Indeling regio={regio} jaar={jaar} />
      <Bewijs allocations={vergeleken.value.slice(0, 2)} namen={vergelekenNamen.value.slice(0, 2)} />
      <AlsCode view={{ view: 'regio', regio: { soort: regio.soort, code: regio.code }, jaar, stroom: stroom === 'alle' ? null : stroom }} scenarios={vergeleken.value.slice(1, 2).map((a) => a.scenario)} />
    </>
  );
}

function RegioKeuzes({ regio, jaar, stroom }: { regio: Region; jaar: number; stroom: StreamChoice }) {
  const ga = (soort: RegionKind, code: string | null, j: number, s: StreamChoice) => navigate(regioHref(soort, code, j, s), { replace: true });
  return (
    <div class="filters regio-keuzes">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="regio-soort">Soort regio</label>
        <select class="utrecht-select utrecht-select--html-select" id="regio-soort" value={regio.soort} onChange={(e) => ga(e.currentTarget.value as RegionKind, regionsOf(data, e.currentTarget.value as RegionKind)[0]!.code, jaar, stroom)}>
          {SOORTEN.map((s) => (
            <option key={s} value={s}>
              {hoofdletter(REGION_KIND_NAMES[s].een)}
            </option>
          ))}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="regio-code">{hoofdletter(REGION_KIND_NAMES[regio.soort].een)}</label>
        <select class="utrecht-select utrecht-select--html-select" id="regio-code" value={regio.code} onChange={(e) => ga(regio.soort, e.currentTarget.value, jaar, stroom)}>
          {regionsOf(data, regio.soort).map((x) => (
            <option key={x.code} value={x.code}>
              {x.naam}
            </option>
          ))}
        </select>
      </div>
      <JaarKeuze id="regio-jaar" waarde={jaar} kies={(j) => ga(regio.soort, regio.code, j ?? jaar, stroom)} />
      <StroomKeuze id="regio-stroom" stromen={STREAMS} waarde={stroom} kies={(s) => ga(regio.soort, regio.code, jaar, s)} />
    </div>
  );
}

/** One side of a region total: the amount, or '–' when the stream is not divided over municipalities there. */
const kant = (z: RegionSide): string => (z.aanwezig ? euroTekst(z.bedrag) : '–');
const zichtbaar = (rij: RegionTotalRow): RegionSide => rij.zijden.at(-1)!.aanwezig ? rij.zijden.at(-1)! : rij.zijden[0]!;

function StatusMetReden({ z, markeer }: { z: RegionSide; markeer: readonly ReturnType<typeof besluitenBij>[number][] }) {
  if (!z.aanwezig || !z.status) return null;
  return (
    <>
      <Status status={z.status} />
      <BesluitMarker besluiten={markeer} />
      <StatusRedenen status={z.status} redenen={z.redenen} />
    </>
  );
}

function RegioTotaal({ rij, jaar, keuzeNaam, scenarioActief, markeer }: { rij: RegionTotalRow; jaar: number; keuzeNaam: string; scenarioActief: boolean; markeer: boolean }) {
  const namen = vergelekenNamen.value;
  const besluiten = markeer ? besluitenBij(rij.stroom === 'alle' ? stromenVan(jaar, 'alle') : [rij.stroom], jaar) : [];
  return (
    <div class="kaarten" id="regio-totaal">
      {rij.zijden.map((z, k) => (
        <div class="kaart" key={k}>
          <p class="nl-paragraph kaart__label">
            {rij.naam}, {keuzeNaam}, {jaar}
            {scenarioActief ? ` (${namen[k]})` : ''}: {rij.gemeenten.length} gemeenten samen
          </p>
          <p class="nl-paragraph kaart__waarde" data-kolom={k === 0 ? 'basis' : 'scenario'}>
            {kant(z)}
          </p>
          <StatusMetReden z={z} markeer={besluiten} />
        </div>
      ))}
      {scenarioActief && rij.verschillen[0] && (
        <div class="kaart">
          <p class="nl-paragraph kaart__label">Verschil</p>
          <p class={`nl-paragraph kaart__waarde${verschilKlasse(rij.verschillen[0].verschil)}`}>{verschilTekst(rij.verschillen[0].verschil)}</p>
        </div>
      )}
    </div>
  );
}

/** The region's total per stream in the year, and of all streams together. */
function PerStroom({ regio, jaar, stromen, scenarioActief }: { regio: Region; jaar: number; stromen: readonly StreamRef[]; scenarioActief: boolean }) {
  const rijen = stromen.map((s) => totaalVan(regio, jaar, s)).filter((x): x is RegionTotalRow => x !== undefined);
  const alle = stromen.length > 1 ? totaalVan(regio, jaar, 'alle') : undefined;
  const namen = vergelekenNamen.value;
  const bestand = `${bestandsnaam(regio.naam)}-${jaar}-per-stroom.csv`;
  const statussen = [...new Set([...rijen, ...(alle ? [alle] : [])].map((x) => zichtbaar(x).status).filter((s): s is StatusCode => s !== null))];
  return (
    <section aria-labelledby="regio-per-stroom-titel">
      <h2 class="nl-heading nl-heading--level-2" id="regio-per-stroom-titel">Totaal per stroom, {jaar}</h2>
      <div class="tabel-wrap" role="region" aria-labelledby="tabel-regio-stromen-titel" tabIndex={0}>
        <table class="utrecht-table" id="tabel-regio-stromen">
          <caption class="utrecht-table__caption" id="tabel-regio-stromen-titel">
            Wat de gemeenten van {regio.naam} samen krijgen per stroom in {jaar}, in euro
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Stroom</th>
              <th scope="col" class="utrecht-table__header-cell num">
                {scenarioActief ? namen[0] : 'Bedrag'}
              </th>
              {scenarioActief && (
                <>
                  <th scope="col" class="utrecht-table__header-cell num">
                    {namen[1]}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell num">
                    Verschil
                  </th>
                </>
              )}
              <th class="utrecht-table__header-cell" scope="col">Status</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rijen.map((x) => (
              <tr class="utrecht-table__row" key={String(x.stroom)} data-stroom={x.stroom}>
                <th class="utrecht-table__header-cell" scope="row">{stroomNaam(x.stroom as StreamRef)}</th>
                <td class="utrecht-table__cell num">{kant(x.zijden[0]!)}</td>
                {scenarioActief && (
                  <>
                    <td class="utrecht-table__cell num">{kant(x.zijden[1]!)}</td>
                    <td class={`utrecht-table__cell num${verschilKlasse(x.verschillen[0]!.verschil)}`}>{verschilTekst(x.verschillen[0]!.verschil)}</td>
                  </>
                )}
                <td class="utrecht-table__cell">
                  <StatusMetReden z={zichtbaar(x)} markeer={besluitenBij([x.stroom as StreamRef], jaar)} />
                </td>
              </tr>
            ))}
          </tbody>
          {alle && (
            <tfoot class="utrecht-table__footer">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">Alle stromen samen</th>
                <td class="utrecht-table__cell num">{kant(alle.zijden[0]!)}</td>
                {scenarioActief && (
                  <>
                    <td class="utrecht-table__cell num">{kant(alle.zijden[1]!)}</td>
                    <td class={`utrecht-table__cell num${verschilKlasse(alle.verschillen[0]!.verschil)}`}>{verschilTekst(alle.verschillen[0]!.verschil)}</td>
                  </>
                )}
                <td class="utrecht-table__cell">{zichtbaar(alle).status && <Status status={zichtbaar(alle).status!} />}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <CsvDownload
        label="Totalen per stroom (CSV)"
        bestand={bestand}
        allocations={vergeleken.value}
        namen={namen}
        tabel={() => regionTable(data, vergeleken.value, namen, { soort: regio.soort, van: jaar, tot: jaar, stroom: stromen.length === 1 ? stromen[0]! : null, code: regio.code })}
      />
      <StatusLegenda statussen={statussen} />
    </section>
  );
}

function Gemeenten({
  regio,
  jaar,
  stroom,
  keuzeNaam,
  totaal,
  scenarioActief,
  markeer,
}: {
  regio: Region;
  jaar: number;
  stroom: StreamChoice;
  keuzeNaam: string;
  totaal: RegionTotalRow;
  scenarioActief: boolean;
  markeer: boolean;
}) {
  const rows = compareRecipients(data, vergeleken.value, { jaar, stroom, regio: { soort: regio.soort, code: regio.code } });
  const namen = vergelekenNamen.value;
  const besluiten = markeer ? besluitenBij(stromenVan(jaar, stroom), jaar) : [];
  const bestand = `${bestandsnaam(regio.naam)}-${jaar}-${stroom}-gemeenten.csv`;
  const statussen = [...new Set([...rows.map((x) => x.zijden.at(-1)!.status ?? x.zijden[0]!.status), zichtbaar(totaal).status].filter((s): s is StatusCode => s !== null))];
  return (
    <section aria-labelledby="regio-gemeenten-titel">
      <h2 class="nl-heading nl-heading--level-2" id="regio-gemeenten-titel">
        De {rows.length} gemeenten van {regio.naam}
      </h2>
      <div class="tabel-wrap" role="region" aria-labelledby="tabel-regio-gemeenten-titel" tabIndex={0}>
        <table class="utrecht-table" id="tabel-regio-gemeenten">
          <caption class="utrecht-table__caption" id="tabel-regio-gemeenten-titel">
            Bedrag per gemeente van {regio.naam}, {keuzeNaam}, {jaar}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Gemeente</th>
              <th scope="col" class="utrecht-table__header-cell num">
                {scenarioActief ? namen[0] : 'Bedrag'}
              </th>
              {scenarioActief && (
                <>
                  <th scope="col" class="utrecht-table__header-cell num">
                    {namen[1]}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell num">
                    Verschil
                  </th>
                </>
              )}
              <th scope="col" class="utrecht-table__header-cell num">
                Per inwoner
              </th>
              <th class="utrecht-table__header-cell" scope="col">Status</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((x) => {
              const z = x.zijden.at(-1)!.aanwezig ? x.zijden.at(-1)! : x.zijden[0]!;
              return (
                <tr class="utrecht-table__row" key={x.ontvanger} data-code={x.ontvanger}>
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="nl-link" href={href(`gemeente/${x.ontvanger}`, { jaar })}>{x.naam}</a>
                  </th>
                  <td class="utrecht-table__cell num">{x.zijden[0]!.aanwezig ? euroTekst(x.zijden[0]!.bedrag) : '–'}</td>
                  {scenarioActief && (
                    <>
                      <td class="utrecht-table__cell num">{x.zijden[1]!.aanwezig ? euroTekst(x.zijden[1]!.bedrag) : '–'}</td>
                      <td class={`utrecht-table__cell num${verschilKlasse(x.verschillen[0]!.verschil)}`}>{verschilTekst(x.verschillen[0]!.verschil)}</td>
                    </>
                  )}
                  <td class="utrecht-table__cell num">{perInwonerTekst(z.bedrag, x.inwoners)}</td>
                  <td class="utrecht-table__cell">
                    {z.status && <Status status={z.status} />}
                    <BesluitMarker besluiten={besluiten} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot class="utrecht-table__footer">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">Totaal {regio.naam}</th>
              <td class="utrecht-table__cell num" data-kolom="totaal">
                {kant(totaal.zijden[0]!)}
              </td>
              {scenarioActief && (
                <>
                  <td class="utrecht-table__cell num">{kant(totaal.zijden[1]!)}</td>
                  <td class={`utrecht-table__cell num${verschilKlasse(totaal.verschillen[0]!.verschil)}`}>{verschilTekst(totaal.verschillen[0]!.verschil)}</td>
                </>
              )}
              <td class="utrecht-table__cell" />
              <td class="utrecht-table__cell">{zichtbaar(totaal).status && <Status status={zichtbaar(totaal).status!} />}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <CsvDownload
        label="Gemeenten (CSV)"
        bestand={bestand}
        allocations={vergeleken.value}
        namen={namen}
        tabel={() => comparisonTable(data, vergeleken.value, namen, { van: jaar, tot: jaar, stroom: stroom === 'alle' ? null : stroom, regio: { soort: regio.soort, code: regio.code } })}
      />
      <CsvDownload
        label="Tabel zoals getoond (CSV)"
        bestand={bestand.replace(/\.csv$/, '-getoond.csv')}
        allocations={vergeleken.value}
        namen={namen}
        tabel={async () => (await tabellen()).recipientRowsTable(rows, namen, { jaar, stroom })}
      />
      <p class="nl-paragraph klein">
        “Gemeenten (CSV)” is het bestand dat <code>ks-budget regio</code> geeft: een regel per gemeente en stroom. “Tabel zoals getoond” heeft
        precies de regels van deze tabel.
      </p>
      <StatusLegenda statussen={statussen} />
    </section>
  );
}

/** How the membership of the region is derived, its source, and why it is uncertain for this region. */
function Indeling({ regio, jaar }: { regio: Region; jaar: number }) {
  const indeling = indelingVan(jaar);
  const m = membershipIn(data, indeling, regio.soort);
  const redenen = m.redenen.get(regio.code) ?? [];
  return (
    <section aria-labelledby="regio-indeling-titel" class="paneel" id="regio-indeling">
      <h2 class="nl-heading nl-heading--level-2" id="regio-indeling-titel">Welke gemeenten bij {regio.naam} horen</h2>
      <p class="nl-paragraph">{m.toelichting}</p>
      <p class="nl-paragraph klein">
        Herkomst: {m.bron}. Indeling van de gemeenten: {indeling.naam}.
      </p>
      {redenen.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning">
          <div class="utrecht-alert__message">
            <h3 class="nl-heading nl-heading--level-3">Onzeker voor deze regio</h3>
            <ul>
              {redenen.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
