import type { BaselineData, IndicatorId } from '../data/types.js';
import type { StreamRef } from '../streams/own.js';
import type { Allocation, StreamYearResult } from '../allocation/types.js';
import { roundingOf } from '../allocation/distribute.js';
import { Decimal } from '../money/decimal.js';
import { type Fraction, ONE, add, div, fraction, fromDecimal, sub } from '../money/fraction.js';
import { weakest, type Status } from '../status/status.js';
import type { Sleutel } from '../scenario/schema.js';
import { difference, type Difference, type Side } from './comparison.js';
import { recipientView, type RecipientView, type RecipientViewRow, type RecipientViewSide, type RecipientYearTotal } from './recipient.js';

/**
 * The municipality card: everything about one municipality in the baseline and the variants it
 * is compared with. Stream × year with the totals per year, per stream and over the years shown,
 * the difference of each variant with the first allocation (the baseline), and, for an amount,
 * the indicators its key weighs (the "maatstaven" of the BZK specification sheet).
 *
 * A sum over years is unknown as soon as one of its amounts is unknown (never counted as 0). Its
 * euro per inhabitant is the sum of the per-inhabitant figures of its years, each per the
 * inhabitants of that year's division; without a merger that is the sum over the inhabitants.
 */

/** One row of the card: a row of the recipient's view, with each variant's difference with the first. */
export interface CardRow extends RecipientViewRow {
  /** Per allocation after the first: its difference with the first (a side that is not divided counts as absent). */
  verschillen: Difference[];
}

/** One year of a `RecipientCard`: the year total per allocation and the differences with the first. */
export interface CardYear {
  jaar: number;
  totalen: RecipientYearTotal[];
  verschillen: Difference[];
}

/** A sum of the municipality's own amounts over the years shown, in one allocation. */
export interface CardSum {
  /** Cents; null when an amount in it is unknown. */
  bedrag: bigint | null;
  /** True when some amount of it is divided to this municipality. */
  verdeeld: boolean;
  /** The weakest status of its amounts; null when nothing is divided. */
  status: Status | null;
  /** The sum of the per-inhabitant figures of its years (exact euros); null when one is unknown. */
  perInwoner: Fraction | null;
  /** `perInwoner` rounded to whole cents, half away from zero (the one rounding of per-inhabitant figures). */
  perInwonerCenten: bigint | null;
  /** Some year's amount is with another municipality after a (planned) merger (not in this sum). */
  elders: boolean;
}

/** One stream of a `RecipientCard`: its sum over the years shown per allocation, and the differences. */
export interface CardStreamSum {
  stroom: StreamRef;
  zijden: CardSum[];
  verschillen: Difference[];
  /** Per allocation after the first: the difference of the per-inhabitant sums, in whole cents (rounded as `perInwonerCenten`). */
  verschilPerInwoner: (bigint | null)[];
}

/** The card of one municipality (`recipientCard`): its rows, year totals and sums over the years shown, per allocation. */
export interface RecipientCard {
  code: string;
  /** The inhabitants of the base division (per-inhabitant figures of each year use that year's division). */
  inwoners: bigint | null;
  /** The years shown, ascending. */
  jaren: number[];
  /** The rows of the years shown (own money first, then money as mandate holder of an IZA region). */
  rijen: CardRow[];
  perJaar: CardYear[];
  /** Per stream with own money in the years shown: the sum over those years. */
  perStroom: CardStreamSum[];
  /** The sum of every own amount over the years shown. */
  totaal: { zijden: CardSum[]; verschillen: Difference[]; verschilPerInwoner: (bigint | null)[] };
}

/** A side of the recipient's view as a side of a comparison: present when it is divided to this recipient. */
const sideOf = (z: RecipientViewSide): Side => ({ aanwezig: z.verdeeld, bedrag: z.bedrag, status: z.status });
const totalSide = (t: RecipientYearTotal): Side => ({ aanwezig: t.verdeeld, bedrag: t.onbekend ? null : t.bedrag, status: null });
const sumSide = (s: CardSum): Side => ({ aanwezig: s.verdeeld, bedrag: s.bedrag, status: s.status });
const differences = (sides: readonly Side[], inwoners: bigint | null): Difference[] => sides.slice(1).map((s) => difference(sides[0]!, s, inwoners));

const EMPTY: CardSum = { bedrag: 0n, verdeeld: false, status: null, perInwoner: null, perInwonerCenten: null, elders: false };

