import { useState } from 'preact/hooks';
import {
  formatEuro,
  formatNumber,
  perInhabitantCents,
  formatPercent,
  keyFactors,
  type Allocation,
  type CardSum,
  type Difference,
  type Fraction,
  type KeyFactors,
  type Municipality,
  type RecipientCard,
  type RecipientViewSide,
  type StreamRef,
  yearTotalText,
} from '@kansrijke-start/core';
import { data, vergeleken, vergelekenNamen } from '../scenario/state.js';
import { sideIds } from '@kansrijke-start/core';
import { tabellen } from '../ui/tabellen.js';
import { CsvDownload } from '../ui/csv-download.js';
import { Status, euroTekst, perInwonerTekst, procentTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { StaafGrafiek } from '../ui/grafiek.js';
import { stroomNaam } from '../ui/stromen.js';

/**
 * The parts of the municipality card that are new on its page: the overview of stream × year
 * with every sum, the trend chart, and the indicators its key weighs. Every figure is the core's
 * (`recipientCard`, `keyFactors`); this file only lays them out.
 */

/** Colours of the compared allocations in the chart (at least 3:1 against white). */
const KANT_KLEUR = ['#154273', '#e17000', '#39870c'];

/** The years of the card in which some own amount is divided (or sits with a successor): the columns of the overview. */
export function kaartJaren(card: RecipientCard): number[] {
  return card.jaren.filter((j) => card.rijen.some((r) => r.jaar === j && r.rol === 'eigen' && r.zijden.some((z) => z.verdeeld || z.opgegaanIn)));
}

/** The names of the compared allocations, each once: a name that repeats an earlier one gets its place added ("Basis (2)"). */
export const uniekeNamen = (namen: readonly string[]): string[] => namen.map((n, k) => (namen.indexOf(n) < k ? `${n} (${k + 1})` : n));

const periodeNaam = (jaren: readonly number[]) => (jaren.length === 0 ? '' : jaren.length === 1 ? `${jaren[0]}` : `${jaren[0]}–${jaren[jaren.length - 1]}`);

/** One side of a cell of the overview: the amount, with a link to its explanation. */
function Cel({ z, uitleg }: { z: RecipientViewSide | undefined; uitleg: string }) {
  if (!z || !z.aanwezig) return <>–</>;
  if (z.opgegaanIn) return <span class="klein">bij {z.opgegaanIn.naam}</span>;
  if (!z.verdeeld) return <span class="klein">niet verdeeld</span>;
  return <a class="nl-link" href={uitleg}>{euroTekst(z.bedrag)}</a>;
}

/** True when two sides of a cell show the same: both absent, or the same amount with the same presence. */
function zelfdeKant(a: RecipientViewSide | undefined, b: RecipientViewSide | undefined): boolean {
  if (!a || !b) return a === b;
  return a.aanwezig === b.aanwezig && a.verdeeld === b.verdeeld && a.bedrag === b.bedrag && (a.opgegaanIn?.code ?? null) === (b.opgegaanIn?.code ?? null);
}

function VerschilCel({ d }: { d: Difference | undefined }) {
  if (!d) return <>–</>;
  return (
    <>
      {verschilTekst(d.verschil)}
      {d.fractie && <span class="kaart__procent">{procentTekst(d.fractie)}</span>}
    </>
  );
}

function somTekst(s: CardSum, opvolger: string | null): string {
  if (!s.verdeeld) return s.elders ? `bij ${opvolger ?? 'de opvolger'}` : '–';
  return euroTekst(s.bedrag);
}

/**
 * The overview: per stream the amount of every year shown and the sum over those years, for the
 * baseline and each compared variant, with the variants' differences; then the totals per year
 * and their euro per inhabitant.
 */
export function KaartOverzicht({
  g,
  card,
  namen,
  uitlegHref,
}: {
  g: Municipality;
  card: RecipientCard;
  namen: readonly string[];
  uitlegHref: (sleutel: string) => string;
}) {
  const jaren = kaartJaren(card);
  const vergelijk = namen.length > 1;
  const periode = periodeNaam(jaren);
  const eigen = (stroom: StreamRef, jaar: number) => card.rijen.find((r) => r.stroom === stroom && r.jaar === jaar && r.rol === 'eigen');
  if (jaren.length === 0) return <p class="nl-paragraph">In de getoonde jaren wordt niets over gemeenten verdeeld.</p>;
  const opvolger = card.rijen.flatMap((r) => r.zijden).find((z) => z.opgegaanIn)?.opgegaanIn?.naam ?? null;
  const kop = (tekst: string, k: number) => (vergelijk ? `${tekst}: ${namen[k]}` : tekst);
  return (
    <div class="tabel-wrap kaart__overzicht" role="region" aria-labelledby="kaart-overzicht-titel" tabIndex={0}>
      <table class="utrecht-table" id="kaart-overzicht">
        <caption class="utrecht-table__caption" id="kaart-overzicht-titel">
          {g.naam} per stroom en jaar, met het totaal over {periode}
          {vergelijk ? `: ${namen.join(', ')}` : ''}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">Stroom</th>
            {jaren.map((j) => (
              <th key={j} scope="col" class="utrecht-table__header-cell num">
                {j}
              </th>
            ))}
            <th scope="col" class="utrecht-table__header-cell num">
              Totaal {periode}
            </th>
          </tr>
        </thead>
        {card.perStroom.map((s) => {
          // A variant that equals the baseline in every year shown is shown once with it, saying so.
          const gelijk = namen.map((_, k) => k > 0 && jaren.every((j) => zelfdeKant(eigen(s.stroom, j)?.zijden[0], eigen(s.stroom, j)?.zijden[k])));
          const kanten = namen.map((_, k) => k).filter((k) => !gelijk[k]);
          const ook = namen.filter((_, k) => gelijk[k]);
          return (
            <tbody class="utrecht-table__body" key={s.stroom} data-stroom={s.stroom}>
              {kanten.map((k) => (
                <tr class="utrecht-table__row" key={k} data-kant={k}>
                  <th class="utrecht-table__header-cell" scope="row">
                    {kop(stroomNaam(s.stroom), k)}
                    {k === 0 && ook.length > 0 && <span class="kaart__gelijk">{ook.join(' en ')}: gelijk aan de basis</span>}
                  </th>
                  {jaren.map((j) => {
                    const r = eigen(s.stroom, j);
                    return (
                      <td key={j} class="utrecht-table__cell num" data-jaar={j}>
                        <Cel z={r?.zijden[k]} uitleg={uitlegHref(`${s.stroom}|${j}|${card.code}`)} />
                      </td>
                    );
                  })}
                  <td class="utrecht-table__cell num kaart__som" data-jaar="totaal">
                    {somTekst(s.zijden[k]!, opvolger)}
                  </td>
                </tr>
              ))}
              {kanten
                .filter((k) => k > 0)
                .map((k) => (
                  <tr key={`v-${k}`} class="utrecht-table__row kaart__verschil" data-verschil={k}>
                    <th class="utrecht-table__header-cell" scope="row">
                      Verschil {namen[k]} met {namen[0]}
                    </th>
                    {jaren.map((j) => {
                      const d = eigen(s.stroom, j)?.verschillen[k - 1];
                      return (
                        <td key={j} class={`utrecht-table__cell num${verschilKlasse(d?.verschil ?? null)}`}>
                          <VerschilCel d={d} />
                        </td>
                      );
                    })}
                    <td class={`utrecht-table__cell num kaart__som${verschilKlasse(s.verschillen[k - 1]!.verschil)}`}>
                      <VerschilCel d={s.verschillen[k - 1]} />
                    </td>
                  </tr>
                ))}
            </tbody>
          );
        })}
        <tbody class="utrecht-table__body kaart__totalen" data-stroom="totaal">
          {namen.map((_, k) => (
            <tr key={k} class="utrecht-table__row jaar-totaal" data-kant={k}>
              <th class="utrecht-table__header-cell" scope="row">{kop('Totaal', k)}</th>
              {jaren.map((j) => {
                const t = card.perJaar.find((y) => y.jaar === j)!.totalen[k]!;
                return (
                  <td key={j} class="utrecht-table__cell num" data-jaar={j}>
                    {t.opgegaanIn ? <span class="klein">bij {t.opgegaanIn.naam}</span> : !t.verdeeld ? '–' : yearTotalText(t)}
                  </td>
                );
              })}
              <td class="utrecht-table__cell num kaart__som" data-jaar="totaal">
                {somTekst(card.totaal.zijden[k]!, opvolger)}
              </td>
            </tr>
          ))}
          {namen.slice(1).map((naam, i) => (
            <tr key={`v-${i}`} class="utrecht-table__row kaart__verschil" data-verschil={i + 1}>
              <th class="utrecht-table__header-cell" scope="row">Verschil {naam} met {namen[0]}</th>
              {jaren.map((j) => {
                const d = card.perJaar.find((y) => y.jaar === j)!.verschillen[i];
                return (
                  <td key={j} class={`utrecht-table__cell num${verschilKlasse(d?.verschil ?? null)}`}>
                    <VerschilCel d={d} />
                  </td>
                );
              })}
              <td class={`utrecht-table__cell num kaart__som${verschilKlasse(card.totaal.verschillen[i]!.verschil)}`}>
                <VerschilCel d={card.totaal.verschillen[i]} />
              </td>
            </tr>
          ))}
          {namen.map((_, k) => (
            <tr key={`pi-${k}`} class="utrecht-table__row kaart__per-inwoner" data-kant={k}>
              <th class="utrecht-table__header-cell" scope="row">{kop('Per inwoner', k)}</th>
              {jaren.map((j) => {
                const t = card.perJaar.find((y) => y.jaar === j)!.totalen[k]!;
                return (
                  <td key={j} class="utrecht-table__cell num">
                    {t.perInwoner === null ? '–' : perInwonerTekst(t.bedrag, t.inwoners)}
                  </td>
                );
              })}
              <td class="utrecht-table__cell num kaart__som">{card.totaal.zijden[k]!.perInwonerCenten === null ? '–' : euroTekst(card.totaal.zijden[k]!.perInwonerCenten, 'always')}</td>
            </tr>
          ))}
          {namen.slice(1).map((naam, i) => (
            <tr key={`piv-${i}`} class="utrecht-table__row kaart__verschil kaart__per-inwoner">
              <th class="utrecht-table__header-cell" scope="row">Verschil per inwoner {naam}</th>
              {jaren.map((j) => {
                const d = card.perJaar.find((y) => y.jaar === j)!.verschillen[i];
                return (
                  <td key={j} class="utrecht-table__cell num">
                    {verschilTekstCenten(d ? perInhabitantCents(d.verschil, card.perJaar.find((y) => y.jaar === j)!.totalen[0]!.inwoners) : null)}
                  </td>
                );
              })}
              <td class="utrecht-table__cell num kaart__som">{verschilTekstCenten(card.totaal.verschilPerInwoner[i] ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "+€ 1,23": a signed amount of cents with its cents shown; '–' when unknown. */
function verschilTekstCenten(c: bigint | null): string {
  if (c === null) return '–';
  const t = formatEuro(c < 0n ? -c : c, 'always');
  return c === 0n ? t : `${c < 0n ? '-' : '+'}${t}`;
}

/**
 * The trend of the municipality's amount per year, of one stream or the total, one bar per
 * compared allocation, with the figures in a table as its text alternative.
 */
export function KaartGrafiek({ g, card, namen }: { g: Municipality; card: RecipientCard; namen: readonly string[] }) {
  const [keuze, setKeuze] = useState<StreamRef | 'totaal'>('totaal');
  const jaren = kaartJaren(card);
  if (jaren.length === 0) return null;
  const stromen = card.perStroom.map((s) => s.stroom);
  const gekozen = keuze !== 'totaal' && stromen.includes(keuze) ? keuze : 'totaal';
  const waarde = (j: number, k: number): bigint | null => {
    if (gekozen === 'totaal') {
      const t = card.perJaar.find((y) => y.jaar === j)!.totalen[k]!;
      return !t.verdeeld || t.onbekend ? null : t.bedrag;
    }
    const z = card.rijen.find((r) => r.stroom === gekozen && r.jaar === j && r.rol === 'eigen')?.zijden[k];
    return z && z.verdeeld ? z.bedrag : null;
  };
  const wat = gekozen === 'totaal' ? 'alle stromen samen' : stroomNaam(gekozen);
  return (
    <section class="kaart__grafiek" aria-labelledby="kaart-grafiek-kop">
      <h2 class="nl-heading nl-heading--level-2" id="kaart-grafiek-kop">Verloop per jaar</h2>
      <div class="utrecht-form-field geen-afdruk">
        <label class="utrecht-form-label" for="kaart-grafiek-stroom">Toon</label>
        <select class="utrecht-select utrecht-select--html-select" id="kaart-grafiek-stroom" value={gekozen} onChange={(e) => setKeuze(e.currentTarget.value as StreamRef | 'totaal')}>
          <option value="totaal">Totaal van alle stromen</option>
          {stromen.map((s) => (
            <option key={s} value={s}>
              {stroomNaam(s)}
            </option>
          ))}
        </select>
      </div>
      <StaafGrafiek
        id="kaart-grafiek"
        titel={`${g.naam}: bedrag per jaar, ${wat}`}
        beschrijving={`Staafdiagram van het bedrag per jaar (${wat})${namen.length > 1 ? `, één staaf per variant: ${namen.join(', ')}` : ''}. De exacte bedragen staan in de tabel onder de grafiek. Onbekende of niet verdeelde bedragen zijn niet getekend.`}
        categorieen={jaren.map(String)}
        reeksen={namen.map((naam, k) => ({ naam, kleur: KANT_KLEUR[k % KANT_KLEUR.length]!, waarden: jaren.map((j) => waarde(j, k)) }))}
        asLabel={asLabel}
        breedte={420}
        hoogte={280}
        tekstGrootte={17}
        kortLabel={(c) => `’${c.slice(2)}`}
        gestapeld={false}
        legenda={namen.length > 1}
        tabel={{ kop: 'Tabel bij de grafiek', tekst: (v) => (v === null ? '–' : euroTekst(v as bigint)) }}
        csv={{
          bestand: `${g.code}-verloop-${gekozen === 'totaal' ? 'totaal' : gekozen.replace(':', '-')}.csv`,
          tabel: async () =>
            (await tabellen()).chartTable(
              'Verloop per jaar',
              { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
              jaren.map(String),
              namen.map((naam, k) => ({ id: sideIds(namen.length)[k]!, naam, soort: 'euro', waarden: jaren.map((j) => waarde(j, k)) })),
            ),
          allocations: vergeleken.value,
          namen,
        }}
      />
    </section>
  );
}

/** An axis tick (cents, as a number for pixels only) in euros, thousands or millions. */
function asLabel(v: number): string {
  if (v === 0) return '€ 0';
  const euro = v / 100;
  if (euro >= 1e6) return `€ ${(euro / 1e6).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} mln`;
  return `€ ${euro.toLocaleString('nl-NL', { maximumFractionDigits: 0 })}`;
}

/** A share (0.0123) as a Dutch percentage with three decimals: "1,230%". */
const aandeelTekst = (f: Fraction | null): string => (f === null ? 'onbekend' : formatPercent({ n: f.n * 100n, d: f.d }, 3));

/** An indicator value: a number with up to two decimals, euros for a table of amounts; null is "onbekend". */
function waardeTekst(v: string | null, eenheid: string): string {
  if (v === null) return 'onbekend';
  return eenheid === 'euro' ? `€ ${formatNumber(v, 0)}` : formatNumber(v, 2);
}

/** True when two keys read the same for this recipient: the same indicators, values and share. */
function zelfdeSleutel(a: KeyFactors, b: KeyFactors): boolean {
  const f = (k: KeyFactors) => JSON.stringify([k.omschrijving, k.status, k.gewicht?.toString(), k.totaalGewicht?.toString(), k.factoren.map((x) => [x.id, x.gewicht, x.waarde, x.totaal, x.status])]);
  return f(a) === f(b);
}

/** The indicators one key weighs for one amount, as the BZK specification sheet shows the maatstaven. */
function MaatstavenTabel({ k, g, id, titel }: { k: KeyFactors; g: { naam: string }; id: string; titel: string }) {
  const formule = k.factoren.some((f) => f.gewicht !== null);
  return (
    <div class="kaart__sleutel" data-sleutel={id}>
      <p class="nl-paragraph">
        <strong>{titel}</strong> {k.omschrijving} <Status status={k.status} />
      </p>
      {k.reden && <p class="nl-paragraph klein">Waarom {k.status}: {k.reden}</p>}
      {k.factoren.length === 0 ? (
        <p class="nl-paragraph klein">Van deze sleutel zijn hier geen maatstaven per {k.deel === 'regionaal' ? 'regio' : 'gemeente'} bekend.</p>
      ) : (
        <div class="tabel-wrap" role="region" aria-labelledby={`${id}-titel`} tabIndex={0}>
          <table id={id} class="utrecht-table kaart__maatstaven">
            <caption class="utrecht-table__caption" id={`${id}-titel`}>
              Maatstaven van de sleutel: {stroomNaam(k.stroom)}, {k.jaar}
              {k.deel === 'regionaal' ? ` (regionaal deel, ${k.naam})` : ''}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Maatstaf</th>
                {formule && (
                  <th scope="col" class="utrecht-table__header-cell num">
                    Gewicht
                  </th>
                )}
                <th scope="col" class="utrecht-table__header-cell num">
                  {k.deel === 'regionaal' ? k.naam : g.naam}
                </th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Landelijk totaal
                </th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Aandeel
                </th>
                <th class="utrecht-table__header-cell" scope="col">Status en bron</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {k.factoren.map((f) => (
                <tr class="utrecht-table__row" key={f.id} data-indicator={f.id}>
                  <th class="utrecht-table__header-cell" scope="row">{f.naam}</th>
                  {formule && (
                    <td class="utrecht-table__cell num">
                      {f.gewicht ?? '–'}
                      <span class="kaart__procent">{formatPercent({ n: f.gewichtAandeel.n * 100n, d: f.gewichtAandeel.d }, 1)}</span>
                    </td>
                  )}
                  <td class="utrecht-table__cell num" data-kolom="waarde">
                    {waardeTekst(f.waarde, f.eenheid)}
                  </td>
                  <td class="utrecht-table__cell num" data-kolom="totaal">
                    {waardeTekst(f.totaal, f.eenheid)}
                  </td>
                  <td class="utrecht-table__cell num" data-kolom="aandeel">
                    {aandeelTekst(f.aandeel)}
                  </td>
                  <td class="utrecht-table__cell">
                    <Status status={f.status} /> <span class="klein">{f.bron}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {k.factoren.length > 0 && (
        <CsvDownload
          label="Maatstaven als CSV"
          bestand={`${k.ontvanger}-maatstaven-${k.stroom.replace(':', '-')}-${k.jaar}-${id}.csv`}
          tabel={async () => (await tabellen()).keyFactorsTable(k)}
          allocations={vergeleken.value}
          namen={vergelekenNamen.value}
        />
      )}
      <p class="nl-paragraph klein" data-kolom="sleutelaandeel">
        {k.aangevuld
          ? `${k.naam} is verhoogd tot het minimumbedrag; het aandeel in de sleutel telt daardoor niet.`
          : k.aandeel === null
            ? `${k.naam} krijgt dit bedrag niet naar een aandeel in de sleutel (bijvoorbeeld een vast bedrag); zie de uitleg.`
            : `Aandeel van ${k.naam} in de sleutel zoals toegepast: ${aandeelTekst(k.aandeel)} van het deel dat met de sleutel over ${k.deelnemers} ${k.deel === 'regionaal' ? 'regio’s' : 'gemeenten'} wordt verdeeld.`}
        {k.naAfronding && ' Daarna is het bedrag nog begrensd door een ingroeipad; zie de uitleg.'}
        {k.basisbedrag !== null && ` Elke gemeente krijgt eerst een basisbedrag van ${euroTekst(k.basisbedrag)}.`}
        {k.minimumbedrag !== null && ` Minimumbedrag per gemeente: ${euroTekst(k.minimumbedrag)}.`}
      </p>
    </div>
  );
}

/**
 * The indicators behind the amount of one stream and year, for the baseline and each compared
 * variant; a key that reads the same as the baseline's is shown once, saying so.
 */
export function Maatstaven({
  g,
  allocations,
  namen,
  stroom,
  jaar,
  ontvanger,
  idPrefix,
}: {
  g: Municipality;
  allocations: readonly Allocation[];
  namen: readonly string[];
  stroom: StreamRef;
  jaar: number;
  ontvanger: string;
  idPrefix: string;
}) {
  const results = allocations.map((a) => keyFactors(data, a, { stroom, jaar, ontvanger }));
  const shown: { k: KeyFactors; namen: string[] }[] = [];
  const zonder: string[] = [];
  results.forEach((r, i) => {
    if (!r.ok) {
      zonder.push(namen[i] ?? '');
      return;
    }
    const same = shown.find((s) => zelfdeSleutel(s.k, r.sleutel));
    if (same) same.namen.push(namen[i] ?? '');
    else shown.push({ k: r.sleutel, namen: [namen[i] ?? ''] });
  });
  const first = results.find((r) => !r.ok);
  return (
    <>
      {shown.map((s, i) => (
        <MaatstavenTabel
          key={i}
          k={s.k}
          g={g}
          id={`${idPrefix}-${i}`}
          titel={namen.length > 1 ? (s.namen.length > 1 ? `${s.namen.join(' en ')} (gelijk):` : `${s.namen[0]}:`) : 'Sleutel:'}
        />
      ))}
      {zonder.length > 0 && first && !first.ok && (
        <p class="nl-paragraph klein">
          {namen.length > 1 ? `${zonder.join(' en ')}: ` : ''}
          {first.bericht}
        </p>
      )}
    </>
  );
}

/** The section with the indicators of a chosen stream and year. */
export function KaartMaatstaven({
  g,
  card,
  allocations,
  namen,
  stroom,
  jaar,
  kies,
}: {
  g: Municipality;
  card: RecipientCard;
  allocations: readonly Allocation[];
  namen: readonly string[];
  stroom: StreamRef | null;
  jaar: number | null;
  kies: (stroom: StreamRef, jaar: number) => void;
}) {
  const jaren = kaartJaren(card).filter((j) => card.rijen.some((r) => r.jaar === j && r.rol === 'eigen' && r.zijden.some((z) => z.verdeeld)));
  const stromen = card.perStroom.filter((s) => s.zijden.some((z) => z.verdeeld)).map((s) => s.stroom);
  if (jaren.length === 0 || stromen.length === 0) return null;
  /** The streams with an own amount divided in a year, and those of them a variant changes. */
  const inJaarVan = (y: number) => stromen.filter((x) => card.rijen.some((r) => r.stroom === x && r.jaar === y && r.rol === 'eigen' && r.zijden.some((z) => z.verdeeld)));
  const anders = (y: number) =>
    inJaarVan(y).find((x) => card.rijen.some((r) => r.stroom === x && r.jaar === y && r.rol === 'eigen' && r.verschillen.some((d) => d.verschil !== null && d.verschil !== 0n)));
  // Without a choice: 2026 (or the last year), or the first year in which a variant changes an amount.
  const standaard = jaren.includes(2026) ? 2026 : jaren[jaren.length - 1]!;
  const j = jaar !== null && jaren.includes(jaar) ? jaar : anders(standaard) || stroom !== null ? standaard : (jaren.find((y) => anders(y)) ?? standaard);
  const inJaar = inJaarVan(j);
  const s = stroom !== null && stromen.includes(stroom) ? stroom : (anders(j) ?? inJaar[0] ?? stromen[0]!);
  return (
    <section class="kaart__maatstaven-sectie" aria-labelledby="kaart-maatstaven-kop">
      <h2 class="nl-heading nl-heading--level-2" id="kaart-maatstaven-kop">Verdeelsleutel en maatstaven</h2>
      <p class="nl-paragraph">
        Welke gegevens de sleutel weegt, met het gewicht, de waarde voor {g.naam}, het landelijke totaal en het aandeel daarin. Onbekende
        waarden staan er als onbekend, nooit als 0.
      </p>
      <div class="filters geen-afdruk">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="kaart-sleutel-stroom">Stroom</label>
          <select class="utrecht-select utrecht-select--html-select" id="kaart-sleutel-stroom" value={s} onChange={(e) => kies(e.currentTarget.value as StreamRef, j)}>
            {stromen.map((x) => (
              <option key={x} value={x}>
                {stroomNaam(x)}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="kaart-sleutel-jaar">Jaar</label>
          <select class="utrecht-select utrecht-select--html-select" id="kaart-sleutel-jaar" value={j} onChange={(e) => kies(s, Number(e.currentTarget.value))}>
            {jaren.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Maatstaven g={g} allocations={allocations} namen={namen} stroom={s} jaar={j} ontvanger={g.code} idPrefix="kaart-maatstaven" />
    </section>
  );
}
