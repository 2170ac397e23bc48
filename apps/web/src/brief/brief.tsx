import { useEffect } from 'preact/hooks';
import { letterPageCss, municipalityLetter, regionLetter, type Letter, type LetterAmount, type LetterYear } from '@kansrijke-start/core';
import { data, vergeleken, vergelekenNamen } from '../scenario/state.js';
import { Kop1 } from '../ui/kop.js';
import { VANDAAG } from '../ui/gegevens.js';
import './brief.css';

/**
 * The letter of a municipality or a GGD region, rendered from the core's letter model: the same
 * figures and sentences as `ks-budget brief` writes, laid out with Preact. Printing it (or saving
 * it as PDF) gives A4 pages with a header and page numbers (brief.css). Loaded on first use.
 */

/**
 * The running header of the printed pages names the recipient and the scenario, so it cannot
 * be in the static CSS file. It is set as a constructed stylesheet (CSSOM), which the app's
 * Content-Security-Policy allows, while the letter is shown; a <style> element would be refused.
 */
function useKopregel(l: Letter): void {
  const css = letterPageCss(l);
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    try {
      sheet.replaceSync(css);
    } catch {
      return; // a browser without page margin boxes: the pages have no running header
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}

function Cel({ a, totaal = false }: { a: LetterAmount; totaal?: boolean }) {
  return (
    <td class={`num${totaal ? ' totaal' : ''}${a.soort === 'bedrag' ? '' : ' leeg'}`}>
      {a.tekst}
      {a.status && <span class="st">{a.status}</span>}
    </td>
  );
}

function JaarRij({ y }: { y: LetterYear }) {
  return (
    <tr>
      <th scope="row">{y.label}</th>
      {y.cellen.map((c, i) => (
        <Cel key={i} a={c} />
      ))}
      <Cel a={y.totaal} totaal />
      <td class="num">{y.perInwonerTekst}</td>
    </tr>
  );
}

function Lijst({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul class="lijst">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

function Samenvatting({ l }: { l: Letter }) {
  const s = l.scenario;
  const notes = [...l.nietVerdeeld, ...l.opmerkingen];
  return (
    <>
      <header class="brief__kop">
        <div class="brief__lint" aria-hidden="true" />
        <div class="brief__afzender">
          <p class="brief__product">Rekenhulp Kansrijke Start</p>
          <p class="brief__sub">Verdeling van de middelen over jaren, stromen en gemeenten</p>
        </div>
      </header>
      <dl class="brief__gegevens">
        {l.datum && (
          <>
            <dt>Datum</dt>
            <dd>{l.datum}</dd>
          </>
        )}
        <dt>Onderwerp</dt>
        <dd>{l.onderwerp}</dd>
        <dt>Scenario</dt>
        <dd>{s.basis ? `${s.naam} (geen wijzigingen)` : s.naam}</dd>
        <dt>Gegevens</dt>
        <dd>
          stand {l.gegevens.datum}, versie {l.gegevens.versie}; rekenmotor {l.gegevens.motor}
        </dd>
      </dl>
      <Kop1 titel={`Brief: ${l.titel}`}>{l.titel}</Kop1>
      <ul class="kenmerken">
        {l.kenmerken.map((k) => (
          <li key={k.label}>
            <b>{k.label}</b> {k.waarde}
          </li>
        ))}
      </ul>
      <p class="inleiding">{l.inleiding}</p>
      <section class="scenario" aria-label="Scenario">
        <p>
          <b>{s.kop}</b>
          , {s.herindelingen}.
        </p>
        {s.omschrijving && <p>{s.omschrijving}</p>}
        {s.wijzigingen.length > 0 && (
          <>
            <p class="klein">{s.wijzigingen.length === 1 ? 'De wijziging' : `De ${s.wijzigingen.length} wijzigingen`} ten opzichte van de basis:</p>
            <ul>
              {s.wijzigingen.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </>
        )}
        {s.eigenStromen.length > 0 && (
          <>
            <p class="klein">Eigen stromen van het scenario:</p>
            <ul>
              {s.eigenStromen.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <div class="tabel" role="region" aria-labelledby="brief-bedragen-titel" tabIndex={0}>
        <table class="bedragen" id="brief-bedragen">
          <caption id="brief-bedragen-titel">Bedragen per jaar en stroom, in euro</caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              {l.stromen.map((x) => (
                <th scope="col" class="num" key={x.stroom}>
                  {x.naam}
                </th>
              ))}
              <th scope="col" class="num">
                Totaal
              </th>
              <th scope="col" class="num">
                Per inwoner
              </th>
            </tr>
          </thead>
          <tbody>
            {l.jaren.map((y) => (
              <JaarRij key={y.jaar} y={y} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Samen</th>
              {l.perStroom.map((c, i) => (
                <Cel key={i} a={c} />
              ))}
              <Cel a={l.totaal} totaal />
              <td class="num">{l.totaalPerInwonerTekst}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Lijst items={notes} />
      {l.vergelijking && (
        <div class="tabel" role="region" aria-labelledby="brief-vergelijking-titel" tabIndex={0}>
          <table class="vergelijking" id="brief-vergelijking">
            <caption id="brief-vergelijking-titel">Totaal per jaar: {l.vergelijking.namen.join(' en ')}</caption>
            <thead>
              <tr>
                <th scope="col">Jaar</th>
                {l.vergelijking.namen.map((n, i) => (
                  <th scope="col" class="num" key={`n${i}`}>
                    {n}
                  </th>
                ))}
                {l.vergelijking.namen.slice(1).map((n, i) => (
                  <th scope="col" class="num" key={`v${i}`}>
                    Verschil {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {l.vergelijking.jaren.map((y) => (
                <tr key={y.jaar}>
                  <th scope="row">{y.jaar}</th>
                  {y.totalen.map((t, i) => (
                    <Cel key={`t${i}`} a={t} />
                  ))}
                  {y.verschillen.map((d, i) => (
                    <td class="num" key={`d${i}`}>
                      {d.tekst}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Samen</th>
                {l.vergelijking.totaal.totalen.map((t, i) => (
                  <Cel key={`t${i}`} a={t} />
                ))}
                {l.vergelijking.totaal.verschillen.map((d, i) => (
                  <td class="num" key={`d${i}`}>
                    {d.tekst}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {l.mandaat.length > 0 && (
        <>
          <h2>Als mandaatgemeente</h2>
          <p class="klein">Geld dat {l.naam} ontvangt namens een regio; het is niet van de gemeente zelf en staat niet in de totalen hierboven.</p>
          <Lijst items={l.mandaat.map((m) => `${m.jaar}, ${m.stroom}, ${m.regio}: ${m.bedrag.tekst}${m.bedrag.status ? ` (${m.bedrag.status})` : ''}`)} />
        </>
      )}
      {l.regio && (
        <>
          <h2>De gemeenten van de regio</h2>
          <p class="klein">{l.regio.gemeenten.map((g) => g.naam).join(', ')}. Hoe de indeling bij de regio is afgeleid, staat in de bijlage.</p>
          <Lijst items={l.regio.onzeker.map((x) => `Onzeker: ${x}`)} />
        </>
      )}
      <h2>Wat de statussen betekenen</h2>
      <dl class="statussen">
        {l.statussen.map((x) => (
          <div key={x.status}>
            <dt>{x.status}</dt>
            <dd>{x.betekenis}</dd>
          </div>
        ))}
      </dl>
      {l.redenen.length > 0 && (
        <>
          <p class="klein">
            <b>Waarom een bedrag een raming, een scenario of onbekend is:</b>
          </p>
          <Lijst items={l.redenen} />
        </>
      )}
      {l.besluiten.length > 0 && (
        <>
          <h2>Nog te nemen besluiten</h2>
          <Lijst items={l.besluiten} />
        </>
      )}
      <h2>Bronnen</h2>
      <ul class="lijst bronnen">
        {l.bronnen.map((b, i) => {
          const bits = [b.uitgever, b.datum, b.kenmerk].filter((x): x is string => !!x).join(', ');
          return (
            <li key={i}>
              {b.titel}
              {bits ? ` (${bits})` : ''}
              {b.url && (
                <>
                  .{' '}
                  <a href={b.url} rel="noreferrer">
                    {b.url}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p class="voetnoot">{l.voetnoot}</p>
    </>
  );
}

function Bijlage({ l }: { l: Letter }) {
  return (
    <section class="bijlage" aria-labelledby="brief-bijlage-titel">
      <h2 id="brief-bijlage-titel">Bijlage: hoe elk bedrag is berekend</h2>
      <p class="klein">{l.bijlageInleiding}</p>
      {l.bijlage.map((b, i) => (
        <article class="uitleg" key={i}>
          <h3>
            {b.titel}: {b.bedragTekst}
            {b.status ? ` (${b.status})` : ''}
          </h3>
          <ol>
            {b.alineas.map((a, j) => (
              <li key={j}>{a}</li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}

/** The letter of municipality or GGD region `code`, for the baseline and the variants the app compares (the last is the letter's). */
export function Brief({ soort, code, terug }: { soort: 'gemeente' | 'ggd'; code: string; terug: { href: string; tekst: string } }) {
  const allocations = vergeleken.value;
  const opties = { namen: vergelekenNamen.value, vandaag: VANDAAG };
  const l = soort === 'gemeente' ? municipalityLetter(data, allocations, code, opties) : regionLetter(data, allocations, code, opties);
  useKopregel(l);
  return (
    <div class="brief-scherm">
      <div class="brief-knoppen geen-afdruk">
        <div class="utrecht-button-group">
          <button type="button" class="utrecht-button utrecht-button--primary-action" onClick={() => print()}>
            Afdrukken of opslaan als PDF
          </button>
          <a class="nl-link" href={terug.href}>
            {terug.tekst}
          </a>
        </div>
        <p class="klein gedempt">
          Kies in het venster van de browser “Opslaan als PDF” om een bestand te maken. De brief gaat over{' '}
          {l.scenario.basis ? 'de basis' : `het scenario “${l.scenario.naam}”`}; met de opdracht <code>ks-budget brief</code> maakt u dezelfde brief
          als HTML-bestand.
        </p>
      </div>
      <article class="brief" aria-label={`Brief: ${l.titel}`}>
        <Samenvatting l={l} />
        <Bijlage l={l} />
      </article>
    </div>
  );
}
