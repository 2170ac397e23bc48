import type { Allocation, RoundingUnit } from '../allocation/types.js';
import { type Fraction, toDecimal } from '../money/fraction.js';
import { centsToPlain } from '../money/format.js';
import { streamNameIn, type StreamRef } from '../streams/own.js';
import { perInhabitantCents } from '../views/per-inhabitant.js';
import type { Overview } from '../views/overview.js';
import type { RecipientRow, StreamChoice, TotalRow } from '../views/comparison.js';
import type { KeyFactors, RecipientCard } from '../views/card.js';
import type { RecipientViewSide } from '../views/recipient.js';
import { sideIds } from './tables.js';
import type { Cell, Column, Table } from './table.js';

/**
 * Tables of exactly what a view of the app shows: its rows, in its order, after its filters. The
 * views' own builders (`nationalOverview`, `compareRecipients`, `compareTotals`, `recipientCard`)
 * compute every figure; these only lay their rows out as a `Table`, so the app's CSV of a view
 * and a CLI or another application that asks the same question write the same file. Rows are
 * taken in the order given: a view that filters or sorts passes its rows as it shows them.
 */

/** A fraction as a percentage with two decimals, rounded half away from zero ("5.00"). */
const percent = (f: Fraction | null): string | null => (f === null ? null : toDecimal({ n: f.n * 100n, d: f.d }, 2).toFixed(2));
/** Euro per inhabitant, rounded to whole cents (the one rounding of per-inhabitant figures), as "12.34". */
const perInhabitantText = (cents: bigint | null, inwoners: bigint | null): string | null => {
  const c = perInhabitantCents(cents, inwoners);
  return c === null ? null : centsToPlain(c, 'cent');
};
const unitOf = (allocations: readonly Allocation[]): RoundingUnit => (allocations.some((a) => a.eenheid === 1n) ? 'cent' : 'euro');
const suffixer = (n: number) => (k: number) => (n === 2 ? '' : `_${k}`);

/**
 * The national overview as the app's overview shows it: one row per year, per stream the amount
 * that is divided (empty when the stream does not run that year, or when it is unknown: the
 * status column tells which: empty, or `onbekend`) and its status, and the total of the known
 * amounts with whether an unknown amount is left out of it.
 */
export function overviewYearTable(overview: Overview, eenheid: RoundingUnit = 'euro'): Table {
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    ...overview.stromen.flatMap((s): Column[] => [
      { id: s.id, kop: `${s.naam} (euro)`, soort: 'euro' },
      { id: `status_${s.id}`, kop: `Status ${s.naam}`, soort: 'code' },
    ]),
    { id: 'totaal_bekend', kop: 'Totaal bekend (euro)', soort: 'euro' },
    { id: 'totaal_bron', kop: 'Totaal in de bronnen (euro)', soort: 'euro' },
    { id: 'met_onbekend', kop: 'Onbekende bedragen niet in het totaal', soort: 'code' },
  ];
  const rijen = overview.jaren.map((y) => [
    y.jaar,
    ...overview.stromen.flatMap((s) => {
      const c = y.cellen.find((x) => x.stroom === s.id);
      return c && c.loopt ? [c.bedrag, c.status] : [null, null];
    }),
    y.totaal,
    y.bronTotaal,
    y.onbekend ? 'ja' : 'nee',
  ]);
  return { naam: 'Landelijk per jaar', kolommen, rijen, eenheid };
}

/**
 * Recipients of one year (`compareRecipients`), for one stream or all streams together, in the
 * order given: per allocation the amount and euro per inhabitant, per allocation after the
 * first the difference in euro and percent, and each amount's status. `namen`: the allocations'
 * names, for the Dutch headers.
 */