/** Exact euros to whole cents, half away from zero (as `perInhabitantCents`). */
function roundedCents(f: Fraction | null): bigint | null {
  if (f === null) return null;
  const neg = f.n < 0n;
  const abs = neg ? -f.n : f.n;
  const c = (2n * abs * 100n + f.d) / (2n * f.d);
  return neg ? -c : c;
}
const withCents = (s: CardSum): CardSum => ({ ...s, perInwonerCenten: roundedCents(s.perInwoner) });
const perInhabitantDifferences = (sums: readonly CardSum[]): (bigint | null)[] => sums.slice(1).map((s) => roundedCents(perInhabitantDifference(sums[0]!, s)));

/** Adds one year's own amount (a side of the view) to a sum. */
function addSide(sum: CardSum, z: RecipientViewSide): CardSum {
  if (!z.aanwezig) return sum;
  if (z.opgegaanIn) return { ...sum, elders: true };
  if (!z.verdeeld) return sum;
  const per = z.perInwoner;
  return {
    perInwonerCenten: null,
    bedrag: sum.bedrag === null || z.bedrag === null ? null : sum.bedrag + z.bedrag,
    // The first divided amount starts the per-inhabitant sum; an unknown one makes it unknown.
    perInwoner: per === null || (sum.verdeeld && sum.perInwoner === null) ? null : sum.verdeeld ? add(sum.perInwoner!, per) : per,
    verdeeld: true,
    status: z.status === null ? sum.status : sum.status === null ? z.status : weakest(sum.status, z.status),
    elders: sum.elders,
  };
}

/**
 * The card of municipality `code` in the allocations (the first is the baseline), for the years
 * `jaren` (default: every year with a row).
 */
export function recipientCard(data: BaselineData, allocations: readonly Allocation[], code: string, opties: { jaren?: readonly number[] } = {}): RecipientCard {
  const v: RecipientView = recipientView(data, allocations, code);
  const alle = v.jaren.map((y) => y.jaar);
  const jaren = opties.jaren ? alle.filter((j) => opties.jaren!.includes(j)) : alle;
  const shown = new Set(jaren);
  const rijen = v.rijen
    .filter((r) => shown.has(r.jaar))
    .map((r): CardRow => ({ ...r, verschillen: differences(r.zijden.map(sideOf), r.rol === 'eigen' ? (r.zijden[0]!.inwoners ?? null) : null) }));
  const perJaar = v.jaren
    .filter((y) => shown.has(y.jaar))
    .map((y): CardYear => ({ jaar: y.jaar, totalen: y.totalen, verschillen: differences(y.totalen.map(totalSide), y.totalen[0]!.inwoners) }));

  const own = rijen.filter((r) => r.rol === 'eigen');
  const streams = [...new Set(own.map((r) => r.stroom))];
  const perStroom = streams.flatMap((stroom): CardStreamSum[] => {
    const list = own.filter((r) => r.stroom === stroom);
    const zijden = allocations.map((_, k) => withCents(list.reduce((s, r) => addSide(s, r.zijden[k]!), EMPTY)));
    if (zijden.every((z) => !z.verdeeld && !z.elders)) return [];
    return [{ stroom, zijden, verschillen: differences(zijden.map(sumSide), null), verschilPerInwoner: perInhabitantDifferences(zijden) }];
  });
  const zijden = allocations.map((_, k) => withCents(own.reduce((s, r) => addSide(s, r.zijden[k]!), EMPTY)));
  return {
    code,
    inwoners: v.inwoners,
    jaren,
    rijen,
    perJaar,
    perStroom,
    totaal: { zijden, verschillen: differences(zijden.map(sumSide), null), verschilPerInwoner: perInhabitantDifferences(zijden) },
  };
}

/** The difference of the per-inhabitant figures of two sums (exact euros); null when either is unknown. */
export function perInhabitantDifference(first: CardSum, other: CardSum): Fraction | null {
  if (first.perInwoner === null || other.perInwoner === null) return null;
  return sub(other.perInwoner, first.perInwoner);
}

// ---------------------------------------------------------------------------------------------
// The indicators behind an amount.

/** One indicator (or table) a key weighs, with this recipient's value and its share of the national total. */
export interface KeyFactor {
  /** An indicator of the data, an official table of amounts, or a table the user read in. */
  soort: 'indicator' | 'tabel' | 'eigen-tabel';
  /** The indicator's id or the table's id. */
  id: string;
  naam: string;
  eenheid: string;
  /** The weight as the formula gives it (decimal text); null for a key of one table. */
  gewicht: string | null;
  /** This weight's part of all the formula's weights (exact; 1 for a key of one table). */
  gewichtAandeel: Fraction;
  /** The recipient's value (decimal text; a successor: the sum of its parts); null = unknown, never 0. */
  waarde: string | null;
  /** The total over every recipient of the division (decimal text); null when some value is unknown. */
  totaal: string | null;
  /** waarde / totaal, exact; null when either is unknown or the total is 0. */
  aandeel: Fraction | null;
  /** `officieel` or `raming` as the data says; `scenario` when the scenario supplied the value; `onbekend` without one. */
  status: 'officieel' | 'raming' | 'scenario' | 'onbekend';
  bron: string;
  toelichting: string;
}

