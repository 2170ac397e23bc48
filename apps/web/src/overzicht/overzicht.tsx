import { Fragment } from 'preact';
import { useEffect } from 'preact/hooks';
import { STREAMS, formatDate, formatEuro, formatNumber, formatPercent, fraction, nationalOverview, yearRanges, type OverviewCell, type Status as StatusCode, type StreamId } from '@kansrijke-start/core';
import { baseAllocation, data } from '../scenario/state.js';
import { route, href } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { Status, StatusLegenda, euroTekst } from '../ui/status.js';
import { StaafGrafiek } from '../ui/grafiek.js';
import { STROOM_KLEUR } from '../ui/stromen.js';
import { BesluitMarker, BesluitMeldingen, besluitenBij, uniek } from '../ui/gegevens.js';
import { SnelZoeken } from '../gemeente/snel-zoeken.js';
import { CsvDownload } from '../ui/csv-download.js';
import { Bewijs } from '../ui/bewijs.js';
import { AlsCode } from '../ui/als-code.js';
import { tabellen } from '../ui/tabellen.js';

/** The national overview of the baseline, as the core builds it. */
const overzicht = nationalOverview(baseAllocation);
/** The pending decisions of each figure that runs (the notice is shown once, a mark on each figure). */
const besluitenVanCel = (c: OverviewCell) => (c.loopt ? besluitenBij([c.stroom], c.jaar) : []);
const besluiten = uniek(overzicht.jaren.flatMap((y) => y.cellen.map(besluitenVanCel)));
const statussen = [...new Set(overzicht.jaren.flatMap((y) => y.cellen.flatMap((c) => [c.status, c.bronStatus])).filter((s): s is StatusCode => s !== null))];

/**
 * An axis label in millions of euros with at most one decimal ("€ 12,5 mln"), by the core's
 * formatting rather than `toLocaleString`, whose first use loads the locale's number data (some
 * milliseconds of the first render). A tick is a whole number of cents here.
 */
const miljoen = (v: number) => (v === 0 ? '€ 0' : `€ ${formatNumber(fraction(BigInt(Math.round(v)), 100_000_000n), 1)} mln`);

/** Over how many municipalities the baseline divides a stream, per year: the division of each year (342, and 341 after the planned merger). */
function verdeeldOver(stroom: StreamId): string {
  const perAantal = new Map<number, number[]>();
  for (const r of baseAllocation.resultaten) {
    if (r.stroom !== stroom || r.verdeling === null) continue;
    const n = r.indeling.gemeenten.length;
    perAantal.set(n, [...(perAantal.get(n) ?? []), r.jaar]);
  }
  const delen = [...perAantal].map(([n, jaren]) => `${n} gemeenten in ${yearRanges(jaren)}`);
  return `Verdeeld met de Brede SPUK-sleutel over de gemeenten van elk jaar: ${delen.join(', ')}.`;
}

