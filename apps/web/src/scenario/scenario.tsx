import { useEffect, useMemo, useState } from 'preact/hooks';
import { computed } from '@preact/signals';
import { Fragment } from 'preact';
import {
  compareRecipients,
  compareTotals,
  fraction,
  compareFractions,
  streamsOf,
  type Allocation,
  type Fraction,
  type RecipientRow,
  type Scenario,
  type Side,
  type Status as StatusCode,
  type StreamChoice,
} from '@kansrijke-start/core';
import { allocation, baseAllocation, heeftWijzigingen, scenario, setScenario, varianten, waarschuwingen, BASIS, data } from './state.js';
import { WijzigingKaart } from './editor/kaart.js';
import { WijzigingToevoegen } from './editor/toevoegen.js';
import { EigenStromen } from './editor/eigen-stroom.js';
import { HerindelingKeuze } from './editor/herindeling.js';
import { ScenarioBeschrijving } from './beschrijving.js';
import { Periode } from './periode.js';
import { Kop1 } from '../ui/kop.js';
import { Status, StatusLegenda, euroTekst, perInwonerTekst, procentTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { stroomNaam } from '../ui/stromen.js';
import { StaafGrafiek } from '../ui/grafiek.js';
import { href } from '../route.js';
import { BevestigKnop } from '../ui/bevestig.js';
import { VariantenBeheer } from '../varianten/beheer.js';
import { VariantenVergelijking } from '../varianten/vergelijking.js';
import { JaarKeuze, StroomKeuze } from '../ui/keuzes.js';
import { CsvDownload } from '../ui/csv-download.js';
import { Bewijs } from '../ui/bewijs.js';
import { AlsCode } from '../ui/als-code.js';
import { tabellen } from '../ui/tabellen.js';
import { Uitgesteld } from '../ui/uitgesteld.js';
import { alleenBijWijziging } from '../ui/alleen-bij-wijziging.js';

/** The names of the baseline and the current scenario, as the results and their downloads call them. */
const scenarioNaam = computed(() => scenario.value.naam || 'Scenario');
/** The same array while the name stays, so that what shows only the names is not redrawn by an edit. */
const namenNu = computed<readonly string[]>(() => ['Basis', scenarioNaam.value]);

/** The id of the variant being edited: the form starts afresh when it changes, not on every edit. */
const bewerkt = computed(() => varianten.value.huidig);

/**
 * The scenario page. The view itself reads no state that an edit changes: each part reads what it
 * shows, so that a keystroke re-renders the parts whose figures change and not the whole page.
 */
export function ScenarioView() {
  return (
    <>
      <Kop1 titel="Scenario">Scenario doorrekenen</Kop1>
      <p class="nl-paragraph inleiding nl-paragraph--lead">
        Wijzig landelijke bedragen, kortingen, indexatie, de verdeelsleutel, de verdeling lokaal/regionaal of de deelnemende
        gemeenten. De uitkomsten worden bijgewerkt terwijl u typt en staan naast de basis.
      </p>
      <VariantenBeheer />
      {/* Keyed by the edited variant: choosing another one starts its form afresh (fields keep their typed text otherwise). */}
      <div class="werkblad" key={bewerkt.value}>
        <div class="werkblad__invoer">
          <ScenarioNaam />
          <HerindelingKeuze />
          <Wijzigingen />
          <WijzigingToevoegen onToegevoegd={naarNieuweWijziging} />
          <EigenStromen />
          <TerugNaarBasis />
          <p class="nl-paragraph">
            <a class="nl-link" href={href('delen')}>Scenario bewaren, delen of de uitkomsten downloaden</a>
          </p>
        </div>
        <div class="werkblad__uitkomst" id="uitkomst">
          <Totalen />
          <ScenarioBewijs />
        </div>
      </div>
      <VariantenVergelijking />
      <PerGemeente />
      <Periode />
      <ScenarioBeschrijving />
    </>
  );
}

/** After a change is added: its card scrolled into view, its first field focused. */
const naarNieuweWijziging = (i: number) =>
  requestAnimationFrame(() => {
    const kaart = document.getElementById(`wijziging-${i}`);
    kaart?.scrollIntoView({ block: 'nearest' });
    (kaart?.querySelector('input[type="text"], select') as HTMLElement | null)?.focus();
  });

function ScenarioNaam() {
  const [naamFout, setNaamFout] = useState<string | null>(null);
  return (
    <div class={`utrecht-form-field${naamFout ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for="scenario-naam">Naam van het scenario</label>
      {naamFout && (
        <span class="utrecht-form-field-error-message" id="scenario-naam-fout">
          {naamFout}
        </span>
      )}
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        id="scenario-naam"
        type="text"
        value={scenario.value.naam}
        maxLength={200}
        aria-invalid={naamFout ? 'true' : undefined}
        aria-describedby={naamFout ? 'scenario-naam-fout' : undefined}
        onInput={(e) => {
          const c = setScenario({ ...scenario.value, naam: e.currentTarget.value });
          setNaamFout(c.ok ? null : c.fouten.map((f) => f.bericht).join('; '));
        }}
      />
    </div>
  );
}

function Wijzigingen() {
  const s = scenario.value;
  return (
    <>
      <h2 class="nl-heading nl-heading--level-2" id="wijzigingen-titel" tabIndex={-1}>
        Wijzigingen ({s.wijzigingen.length})
      </h2>
      {s.wijzigingen.length === 0 ? (
        <p class="nl-paragraph">
          Nog geen wijzigingen{heeftWijzigingen.value ? '.' : ': de uitkomst is de basis.'} Voeg hieronder een wijziging toe.
        </p>
      ) : (
        <>
          <p class="nl-paragraph utrecht-form-field-description">Latere wijzigingen gaan voor eerdere, voor de jaren waarin ze allebei gelden.</p>
          <ol class="wijzigingen">
            {s.wijzigingen.map((w, i) => (
              <WijzigingKaart key={`${i}-${w.soort}`} w={w} i={i} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function TerugNaarBasis() {
  if (!heeftWijzigingen.value) return null;
  return (
    <p class="nl-paragraph">
      <BevestigKnop
        label="Terug naar de basis"
        vraag="Alle wijzigingen weggooien en terug naar de basis?"
        ja="Ja, terug naar de basis"
        onJa={() => setScenario({ ...BASIS, naam: scenario.value.naam })} // a variant keeps its name
      />
    </p>
  );
}

function ScenarioBewijs() {
  return <Bewijs allocations={heeftWijzigingen.value ? [baseAllocation, allocation.value] : [baseAllocation]} namen={namenNu.value} />;
}

const kant = (z: Side): string => (z.aanwezig ? euroTekst(z.bedrag) : '–');

function Totalen() {
  const rows = compareTotals([baseAllocation, allocation.value]);
  const [alleenGewijzigd, setAlleenGewijzigd] = useState(false);
  const zicht = alleenGewijzigd ? rows.filter((r) => r.gewijzigd) : rows;
  const kader = waarschuwingen.value.filter((w) => w.pad === 'scenario');
  const statussen = [...new Set(rows.map((r) => r.zijden[1]!.status).filter((x): x is StatusCode => x !== null))];
  return (
    <section class="pas-in-beeld" aria-labelledby="totalen-titel">
      <h2 class="nl-heading nl-heading--level-2" id="totalen-titel">Totalen per stroom en jaar</h2>
      {kader.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning">
          <div class="utrecht-alert__message">
            <h3 class="nl-heading nl-heading--level-3">Boven het kader</h3>
            <ul>
              {kader.map((w) => (
                <li key={w.bericht}>{w.bericht}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <label class="utrecht-form-label keuze">
        <input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" type="checkbox" checked={alleenGewijzigd} onChange={(e) => setAlleenGewijzigd(e.currentTarget.checked)} />
        Alleen gewijzigde stromen en jaren tonen
      </label>
      <div class="tabel-wrap tabel-totalen-wrap" role="region" aria-labelledby="tabel-totalen-titel" tabIndex={0}>
        <table id="tabel-totalen" class="utrecht-table tabel-compact">
          <caption class="utrecht-table__caption" id="tabel-totalen-titel">Te verdelen bedrag per stroom en jaar: basis en scenario</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Jaar en stroom</th>
              <th scope="col" class="utrecht-table__header-cell num">
                Basis
              </th>
              <th scope="col" class="utrecht-table__header-cell num">
                Scenario
              </th>
              <th scope="col" class="utrecht-table__header-cell num">
                Verschil
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {zicht.length === 0 && (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell" colSpan={4}>Nog niets gewijzigd.</td>
              </tr>
            )}
            {zicht.map((r) => {
              const v = r.verschillen[0]!.verschil;
              return (
                <TotaalRij
                  key={`${r.stroom}|${r.jaar}`}
                  stroom={r.stroom}
                  jaar={r.jaar}
                  naam={stroomNaam(r.stroom)}
                  gewijzigd={r.gewijzigd}
                  basis={kant(r.zijden[0]!)}
                  scenario={kant(r.zijden[1]!)}
                  status={r.zijden[1]!.status ?? r.zijden[0]!.status}
                  verschil={verschilTekst(v)}
                  klasse={verschilKlasse(v)}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      <CsvDownload
        label="Tabel als CSV"
        bestand={alleenGewijzigd ? 'totalen-gewijzigd.csv' : 'totalen.csv'}
        tabel={async () => (await tabellen()).totalRowsTable(zicht, namenNu.value)}
        allocations={[baseAllocation, allocation.value]}
        namen={namenNu.value}
      />
      <StatusLegenda statussen={statussen} />
    </section>
  );
}

/** A row of the totals, as texts: redrawn only when one of them changed (an edit changes a few). */
const TotaalRij = alleenBijWijziging(
  (r: { stroom: string; jaar: number; naam: string; gewijzigd: boolean; basis: string; scenario: string; status: StatusCode | null; verschil: string; klasse: string }) => (
    <tr class={r.gewijzigd ? 'utrecht-table__row verschil-rij-gewijzigd' : 'utrecht-table__row'} data-stroom={r.stroom} data-jaar={r.jaar}>
      <th class="utrecht-table__header-cell" scope="row">
        {r.jaar} · {r.naam}
        {r.gewijzigd && <span class="klein"> (gewijzigd)</span>}
      </th>
      <td class="utrecht-table__cell num">{r.basis}</td>
      <td class="utrecht-table__cell num">
        <span data-kolom="scenario">{r.scenario}</span>
        {r.status && (
          <span class="cel-status">
            <Status status={r.status} />
          </span>
        )}
      </td>
      <td class={`utrecht-table__cell num${r.klasse}`}>{r.verschil}</td>
    </tr>
  ),
);

/** One recipient of the core's comparison, as the table shows it. */
interface Rij {
  code: string;
  naam: string;
  soort: RecipientRow['soort'];
  /** The province of a municipality; for a region, who receives its money. */
  provincie: string;
  inwoners: bigint | null;
  basis: Side;
  scenario: Side;
  verschil: bigint | null;
  fractie: Fraction | null;
  status: StatusCode | null;
  /** The core's row, for the CSV of exactly what is shown. */
  bron: RecipientRow;
}

const SOORT_NAAM: Record<RecipientRow['soort'], string> = { gemeente: 'gemeente', regio: 'IZA-regio', reservering: 'reservering', onbenut: 'onbenut' };

function rij(r: RecipientRow): Rij {
  const [b, sc] = [r.zijden[0]!, r.zijden[r.zijden.length - 1]!];
  return {
    code: r.ontvanger,
    naam: r.naam,
    soort: r.soort,
    provincie: r.provincie ?? (r.mandaatgemeente ? `${SOORT_NAAM[r.soort]}, betaald aan ${r.mandaatgemeente.naam}` : SOORT_NAAM[r.soort]),
    inwoners: r.inwoners,
    basis: b,
    scenario: sc,
    verschil: r.verschillen[0]?.verschil ?? null,
    fractie: r.verschillen[0]?.fractie ?? null,
    status: sc.status ?? b.status,
    bron: r,
  };
}

type Kolom = 'naam' | 'provincie' | 'basis' | 'scenario' | 'verschil' | 'fractie' | 'perInwoner';
const KOLOMMEN: { id: Kolom; label: string; num: boolean }[] = [
  { id: 'naam', label: 'Ontvanger', num: false },
  { id: 'provincie', label: 'Provincie of ontvanger', num: false },
  { id: 'basis', label: 'Basis', num: true },
  { id: 'scenario', label: 'Scenario', num: true },
  { id: 'verschil', label: 'Verschil', num: true },
  { id: 'fractie', label: 'Verschil %', num: true },
  { id: 'perInwoner', label: 'Scenario per inwoner', num: true },
];

/** `localeCompare(b, 'nl')` and `localeCompare(b)` with one collator each, rather than one per comparison. */
const opNaam = new Intl.Collator('nl').compare;
const opCode = new Intl.Collator().compare;

const PROVINCIES = [...new Set(data.gemeenten.map((g) => g.provincie))].sort(opNaam);

/** Compares two nullable values; null (unknown) sorts last in both directions. */
function cmpNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, dir: 1 | -1): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return cmp(a, b) * dir;
}
const big = (x: bigint, y: bigint) => (x < y ? -1 : x > y ? 1 : 0);
const perInw = (r: Rij) => (r.scenario.bedrag === null || !r.inwoners ? null : fraction(r.scenario.bedrag, r.inwoners));

function sorteer(rows: Rij[], kolom: Kolom, dir: 1 | -1): Rij[] {
  const cmp = (a: Rij, b: Rij): number => {
    switch (kolom) {
      case 'naam':
        return opNaam(a.naam, b.naam) * dir;
      case 'provincie':
        return opNaam(a.provincie, b.provincie) * dir || opNaam(a.naam, b.naam);
      case 'basis':
      case 'scenario':
        return cmpNullable(a[kolom].bedrag, b[kolom].bedrag, big, dir);
      case 'verschil':
        return cmpNullable(a.verschil, b.verschil, big, dir);
      case 'fractie':
        return cmpNullable(a.fractie, b.fractie, compareFractions, dir);
      case 'perInwoner':
        return cmpNullable(perInw(a), perInw(b), compareFractions, dir);
    }
  };
  return [...rows].sort((a, b) => cmp(a, b) || opCode(a.code, b.code));
}

const procent = (f: Fraction): Fraction => fraction(f.n * 100n, f.d);

type SoortKeuze = 'alle' | RecipientRow['soort'];

/** The recipients' comparison: out of sight, it follows once typing pauses (ui/uitgesteld.tsx). */
function PerGemeente() {
  const s = scenario.value;
  return (
    <Uitgesteld sleutel={String(s.wijzigingen.length)}>
      <Ontvangers s={s} uitkomst={allocation.value} namen={namenNu.value} />
    </Uitgesteld>
  );
}

function Ontvangers({ s, uitkomst, namen }: { s: Scenario; uitkomst: Allocation; namen: readonly string[] }) {
  const eerste = s.wijzigingen.at(-1);
  const [jaar, setJaar] = useState<number>(eerste?.jaar ?? 2026);
  const [stroom, setStroom] = useState<StreamChoice>(eerste?.stroom ?? 'alle');
  const [provincie, setProvincie] = useState('');
  const [soort, setSoort] = useState<SoortKeuze>('alle');
  const [zoek, setZoek] = useState('');
  const [sort, setSort] = useState<{ kolom: Kolom; dir: 1 | -1 }>({ kolom: 'verschil', dir: -1 });
  // Follow the change the user is editing: its stream and year are what they want to see.
  useEffect(() => {
    if (eerste) {
      setJaar(eerste.jaar);
      setStroom(eerste.stroom);
    }
  }, [s.wijzigingen.length]);

  const rows = useMemo(() => compareRecipients(data, [baseAllocation, uitkomst], { jaar, stroom }).map(rij), [uitkomst, jaar, stroom]);
  const soorten = [...new Set(rows.map((r) => r.soort))];
  const z = zoek.trim().toLowerCase();
  const gefilterd = rows.filter(
    (r) =>
      (soort === 'alle' || r.soort === soort) &&
      (!provincie || r.provincie === provincie) &&
      (!z || r.naam.toLowerCase().includes(z) || r.code.toLowerCase().includes(z)),
  );
  const gesorteerd = sorteer(gefilterd, sort.kolom, sort.dir);
  /** Which rows the table shows, in which order: everything but the figures. */
  const keuze = [jaar, stroom, soort, provincie, z, sort.kolom, sort.dir].join('|');
  const totaal = (k: 'basis' | 'scenario' | 'verschil') => {
    let t = 0n;
    for (const r of gefilterd) {
      const v = k === 'verschil' ? r.verschil : r[k].aanwezig ? r[k].bedrag : 0n;
      if (v === null) return null;
      t += v;
    }
    return t;
  };
  const keuzeNaam = stroom === 'alle' ? 'alle stromen samen' : stroomNaam(stroom);
  const geenVerdeling = rows.length === 0;
  // Every amount carries a status; within one stream and year they share it, so it is said once.
  const statussen = [...new Set(rows.map((r) => r.status).filter((st): st is StatusCode => st !== null))];

  return (
    <section class="pas-in-beeld" aria-labelledby="per-gemeente-titel">
      <h2 class="nl-heading nl-heading--level-2" id="per-gemeente-titel">Gevolgen per ontvanger</h2>
      <p class="nl-paragraph klein">Waar het geld heen gaat: de gemeenten, en de IZA-regio's (betaald aan hun mandaatgemeente) wanneer een deel regionaal wordt verdeeld.</p>
      <div class="filters">
        <JaarKeuze id="vgl-jaar" waarde={jaar} kies={(j) => setJaar(j ?? jaar)} />
        <StroomKeuze id="vgl-stroom" stromen={streamsOf(s)} waarde={stroom} kies={setStroom} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="vgl-soort">Ontvangers</label>
          <select class="utrecht-select utrecht-select--html-select" id="vgl-soort" value={soort} onChange={(e) => setSoort(e.currentTarget.value as SoortKeuze)}>
            <option value="alle">Alle ontvangers</option>
            {soorten.map((k) => (
              <option key={k} value={k}>
                {k === 'gemeente' ? 'Gemeenten' : k === 'regio' ? "IZA-regio's" : k === 'reservering' ? 'Reserveringen' : 'Onbenut'}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="vgl-provincie">Provincie</label>
          <select class="utrecht-select utrecht-select--html-select" id="vgl-provincie" value={provincie} onChange={(e) => setProvincie(e.currentTarget.value)}>
            <option value="">Alle provincies</option>
            {PROVINCIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="vgl-zoek">Zoek ontvanger</label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="vgl-zoek" type="search" value={zoek} onInput={(e) => setZoek(e.currentTarget.value)} />
        </div>
      </div>
      {geenVerdeling ? (
        <p class="nl-paragraph">
          In {jaar} wordt {keuzeNaam === 'alle stromen samen' ? 'niets' : keuzeNaam} niet over ontvangers verdeeld.
        </p>
      ) : (
        <>
          <Uitgesteld sleutel={`${jaar}|${stroom}|${keuzeNaam}`}>
            <StijgersEnDalers rows={rows} keuzeNaam={keuzeNaam} q={{ jaar, stroom }} allocations={[baseAllocation, uitkomst]} namen={namen} />
          </Uitgesteld>
          <Uitgesteld sleutel={`${jaar}|${stroom}|${keuzeNaam}`}>
            <Verdeling rows={rows} titel={`Verdeling van de verandering over de gemeenten, ${keuzeNaam}, ${jaar}`} allocations={[baseAllocation, uitkomst]} namen={namen} />
          </Uitgesteld>
          <p class="nl-paragraph klein" id="status-gemeenten">
            Status van de scenariobedragen in deze tabel:{' '}
            {statussen.map((st, i) => (
              <Fragment key={st}>
                {i > 0 && ', '}
                <Status status={st} />
              </Fragment>
            ))}
            . Kies een gemeente voor de uitleg en de bron van elk bedrag.
          </p>
          <StatusLegenda statussen={statussen} />
          <p aria-live="polite" class="nl-paragraph klein">
            {gefilterd.length} van {rows.length} ontvangers getoond.
          </p>
          {/* An ARIA table of rows with content-visibility: rows out of view are not laid out or painted,
              so that all 342 municipalities stay in the page while each keystroke repaints fast. */}
          <p id="tabel-gemeenten-titel" class="nl-paragraph tabel-titel">
            Bedrag per ontvanger, {keuzeNaam}, {jaar}: basis en scenario
          </p>
          <div class="tabel-wrap tabel-hoog" role="region" aria-labelledby="tabel-gemeenten-titel" tabIndex={0}>
            <div role="table" id="tabel-gemeenten" class="rijtabel" aria-labelledby="tabel-gemeenten-titel">
              <div role="rowgroup" class="rijtabel__kop">
                <div role="row" class="rijtabel__rij">
                  {KOLOMMEN.map((k) => {
                    const actief = sort.kolom === k.id;
                    return (
                      <div key={k.id} role="columnheader" class={k.num ? 'num' : undefined} aria-sort={actief ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
                        <button
                          type="button"
                          class="sorteer"
                          onClick={() => setSort({ kolom: k.id, dir: actief ? (sort.dir === 1 ? -1 : 1) : k.num ? -1 : 1 })}
                        >
                          {k.label}
                          <span aria-hidden="true">{actief ? (sort.dir === 1 ? '▲' : '▼') : '↕'}</span>
                          <span class="visually-hidden">, sorteer</span>
                        </button>
                      </div>
                    );
                  })}
                </div>
              </div>
              <div role="rowgroup" class="rijtabel__romp">
                {/* Blocks of rows keyed by position: a re-sort after an edit updates text in place instead of
                    moving DOM nodes. While typing, a block out of sight follows once typing pauses
                    (ui/uitgesteld.tsx); another choice of rows redraws them all at once. */}
                {blokken(gesorteerd).map((blok, b) => (
                  <Uitgesteld key={b} role="none" class="rijtabel__blok" sleutel={`${keuze}|${blok.length}`}>
                    <RijBlok rows={blok} />
                  </Uitgesteld>
                ))}
              </div>
              <div role="rowgroup" class="rijtabel__voet">
                <div role="row" class="rijtabel__rij">
                  <div role="rowheader">Totaal</div>
                  <div role="cell">{gefilterd.length} ontvangers</div>
                  <div role="cell" class="num">
                    {euroTekst(totaal('basis'))}
                  </div>
                  <div role="cell" class="num">
                    {euroTekst(totaal('scenario'))}
                  </div>
                  <div role="cell" class="num">
                    {verschilTekst(totaal('verschil'))}
                  </div>
                  <div role="cell" />
                  <div role="cell" />
                </div>
              </div>
            </div>
          </div>
          <CsvDownload
            label="Tabel zoals getoond (CSV)"
            bestand={`ontvangers-${jaar}-${stroom.replace(':', '-')}-getoond.csv`}
            tabel={async () => (await tabellen()).recipientRowsTable(gesorteerd.map((r) => r.bron), namen, { jaar, stroom })}
            allocations={[baseAllocation, uitkomst]}
            namen={namen}
          />
          <AlsCode view={{ view: 'scenario', jaar, stroom: stroom === 'alle' ? null : stroom }} scenarios={[s]} />
        </>
      )}
    </section>
  );
}

/** Rows per block of the municipalities' table: about half of what its box shows. */
const BLOK = 8;
const blokken = (rows: readonly Rij[]): Rij[][] => Array.from({ length: Math.ceil(rows.length / BLOK) }, (_, b) => rows.slice(b * BLOK, (b + 1) * BLOK));

function RijBlok({ rows }: { rows: readonly Rij[] }) {
  return (
    <>
      {rows.map((r, i) => (
        <div role="row" class="rijtabel__rij" key={i} data-code={r.code}>
          <div role="rowheader">{r.soort === 'gemeente' ? <a class="nl-link" href={`#/gemeente/${r.code}`}>{r.naam}</a> : r.naam}</div>
          <div role="cell">{r.provincie}</div>
          <div role="cell" class="num">
            {kant(r.basis)}
          </div>
          <div role="cell" class="num">
            {kant(r.scenario)}
          </div>
          <div role="cell" class={`num${verschilKlasse(r.verschil)}`}>
            {verschilTekst(r.verschil)}
          </div>
          <div role="cell" class="num">
            {procentTekst(r.fractie)}
          </div>
          <div role="cell" class="num">
            {perInwonerTekst(r.scenario.bedrag, r.inwoners)}
          </div>
        </div>
      ))}
    </>
  );
}