/** The indicators the key of one amount weighs, with this recipient's values and share (`keyFactors`). */
export interface KeyFactors {
  stroom: StreamRef;
  jaar: number;
  ontvanger: string;
  naam: string;
  deel: 'lokaal' | 'regionaal';
  /** The key as the allocation recorded it: description, source, status and why it is an assumption. */
  omschrijving: string;
  bron: string;
  status: Status;
  reden: string | null;
  factoren: KeyFactor[];
  /**
   * The recipient's weight in the key as applied, over the weights of all who share by it: its
   * exact share of the part divided by the key. Null when it was raised to the minimum amount.
   */
  gewicht: bigint | null;
  totaalGewicht: bigint | null;
  aandeel: Fraction | null;
  aangevuld: boolean;
  /** How many recipients share by the key. */
  deelnemers: number;
  /** Cents per recipient on top of / at least; null when the key has none. */
  basisbedrag: bigint | null;
  minimumbedrag: bigint | null;
  /** True when a step after the key changed the amounts (a transition path): the amount then differs from the key's share. */
  naAfronding: boolean;
}

/** The outcome of `keyFactors`: the key's factors, or a Dutch message why there are none. */
export type KeyFactorsResult = { ok: true; sleutel: KeyFactors } | { ok: false; bericht: string };

const plain = (d: Decimal): string => d.toFixed();

/** The share of a value in a total; null when either is unknown or the total is 0. */
function share(value: Decimal | null, total: Decimal | null): Fraction | null {
  if (value === null || total === null || total.isZero()) return null;
  return div(fromDecimal(value), fromDecimal(total));
}

/** The factors of a key of one table of values per recipient (absent = 0, as the key reads it). */
function tableFactor(soort: KeyFactor['soort'], id: string, naam: string, bron: string, toelichting: string, values: ReadonlyMap<string, Decimal>, codes: readonly (readonly string[])[], own: readonly string[]): KeyFactor {
  const total = codes.reduce((s, parts) => parts.reduce((t, c) => t.plus(values.get(c) ?? 0), s), new Decimal(0));
  const value = own.reduce((t, c) => t.plus(values.get(c) ?? 0), new Decimal(0));
  return {
    soort,
    id,
    naam,
    eenheid: soort === 'eigen-tabel' ? 'waarde' : 'euro',
    gewicht: null,
    gewichtAandeel: ONE,
    waarde: plain(value),
    totaal: plain(total),
    aandeel: share(value, total),
    status: soort === 'eigen-tabel' ? 'scenario' : 'officieel',
    bron,
    toelichting,
  };
}

/** The factors of a municipality's local key: per indicator, its value (summed over the parts of a successor) and the national total. */
function localFactors(data: BaselineData, r: StreamYearResult, sleutel: Sleutel, index: number): KeyFactor[] {
  const division = r.indeling;
  const baseCodes = data.gemeenten.map((g) => g.code);
  const parts = division.delen.length === division.gemeenten.length && division.delen.length > 0 ? division.delen : division.gemeenten.map((_, i) => [i]);
  const own = parts[index]!.map((i) => baseCodes[i]!);
  switch (sleutel.type) {
    case 'brede-spuk-2025': {
      const t = data.bredeSpuk2025;
      const values = new Map([...t.bedragen].map(([c, b]) => [c, new Decimal(b.toString())]));
      return [tableFactor('tabel', t.id, t.naam, t.bron, t.toelichting, values, [baseCodes], own)];
    }
    case 'tabel': {
      const values = new Map(sleutel.waarden.map((w) => [w.code, new Decimal(w.waarde)]));
      return [tableFactor('eigen-tabel', 'tabel', sleutel.naam, 'ingelezen door de gebruiker', 'een tabel met een waarde per gemeente uit het scenario', values, [baseCodes], own)];
    }
    case 'formule': {
      const weightSum = sleutel.gewichten.reduce((s, g) => add(s, fromDecimal(g.gewicht)), fraction(0n));
      return sleutel.gewichten.map((g): KeyFactor => {
        const ind = data.indicatoren.find((i) => i.id === g.indicator)!;
        const supplied = new Map((sleutel.aanvullingen ?? []).filter((a) => a.indicator === (g.indicator as IndicatorId)).map((a) => [a.code, new Decimal(a.waarde)]));
        const valueOf = (c: string): Decimal | null => ind.waarden.get(c) ?? supplied.get(c) ?? null;
        let total: Decimal | null = new Decimal(0);
        for (const c of baseCodes) {
          const x = valueOf(c);
          total = total === null || x === null ? null : total.plus(x);
        }
        let value: Decimal | null = new Decimal(0);
        for (const c of own) {
          const x = valueOf(c);
          value = value === null || x === null ? null : value.plus(x);
        }
        const fromScenario = own.some((c) => (ind.waarden.get(c) ?? null) === null && supplied.has(c));
        return {
          soort: 'indicator',
          id: ind.id,
          naam: ind.naam,
          eenheid: ind.eenheid,
          gewicht: g.gewicht,
          gewichtAandeel: div(fromDecimal(g.gewicht), weightSum),
          waarde: value === null ? null : plain(value),
          totaal: total === null ? null : plain(total),
          aandeel: share(value, total),
          status: value === null ? 'onbekend' : fromScenario ? 'scenario' : ind.status,
          bron: ind.bron,
          toelichting: ind.toelichting,
        };
      });
    }
  }
}

