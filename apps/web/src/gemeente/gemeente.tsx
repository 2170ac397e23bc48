import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  findMunicipality,
  meantMunicipalities,
  formatNumber,
  inhabitants,
  regionOfMunicipality,
  recipientView,
  recipientCard,
  type Allocation,
  type CardRow,
  type StreamRef,
  type Municipality,
  type RecipientViewRow,
  type RecipientViewSide,
  type RecipientView,
  type RecipientYearTotal,
  type Status as StatusCode,
  yearTotalText,
} from '@kansrijke-start/core';
import { data, gemeenteByCode, scenario, vergeleken, vergelekenNamen } from '../scenario/state.js';
import { href, jaarUit, navigate, route } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { Status, StatusLegenda, StatusRedenen, euroTekst, perInwonerTekst, procentTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { stroomNaam } from '../ui/stromen.js';
import { Uitleg } from './uitleg.js';
import { KaartGrafiek, KaartMaatstaven, KaartOverzicht, Maatstaven, uniekeNamen } from './kaart.js';
import { BesluitMarker, BesluitMeldingen, besluitenBij, uniek } from '../ui/gegevens.js';
import { JaarKeuze } from '../ui/keuzes.js';
import { BriefLaden } from '../brief/laden.js';
import { CsvDownload } from '../ui/csv-download.js';
import { Bewijs } from '../ui/bewijs.js';
import { AlsCode } from '../ui/als-code.js';
import { tabellen } from '../ui/tabellen.js';
import { gemeenteHref, viaOtherName } from './snel-zoeken.js';


export function GemeenteView() {
  const r = route.value;
  const code = r.delen[0];
  if (!code) return <Zoeken begin={(r.query.get('zoek') ?? '').slice(0, 100)} />;
  const g = gemeenteByCode.get(code.toUpperCase());
  if (!g) return <Onbekend code={code} />;
  return r.delen[1] === 'afdruk' ? <Afdruk g={g} /> : <Gemeente g={g} />;
}

/** The lookup options for a year: the division of that year, with or without the planned mergers as the scenario says. */
const zoekOpties = (limit: number, jaar: number | null) => (jaar === null ? { limit } : { limit, jaar, herindelingen: scenario.value.herindelingen });

/**
 * The note for a municipality reached through a former municipality: derived by the app from
 * the query in the link (a former name or code), never taken from the link as text.
 */
function viaToelichting(query: string | null, code: string, jaar: number | null): string | null {
  if (!query) return null;
  return findMunicipality(data, query.slice(0, 100), zoekOpties(20, jaar)).find((m) => m.gemeente.code === code && viaOtherName(m.via))?.toelichting ?? null;
}

function Zoeken({ begin = '' }: { begin?: string }) {
  const [q, setQ] = useState(begin);
  const [jaar, setJaar] = useState<number | null>(() => jaarUit(route.value.query.get('jaar')));
  const matches = q.trim() ? findMunicipality(data, q, zoekOpties(12, jaar)) : [];
  // The query for which the user pressed Enter while it fits several municipalities.
  const [kiezen, setKiezen] = useState<string | null>(null);
  return (
    <>
      <Kop1 titel="Mijn gemeente">Wat krijgt mijn gemeente?</Kop1>
      <p class="nl-paragraph inleiding nl-paragraph--lead">
        Zoek uw gemeente op naam of code (bijvoorbeeld <i>Utrecht</i> of <i>GM0344</i>). Ook een voormalige gemeente vindt u: u komt
        dan bij de gemeente waarin die is opgegaan.
      </p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          // Straight on only when the query certainly means one municipality; otherwise the list is the choice.
          const meant = meantMunicipalities(matches);
          if (meant?.length === 1) navigate(gemeenteHref(meant[0]!.gemeente.code, q.trim(), viaOtherName(meant[0]!.via), jaar));
          else if (matches.length > 0) {
            setKiezen(q.trim());
            document.querySelector<HTMLAnchorElement>('.zoekresultaten a')?.focus();
          }
        }}
      >
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="zoek-gemeente">
            Gemeente
            <span class="utrecht-form-field-description">Naam, gemeentecode of naam van een voormalige gemeente</span>
          </label>
          <div class="rij">
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="zoek-gemeente"
              type="search"
              autocomplete="off"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
              aria-describedby="zoek-aantal"
              size={32}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              Zoeken
            </button>
          </div>
        </div>
        <JaarKeuze id="zoek-jaar" waarde={jaar} kies={setJaar} alleJaren hint="Zoekt in de indeling van dat jaar, dus na een geplande herindeling" />
      </form>
      <p id="zoek-aantal" class="nl-paragraph visually-hidden" aria-live="polite">
        {q.trim() ? `${matches.length} ${matches.length === 1 ? 'gemeente' : 'gemeenten'} gevonden` : ''}
      </p>
      {q.trim() && matches.length === 0 && <p class="nl-paragraph">Geen gemeente gevonden bij “{q}”. Controleer de spelling of zoek op code.</p>}
      {matches.length > 1 && kiezen === q.trim() && (
        <p class="nl-paragraph" id="zoek-kiezen">
          Meer dan één gemeente past bij “{kiezen}”. Kies hieronder de gemeente die u bedoelt.
        </p>
      )}
      {matches.length > 0 && (
        <ul class="zoekresultaten" aria-label="Gevonden gemeenten">
          {matches.map((m) => (
            <li key={m.gemeente.code + m.via}>
              <a class="nl-link" href={gemeenteHref(m.gemeente.code, q.trim(), viaOtherName(m.via), jaar)}>{m.gemeente.naam}</a>{' '}
              <span class="gedempt">
                ({m.gemeente.code}, {m.gemeente.provincie})
              </span>
              {m.toelichting && <div class="klein">{m.toelichting}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Onbekend({ code }: { code: string }) {
  const matches = findMunicipality(data, code.slice(0, 100), { limit: 5 });
  return (
    <>
      <Kop1 titel="Gemeente niet gevonden">Gemeente niet gevonden</Kop1>
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <div class="utrecht-alert__message">
          <p class="nl-paragraph">
            {/^GM\d{4}$/i.test(code)
              ? `“${code}” is geen gemeente in de ${data.indeling.naam}.`
              : // A name in the address (#/gemeente/Amsterdam): the address wants a code, the name may well be a municipality.
                `Dit adres noemt “${code.slice(0, 40)}” waar een gemeentecode hoort (zoals GM0344).`}
          </p>
        </div>
      </div>
      {matches.length > 0 && (
        <>
          <p class="nl-paragraph">Bedoelt u:</p>
          <ul>
            {matches.map((m) => (
              <li key={m.gemeente.code}>
                <a class="nl-link" href={gemeenteHref(m.gemeente.code, code, viaOtherName(m.via))}>{m.gemeente.naam}</a>
                {m.toelichting && <span class="klein"> – {m.toelichting}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="nl-paragraph">
        <a class="nl-link" href={href('gemeente')}>Zoek een andere gemeente</a>
      </p>
    </>
  );
}

function Kenmerken({ g, v, jaar }: { g: Municipality; v: RecipientView; jaar: number | null }) {
  const basis = inhabitants(data).indicator;
  // The GGD region in the division of the chosen year (or of the base division).
  const ggd = regionOfMunicipality(data, 'ggd', g.code, jaar ?? data.indeling.tot, scenario.value.herindelingen);
  // The inhabitants per-inhabitant figures of the chosen year count (a successor: the sum of its parts).
  const samen = jaar === null ? null : (v.jaren.find((y) => y.jaar === jaar)?.totalen[0]?.inwoners ?? null);
  return (
    <dl class="gegevens">
      <dt>Gemeentecode</dt>
      <dd>{g.code}</dd>
      <dt>Provincie</dt>
      <dd>
        <a class="nl-link" href={href(`regio/provincie/${g.provincieCode}`, { jaar: jaar ?? undefined })}>{g.provincie}</a>
      </dd>
      {ggd && (
        <>
          <dt>GGD-regio</dt>
          <dd>
            <a class="nl-link" href={href(`regio/ggd/${ggd.code}`, { jaar: jaar ?? undefined })}>{ggd.naam}</a>
          </dd>
        </>
      )}
      <dt>Inwoners</dt>
      <dd>{v.inwoners !== null ? `${formatNumber(v.inwoners, 0)} (${basis.naam.toLowerCase()}, CBS)` : 'onbekend'}</dd>
      {samen !== null && samen !== v.inwoners && (
        <>
          <dt>Inwoners in {jaar}</dt>
          <dd>{formatNumber(samen, 0)}: met de gemeenten die er volgens de geplande herindeling bij komen (per inwoner telt dit aantal)</dd>
        </>
      )}
    </dl>
  );
}

/** The baseline, and the scenario when it changes anything: the core's view of the municipality. */
function view(code: string): RecipientView {
  return recipientView(data, vergeleken.value, code);
}


function omschrijving(r: RecipientViewRow): string {
  const naam = stroomNaam(r.stroom);
  return r.rol === 'mandaatgemeente' ? `${naam}: regionaal deel ${r.regio} (als mandaatgemeente)` : naam;
}

/** The amount of one side: the municipality's amount, "niet verdeeld", or '–' when the stream does not run. */
function bedragTekst(z: RecipientViewSide): string {
  if (!z.aanwezig) return '–';
  if (z.opgegaanIn) return `bij ${z.opgegaanIn.naam}`;
  return z.verdeeld ? euroTekst(z.bedrag) : 'niet verdeeld';
}

/** The amount of one side in the table; after a (planned) merger, a link to the municipality whose amount covers it. */
function BedragCel({ z, jaar }: { z: RecipientViewSide; jaar: number }) {
  if (z.aanwezig && z.opgegaanIn) return <a class="nl-link" href={href(`gemeente/${z.opgegaanIn.code}`, { jaar })}>bij {z.opgegaanIn.naam}</a>;
  return <>{bedragTekst(z)}</>;
}

/** The pending decisions of the figure of a row (only where an amount is shown). */
const besluitenVan = (rij: RecipientViewRow) => (rij.zijden.some((z) => z.verdeeld) ? besluitenBij([rij.stroom], rij.jaar) : []);

/**
 * When a (planned) merger takes the municipality into another in a year shown: the core's
 * sentence, and a link to that municipality's page for that year. With a scenario, per side.
 */
function Opgegaan({ v, jaren, namen }: { v: RecipientView; jaren: readonly number[]; namen: readonly string[] }) {
  const items: { jaar: number; kant: string; o: NonNullable<RecipientYearTotal['opgegaanIn']> }[] = [];
  const gezien = new Set<string>();
  for (const y of v.jaren) {
    if (!jaren.includes(y.jaar)) continue;
    y.totalen.forEach((t, k) => {
      const sleutel = `${k}|${t.opgegaanIn?.code}`;
      // Without a chosen year, the first year of each merger is enough.
      if (t.opgegaanIn && !(jaren.length > 1 && gezien.has(sleutel))) {
        gezien.add(sleutel);
        items.push({ jaar: y.jaar, kant: namen[k] ?? '', o: t.opgegaanIn });
      }
    });
  }
  if (items.length === 0) return null;
  return (
    <div class="utrecht-alert opgegaan" role="status">
      <div class="utrecht-alert__message">
        {items.map((i) => (
          <p class="nl-paragraph" key={`${i.jaar}|${i.kant}`}>
            {jaren.length > 1 ? `Vanaf ${i.jaar}` : `In ${i.jaar}`}
            {i.kant ? ` (${i.kant.toLowerCase()})` : ''}: {i.o.toelichting}{' '}
            <a class="nl-link" href={href(`gemeente/${i.o.code}`, { jaar: i.jaar })}>
              Naar {i.o.naam} in {i.jaar}
            </a>
          </p>
        ))}
      </div>
    </div>
  );
}


function totaalTekst(t: RecipientYearTotal): string {
  if (!t.verdeeld) return '–';
  return yearTotalText(t);
}

function statussenVan(v: RecipientView): StatusCode[] {
  return [...new Set(v.rijen.flatMap((r) => r.zijden.map((z) => z.status)).filter((s): s is StatusCode => s !== null))];
}

function Gemeente({ g }: { g: Municipality }) {
  const r = route.value;
  const gekozenJaar = jaarUit(r.query.get('jaar'));
  const via = viaToelichting(r.query.get('via'), g.code, gekozenJaar);
  const open = r.query.get('uitleg'); // `${stroom}|${jaar}|${ontvanger}`
  const allocations = vergeleken.value;
  const namen = uniekeNamen(vergelekenNamen.value);
  const scenarioActief = allocations.length > 1;
  const varianten = namen.slice(1);
  const v = view(g.code);
  const card = recipientCard(data, allocations, g.code, gekozenJaar === null ? {} : { jaren: [gekozenJaar] });
  const getoond = card.perJaar.map((y): [number, CardRow[]] => [y.jaar, card.rijen.filter((x) => x.jaar === y.jaar)]);
  const besluiten = uniek(getoond.flatMap(([, list]) => list.map(besluitenVan)));
  const [sleutelStroom, sleutelJaar] = (r.query.get('sleutel') ?? '').split('|');
  useEffect(() => {
    if (open) document.getElementById('uitleg-open')?.focus();
  }, [open]);

  /** The page's link with the given query changed (the rest kept). */
  const met = (wijzig: Record<string, string | undefined>) => {
    const q: Record<string, string | undefined> = {
      via: r.query.get('via') ?? undefined,
      jaar: r.query.get('jaar') ?? undefined,
      sleutel: r.query.get('sleutel') ?? undefined,
      uitleg: open ?? undefined,
      ...wijzig,
    };
    return href(`gemeente/${g.code}`, q);
  };
  const toggle = (sleutel: string) => navigate(met({ uitleg: open === sleutel ? undefined : sleutel }), { replace: true });
  const kiesJaar = (j: number | null) => navigate(href(`gemeente/${g.code}`, { via: r.query.get('via') ?? undefined, jaar: j ?? undefined }), { replace: true });
  const kiesSleutel = (stroom: StreamRef, jaar: number) => navigate(met({ sleutel: `${stroom}|${jaar}` }), { replace: true });
  const cols = 6 + varianten.length * 3;

  return (
    <>
      <nav class="kruimelpad" aria-label="Kruimelpad">
        <ol>
          <li>
            <a class="nl-link" href={href('gemeente')}>Mijn gemeente</a>
          </li>
          <li aria-current="page">{g.naam}</li>
        </ol>
      </nav>
      <Kop1 titel={`Gemeente ${g.naam}`}>Gemeente {g.naam}</Kop1>
      {via && (
        <div class="utrecht-alert" role="status">
          <div class="utrecht-alert__message">
            <p class="nl-paragraph">{via}</p>
          </div>
        </div>
      )}
      <Opgegaan v={v} jaren={getoond.map(([j]) => j)} namen={scenarioActief ? namen.map((n) => (n === 'Basis' ? 'In de basis' : `In ${n}`)) : ['']} />
      <Kenmerken g={g} v={v} jaar={gekozenJaar} />
      <p class="nl-paragraph">
        Wat {g.naam} krijgt per stroom en per jaar, in euro en in euro per inwoner, met het totaal over de getoonde jaren en de status van
        elk bedrag. Kies een bedrag of <i>Uitleg</i> om te lezen hoe het is berekend.
        {scenarioActief && ` Naast de basis staan ${varianten.join(' en ')}, met het verschil met de basis in euro en procent.`}
      </p>
      <p class="nl-paragraph geen-afdruk">
        <a class="nl-link" href={href(`gemeente/${g.code}/afdruk`)}>Brief voor deze gemeente (afdrukken of PDF)</a>
      </p>
      <div class="filters geen-afdruk">
        <JaarKeuze id="gemeente-jaar" waarde={gekozenJaar} kies={kiesJaar} alleJaren />
      </div>
      <BesluitMeldingen besluiten={besluiten} />
      <h2 class="nl-heading nl-heading--level-2" id="kaart-overzicht-kop">Overzicht</h2>
      <KaartOverzicht g={g} card={card} namen={namen} uitlegHref={(sleutel) => met({ uitleg: sleutel })} />
      <CsvDownload label="Overzicht als CSV" bestand={`${g.code}-overzicht${gekozenJaar === null ? '' : `-${gekozenJaar}`}.csv`} tabel={async () => (await tabellen()).cardTable(card, allocations, namen)} allocations={allocations} namen={namen} />
      <KaartGrafiek g={g} card={card} namen={namen} />
      <KaartMaatstaven
        g={g}
        card={card}
        allocations={allocations}
        namen={namen}
        stroom={(sleutelStroom as StreamRef | undefined) || null}
        jaar={jaarUit(sleutelJaar ?? null) ?? gekozenJaar}
        kies={kiesSleutel}
      />
      <h2 class="nl-heading nl-heading--level-2" id="tabel-gemeente-kop">Per bedrag, met uitleg</h2>
      <div class="tabel-wrap" role="region" aria-labelledby="tabel-gemeente-titel" tabIndex={0}>
        <table class="utrecht-table" id="tabel-gemeente">
          <caption class="utrecht-table__caption" id="tabel-gemeente-titel">
            Bedragen voor {g.naam} {gekozenJaar === null ? 'per jaar en stroom' : `in ${gekozenJaar} per stroom`}
            {scenarioActief ? `: ${namen.join(', ')}` : ''}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Jaar</th>
              <th class="utrecht-table__header-cell" scope="col">Stroom</th>
              <th scope="col" class="utrecht-table__header-cell num">
                {scenarioActief ? namen[0] : 'Bedrag'}
              </th>
              {varianten.map((naam, i) => (
                <Fragment key={i}>
                  <th scope="col" class="utrecht-table__header-cell num">
                    {naam}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell num">
                    Verschil<span class="visually-hidden"> {naam}</span>
                  </th>
                  <th scope="col" class="utrecht-table__header-cell num">
                    %<span class="visually-hidden"> verschil {naam}</span>
                  </th>
                </Fragment>
              ))}
              <th scope="col" class="utrecht-table__header-cell num">
                Per inwoner
              </th>
              <th class="utrecht-table__header-cell" scope="col">Status</th>
              <th class="utrecht-table__header-cell" scope="col">
                <span class="visually-hidden">Uitleg</span>
              </th>
            </tr>
          </thead>
          {getoond.map(([jaar, list]) => {
            const y = card.perJaar.find((x) => x.jaar === jaar)!;
            const totalen = y.totalen;
            const tb = totalen[0]!;
            const ts = totalen[totalen.length - 1]!;
            return (
              <tbody class="utrecht-table__body jaar-groep" key={jaar}>
                {list.map((rij) => {
                  const zb = rij.zijden[0]!;
                  const zs = rij.zijden[rij.zijden.length - 1]!;
                  const z = zs.aanwezig ? zs : zb;
                  const isOpen = open === rij.sleutel;
                  return (
                    <Fragment key={rij.sleutel}>
                      <tr class="utrecht-table__row">
                        <td class="utrecht-table__cell">{jaar}</td>
                        <th class="utrecht-table__header-cell" scope="row">{omschrijving(rij)}</th>
                        <td class="utrecht-table__cell num">
                          <BedragCel z={zb} jaar={jaar} />
                        </td>
                        {varianten.map((_, i) => {
                          const d = rij.verschillen[i]!;
                          return (
                            <Fragment key={i}>
                              <td class="utrecht-table__cell num">
                                <BedragCel z={rij.zijden[i + 1]!} jaar={jaar} />
                              </td>
                              <td class={`utrecht-table__cell num${verschilKlasse(d.verschil)}`}>{verschilTekst(d.verschil)}</td>
                              <td class="utrecht-table__cell num">{procentTekst(d.fractie)}</td>
                            </Fragment>
                          );
                        })}
                        <td class="utrecht-table__cell num">{rij.rol === 'mandaatgemeente' ? '–' : perInwonerTekst(z.bedrag, z.inwoners)}</td>
                        <td class="utrecht-table__cell">
                          {z.opgegaanIn ? (
                            <span class="klein">opgegaan in {z.opgegaanIn.naam} (gepland)</span>
                          ) : z.verdeeld && z.status ? (
                            <>
                              <Status status={z.status} />
                              <BesluitMarker besluiten={besluitenVan(rij)} />
                              <StatusRedenen status={z.status} redenen={z.redenen} />
                            </>
                          ) : (
                            <span class="klein">{z.landelijk === null ? 'landelijk bedrag onbekend' : 'niet over gemeenten verdeeld'}</span>
                          )}
                        </td>
                        <td class="utrecht-table__cell">
                          <button
                            type="button"
                            class="utrecht-button utrecht-button--subtle geen-afdruk"
                            aria-expanded={isOpen}
                            aria-controls={isOpen ? 'uitleg-open' : undefined}
                            onClick={() => toggle(rij.sleutel)}
                          >
                            Uitleg<span class="visually-hidden"> bij {omschrijving(rij)} {jaar}</span>
                          </button>
                        </td>
                      </tr>
                      {isOpen && (
                        <tr class="utrecht-table__row uitleg-rij">
                          <td class="utrecht-table__cell" colSpan={cols}>
                            <div id="uitleg-open" tabIndex={-1}>
                              <UitlegPaar rij={rij} allocations={allocations} namen={namen} />
                              {rij.zijden.some((x) => x.verdeeld) && (
                                <section class="paneel kaart__uitleg-sleutel" aria-label={`Maatstaven: ${omschrijving(rij)}, ${jaar}`}>
                                  <h3 class="nl-heading nl-heading--level-3">Maatstaven van de sleutel</h3>
                                  <Maatstaven g={g} allocations={allocations} namen={namen} stroom={rij.stroom} jaar={rij.jaar} ontvanger={rij.ontvanger} idPrefix="uitleg-maatstaven" />
                                </section>
                              )}
                            </div>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
                <tr class="utrecht-table__row jaar-totaal">
                  <td class="utrecht-table__cell">{jaar}</td>
                  <th class="utrecht-table__header-cell" scope="row">Totaal {jaar}</th>
                  <td class="utrecht-table__cell num">{totaalTekst(tb)}</td>
                  {varianten.map((_, i) => {
                    const t = totalen[i + 1]!;
                    const d = y.verschillen[i]!;
                    const zonder = tb.onbekend || t.onbekend || !(tb.verdeeld || t.verdeeld);
                    return (
                      <Fragment key={i}>
                        <td class="utrecht-table__cell num">{totaalTekst(t)}</td>
                        <td class={`utrecht-table__cell num${zonder ? '' : verschilKlasse(d.verschil)}`}>{zonder ? '–' : verschilTekst(d.verschil)}</td>
                        <td class="utrecht-table__cell num">{zonder ? '–' : procentTekst(d.fractie)}</td>
                      </Fragment>
                    );
                  })}
                  <td class="utrecht-table__cell num">{ts.perInwoner === null ? '–' : perInwonerTekst(ts.bedrag, ts.inwoners)}</td>
                  <td colSpan={2} class="utrecht-table__cell klein">
                    {ts.opgegaanIn
                      ? `bedragen bij ${ts.opgegaanIn.naam}`
                      : !tb.verdeeld
                        ? 'niets over gemeenten verdeeld'
                        : tb.onbekend ? 'met onbekende bedragen' : tb.nietVerdeeld ? 'zonder niet verdeelde stromen' : ''}
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      </div>
      <p class="nl-paragraph klein gedempt">
        “Niet verdeeld”: het landelijke bedrag van die stroom wordt niet over gemeenten verdeeld (de sleutel is onbekend of nog niet
        bepaald, of het geld is voor landelijke partijen). Kies Uitleg voor de reden.
      </p>
      <CsvDownload label="Bedragen als CSV" bestand={`${g.code}-bedragen${gekozenJaar === null ? '' : `-${gekozenJaar}`}.csv`} tabel={async () => (await tabellen()).cardRowsTable(card, allocations, namen)} allocations={allocations} namen={namen} />
      <StatusLegenda statussen={statussenVan(v)} />
      <Bewijs allocations={allocations} namen={namen} />
      <AlsCode view={{ view: 'gemeente', gemeente: g.code, jaar: gekozenJaar }} scenarios={allocations.slice(1).map((a) => a.scenario)} />
    </>
  );
}

function UitlegPaar({ rij, allocations, namen }: { rij: RecipientViewRow; allocations: readonly Allocation[]; namen: readonly string[] }) {
  const meer = allocations.length > 1;
  return (
    <>
      {allocations.map((a, k) => (
        <Uitleg
          key={k}
          allocation={a}
          stroom={rij.stroom}
          jaar={rij.jaar}
          ontvanger={rij.ontvanger}
          titel={`Uitleg${meer ? ` (${(namen[k] ?? '').toLowerCase() === 'basis' ? 'basis' : namen[k]})` : ''}: ${omschrijving(rij)}, ${rij.jaar}`}
        />
      ))}
    </>
  );
}

/** `#/gemeente/GMxxxx/afdruk`: the letter of the municipality, to print or save as PDF (loaded on first use). */
function Afdruk({ g }: { g: Municipality }) {
  return <BriefLaden soort="gemeente" code={g.code} terug={{ href: href(`gemeente/${g.code}`), tekst: `Terug naar ${g.naam}` }} />;
}