/** The municipalities that gain and lose most: computed here, so that they wait with the lists when those are out of sight. */
interface Uitkomsten {
  /** The baseline and the scenario, and their names. */
  allocations: readonly Allocation[];
  namen: readonly string[];
}

function StijgersEnDalers({ rows, keuzeNaam, q, allocations, namen }: { rows: readonly Rij[]; keuzeNaam: string; q: { jaar: number; stroom: StreamChoice } } & Uitkomsten) {
  const metVerschil = rows.filter((r) => r.soort === 'gemeente' && r.verschil !== null && r.verschil !== 0n);
  const stijgers = sorteer(metVerschil.filter((r) => r.verschil! > 0n), 'verschil', -1).slice(0, 10);
  const dalers = sorteer(metVerschil.filter((r) => r.verschil! < 0n), 'verschil', 1).slice(0, 10);
  return (
    <div class="kolommen-2">
      <Toppers titel={`Grootste stijgingen, ${keuzeNaam}, ${q.jaar}`} id="stijgers" rows={stijgers} q={q} allocations={allocations} namen={namen} />
      <Toppers titel={`Grootste dalingen, ${keuzeNaam}, ${q.jaar}`} id="dalers" rows={dalers} q={q} allocations={allocations} namen={namen} />
    </div>
  );
}