/**
 * The indicators the key of one amount weighs (stream, year, recipient: a municipality's own
 * amount, or an IZA region's), read from the allocation's own key and division: per indicator
 * its weight, this recipient's value, the national total and its share; and the recipient's
 * share of the key as the allocation applied it. Nothing about money is computed here.
 */
export function keyFactors(data: BaselineData, allocation: Allocation, q: { stroom: StreamRef; jaar: number; ontvanger: string }): KeyFactorsResult {
  const r = allocation.resultaten.find((x) => x.stroom === q.stroom && x.jaar === q.jaar);
  if (!r) return { ok: false, bericht: `Deze stroom heeft in ${q.jaar} geen bedrag.` };
  const idx = r.regels.findIndex((l) => (l.soort === 'gemeente' || l.soort === 'regio') && l.ontvanger === q.ontvanger);
  const line = r.regels[idx];
  if (!line) return { ok: false, bericht: `In ${q.jaar} wordt dit bedrag niet met een sleutel over gemeenten verdeeld.` };
  const deel = line.soort === 'regio' ? 'regionaal' : 'lokaal';
  const step = r.stappen.find((s) => s.stap === 'sleutel' && s.deel === deel);
  if (!step || step.stap !== 'sleutel') return { ok: false, bericht: `In ${q.jaar} is voor dit bedrag geen sleutel vastgelegd.` };
  let factoren: KeyFactor[];
  if (deel === 'regionaal') {
    // The IZA regions share by the SPUK IZA table; another regional scale has no indicators here.
    const t = data.spukIza2026;
    const values = new Map([...t.bedragen].map(([c, b]) => [c, new Decimal(b.toString())]));
    factoren = data.izaRegios.some((x) => x.id === q.ontvanger) ? [tableFactor('tabel', t.id, t.naam, t.bron, t.toelichting, values, [data.izaRegios.map((x) => x.id)], [q.ontvanger])] : [];
  } else {
    const index = r.indeling.gemeenten.findIndex((g) => g.code === q.ontvanger);
    factoren = index < 0 ? [] : localFactors(data, r, r.parameters.sleutel.waarde, index);
  }
  const claim = r.claims[idx] ?? -1;
  const fact = r.verdeling && claim >= 0 ? roundingOf(r.verdeling, claim) : null;
  const gewicht = fact?.gewicht ?? null;
  const totaalGewicht = fact?.totaalGewicht ?? null;
  return {
    ok: true,
    sleutel: {
      stroom: q.stroom,
      jaar: q.jaar,
      ontvanger: line.ontvanger,
      naam: line.naam,
      deel,
      omschrijving: step.omschrijving,
      bron: step.bron,
      status: step.status,
      reden: step.reden,
      factoren,
      gewicht,
      totaalGewicht,
      aandeel: gewicht !== null && totaalGewicht ? fraction(gewicht, totaalGewicht) : null,
      aangevuld: fact?.aangevuld ?? false,
      deelnemers: step.ontvangers,
      basisbedrag: step.basisbedrag,
      minimumbedrag: step.minimumbedrag,
      naAfronding: r.stappen.some((x) => (x.stap as string) === 'ingroeipad'),
    },
  };
}