export function recipientRowsTable(
  rows: readonly RecipientRow[],
  namen: readonly string[],
  q: { jaar: number; stroom: StreamChoice },
  eenheid: RoundingUnit = 'euro',
): Table {
  const n = namen.length;
  const ids = sideIds(n);
  const suffix = suffixer(n);
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'stroom', kop: 'Stroom ("alle": alle stromen samen)', soort: 'code', breedte: 22 },
    { id: 'ontvanger', kop: 'Ontvanger (code)', soort: 'code' },
    { id: 'naam', kop: 'Ontvanger', soort: 'tekst', breedte: 30 },
    { id: 'soort', kop: 'Soort ontvanger', soort: 'code' },
    { id: 'provincie', kop: 'Provincie (gemeente) of mandaatgemeente (regio)', soort: 'tekst', breedte: 30 },
    { id: 'inwoners', kop: 'Inwoners', soort: 'aantal' },
    ...ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id} (euro)`, soort: 'euro' })),
    ...ids.slice(1).flatMap((_, j): Column[] => [
      { id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`, soort: 'euro' },
      { id: `verschil_pct${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (%)`, soort: 'getal' },
    ]),
    ...ids.map((id, k): Column => ({ id: `per_inwoner_${id}`, kop: `Per inwoner ${namen[k] ?? id} (euro)`, soort: 'getal', euroCent: true })),
    ...ids.map((id, k): Column => ({ id: `status_${id}`, kop: `Status ${namen[k] ?? id}`, soort: 'code' })),
  ];
  const rijen = rows.map((r) => [
    q.jaar,
    q.stroom,
    r.ontvanger,
    r.naam,
    r.soort,
    r.provincie ?? r.mandaatgemeente?.naam ?? null,
    r.inwoners,
    ...r.zijden.map((z) => (z.aanwezig ? z.bedrag : null)),
    ...r.verschillen.flatMap((v) => [v.verschil, percent(v.fractie)]),
    ...r.zijden.map((z) => (z.aanwezig ? perInhabitantText(z.bedrag, r.inwoners) : null)),
    ...r.zijden.map((z) => z.status),
  ]);
  return { naam: 'Per ontvanger', kolommen, rijen, eenheid };
}

/** Totals per stream and year (`compareTotals`), in the order given: each allocation's amount, the differences, statuses and whether anything changed. */
export function totalRowsTable(rows: readonly TotalRow[], namen: readonly string[], eenheid: RoundingUnit = 'euro'): Table {
  const n = namen.length;
  const ids = sideIds(n);
  const suffix = suffixer(n);
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'stroom', kop: 'Stroom (code)', soort: 'code', breedte: 22 },
    { id: 'stroomnaam', kop: 'Stroom', soort: 'tekst', breedte: 40 },
    ...ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id} (euro)`, soort: 'euro' })),
    ...ids.slice(1).map((_, j): Column => ({ id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`, soort: 'euro' })),
    ...ids.map((id, k): Column => ({ id: `status_${id}`, kop: `Status ${namen[k] ?? id}`, soort: 'code' })),
    { id: 'gewijzigd', kop: 'Gewijzigd (totaal of een ontvanger)', soort: 'code' },
  ];
  const rijen = rows.map((r) => [
    r.jaar,
    r.stroom,
    r.naam,
    ...r.zijden.map((z) => (z.aanwezig ? z.bedrag : null)),
    ...r.verschillen.map((v) => v.verschil),
    ...r.zijden.map((z) => z.status),
    r.gewijzigd ? 'ja' : 'nee',
  ]);
  return { naam: 'Totalen', kolommen, rijen, eenheid };
}

/** The years of a card in which some own amount is divided (or sits with a successor): the columns of its overview. */
export function cardYears(card: RecipientCard): number[] {
  return card.jaren.filter((j) => card.rijen.some((r) => r.jaar === j && r.rol === 'eigen' && r.zijden.some((z) => z.verdeeld || z.opgegaanIn)));
}

/** True when two sides of a card cell show the same: both absent, or the same amount with the same presence. */
function sameSide(a: RecipientViewSide | undefined, b: RecipientViewSide | undefined): boolean {
  if (!a || !b) return a === b;
  return a.aanwezig === b.aanwezig && a.verdeeld === b.verdeeld && a.bedrag === b.bedrag && (a.opgegaanIn?.code ?? null) === (b.opgegaanIn?.code ?? null);
}

/**
 * The sides of a card's stream that have rows of their own: the first, and each later side that
 * differs from it in some year of `jaren` (a side equal to the first is shown once, with it).
 */