function Toppers({ titel, id, rows, q, allocations, namen }: { titel: string; id: string; rows: Rij[]; q: { jaar: number; stroom: StreamChoice } } & Uitkomsten) {
  return (
    <div>
      <h3 class="nl-heading nl-heading--level-3" id={`${id}-titel`}>{titel}</h3>
      {rows.length === 0 ? (
        <p class="nl-paragraph">Geen.</p>
      ) : (
        <table class="utrecht-table" id={`tabel-${id}`} aria-labelledby={`${id}-titel`}>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">Gemeente</th>
              <th scope="col" class="utrecht-table__header-cell num">
                Verschil
              </th>
              <th scope="col" class="utrecht-table__header-cell num">
                %
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((r) => (
              <tr class="utrecht-table__row" key={r.code}>
                <th class="utrecht-table__header-cell" scope="row">{r.naam}</th>
                <td class={`utrecht-table__cell num${verschilKlasse(r.verschil)}`}>{verschilTekst(r.verschil)}</td>
                <td class="utrecht-table__cell num">{procentTekst(r.fractie)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <CsvDownload
          label="Tabel als CSV"
          bestand={`${id}-${q.jaar}-${q.stroom.replace(':', '-')}.csv`}
          tabel={async () => (await tabellen()).recipientRowsTable(rows.map((r) => r.bron), namen, q)}
          allocations={allocations}
          namen={namen}
        />
      )}
    </div>
  );
}

/** Histogram bins of the change in percent; bounds compared exactly as fractions. */
const BINS = ['−20% of meer', '−20 tot −10%', '−10 tot −5%', '−5 tot 0%', 'gelijk', '0 tot 5%', '5 tot 10%', '10 tot 20%', '20% of meer'];

/** The histogram of the municipalities' changes (the other recipients are left out). */
function Verdeling({ rows, titel, allocations, namen }: { rows: readonly Rij[]; titel: string } & Uitkomsten) {
  const telling = useMemo(() => {
    const t = BINS.map(() => 0);
    let zonderBasis = 0;
    for (const r of rows) {
      if (r.soort !== 'gemeente') continue;
      if (r.fractie === null) {
        zonderBasis += r.verschil !== null && r.verschil !== 0n ? 1 : 0;
        if (r.verschil === 0n) t[4]!++;
        continue;
      }
      if (r.fractie.n === 0n) {
        t[4]!++;
        continue;
      }
      const pct = procent(r.fractie);
      let bin: number;
      if (pct.n < 0n) {
        bin = 3;
        if (compareFractions(pct, fraction(-20n)) <= 0) bin = 0;
        else if (compareFractions(pct, fraction(-10n)) <= 0) bin = 1;
        else if (compareFractions(pct, fraction(-5n)) <= 0) bin = 2;
      } else {
        bin = 5;
        if (compareFractions(pct, fraction(20n)) >= 0) bin = 8;
        else if (compareFractions(pct, fraction(10n)) >= 0) bin = 7;
        else if (compareFractions(pct, fraction(5n)) >= 0) bin = 6;
      }
      t[bin]!++;
    }
    return { t, zonderBasis };
  }, [rows]);
  return (
    <>
      <StaafGrafiek
        id="grafiek-verdeling"
        titel={titel}
        beschrijving={`Aantal gemeenten per klasse van verandering: ${BINS.map((b, i) => `${b}: ${telling.t[i]}`).join('; ')}.`}
        categorieen={BINS}
        reeksen={[{ naam: 'Aantal gemeenten', kleur: '#154273', waarden: telling.t }]}
        asLabel={(v) => String(Math.round(v))}
        hoogte={240}
        csv={{
          bestand: 'verdeling-verandering.csv',
          tabel: async () => (await tabellen()).chartTable('Verdeling', { id: 'klasse', kop: 'Verandering' }, BINS, [{ id: 'gemeenten', naam: 'Aantal gemeenten', soort: 'aantal', waarden: telling.t }]),
          allocations,
          namen,
        }}
      />
      {telling.zonderBasis > 0 && (
        <p class="nl-paragraph klein">{telling.zonderBasis} gemeenten hadden in de basis geen bedrag; hun verandering staat niet in de grafiek.</p>
      )}
    </>
  );
}
