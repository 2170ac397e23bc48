import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { findMunicipality, formatNumber, STREAM_IDS, type Municipality } from '@kansrijke-start/core';
import { allocation, baseAllocation, data, gemeenteByCode, heeftWijzigingen, inwoners } from '../scenario/state.js';
import { href, navigate, route } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { Status, euroTekst, perInwonerTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { stroomNaam } from '../ui/stromen.js';
import { gemeenteRegels, type GemeenteRegel } from './regels.js';
import { Uitleg } from './uitleg.js';

export function GemeenteView() {
  const r = route.value;
  const code = r.delen[0];
  if (!code) return <Zoeken />;
  const g = gemeenteByCode.get(code.toUpperCase());
  if (!g) return <Onbekend code={code} />;
  return r.delen[1] === 'afdruk' ? <Afdruk g={g} /> : <Gemeente g={g} />;
}

function Zoeken({ begin = '' }: { begin?: string }) {
  const [q, setQ] = useState(begin);
  const matches = q.trim() ? findMunicipality(data, q, 12) : [];
  return (
    <>
      <Kop1 titel="Mijn gemeente">Wat krijgt mijn gemeente?</Kop1>
      <p class="inleiding">
        Zoek uw gemeente op naam of code (bijvoorbeeld <i>Utrecht</i> of <i>GM0344</i>). Ook een voormalige gemeente vindt u: u komt
        dan bij de gemeente waarin die is opgegaan.
      </p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const first = matches[0];
          if (first) navigate(href(`gemeente/${first.gemeente.code}`, first.toelichting ? { via: first.toelichting } : undefined));
        }}
      >
        <div class="veld">
          <label for="zoek-gemeente">
            Gemeente
            <span class="hint">Naam, gemeentecode of naam van een voormalige gemeente</span>
          </label>
          <div class="rij">
            <input
              id="zoek-gemeente"
              type="search"
              autocomplete="off"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
              aria-describedby="zoek-aantal"
              size={32}
            />
            <button type="submit" class="knop">
              Zoeken
            </button>
          </div>
        </div>
      </form>
      <p id="zoek-aantal" class="visually-hidden" aria-live="polite">
        {q.trim() ? `${matches.length} ${matches.length === 1 ? 'gemeente' : 'gemeenten'} gevonden` : ''}
      </p>
      {q.trim() && matches.length === 0 && <p>Geen gemeente gevonden bij “{q}”. Controleer de spelling of zoek op code.</p>}
      {matches.length > 0 && (
        <ul class="zoekresultaten" aria-label="Gevonden gemeenten">
          {matches.map((m) => (
            <li key={m.gemeente.code + m.via}>
              <a href={href(`gemeente/${m.gemeente.code}`, m.toelichting ? { via: m.toelichting } : undefined)}>
                {m.gemeente.naam}
              </a>{' '}
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
  const matches = findMunicipality(data, code, 5);
  return (
    <>
      <Kop1 titel="Gemeente niet gevonden">Gemeente niet gevonden</Kop1>
      <div class="melding melding--fout" role="alert">
        <p>“{code}” is geen gemeente in de indeling 2023-2026.</p>
      </div>
      {matches.length > 0 && (
        <>
          <p>Bedoelt u:</p>
          <ul>
            {matches.map((m) => (
              <li key={m.gemeente.code}>
                <a href={href(`gemeente/${m.gemeente.code}`, m.toelichting ? { via: m.toelichting } : undefined)}>{m.gemeente.naam}</a>
                {m.toelichting && <span class="klein"> – {m.toelichting}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={href('gemeente')}>Zoek een andere gemeente</a>
      </p>
    </>
  );
}

function Kenmerken({ g }: { g: Municipality }) {
  const inw = inwoners.get(g.code);
  return (
    <dl class="gegevens">
      <dt>Gemeentecode</dt>
      <dd>{g.code}</dd>
      <dt>Provincie</dt>
      <dd>{g.provincie}</dd>
      <dt>Inwoners</dt>
      <dd>{inw !== undefined ? `${formatNumber(inw, 0)} (1 januari 2024, CBS)` : 'onbekend'}</dd>
    </dl>
  );
}

interface Rij {
  basis: GemeenteRegel | null;
  scen: GemeenteRegel | null;
}

/** Base and scenario lines side by side, per stream-year-recipient, in year order. */
function rijen(code: string): Map<number, Rij[]> {
  const b = gemeenteRegels(baseAllocation, code);
  const s = heeftWijzigingen.value ? gemeenteRegels(allocation.value, code) : b;
  const byKey = new Map<string, Rij>();
  for (const x of b) byKey.set(x.sleutel, { basis: x, scen: null });
  for (const x of s) {
    const r = byKey.get(x.sleutel);
    if (r) r.scen = x;
    else byKey.set(x.sleutel, { basis: null, scen: x });
  }
  const perJaar = new Map<number, Rij[]>();
  const sorted = [...byKey.values()].sort((p, q) => {
    const a = (p.basis ?? p.scen)!;
    const c = (q.basis ?? q.scen)!;
    return a.jaar - c.jaar || STREAM_IDS.indexOf(a.stroom) - STREAM_IDS.indexOf(c.stroom) || Number(a.alsMandaatgemeente) - Number(c.alsMandaatgemeente);
  });
  for (const r of sorted) {
    const j = (r.basis ?? r.scen)!.jaar;
    perJaar.set(j, [...(perJaar.get(j) ?? []), r]);
  }
  return perJaar;
}

const bedragVan = (x: GemeenteRegel | null): bigint | null => x?.line?.bedrag ?? null;

function som(list: Rij[], kant: 'basis' | 'scen'): { bedrag: bigint; onbekend: boolean; nietVerdeeld: boolean; verdeeld: boolean } {
  let bedrag = 0n;
  let onbekend = false;
  let nietVerdeeld = false;
  let verdeeld = false;
  for (const r of list) {
    const x = r[kant];
    if (!x || x.alsMandaatgemeente) continue;
    if (!x.line) nietVerdeeld = true;
    else {
      verdeeld = true;
      if (x.line.bedrag === null) onbekend = true;
      else bedrag += x.line.bedrag;
    }
  }
  return { bedrag, onbekend, nietVerdeeld, verdeeld };
}

function omschrijving(x: GemeenteRegel): string {
  const naam = stroomNaam(x.stroom);
  return x.alsMandaatgemeente ? `${naam}: regionaal deel ${x.line!.naam} (als mandaatgemeente)` : naam;
}

function Gemeente({ g }: { g: Municipality }) {
  const r = route.value;
  const via = r.query.get('via');
  const open = r.query.get('uitleg'); // `${stroom}|${jaar}|${ontvanger}`
  const scenarioActief = heeftWijzigingen.value;
  const perJaar = rijen(g.code);
  const inw = inwoners.get(g.code);
  useEffect(() => {
    if (open) document.getElementById('uitleg-open')?.focus();
  }, [open]);

  const toggle = (sleutel: string) => {
    const q: Record<string, string | undefined> = { via: via ?? undefined, uitleg: open === sleutel ? undefined : sleutel };
    navigate(href(`gemeente/${g.code}`, q), { replace: true });
  };
  const cols = scenarioActief ? 8 : 6;

  return (
    <>
      <nav class="kruimelpad" aria-label="Kruimelpad">
        <ol>
          <li>
            <a href={href('gemeente')}>Mijn gemeente</a>
          </li>
          <li aria-current="page">{g.naam}</li>
        </ol>
      </nav>
      <Kop1 titel={`Gemeente ${g.naam}`}>Gemeente {g.naam}</Kop1>
      {via && (
        <div class="melding" role="status">
          <p>{via}</p>
        </div>
      )}
      <Kenmerken g={g} />
      <p>
        Per jaar en per stroom: wat {g.naam} krijgt, in euro en in euro per inwoner, met de status van elk bedrag. Kies{' '}
        <i>Uitleg</i> om te lezen hoe een bedrag is berekend.
        {scenarioActief && ' De kolommen Scenario en Verschil tonen de uitkomst van uw scenario naast de basis.'}
      </p>
      <p class="geen-afdruk">
        <a href={href(`gemeente/${g.code}/afdruk`)}>Afdrukversie met alle uitleg</a>
      </p>
      <div class="tabel-wrap" role="region" aria-labelledby="tabel-gemeente-titel" tabIndex={0}>
        <table id="tabel-gemeente">
          <caption id="tabel-gemeente-titel">
            Bedragen voor {g.naam} per jaar en stroom{scenarioActief ? ': basis en scenario' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col">Stroom</th>
              <th scope="col" class="num">
                {scenarioActief ? 'Basis' : 'Bedrag'}
              </th>
              {scenarioActief && (
                <>
                  <th scope="col" class="num">
                    Scenario
                  </th>
                  <th scope="col" class="num">
                    Verschil
                  </th>
                </>
              )}
              <th scope="col" class="num">
                Per inwoner
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Uitleg</span>
              </th>
            </tr>
          </thead>
          {[...perJaar.entries()].map(([jaar, list]) => {
            const sb = som(list, 'basis');
            const ss = som(list, 'scen');
            return (
              <tbody class="jaar-groep" key={jaar}>
                {list.map((rij) => {
                  const x = (rij.scen ?? rij.basis)!;
                  const bb = bedragVan(rij.basis);
                  const bs = bedragVan(rij.scen);
                  const isOpen = open === x.sleutel;
                  const verdeeld = x.line !== null;
                  return (
                    <Fragment key={x.sleutel}>
                      <tr>
                        <td>{jaar}</td>
                        <th scope="row">{omschrijving(x)}</th>
                        <td class="num">{rij.basis ? (rij.basis.line ? euroTekst(bb) : 'niet verdeeld') : '–'}</td>
                        {scenarioActief && (
                          <>
                            <td class="num">{rij.scen ? (rij.scen.line ? euroTekst(bs) : 'niet verdeeld') : '–'}</td>
                            <td class={`num${verschilKlasse(bb !== null && bs !== null ? bs - bb : null)}`}>
                              {verschilTekst(bb !== null && bs !== null ? bs - bb : null)}
                            </td>
                          </>
                        )}
                        <td class="num">{x.alsMandaatgemeente ? '–' : perInwonerTekst(scenarioActief ? bs : bb, inw)}</td>
                        <td>
                          {verdeeld ? <Status status={x.line!.status} /> : <span class="klein">{x.result.totaal === null ? 'landelijk bedrag onbekend' : 'niet over gemeenten verdeeld'}</span>}
                        </td>
                        <td>
                          <button
                            type="button"
                            class="knop knop--link geen-afdruk"
                            aria-expanded={isOpen}
                            aria-controls={isOpen ? 'uitleg-open' : undefined}
                            onClick={() => toggle(x.sleutel)}
                          >
                            Uitleg<span class="visually-hidden"> bij {omschrijving(x)} {jaar}</span>
                          </button>
                        </td>
                      </tr>
                      {isOpen && (
                        <tr class="uitleg-rij">
                          <td colSpan={cols}>
                            <div id="uitleg-open" tabIndex={-1}>
                              <UitlegPaar x={x} code={g.code} scenarioActief={scenarioActief} />
                            </div>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
                <tr class="jaar-totaal">
                  <td>{jaar}</td>
                  <th scope="row">Totaal {jaar}</th>
                  <td class="num">{totaalTekst(sb)}</td>
                  {scenarioActief && (
                    <>
                      <td class="num">{totaalTekst(ss)}</td>
                      <td class={`num${verschilKlasse(ss.bedrag - sb.bedrag)}`}>
                        {sb.onbekend || ss.onbekend || !(sb.verdeeld || ss.verdeeld) ? '–' : verschilTekst(ss.bedrag - sb.bedrag)}
                      </td>
                    </>
                  )}
                  <td class="num">{sb.onbekend || !sb.verdeeld ? '–' : perInwonerTekst(scenarioActief ? ss.bedrag : sb.bedrag, inw)}</td>
                  <td colSpan={2} class="klein">
                    {!sb.verdeeld ? 'niets over gemeenten verdeeld' : sb.onbekend ? 'met onbekende bedragen' : sb.nietVerdeeld ? 'zonder niet verdeelde stromen' : ''}
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      </div>
      <p class="klein gedempt">
        “Niet verdeeld”: het landelijke bedrag van die stroom wordt niet over gemeenten verdeeld (de sleutel is onbekend of nog niet
        bepaald, of het geld is voor landelijke partijen). Kies Uitleg voor de reden.
      </p>
    </>
  );
}

function totaalTekst(s: { bedrag: bigint; onbekend: boolean; verdeeld: boolean }): string {
  if (!s.verdeeld) return '–';
  return s.onbekend ? `${euroTekst(s.bedrag)} + onbekend` : euroTekst(s.bedrag);
}

function UitlegPaar({ x, code, scenarioActief }: { x: GemeenteRegel; code: string; scenarioActief: boolean }) {
  const ontvanger = x.line?.ontvanger ?? code;
  return (
    <>
      <Uitleg
        allocation={baseAllocation}
        stroom={x.stroom}
        jaar={x.jaar}
        ontvanger={ontvanger}
        titel={`Uitleg${scenarioActief ? ' (basis)' : ''}: ${omschrijving(x)}, ${x.jaar}`}
      />
      {scenarioActief && (
        <Uitleg allocation={allocation.value} stroom={x.stroom} jaar={x.jaar} ontvanger={ontvanger} titel={`Uitleg (scenario): ${omschrijving(x)}, ${x.jaar}`} />
      )}
    </>
  );
}

function Afdruk({ g }: { g: Municipality }) {
  const perJaar = rijen(g.code);
  const inw = inwoners.get(g.code);
  const scenarioActief = heeftWijzigingen.value;
  return (
    <>
      <p class="geen-afdruk knoppen">
        <a href={href(`gemeente/${g.code}`)}>Terug naar {g.naam}</a>
        <button type="button" class="knop" onClick={() => print()}>
          Afdrukken
        </button>
      </p>
      <Kop1 titel={`${g.naam}: afdrukversie`}>Kansrijke Start: bedragen voor gemeente {g.naam}</Kop1>
      <Kenmerken g={g} />
      <p class="klein">
        Berekend met de rekenhulp Kansrijke Start op {new Date().toLocaleDateString('nl-NL')}; {scenarioActief ? 'basis en scenario' : 'de basis'}.
      </p>
      {[...perJaar.entries()].map(([jaar, list]) => (
        <section key={jaar}>
          <h2>{jaar}</h2>
          <table>
            <caption class="visually-hidden">Bedragen {jaar}</caption>
            <thead>
              <tr>
                <th scope="col">Stroom</th>
                <th scope="col" class="num">
                  Bedrag (basis)
                </th>
                {scenarioActief && (
                  <th scope="col" class="num">
                    Scenario
                  </th>
                )}
                <th scope="col" class="num">
                  Per inwoner
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((rij) => {
                const x = (rij.basis ?? rij.scen)!;
                return (
                  <tr key={x.sleutel}>
                    <th scope="row">{omschrijving(x)}</th>
                    <td class="num">{rij.basis?.line ? euroTekst(bedragVan(rij.basis)) : 'niet verdeeld'}</td>
                    {scenarioActief && <td class="num">{rij.scen?.line ? euroTekst(bedragVan(rij.scen)) : 'niet verdeeld'}</td>}
                    <td class="num">{x.alsMandaatgemeente ? '–' : perInwonerTekst(bedragVan(rij.basis), inw)}</td>
                    <td>{x.line ? <Status status={x.line.status} /> : 'niet verdeeld'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {list
            .filter((rij) => (rij.basis ?? rij.scen)!.line)
            .map((rij) => {
              const x = (rij.basis ?? rij.scen)!;
              return <UitlegPaar key={x.sleutel} x={x} code={g.code} scenarioActief={scenarioActief} />;
            })}
        </section>
      ))}
    </>
  );
}

