import { Fragment } from 'preact';
import { useEffect } from 'preact/hooks';
import {
  STREAMS,
  YEARS,
  formatEuro,
  nationalRow,
  type ResultStatus,
  type StreamId,
  type StreamYearResult,
} from '@kansrijke-start/core';
import { baseAllocation, data } from '../scenario/state.js';
import { route, href } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { Status, euroTekst } from '../ui/status.js';
import { StaafGrafiek } from '../ui/grafiek.js';
import { STROOM_KLEUR } from '../ui/stromen.js';


interface Cel {
  stroom: StreamId;
  jaar: number;
  result: StreamYearResult | null;
  /** National amount as in the source, in cents; null = unknown. */
  bronBedrag: bigint | null;
  status: ResultStatus;
  bronnen: number[];
}

/** Every distinct source, numbered in order of first use; a figure links to its entry. */
const bronLijst: { tekst: string; gebruikt: Set<string> }[] = [];
const bronNummer = (tekst: string, gebruik: string): number => {
  let i = bronLijst.findIndex((b) => b.tekst === tekst);
  if (i < 0) i = bronLijst.push({ tekst, gebruikt: new Set() }) - 1;
  bronLijst[i]!.gebruikt.add(gebruik);
  return i + 1;
};

const resultIndex = new Map(baseAllocation.resultaten.map((r) => [`${r.stroom}|${r.jaar}`, r]));

const cellen: Cel[][] = YEARS.map((jaar) =>
  STREAMS.map((s) => {
    const result = resultIndex.get(`${s.id}|${jaar}`) ?? null;
    const p = result?.parameters;
    const row = nationalRow(data, s.id, jaar);
    const bronnen: number[] = [];
    const status: ResultStatus = result?.bedragStatus ?? 'onbekend';
    if (p?.bedrag) {
      if (p.bedrag.oorsprong.herkomst === 'basis' && p.bedrag.oorsprong.bron) bronnen.push(bronNummer(p.bedrag.oorsprong.bron, s.naam));
      if (p.korting) {
        if (p.korting.oorsprong.herkomst === 'basis' && p.korting.oorsprong.bron) bronnen.push(bronNummer(p.korting.oorsprong.bron, `${s.naam} (korting)`));
      }
    }
    const bronBedrag = row?.bedrag ? BigInt(row.bedrag.times(100).toFixed(0)) : null;
    return { stroom: s.id, jaar, result, bronBedrag, status, bronnen: [...new Set(bronnen)] };
  }),
);

function jaarTotaal(rij: Cel[]): { bedrag: bigint; onbekend: boolean } {
  let bedrag = 0n;
  let onbekend = false;
  for (const c of rij) {
    if (!c.result) continue;
    if (c.result.totaal === null) onbekend = true;
    else bedrag += c.result.totaal;
  }
  return { bedrag, onbekend };
}

const miljoen = (v: number) => (v === 0 ? '€ 0' : `€ ${(v / 1e8).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} mln`);

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
      <p class="inleiding">
        Hoeveel geld het Rijk per jaar beschikbaar stelt voor Kansrijke Start, per financieringsstroom. Elk bedrag heeft een status
        en een bron. Een onbekend bedrag telt nergens als nul mee.
      </p>
      {baseAllocation.waarschuwingen.map((w) => (
        <div class="melding melding--waarschuwing" key={w}>
          <p>{w}</p>
        </div>
      ))}

      <div class="tabel-wrap" role="region" aria-labelledby="tabel-overzicht-titel" tabIndex={0}>
        <table id="tabel-overzicht" class="tabel-overzicht">
          <caption id="tabel-overzicht-titel">Beschikbaar bedrag per stroom en jaar (na generieke kortingen), in euro</caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              {STREAMS.map((s) => (
                <th scope="col" class="num" key={s.id}>
                  {s.naam}
                </th>
              ))}
              <th scope="col" class="num">
                Totaal bekend
              </th>
            </tr>
          </thead>
          <tbody>
            {cellen.map((rij, i) => {
              const t = jaarTotaal(rij);
              const jaar = YEARS[i]!;
              return (
                <tr key={jaar}>
                  <th scope="row">{jaar}</th>
                  {rij.map((c) => (
                    <OverzichtCel c={c} key={c.stroom} />
                  ))}
                  <td class="num">
                    {formatEuro(t.bedrag, 'auto')}
                    {t.onbekend && <span class="klein gedempt cel-status">+ onbekende bedragen</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <StaafGrafiek
        id="grafiek-overzicht"
        titel="Beschikbaar bedrag per jaar, gestapeld per stroom"
        beschrijving="Staafdiagram van de bedragen in de tabel hierboven. Onbekende bedragen zijn niet getekend."
        categorieen={YEARS.map(String)}
        reeksen={STREAMS.map((s, k) => ({ naam: s.naam, kleur: STROOM_KLEUR[s.id], waarden: cellen.map((rij) => rij[k]!.result?.totaal ?? null) }))}
        asLabel={miljoen}
      />

      <h2 id="bronnen">Bronnen</h2>
      <ol class="bronnen">
        {bronLijst.map((b, i) => (
          <li key={b.tekst} id={`bron-${i + 1}`} tabIndex={-1} class={bron === String(i + 1) ? 'gemarkeerd' : undefined}>
            {b.tekst} <span class="gedempt klein">(gebruikt voor: {[...b.gebruikt].join('; ')})</span>
          </li>
        ))}
      </ol>

      <h2>De stromen</h2>
      {STREAMS.map((s) => {
        // Identical notes of several years are shown once, with their years.
        const toelichtingen = new Map<string, string[]>();
        for (const r of data.landelijkeBudgetten) {
          if (r.stroom === s.id && r.toelichting) toelichtingen.set(r.toelichting, [...(toelichtingen.get(r.toelichting) ?? []), String(r.jaar)]);
        }
        const eerste = data.landelijkeBudgetten.find((r) => r.stroom === s.id);
        return (
          <section key={s.id} aria-labelledby={`stroom-${s.id}`} class="paneel">
            <h3 id={`stroom-${s.id}`}>{s.naam}</h3>
            <p>{s.omschrijving}.</p>
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
              <dd>{s.baseline.verdeling === 'landelijk' ? s.baseline.reden : 'Verdeeld over de 342 gemeenten met de Brede SPUK-sleutel.'}</dd>
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

function OverzichtCel({ c }: { c: Cel }) {
  if (!c.result) {
    return (
      <td class="num gedempt">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">loopt niet in {c.jaar}</span>
      </td>
    );
  }
  const aangepast = c.bronBedrag !== null && c.result.totaal !== null && c.bronBedrag !== c.result.totaal;
  return (
    <td class="num">
      {euroTekst(c.result.totaal)}
      {aangepast && <span class="klein gedempt cel-status">vóór korting {formatEuro(c.bronBedrag!, 'auto')}</span>}
      <span class="cel-status">
        <Status status={c.status} />
      </span>
      <span class="cel-status">
        {c.bronnen.map((b, i) => (
          <Fragment key={b}>
            {i > 0 && ' '}
            <a class="klein" href={href('overzicht', { bron: b })}>
              bron {b}
            </a>
          </Fragment>
        ))}
      </span>
    </td>
  );
}
