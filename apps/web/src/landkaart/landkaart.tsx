import './landkaart.css';
import { Fragment } from 'preact';
import { signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import {
  MAP_MEASURE_NAMES,
  MAP_UNKNOWN_LABEL,
  YEARS,
  classIndex,
  classLabel,
  divisionOf,
  formatDate,
  formatEuro,
  formatNumber,
  formatSignedEuro,
  mapClasses,
  mapTable,
  mapValue,
  mapView,
  streamsOf,
  type Allocation,
  type ClassScheme,
  type MapMeasure,
  type MapRow,
  type MapView,
  type StreamChoice,
  type StreamEntry,
  type Status as StatusCode,
} from '@kansrijke-start/core';
import { allocation, baseAllocation, berekeningVan, data, heeftWijzigingen, scenario, varianten } from '../scenario/state.js';
import { zijdeNamen } from '../varianten/lijst.js';
import { href, jaarUit, navigate, route } from '../route.js';
import { Kop1 } from '../ui/kop.js';
import { JaarKeuze, Keuzes as KeuzeGroep, StroomKeuze } from '../ui/keuzes.js';
import { CsvDownload } from '../ui/csv-download.js';
import { Status, StatusLegenda } from '../ui/status.js';
import { VANDAAG } from '../ui/gegevens.js';
import { BRON, kaartbasis, type Vorm } from './vormen.js';
import { kleurenVoor, ONBEKEND_PATROON } from './kleuren.js';
import { PIJLTOETSEN, volgende } from './toetsen.js';

/**
 * `#/kaart`: a map of the municipalities, coloured by the amount, euro per inhabitant or the
 * difference with the baseline or a saved variant, for a stream (or all) in a year or over a
 * period. Every figure comes from the core's map view (`mapView`), every class from its
 * classes (`mapClasses`); the table below the map and its CSV are the core's `mapTable`.
 *
 * Link: `#/kaart?jaar=2027&stroom=nu-niet-zwanger&maat=per-inwoner&ggd=1`, or a period with
 * `van=2026&tot=2030` instead of `jaar`.
 */

const STANDAARDJAAR = jaarUit(VANDAAG.slice(0, 4)) ?? 2026;
/** The years whose money is divided over municipalities: the first year of the data's division on. */
const PERIODEJAREN = YEARS.filter((j) => j >= data.indeling.van);
const MATEN: readonly MapMeasure[] = ['per-inwoner', 'bedrag', 'verschil', 'verschil-per-inwoner'];
const isMaat = (s: string | null): s is MapMeasure => (MATEN as readonly string[]).includes(s ?? '');
const hoofdletter = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** What the difference is taken against: the baseline (null) or a saved variant (its id). Kept while the page is open. */
const tegenKeuze = signal<number | null>(null);

interface Keuze {
  van: number;
  tot: number;
  periode: boolean;
  stroom: StreamChoice;
  maat: MapMeasure;
  ggd: boolean;
  tabel: boolean;
}

function keuzeUit(q: URLSearchParams): Keuze {
  const van = jaarUit(q.get('van'));
  const tot = jaarUit(q.get('tot'));
  const periode = van !== null && tot !== null && PERIODEJAREN.includes(van) && PERIODEJAREN.includes(tot);
  const jaar = jaarUit(q.get('jaar')) ?? STANDAARDJAAR;
  const stroomTekst = q.get('stroom');
  const stroom: StreamChoice = streamsOf(scenario.value).some((s) => s.id === stroomTekst) ? (stroomTekst as StreamChoice) : 'alle';
  const maat = q.get('maat');
  return {
    van: periode ? Math.min(van, tot) : jaar,
    tot: periode ? Math.max(van, tot) : jaar,
    periode,
    stroom,
    maat: isMaat(maat) ? maat : 'per-inwoner',
    ggd: q.get('ggd') === '1',
    tabel: q.get('tabel') === '1',
  };
}

function kaartHref(k: Keuze): string {
  return href('kaart', {
    jaar: k.periode ? undefined : k.van,
    van: k.periode ? k.van : undefined,
    tot: k.periode ? k.tot : undefined,
    stroom: k.stroom === 'alle' ? undefined : k.stroom,
    maat: k.maat === 'per-inwoner' ? undefined : k.maat,
    ggd: k.ggd ? 1 : undefined,
    tabel: k.tabel ? 1 : undefined,
  });
}
const ga = (k: Keuze) => navigate(kaartHref(k), { replace: true });

/** The saved variants other than the one being edited that the core can compute: what a difference can be taken against. */
function andereVarianten(): { id: number; naam: string; allocation: Allocation }[] {
  const v = varianten.value;
  return v.lijst.flatMap((x) => {
    if (x.id === v.huidig) return [];
    const c = berekeningVan(x.scenario);
    return c.ok ? [{ id: x.id, naam: x.scenario.naam || 'Scenario', allocation: c.allocation }] : [];
  });
}

/** The allocations the map compares (the reference first, the one shown last) and their names. */
function vergelijking(): { allocations: Allocation[]; namen: string[]; tegen: { id: number; naam: string } | null } {
  const huidig = allocation.value;
  const huidigNaam = scenario.value.naam || 'Scenario';
  const tegen = andereVarianten().find((x) => x.id === tegenKeuze.value) ?? null;
  if (tegen) {
    const namen = zijdeNamen([tegen.naam, huidigNaam]).slice(1);
    return { allocations: [tegen.allocation, huidig], namen, tegen };
  }
  if (heeftWijzigingen.value) return { allocations: [baseAllocation, huidig], namen: zijdeNamen([huidigNaam]), tegen: null };
  return { allocations: [baseAllocation], namen: ['Basis'], tegen: null };
}

const periodeTekst = (k: Keuze) => (k.periode ? `${k.van}-${k.tot}` : `${k.van}`);
const perInwonerMaat = (m: MapMeasure) => m === 'per-inwoner' || m === 'verschil-per-inwoner';
const centenTekst = (c: bigint | null) => (c === null ? '–' : formatEuro(c, 'always'));
const zijdeTekst = (r: MapRow, k: number) => (!r.zijden[k]!.aanwezig ? '–' : r.zijden[k]!.bedrag === null ? 'onbekend' : formatEuro(r.zijden[k]!.bedrag!, 'auto'));
const verschilTekst = (c: bigint | null) => (c === null ? '–' : formatSignedEuro(c));

/** A municipality with the names of the parts a planned merger gives it: "Hilversum (met Wijdemeren)". */
function naamMetDelen(r: MapRow): string {
  const andere = r.delen.filter((c) => c !== r.code).map((c) => data.gemeenten.find((g) => g.code === c)?.naam ?? c);
  return andere.length === 0 ? r.naam : `${r.naam} (met ${andere.join(', ')})`;
}

/** What a screen reader hears on a municipality of the map, and the info box shows: its figures in one line. */
function beschrijving(r: MapRow, k: number, namen: readonly string[], schema: ClassScheme, maat: MapMeasure): string {
  const delen: string[] = [naamMetDelen(r)];
  const n = r.zijden.length;
  for (let j = 0; j < n; j++) {
    const wie = n > 1 ? `${namen[j]}: ` : '';
    delen.push(`${wie}${zijdeTekst(r, j)}, ${centenTekst(r.perInwoner[j] ?? null)} per inwoner`);
  }
  if (n > 1) delen.push(`verschil ${verschilTekst(r.verschillen[n - 2]!.verschil)}, ${r.verschilPerInwoner[n - 2] === null ? '–' : formatSignedEuro(r.verschilPerInwoner[n - 2]!)} per inwoner`);
  const status = r.zijden[k]!.status;
  if (status) delen.push(`status ${status}`);
  delen.push(`klasse: ${klasseTekst(schema, maat, mapValue(r, maat, k))}`);
  return delen.join('; ');
}

function klasseTekst(schema: ClassScheme, maat: MapMeasure, v: bigint | null): string {
  const i = classIndex(schema, v);
  return i === null ? MAP_UNKNOWN_LABEL : classLabel(schema, schema.klassen[i]!, { perInwoner: perInwonerMaat(maat) });
}

export function KaartView() {
  const k = keuzeUit(route.value.query);
  const { allocations, namen, tegen } = vergelijking();
  const toon = allocations.length - 1; // the allocation the map shows: the current scenario
  const verschilMogelijk = allocations.length > 1;
  const maat: MapMeasure = !verschilMogelijk && k.maat.startsWith('verschil') ? 'per-inwoner' : k.maat;
  const view = mapView(data, allocations, { van: k.van, tot: k.tot, stroom: k.stroom });
  const schema = mapClasses(view, maat, toon, maat.startsWith('verschil') ? 6 : 5);
  const stromen = streamsOf(...allocations);
  const stroomNaam = k.stroom === 'alle' ? 'alle stromen samen' : (stromen.find((s) => s.id === k.stroom)?.naam ?? k.stroom);
  const wat = `${hoofdletter(MAP_MEASURE_NAMES[maat])}, ${stroomNaam}, ${k.periode ? `opgeteld over ${periodeTekst(k)}` : periodeTekst(k)}`;
  return (
    <>
      <Kop1 titel="Kaart van de gemeenten">Kaart van de gemeenten</Kop1>
      <p class="nl-paragraph nl-paragraph--lead">
        Wat elke gemeente krijgt, in euro of per inwoner{verschilMogelijk ? `, en het verschil tussen ${namen[0]} en ${namen[toon]}` : ''}. Kies een stroom en een jaar of
        een periode. Wijs een gemeente aan of ga er met de toetsen naartoe voor haar cijfers; klik (of Enter) opent haar gemeentekaart.
      </p>
      <Keuzes k={k} maat={maat} verschilMogelijk={verschilMogelijk} tegen={tegen} stromen={stromen} />
      <Meldingen view={view} k={k} stroomNaam={stroomNaam} />
      <a
        class="landkaart__overslaan nl-link"
        href="#kaart-tabel"
        onClick={(e) => {
          // Hash routing: move the focus instead of following the fragment.
          e.preventDefault();
          document.getElementById('kaart-tabel-knop')?.focus();
        }}
      >
        Sla de kaart over, naar de tabel
      </a>
      <Kaart view={view} k={k} maat={maat} schema={schema} toon={toon} namen={namen} wat={wat} />
      <Tabel view={view} k={k} maat={maat} schema={schema} toon={toon} namen={namen} wat={wat} allocations={allocations} />
    </>
  );
}

function Keuzes({ k, maat, verschilMogelijk, tegen, stromen }: { k: Keuze; maat: MapMeasure; verschilMogelijk: boolean; tegen: { id: number } | null; stromen: readonly StreamEntry[] }) {
  const andere = andereVarianten();
  const jaarSelect = (id: string, label: string, waarde: number, zet: (j: number) => void) => (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
      <select id={id} class="utrecht-select utrecht-select--html-select" value={String(waarde)} onChange={(e) => zet(Number(e.currentTarget.value))}>
        {PERIODEJAREN.map((j) => (
          <option key={j} value={String(j)}>
            {j}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div class="filters landkaart__keuzes">
      <KeuzeGroep
        legend="Periode"
        name="kaart-periode"
        opties={[
          ['jaar', 'Eén jaar'],
          ['periode', 'Meer jaren opgeteld'],
        ]}
        waarde={k.periode ? 'periode' : 'jaar'}
        kies={(v) => {
          if (v === 'jaar') return ga({ ...k, periode: false, tot: k.van });
          const van = PERIODEJAREN.includes(k.van) ? k.van : PERIODEJAREN[0]!;
          ga({ ...k, periode: true, van, tot: Math.min(van + 4, PERIODEJAREN.at(-1)!) });
        }}
      />
      {k.periode ? (
        <>
          {jaarSelect('kaart-van', 'Van', k.van, (j) => ga({ ...k, van: Math.min(j, k.tot), tot: Math.max(j, k.tot) }))}
          {jaarSelect('kaart-tot', 'Tot en met', k.tot, (j) => ga({ ...k, van: Math.min(j, k.van), tot: Math.max(j, k.van) }))}
        </>
      ) : (
        <JaarKeuze id="kaart-jaar" waarde={k.van} kies={(j) => ga({ ...k, van: j ?? k.van, tot: j ?? k.van })} />
      )}
      <StroomKeuze id="kaart-stroom" stromen={stromen} waarde={k.stroom} kies={(s) => ga({ ...k, stroom: s })} />
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="kaart-maat">
          Kleur naar
        </label>
        <select id="kaart-maat" class="utrecht-select utrecht-select--html-select" value={maat} onChange={(e) => ga({ ...k, maat: e.currentTarget.value as MapMeasure })}>
          {MATEN.filter((m) => verschilMogelijk || !m.startsWith('verschil')).map((m) => (
            <option key={m} value={m}>
              {hoofdletter(MAP_MEASURE_NAMES[m])}
            </option>
          ))}
        </select>
      </div>
      {(heeftWijzigingen.value || andere.length > 0) && (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="kaart-tegen">
            Verschil met
          </label>
          <select
            id="kaart-tegen"
            class="utrecht-select utrecht-select--html-select"
            value={tegen ? String(tegen.id) : ''}
            onChange={(e) => (tegenKeuze.value = e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          >
            <option value="">De basis</option>
            {andere.map((x) => (
              <option key={x.id} value={String(x.id)}>
                Variant “{x.naam}”
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="utrecht-form-field landkaart__vinkje">
        <label class="utrecht-form-label utrecht-form-label--checkbox keuze">
          <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" checked={k.ggd} onChange={(e) => ga({ ...k, ggd: e.currentTarget.checked })} />
          Grenzen van de GGD-regio's tonen
        </label>
      </div>
    </div>
  );
}

/** What the map does not show as amounts, and why: years without a municipal key, streams not divided, the merger drawn as one shape. */
function Meldingen({ view, k, stroomNaam }: { view: MapView; k: Keuze; stroomNaam: string }) {
  const opgeheven = view.indeling.samenvoegingen;
  const redenen = [...new Map(view.nietVerdeeld.map((x) => [x.stroom, x])).values()];
  const jaren = (stroom: string) => view.nietVerdeeld.filter((x) => x.stroom === stroom).map((x) => x.jaar);
  return (
    <>
      {!view.indeling.verdeelbaar ? (
        <div class="utrecht-alert utrecht-alert--warning" id="kaart-geen-sleutel">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="nl-paragraph">
                In {k.van} is er geen verdeling per gemeente: de verdeelsleutel van die jaren is onbekend
                {redenen[0]?.reden ? ` (${redenen[0].reden})` : ''}. De kaart toont daarom geen bedragen, en zeker geen nullen: alle gemeenten staan als{' '}
                <i>{MAP_UNKNOWN_LABEL}</i>. De grenzen zijn die van {data.indeling.van}.
              </p>
            </div>
          </div>
        </div>
      ) : !view.verdeeld ? (
        <div class="utrecht-alert utrecht-alert--warning" id="kaart-niet-verdeeld">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="nl-paragraph">
                {hoofdletter(stroomNaam)} wordt in {periodeTekst(k)} niet over gemeenten verdeeld
                {redenen.length === 1 && redenen[0]!.reden ? `: ${redenen[0]!.reden}` : '.'} Er is dus geen bedrag per gemeente; de kaart toont geen nullen.
              </p>
            </div>
          </div>
        </div>
      ) : (
        redenen.length > 0 && (
          <details class="landkaart__niet-verdeeld klein">
            <summary>
              Niet over gemeenten verdeeld, dus niet in deze bedragen: {redenen.map((x) => `${x.naam} (${jaren(x.stroom).join(', ')})`).join('; ')}
            </summary>
            <ul>
              {redenen.map((x) => (
                <li key={x.stroom}>
                  {x.naam}: {x.reden ?? 'dit scenario verdeelt deze stroom niet over gemeenten.'}
                </li>
              ))}
            </ul>
          </details>
        )
      )}
      {opgeheven.map((s) => (
        <p class="nl-paragraph landkaart__herindeling" key={s.opvolger.code} id="kaart-herindeling">
          Vanaf {formatDate(s.datum)} is {s.opgeheven.map((g) => g.naam).join(', ')} bij {s.opvolger.naam} gevoegd (gepland): de kaart tekent ze als één gemeente,{' '}
          {s.opvolger.naam}, met de bedragen en inwoners van beide. Die bedragen zijn een <i>raming</i>, want {s.reden}. De kaart heeft daarom {view.rijen.length} gemeenten.
        </p>
      ))}
      {view.indeling.zonderGepland && (
        <p class="nl-paragraph landkaart__herindeling" id="kaart-zonder-herindeling">
          Dit scenario rekent zonder de geplande herindeling: de kaart toont alle {view.rijen.length} gemeenten van {data.indeling.van}-{data.indeling.tot}.
        </p>
      )}
    </>
  );
}

interface KaartProps {
  view: MapView;
  k: Keuze;
  maat: MapMeasure;
  schema: ClassScheme;
  toon: number;
  namen: readonly string[];
  wat: string;
}

/** The rows drawn: the view's, or (before the first divided year) the base division's, without figures. */
function getekend(view: MapView): { rij: MapRow | null; code: string; naam: string; delen: readonly string[] }[] {
  if (view.indeling.verdeelbaar) return view.rijen.map((r) => ({ rij: r, code: r.code, naam: r.naam, delen: r.delen }));
  return divisionOf(data, data.indeling.van).gemeenten.map((g) => ({ rij: null, code: g.code, naam: g.naam, delen: [g.code] }));
}

function Kaart({ view, k, maat, schema, toon, namen, wat }: KaartProps) {
  const basis = kaartbasis();
  const rijen = getekend(view);
  const vormen: Vorm[] = basis.vormen(rijen);
  const perCode = new Map(rijen.map((r) => [r.code, r]));
  const nul = schema.divergerend ? schema.klassen.findIndex((c) => c.van === 0n && c.tot === 0n) : null;
  const kleuren = kleurenVoor(schema.klassen.length, nul);
  const [actief, setActief] = useState(0);
  const [aangewezen, setAangewezen] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const a = Math.min(actief, vormen.length - 1);
  const getoond = aangewezen ?? focus;
  const kleurVan = (r: MapRow | null): string => {
    const i = r ? classIndex(schema, mapValue(r, maat, toon)) : null;
    return i === null ? `url(#${ONBEKEND_PATROON})` : kleuren[i]!;
  };
  const labelVan = (v: Vorm): string => {
    const r = perCode.get(v.code)!;
    return r.rij ? beschrijving(r.rij, toon, namen, schema, maat) : `${r.naam}: ${MAP_UNKNOWN_LABEL}`;
  };
  const toets = (e: KeyboardEvent, i: number) => {
    let j: number | null = null;
    const richting = PIJLTOETSEN[e.key];
    if (richting) j = volgende(vormen.map((v) => v.midden), i, richting);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = vormen.length - 1;
    if (j === null) return;
    e.preventDefault();
    setActief(j);
    const svg = (e.currentTarget as SVGElement).ownerSVGElement;
    svg?.querySelector<SVGAElement>(`a[data-code="${vormen[j]!.code}"]`)?.focus();
  };
  return (
    <div class="landkaart">
      <figure class="landkaart__figuur" aria-labelledby="kaart-titel">
        <figcaption class="landkaart__titel" id="kaart-titel">
          {wat}
        </figcaption>
        <svg
          class="landkaart__svg"
          viewBox={`0 0 ${basis.breedte} ${basis.hoogte}`}
          role="group"
          aria-label={`Kaart: ${wat}. Eén tabstop; pijltjestoetsen gaan naar de gemeente in die richting, Enter opent haar gemeentekaart.`}
          onMouseLeave={() => setAangewezen(null)}
        >
          <defs>
            <pattern id={ONBEKEND_PATROON} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2" />
            </pattern>
          </defs>
          <g class="landkaart__gemeenten">
            {vormen.map((v, i) => (
              <a
                key={v.code}
                href={href(`gemeente/${v.code}`, k.periode ? { jaar: k.tot } : { jaar: k.van })}
                data-code={v.code}
                // Lower case: on an SVG element the attribute name is case-sensitive ("tabIndex" would do nothing).
                tabindex={i === a ? 0 : -1}
                aria-label={labelVan(v)}
                onMouseEnter={() => setAangewezen(i)}
                onFocus={() => {
                  setActief(i);
                  setFocus(i);
                }}
                onBlur={() => setFocus((f) => (f === i ? null : f))}
                onKeyDown={(e) => toets(e, i)}
              >
                <path d={v.d} fill={kleurVan(perCode.get(v.code)!.rij)} />
              </a>
            ))}
          </g>
          <path class="landkaart__buitengrens" d={basis.buitengrens} />
          {k.ggd && <path class="landkaart__ggd" d={basis.ggdGrenzen} data-ggd-grenzen="" />}
          {getoond !== null && vormen[getoond] && <path class="landkaart__markering" d={vormen[getoond]!.d} />}
        </svg>
        <p class="landkaart__bron klein">
          {BRON}; gemeentegrenzen van 1 januari {data.indeling.van}
          {view.indeling.samenvoegingen.length > 0 ? ', met de geplande samenvoeging als één vorm' : ''}
          {k.ggd ? "; GGD-regio's 2023" : ''}.
        </p>
      </figure>
      <div class="landkaart__zijkant">
        <Info getekend={getoond !== null && vormen[getoond] ? perCode.get(vormen[getoond]!.code)! : null} maat={maat} schema={schema} toon={toon} namen={namen} k={k} />
        <Legenda schema={schema} kleuren={kleuren} maat={maat} view={view} toon={toon} ggd={k.ggd} />
      </div>
    </div>
  );
}

/** The figures of the municipality pointed at or focused. */
function Info({ getekend, maat, schema, toon, namen, k }: { getekend: { rij: MapRow | null; naam: string } | null; maat: MapMeasure; schema: ClassScheme; toon: number; namen: readonly string[]; k: Keuze }) {
  if (getekend === null)
    return (
      <div class="landkaart__info paneel" id="kaart-info">
        <p class="nl-paragraph klein">Wijs een gemeente aan, of ga met Tab naar de kaart en met de pijltjestoetsen naar een gemeente, voor haar cijfers.</p>
      </div>
    );
  const { rij, naam } = getekend;
  const n = rij?.zijden.length ?? 0;
  return (
    <div class="landkaart__info paneel" id="kaart-info" data-code={rij?.code}>
      <p class="landkaart__info-naam">{rij ? naamMetDelen(rij) : naam}</p>
      {rij ? (
        <dl class="landkaart__cijfers">
          {rij.zijden.map((z, j) => (
            <div key={j}>
              <dt>{n > 1 ? namen[j] : k.periode ? `Bedrag ${periodeTekst(k)}` : `Bedrag ${k.van}`}</dt>
              <dd data-veld={`bedrag-${j}`}>
                {zijdeTekst(rij, j)}
                <span class="klein"> ({centenTekst(rij.perInwoner[j] ?? null)} per inwoner)</span>
                {z.status && (
                  <>
                    {' '}
                    <Status status={z.status} />
                  </>
                )}
              </dd>
            </div>
          ))}
          {n > 1 && (
            <div>
              <dt>Verschil</dt>
              <dd data-veld="verschil">
                {verschilTekst(rij.verschillen[n - 2]!.verschil)}
                <span class="klein"> ({rij.verschilPerInwoner[n - 2] === null ? '–' : formatSignedEuro(rij.verschilPerInwoner[n - 2]!)} per inwoner)</span>
              </dd>
            </div>
          )}
          <div>
            <dt>Inwoners</dt>
            <dd>{rij.inwoners === null ? 'onbekend' : formatNumber(rij.inwoners, 0)}</dd>
          </div>
          <div>
            <dt>Klasse</dt>
            <dd data-veld="klasse">{klasseTekst(schema, maat, mapValue(rij, maat, toon))}</dd>
          </div>
        </dl>
      ) : (
        <p class="nl-paragraph">{MAP_UNKNOWN_LABEL}</p>
      )}
      <p class="klein gedempt">Klik of druk op Enter voor de gemeentekaart.</p>
    </div>
  );
}

function Legenda({ schema, kleuren, maat, view, toon, ggd }: { schema: ClassScheme; kleuren: readonly string[]; maat: MapMeasure; view: MapView; toon: number; ggd: boolean }) {
  const onbekend = view.indeling.verdeelbaar ? view.rijen.filter((r) => mapValue(r, maat, toon) === null).length : divisionOf(data, data.indeling.van).gemeenten.length;
  const vlak = (fill: string) => (
    <svg class="landkaart__vlak" viewBox="0 0 20 14" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="19" height="13" fill={fill} stroke="#555" />
    </svg>
  );
  return (
    <section class="landkaart__legenda" aria-labelledby="kaart-legenda-titel" id="kaart-legenda">
      <h2 class="nl-heading nl-heading--level-3" id="kaart-legenda-titel">
        Legenda: {MAP_MEASURE_NAMES[maat]}
      </h2>
      <ul>
        {view.indeling.verdeelbaar &&
          schema.klassen.map((c, i) => (
            <li key={i} data-klasse={i}>
              {vlak(kleuren[i]!)}
              <span>
                {classLabel(schema, c, { perInwoner: perInwonerMaat(maat) })}{' '}
                <span class="gedempt">
                  ({c.aantal} {c.aantal === 1 ? 'gemeente' : 'gemeenten'})
                </span>
              </span>
            </li>
          ))}
        <li data-klasse="onbekend">
          {vlak(`url(#${ONBEKEND_PATROON})`)}
          <span>
            {MAP_UNKNOWN_LABEL}{' '}
            <span class="gedempt">
              ({onbekend} {onbekend === 1 ? 'gemeente' : 'gemeenten'})
            </span>
          </span>
        </li>
        {ggd && (
          <li>
            <svg class="landkaart__vlak" viewBox="0 0 20 14" aria-hidden="true" focusable="false">
              <line x1="0" y1="7" x2="20" y2="7" class="landkaart__ggd" />
            </svg>
            <span>grens van een GGD-regio</span>
          </li>
        )}
      </ul>
      <p class="klein gedempt">
        “tot” is zonder de grens zelf: € 10 valt in de klasse “€ 10 tot € 20”. Onbekend telt nooit als nul.
      </p>
    </section>
  );
}

/** The same figures as a table (the core's `mapTable`), with a CSV of exactly that table. */
function Tabel({ view, k, maat, schema, toon, namen, wat, allocations }: KaartProps & { allocations: readonly Allocation[] }) {
  const open = k.tabel;
  const n = view.rijen[0]?.zijden.length ?? 1;
  const bestand = `kaart-${k.stroom}-${periodeTekst(k)}-${maat}.csv`;
  const tabel = () => mapTable(view, namen, { maat, k: toon, klassen: schema });
  const statussen = [...new Set(view.rijen.map((r) => r.zijden[toon]?.status).filter((s): s is StatusCode => !!s))];
  return (
    <section class="landkaart__tabel" id="kaart-tabel" aria-labelledby="kaart-tabel-titel" tabIndex={-1}>
      <h2 class="nl-heading nl-heading--level-2" id="kaart-tabel-titel">
        De kaart als tabel
      </h2>
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action"
        id="kaart-tabel-knop"
        aria-expanded={open}
        aria-controls="kaart-tabel-inhoud"
        onClick={() => ga({ ...k, tabel: !open })}
      >
        {open ? 'Verberg de tabel' : 'Toon als tabel'}
      </button>
      <div id="kaart-tabel-inhoud" hidden={!open}>
        {open && !view.indeling.verdeelbaar && <p class="nl-paragraph">Geen bedragen per gemeente in {k.van}: de verdeelsleutel van dat jaar is onbekend.</p>}
        {open && view.indeling.verdeelbaar && (
          <>
            <div class="tabel-wrap" role="region" aria-labelledby="tabel-kaart-titel" tabIndex={0}>
              <table class="utrecht-table" id="tabel-kaart">
                <caption class="utrecht-table__caption" id="tabel-kaart-titel">
                  {wat}: per gemeente ({view.rijen.length})
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Gemeente
                    </th>
                    <th class="utrecht-table__header-cell num" scope="col">
                      Inwoners
                    </th>
                    {Array.from({ length: n }, (_, j) => (
                      <Fragment key={j}>
                        <th class="utrecht-table__header-cell num" scope="col">
                          {n > 1 ? namen[j] : 'Bedrag'}
                        </th>
                        <th class="utrecht-table__header-cell num" scope="col">
                          {n > 1 ? `${namen[j]}, per inwoner` : 'Per inwoner'}
                        </th>
                      </Fragment>
                    ))}
                    {n > 1 && (
                      <>
                        <th class="utrecht-table__header-cell num" scope="col">
                          Verschil
                        </th>
                        <th class="utrecht-table__header-cell num" scope="col">
                          Verschil per inwoner
                        </th>
                      </>
                    )}
                    <th class="utrecht-table__header-cell" scope="col">
                      Status
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Klasse
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {view.rijen.map((r) => (
                    <tr class="utrecht-table__row" key={r.code} data-code={r.code}>
                      <th class="utrecht-table__header-cell" scope="row">
                        <a class="nl-link" href={href(`gemeente/${r.code}`, { jaar: k.tot })}>
                          {naamMetDelen(r)}
                        </a>{' '}
                        <span class="gedempt klein">{r.code}</span>
                      </th>
                      <td class="utrecht-table__cell num">{r.inwoners === null ? 'onbekend' : formatNumber(r.inwoners, 0)}</td>
                      {r.zijden.map((_, j) => (
                        <Fragment key={j}>
                          <td class="utrecht-table__cell num" data-kolom={`bedrag-${j}`}>
                            {zijdeTekst(r, j)}
                          </td>
                          <td class="utrecht-table__cell num" data-kolom={`per-inwoner-${j}`}>
                            {centenTekst(r.perInwoner[j] ?? null)}
                          </td>
                        </Fragment>
                      ))}
                      {n > 1 && (
                        <>
                          <td class="utrecht-table__cell num" data-kolom="verschil">
                            {verschilTekst(r.verschillen[n - 2]!.verschil)}
                          </td>
                          <td class="utrecht-table__cell num" data-kolom="verschil-per-inwoner">
                            {r.verschilPerInwoner[n - 2] === null ? '–' : formatSignedEuro(r.verschilPerInwoner[n - 2]!)}
                          </td>
                        </>
                      )}
                      <td class="utrecht-table__cell">{r.zijden[toon]!.status ? <Status status={r.zijden[toon]!.status!} /> : '–'}</td>
                      <td class="utrecht-table__cell" data-kolom="klasse">
                        {klasseTekst(schema, maat, mapValue(r, maat, toon))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <CsvDownload label="De kaart als tabel (CSV)" bestand={bestand} allocations={allocations} namen={namen} tabel={tabel} />
            <StatusLegenda statussen={statussen} />
          </>
        )}
      </div>
    </section>
  );
}