export function cardSidesShown(card: RecipientCard, stroom: StreamRef, jaren: readonly number[], count: number): number[] {
  const eigen = (j: number) => card.rijen.find((r) => r.stroom === stroom && r.jaar === j && r.rol === 'eigen');
  return Array.from({ length: count }, (_, k) => k).filter((k) => k === 0 || !jaren.every((j) => sameSide(eigen(j)?.zijden[0], eigen(j)?.zijden[k])));
}

/**
 * The municipality card's overview, as the card shows it: per stream one row per side shown (the
 * baseline, and each variant that differs from it) with the amount of every year and the sum over
 * those years, and a row with each shown variant's difference; then per side the total, the
 * differences, the euro per inhabitant and its difference. An empty cell is an amount that is not
 * divided to the municipality, unknown, or with its successor after a merger (`toelichting` says
 * which). Written with cents, as the per-inhabitant rows need them.
 */
export function cardTable(card: RecipientCard, allocations: readonly Allocation[], namen: readonly string[]): Table {
  const jaren = cardYears(card);
  const kolommen: Column[] = [
    { id: 'regel', kop: 'Regel', soort: 'code' },
    { id: 'stroom', kop: 'Stroom (code; "totaal": alle stromen)', soort: 'code', breedte: 22 },
    { id: 'stroomnaam', kop: 'Stroom', soort: 'tekst', breedte: 40 },
    { id: 'kant', kop: 'Basis of variant', soort: 'tekst', breedte: 20 },
    ...jaren.map((j): Column => ({ id: `j${j}`, kop: `${j} (euro)`, soort: 'euro' })),
    { id: 'totaal', kop: jaren.length > 0 ? `Totaal ${jaren[0]}-${jaren[jaren.length - 1]} (euro)` : 'Totaal (euro)', soort: 'euro' },
    { id: 'toelichting', kop: 'Toelichting bij lege cellen', soort: 'tekst', breedte: 40 },
  ];
  const rijen: Cell[][] = [];
  const eigen = (stroom: StreamRef, j: number) => card.rijen.find((r) => r.stroom === stroom && r.jaar === j && r.rol === 'eigen');
  const why = (sides: (RecipientViewSide | undefined)[]): string | null => {
    const notes = new Set<string>();
    for (const z of sides) {
      if (!z || !z.aanwezig) notes.add('loopt niet');
      else if (z.opgegaanIn) notes.add(`bij ${z.opgegaanIn.naam}`);
      else if (!z.verdeeld) notes.add('niet verdeeld');
      else if (z.bedrag === null) notes.add('onbekend');
    }
    return notes.size === 0 ? null : [...notes].join('; ');
  };
  const amount = (z: RecipientViewSide | undefined): bigint | null => (z && z.aanwezig && !z.opgegaanIn && z.verdeeld ? z.bedrag : null);
  for (const s of card.perStroom) {
    const naam = streamNameIn(s.stroom, allocations);
    const shown = cardSidesShown(card, s.stroom, jaren, namen.length);
    for (const k of shown) {
      const sides = jaren.map((j) => eigen(s.stroom, j)?.zijden[k]);
      rijen.push(['bedrag', s.stroom, naam, namen[k] ?? null, ...sides.map(amount), s.zijden[k]!.verdeeld ? s.zijden[k]!.bedrag : null, why(sides)]);
    }
    for (const k of shown.filter((x) => x > 0)) {
      rijen.push(['verschil', s.stroom, naam, namen[k] ?? null, ...jaren.map((j) => eigen(s.stroom, j)?.verschillen[k - 1]?.verschil ?? null), s.verschillen[k - 1]!.verschil, null]);
    }
  }
  const year = (j: number) => card.perJaar.find((y) => y.jaar === j)!;
  namen.forEach((n, k) => {
    const t = jaren.map((j) => year(j).totalen[k]!);
    const note = t.some((x) => x.opgegaanIn) ? `bij ${t.find((x) => x.opgegaanIn)!.opgegaanIn!.naam}` : t.some((x) => x.onbekend) ? 'onbekend' : t.some((x) => !x.verdeeld) ? 'niet verdeeld' : null;
    rijen.push(['totaal', 'totaal', 'Totaal', n, ...t.map((x) => (x.opgegaanIn || !x.verdeeld || x.onbekend ? null : x.bedrag)), card.totaal.zijden[k]!.verdeeld ? card.totaal.zijden[k]!.bedrag : null, note]);
  });
  namen.slice(1).forEach((n, i) => {
    rijen.push(['verschil-totaal', 'totaal', 'Totaal', n, ...jaren.map((j) => year(j).verschillen[i]?.verschil ?? null), card.totaal.verschillen[i]!.verschil, null]);
  });
  namen.forEach((n, k) => {
    rijen.push([
      'per-inwoner',
      'totaal',
      'Totaal',
      n,
      ...jaren.map((j) => {
        const t = year(j).totalen[k]!;
        return t.perInwoner === null ? null : perInhabitantCents(t.bedrag, t.inwoners);
      }),
      card.totaal.zijden[k]!.perInwonerCenten,
      null,
    ]);
  });
  namen.slice(1).forEach((n, i) => {
    rijen.push([
      'verschil-per-inwoner',
      'totaal',
      'Totaal',
      n,
      ...jaren.map((j) => {
        const d = year(j).verschillen[i];
        return d ? perInhabitantCents(d.verschil, year(j).totalen[0]!.inwoners) : null;
      }),
      card.totaal.verschilPerInwoner[i] ?? null,
      null,
    ]);
  });
  return { naam: 'Overzicht gemeente', kolommen, rijen, eenheid: 'cent' };
}