export function Overzicht() {
  const bron = route.value.query.get('bron');
  useEffect(() => {
    if (!bron) return;
    const el = document.getElementById(`bron-${bron}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [bron]);

  return (
    <>
      <Kop1 titel="Overzicht">Landelijke budgetten Kansrijke Start 2019-2030</Kop1>
      <p class="nl-paragraph inleiding nl-paragraph--lead">
        Hoeveel geld het Rijk per jaar beschikbaar stelt voor Kansrijke Start, per financieringsstroom. Elk bedrag heeft een status
        en een bron. Een onbekend bedrag telt nergens als nul mee.
      </p>
      <SnelZoeken />
      <BesluitMeldingen besluiten={besluiten} />
      {baseAllocation.waarschuwingen.map((w) => (
        <div class="utrecht-alert utrecht-alert--warning" key={w}>
          <div class="utrecht-alert__message">
            <p class="nl-paragraph">{w}</p>
          </div>
        </div>
      ))}

      <div class="tabel-wrap" role="region" aria-labelledby="tabel-overzicht-titel" tabIndex={0}>
        <table id="tabel-overzicht" class="utrecht-table tabel-overzicht">
          <caption class="utrecht-table__caption" id="tabel-overzicht-titel">Te verdelen bedrag per stroom en jaar (na korting en indexatie), in euro</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Jaar</th>
              {STREAMS.map((s) => (
                <th scope="col" class="utrecht-table__header-cell num" key={s.id}>
                  {s.naam}
                </th>
              ))}
              <th scope="col" class="utrecht-table__header-cell num">
                Totaal bekend
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {overzicht.jaren.map((y) => (
              <tr class="utrecht-table__row" key={y.jaar}>
                <th class="utrecht-table__header-cell" scope="row">{y.jaar}</th>
                {y.cellen.map((c) => (
                  <OverzichtCel c={c} key={c.stroom} />
                ))}
                <td class="utrecht-table__cell num">
                  {formatEuro(y.totaal, 'auto')}
                  {y.bronTotaal !== y.totaal && <span class="klein gedempt cel-status">in de bronnen <span class="geen-afbreking">{formatEuro(y.bronTotaal, 'auto')}</span></span>}
                  {y.onbekend && <span class="klein gedempt cel-status">+ onbekende bedragen</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvDownload label="Tabel als CSV" bestand="landelijk-per-jaar.csv" tabel={async () => (await tabellen()).overviewYearTable(overzicht)} allocations={[baseAllocation]} namen={['Basis']} />
      <StatusLegenda statussen={statussen} />
      <Bewijs allocations={[baseAllocation]} namen={['Basis']} />
      <AlsCode view={{ view: 'overzicht' }} scenarios={[]} />

      <StaafGrafiek
        id="grafiek-overzicht"
        titel="Beschikbaar bedrag per jaar, gestapeld per stroom"
        beschrijving="Staafdiagram van de bedragen in de tabel hierboven. Onbekende bedragen zijn niet getekend."
        categorieen={overzicht.jaren.map((y) => String(y.jaar))}
        reeksen={STREAMS.map((s, k) => ({ naam: s.naam, kleur: STROOM_KLEUR[s.id], waarden: overzicht.jaren.map((y) => y.cellen[k]!.bedrag) }))}
        asLabel={miljoen}
        csv={{
          bestand: 'landelijk-per-jaar-grafiek.csv',
          tabel: async () =>
            (await tabellen()).chartTable(
              'Grafiek landelijk',
              { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
              overzicht.jaren.map((y) => String(y.jaar)),
              STREAMS.map((s, k) => ({ id: s.id, naam: s.naam, soort: 'euro', waarden: overzicht.jaren.map((y) => y.cellen[k]!.bedrag) })),
            ),
          allocations: [baseAllocation],
          namen: ['Basis'],
        }}
      />

      <h2 class="nl-heading nl-heading--level-2" id="bronnen">Bronnen</h2>
      <ol class="bronnen">
        {overzicht.bronnen.map((b) => (
          <li key={b.tekst} id={`bron-${b.nummer}`} tabIndex={-1} class={bron === String(b.nummer) ? 'gemarkeerd' : undefined}>
            {b.url ? (
              <a class="nl-link" href={b.url} target="_blank" rel="noopener">
                {b.tekst}
                <span class="visually-hidden"> (opent in een nieuw venster)</span>
              </a>
            ) : (
              b.tekst
            )}
            {/* A source that cites more documents: a link to each further one that has an address. */}
            {b.documenten
              .filter((d) => d.url !== null && d.url !== b.url)
              .map((d) => (
                <span key={d.url}>
                  {'; '}
                  <a class="nl-link" href={d.url!} target="_blank" rel="noopener">
                    {d.titel}
                    <span class="visually-hidden"> (opent in een nieuw venster)</span>
                  </a>
                </span>
              ))}
            {b.stand && <span class="bron-stand"> (stand {formatDate(b.stand)})</span>}{' '}
            <span class="gedempt klein">(gebruikt voor: {[...b.gebruikt].join('; ')})</span>
          </li>
        ))}
      </ol>

      <h2 class="nl-heading nl-heading--level-2">De stromen</h2>
      {STREAMS.map((s) => {
        // Identical notes of several years are shown once, with their years.
        const toelichtingen = new Map<string, string[]>();
        for (const r of data.landelijkeBudgetten) {
          if (r.stroom === s.id && r.toelichting) toelichtingen.set(r.toelichting, [...(toelichtingen.get(r.toelichting) ?? []), String(r.jaar)]);
        }
        const eerste = data.landelijkeBudgetten.find((r) => r.stroom === s.id);
        return (
          <section key={s.id} aria-labelledby={`stroom-${s.id}`} class="paneel">
            <h3 class="nl-heading nl-heading--level-3" id={`stroom-${s.id}`}>{s.naam}</h3>
            <p class="nl-paragraph">{s.omschrijving}.</p>
            <dl class="gegevens">
              {eerste && (
                <>
                  <dt>Ontvangers</dt>
                  <dd>{eerste.ontvangers}</dd>
                  <dt>Verdeelsleutel</dt>
                  <dd>{eerste.sleutel}</dd>
                </>
              )}
              <dt>In deze rekenhulp</dt>
              <dd>{s.baseline.verdeling === 'landelijk' ? [s.baseline.reden, s.baseline.perGemeente && `${s.baseline.perGemeente}.`].filter(Boolean).join(' ') : verdeeldOver(s.id)}</dd>
            </dl>
            {toelichtingen.size > 0 && (
              <ul class="klein">
                {[...toelichtingen].map(([tekst, jaren]) => (
                  <li key={tekst}>
                    {jaren.join(', ')}: {tekst}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function OverzichtCel({ c }: { c: OverviewCell }) {
  if (!c.loopt) {
    return (
      <td class="utrecht-table__cell num gedempt">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">loopt niet in {c.jaar}</span>
      </td>
    );
  }
  const aangepast = c.bronbedrag !== null && c.bedrag !== null && c.bronbedrag !== c.bedrag;
  return (
    <td class="utrecht-table__cell num">
      {euroTekst(c.bedrag)}
      {aangepast && (
        <span class="klein gedempt cel-status cel-bron">
          in de bron <span class="geen-afbreking">{formatEuro(c.bronbedrag!, 'auto')}</span>
          {c.korting ? `, korting ${formatPercent(c.korting, 6)}` : ''}
        </span>
      )}
      {c.status && (
        <span class="cel-status">
          <Status status={c.status} />
        </span>
      )}
      {besluitenVanCel(c).length > 0 && (
        <span class="cel-status">
          <BesluitMarker besluiten={besluitenVanCel(c)} />
        </span>
      )}
      <span class="cel-status">
        {c.bronnen.map((b, i) => (
          <Fragment key={b}>
            {i > 0 && ' '}
            <a class="nl-link klein" href={href('overzicht', { bron: b })}>
              bron {b}
            </a>
          </Fragment>
        ))}
      </span>
    </td>
  );
}