/**
 * The card's amounts one by one, as the municipality page lists them with their explanation:
 * per year each row (own money, and money as mandate holder of an IZA region) with the amount
 * of each side, each variant's difference, the euro per inhabitant and status of the side shown
 * (the last side where present, else the first), then the year's total.
 */
export function cardRowsTable(card: RecipientCard, allocations: readonly Allocation[], namen: readonly string[]): Table {
  const n = namen.length;
  const ids = sideIds(n);
  const suffix = suffixer(n);
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'regel', kop: 'Regel ("totaal": het jaartotaal)', soort: 'code' },
    { id: 'stroom', kop: 'Stroom (code)', soort: 'code', breedte: 22 },
    { id: 'omschrijving', kop: 'Stroom', soort: 'tekst', breedte: 50 },
    ...ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id} (euro)`, soort: 'euro' })),
    ...ids.slice(1).flatMap((_, j): Column[] => [
      { id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`, soort: 'euro' },
      { id: `verschil_pct${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (%)`, soort: 'getal' },
    ]),
    { id: 'per_inwoner', kop: 'Per inwoner (euro)', soort: 'getal', euroCent: true },
    { id: 'status', kop: 'Status', soort: 'code' },
    { id: 'status_reden', kop: 'Waarom deze status, of waarom leeg', soort: 'tekst', breedte: 60 },
  ];
  const amount = (z: RecipientViewSide): bigint | null => (z.aanwezig && !z.opgegaanIn && z.verdeeld ? z.bedrag : null);
  const rijen: Cell[][] = [];
  for (const y of card.perJaar) {
    for (const r of card.rijen.filter((x) => x.jaar === y.jaar)) {
      const naam = streamNameIn(r.stroom, allocations);
      const last = r.zijden[r.zijden.length - 1]!;
      const z = last.aanwezig ? last : r.zijden[0]!;
      const reden = z.opgegaanIn
        ? `opgegaan in ${z.opgegaanIn.naam} (gepland)`
        : z.verdeeld
          ? z.redenen.join('; ')
          : z.landelijk === null
            ? 'landelijk bedrag onbekend'
            : 'niet over gemeenten verdeeld';
      rijen.push([
        y.jaar,
        r.rol,
        r.stroom,
        r.rol === 'mandaatgemeente' ? `${naam}: regionaal deel ${r.regio} (als mandaatgemeente)` : naam,
        ...r.zijden.map(amount),
        ...r.verschillen.flatMap((d) => [d.verschil, percent(d.fractie)]),
        r.rol === 'mandaatgemeente' ? null : perInhabitantText(amount(z), z.inwoners),
        z.verdeeld && !z.opgegaanIn ? z.status : null,
        reden || null,
      ]);
    }
    const t0 = y.totalen[0]!;
    const tl = y.totalen[y.totalen.length - 1]!;
    rijen.push([
      y.jaar,
      'totaal',
      null,
      `Totaal ${y.jaar}`,
      ...y.totalen.map((t) => (t.verdeeld && !t.onbekend && !t.opgegaanIn ? t.bedrag : null)),
      ...y.verschillen.flatMap((d, i) => {
        const t = y.totalen[i + 1]!;
        const zonder = t0.onbekend || t.onbekend || !(t0.verdeeld || t.verdeeld);
        return zonder ? [null, null] : [d.verschil, percent(d.fractie)];
      }),
      tl.perInwoner === null ? null : perInhabitantText(tl.bedrag, tl.inwoners),
      null,
      tl.opgegaanIn ? `bedragen bij ${tl.opgegaanIn.naam}` : !t0.verdeeld ? 'niets over gemeenten verdeeld' : t0.onbekend ? 'met onbekende bedragen' : t0.nietVerdeeld ? 'zonder niet verdeelde stromen' : null,
    ]);
  }
  return { naam: 'Bedragen gemeente', kolommen, rijen, eenheid: unitOf(allocations) };
}

/** One series of a chart: its values per category, money (cents) or a count. */
export interface ChartSeries {
  id: string;
  naam: string;
  soort: 'euro' | 'aantal';
  waarden: readonly (bigint | number | null)[];
}

/**
 * The figures of a bar chart: one row per category (a year, a class), one column per series.
 * An unknown value (not drawn) is an empty cell, never 0.
 */
export function chartTable(naam: string, categorie: { id: string; kop: string; soort?: 'jaar' | 'tekst' }, categorieen: readonly string[], reeksen: readonly ChartSeries[], eenheid: RoundingUnit = 'euro'): Table {
  const kolommen: Column[] = [
    { id: categorie.id, kop: categorie.kop, soort: categorie.soort ?? 'tekst', breedte: 24 },
    ...reeksen.map((r): Column => ({ id: r.id, kop: r.soort === 'euro' ? `${r.naam} (euro)` : r.naam, soort: r.soort, breedte: 20 })),
  ];
  const rijen = categorieen.map((c, i) => [
    categorie.soort === 'jaar' ? Number(c) : c,
    ...reeksen.map((r) => {
      const v = r.waarden[i] ?? null;
      return v === null ? null : BigInt(v);
    }),
  ]);
  return { naam, kolommen, rijen, eenheid };
}

/**
 * The indicators one key weighs for one amount (`keyFactors`), as the card's table of
 * "maatstaven" shows them: per indicator its weight, the recipient's value, the national total
 * and the share (exact decimal text; a share as a fraction with 10 decimals), status and source.
 * An unknown value is empty, never 0.
 */
export function keyFactorsTable(k: KeyFactors): Table {
  const kolommen: Column[] = [
    { id: 'stroom', kop: 'Stroom (code)', soort: 'code', breedte: 22 },
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'ontvanger', kop: 'Ontvanger (code)', soort: 'code' },
    { id: 'maatstaf', kop: 'Maatstaf (code)', soort: 'code', breedte: 30 },
    { id: 'naam', kop: 'Maatstaf', soort: 'tekst', breedte: 40 },
    { id: 'eenheid', kop: 'Eenheid', soort: 'code' },
    { id: 'gewicht', kop: 'Gewicht', soort: 'getal' },
    { id: 'waarde', kop: `Waarde ${k.naam}`, soort: 'getal' },
    { id: 'totaal', kop: 'Landelijk totaal', soort: 'getal' },
    { id: 'aandeel', kop: 'Aandeel (fractie)', soort: 'getal' },
    { id: 'status', kop: 'Status', soort: 'code' },
    { id: 'bron', kop: 'Bron', soort: 'tekst', breedte: 60 },
  ];
  const rijen = k.factoren.map((f) => [
    k.stroom,
    k.jaar,
    k.ontvanger,
    f.id,
    f.naam,
    f.eenheid,
    f.gewicht,
    f.waarde,
    f.totaal,
    f.aandeel === null ? null : toDecimal(f.aandeel, 10).toFixed(10),
    f.status,
    f.bron,
  ]);
  return { naam: 'Maatstaven', kolommen, rijen, eenheid: 'euro' };
}
