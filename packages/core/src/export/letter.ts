/**
 * The letter: a printable summary of what one municipality, or the municipalities of one GGD
 * region together, get in a scenario: the totals per year and stream with their statuses, euro
 * per inhabitant, the scenario's name and description, the version and date of the data, what
 * the statuses mean, the sources, the decisions still to come, and the explanations as an
 * appendix. This module builds the model; `letter-html.ts` writes it as one self-contained
 * HTML document (the CLI), and the app renders the same model with Preact. Every figure and
 * every sentence is here, once: the shells only lay it out.
 */
import type { BaselineData, SourceDocument } from '../data/types.js';
import type { Allocation } from '../allocation/types.js';
import { streamNameIn, streamRank, type StreamRef } from '../streams/own.js';
import { STATUS_CODES, STATUS_MEANING, weakest, type Status } from '../status/status.js';
import { formatEuro, formatNumber, formatSignedEuro, formatSignedPercent } from '../money/format.js';
import { formatDate, yearRanges } from '../dates/dates.js';
import { recipientCard, type CardSum } from '../views/card.js';
import { yearTotalText, type RecipientViewSide, type RecipientYearTotal } from '../views/recipient.js';
import { inhabitants, inhabitantsIn, perInhabitant, perInhabitantCents } from '../views/per-inhabitant.js';
import { add, type Fraction } from '../money/fraction.js';
import { membershipIn, regionOfMunicipality, regionsOf, regionTotals, dividedStreamYears, type Region, type RegionSide } from '../views/regions.js';
import { describeScenario } from '../views/description.js';
import { explain, type Explanation } from '../explain/explain.js';
import { renderExplanationParts } from '../explain/render.js';
import { decisionNotices } from '../data/decisions.js';
import { sourceReference } from '../data/sources.js';
import { divisionOf } from '../municipalities/division.js';
import type { Difference } from '../views/comparison.js';
import { ENGINE } from './metadata.js';

/** What a cell of the letter holds. */
export type LetterAmountKind =
  /** An amount divided to the recipient (it may be unknown: `bedrag` null, never 0). */
  | 'bedrag'
  /** The stream runs that year but is not divided over municipalities (a national amount). */
  | 'niet-verdeeld'
  /** The stream does not run that year in this allocation. */
  | 'loopt-niet'
  /** A (planned) merger took the municipality into another that year: the amount is there. */
  | 'elders';

/** One figure of the letter, with the text both renderers show. */
export interface LetterAmount {
  soort: LetterAmountKind;
  /** Cents; null when unknown (or when there is no amount, see `soort`). Unknown is never 0. */
  bedrag: bigint | null;
  /** The weakest status of what it is made of; null when nothing is divided. */
  status: Status | null;
  /** "€ 1.234.567", "onbekend", "niet verdeeld", "–", "bij Hilversum". */
  tekst: string;
}

/** One row of the letter's table: a year (or a run of years without money) with its amount per stream, the year total and euro per inhabitant. */
export interface LetterYear {
  /** The (first) year of the row. */
  jaar: number;
  /** The last year of the row: years in a row in which nothing is divided to the recipient are one row. */
  tot: number;
  /** "2027", or "2019-2022" for such a row. */
  label: string;
  /** Per column of `stromen`: the amount of the letter's allocation. */
  cellen: LetterAmount[];
  /** The recipient's own money that year (money received as mandate holder is not in it). */
  totaal: LetterAmount;
  /** Euro per inhabitant of `totaal`, whole cents (the one rounding of per-inhabitant figures). */
  perInwonerCenten: bigint | null;
  perInwonerTekst: string;
  /** The inhabitants `perInwoner` is per (the division of the year: a successor counts its parts). */
  inwoners: bigint | null;
  /** What the total leaves out ("met de gemeenten die in Hilversum opgaan"); empty when nothing. */
  opmerking: string;
}

/** The comparison of the year totals of every allocation with the first (the baseline); their statuses are in the table of amounts. */
export interface LetterComparison {
  namen: string[];
  jaren: { jaar: number; totalen: LetterAmount[]; verschillen: { tekst: string; verschil: bigint | null }[] }[];
  totaal: { totalen: LetterAmount[]; verschillen: { tekst: string; verschil: bigint | null }[] };
}

/** One explanation in the appendix: the amount of one stream in one year, in Dutch, from the trace. */
export interface LetterExplanation {
  /** "2027, Nu Niet Zwanger (AZWA)" */
  titel: string;
  stroom: StreamRef;
  jaar: number;
  bedragTekst: string;
  status: Status | null;
  alineas: string[];
}

/** A document the letter's figures cite, with its date (stand) and reference. */
export interface LetterSource {
  titel: string;
  uitgever: string;
  /** "12 september 2025"; null when unknown. */
  datum: string | null;
  kenmerk: string | null;
  url: string | null;
}

/** The letter (brief) for a municipality or a GGD region: every figure and sentence that the HTML and the app render. */
export interface Letter {
  soort: 'gemeente' | 'ggd';
  code: string;
  naam: string;
  /** "Gemeente Utrecht", "GGD-regio GGD Hollands Noorden". */
  titel: string;
  /** The text at the top of each page. */
  kopregel: string;
  /** Facts about the recipient: code, province, GGD region, inhabitants. */
  kenmerken: { label: string; waarde: string }[];
  inleiding: string;
  scenario: {
    naam: string;
    /** "Basis", or "Scenario: <naam>": how the letter names what it is about. */
    kop: string;
    /** The scenario's own description (`omschrijving`); null when it has none. */
    omschrijving: string | null;
    /** True for the baseline: no changes at all. */
    basis: boolean;
    /** The changes in words, one line each. */
    wijzigingen: string[];
    /** Its own streams in words. */
    eigenStromen: string[];
    /** With or without the planned mergers. */
    herindelingen: string;
  };
  gegevens: { versie: string; datum: string; motor: string };
  /** The date of the letter ("1 mei 2026"); null when none was given. */
  datum: string | null;
  /** The columns: the streams with money for the recipient in some year. */
  stromen: { stroom: StreamRef; naam: string }[];
  jaren: LetterYear[];
  /** Per column: the sum over the years. */
  perStroom: LetterAmount[];
  /** Everything together, and its euro per inhabitant (the sum of the years' figures). */
  totaal: LetterAmount;
  totaalPerInwonerTekst: string;
  /** When more than one allocation is given: the year totals of each, with the differences with the first. */
  vergelijking: LetterComparison | null;
  /** "Kansrijke Start: bedragen voor gemeente Utrecht". */
  onderwerp: string;
  /**
   * Streams without a column, in a sentence each: those whose every amount of the recipient is
   * unknown (why), then those that run but are not divided over municipalities.
   */
  nietVerdeeld: string[];
  /** What the year totals leave out or count per, with their years ("2027-2030: per inwoner met ..."). */
  opmerkingen: string[];
  /** Money the municipality receives as mandate holder of a region (not its own; not in the totals). */
  mandaat: { regio: string; stroom: string; jaar: number; bedrag: LetterAmount }[];
  /** The statuses in the letter, with what they mean. */
  statussen: { status: Status; betekenis: string }[];
  /** Why figures are estimates or assumptions (each reason once). */
  redenen: string[];
  /** Decisions still to come that the figures depend on. */
  besluiten: string[];
  /** For a region: which municipalities it counts, how that is derived, and what is uncertain. */
  regio: { gemeenten: { code: string; naam: string }[]; toelichting: string; bron: string; onzeker: string[] } | null;
  bronnen: LetterSource[];
  /** The appendix: per amount, how it was computed. */
  bijlage: LetterExplanation[];
  /** What the appendix is about (a sentence). */
  bijlageInleiding: string;
  /** The closing sentence: a calculation, not a decision. */
  voetnoot: string;
}

/** Options of the letter: the names of the allocations and the date of the letter. */
export interface LetterOptions {
  /** The names of the allocations (default: their scenarios' names); the last is the letter's. */
  namen?: readonly string[];
  /** Today (ISO day): the date of the letter, and the notices on decisions whose date has passed. */
  vandaag?: string;
}

// ---------------------------------------------------------------------------------------------
// Texts of figures.

const euro = (cents: bigint): string => formatEuro(cents, 'auto');

const amount = (soort: LetterAmountKind, bedrag: bigint | null, status: Status | null, tekst?: string): LetterAmount => ({
  soort,
  bedrag,
  status,
  tekst: tekst ?? (soort === 'bedrag' ? (bedrag === null ? 'onbekend' : euro(bedrag)) : soort === 'niet-verdeeld' ? 'niet verdeeld' : '–'),
});

/** Exact euros to whole cents, half away from zero: the rounding of `perInhabitantCents`. */
function roundedCents(f: Fraction): bigint {
  const neg = f.n < 0n;
  const abs = neg ? -f.n : f.n;
  const c = (2n * abs * 100n + f.d) / (2n * f.d);
  return neg ? -c : c;
}

const perInhabitantText = (c: bigint | null): string => (c === null ? '–' : formatEuro(c, 'always'));

function differenceText(d: Difference | undefined): { tekst: string; verschil: bigint | null } {
  if (!d || d.verschil === null) return { tekst: '–', verschil: null };
  return { tekst: d.fractie ? `${formatSignedEuro(d.verschil)} (${formatSignedPercent(d.fractie, 1)})` : formatSignedEuro(d.verschil), verschil: d.verschil };
}

/** The running header of a letter: the recipient and the scenario (or the baseline). */
const kopregel = (titel: string, scen: Letter['scenario']): string => `Kansrijke Start · ${titel} · ${scen.basis ? 'basis' : `scenario “${scen.naam}”`}`;

/** "in de basis (…)" or "in het scenario “…”", as the introduction of a letter says it. */
const inScenario = (scen: Letter['scenario']): string => (scen.basis ? 'in de basis (de verdeling volgens de vastgelegde regels en bedragen)' : `in het scenario “${scen.naam}”`);

function scenarioPart(data: BaselineData, allocations: readonly Allocation[], naam: string): Letter['scenario'] {
  const own = allocations.at(-1)!;
  const s = own.scenario;
  const basis = s.wijzigingen.length === 0 && (s.eigenStromen?.length ?? 0) === 0;
  const d = describeScenario(data, allocations[0]!, own);
  const shown = naam.trim() === '' ? 'scenario zonder naam' : naam;
  return {
    naam: shown,
    kop: basis && shown === 'Basis' ? 'Basis' : `${basis ? 'Basis' : 'Scenario'}: ${shown}`,
    omschrijving: s.omschrijving?.trim() ? s.omschrijving.trim() : null,
    basis,
    wijzigingen: d.wijzigingen.map((c) => `${c.soort}, ${c.stroomNaam}, ${c.geldigheid}: ${c.waarde}${c.toelichting ? ` (${c.toelichting})` : ''}`),
    eigenStromen: d.eigenStromen.map((e) => `${e.naam}: ${e.jaren.map((j) => `${j.jaar} ${j.bedrag}`).join('; ')}; sleutel: ${e.sleutel}`),
    herindelingen: s.herindelingen === 'zonder' ? 'zonder de geplande gemeentelijke herindelingen' : 'met de geplande gemeentelijke herindelingen',
  };
}

/** The statuses that occur, in the order of the vocabulary, with their meaning. */
function statusesOf(list: readonly (Status | null)[]): { status: Status; betekenis: string }[] {
  const seen = new Set(list.filter((s): s is Status => s !== null));
  return STATUS_CODES.filter((s) => seen.has(s)).map((status) => ({ status, betekenis: STATUS_MEANING[status] }));
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

const YEAR = /(?<!\d)(20\d\d)(?!\d)/g;

/**
 * The reasons, each once, and reasons that differ only in the one year they name said once with
 * all those years ("de verdeelsleutel voor 2023, 2024, 2027-2030 is niet gepubliceerd; ...").
 */
export function mergeReasons(reasons: readonly string[]): string[] {
  const groups = new Map<string, { first: string; years: number[] }>();
  for (const r of uniq(reasons)) {
    const m = YEAR.exec(r);
    YEAR.lastIndex = 0;
    // The text with its first year left out: reasons that differ only there are one reason.
    const key = m ? `${r.slice(0, m.index)}\u0000${r.slice(m.index + 4)}` : r;
    const g = groups.get(key);
    if (g) g.years.push(Number(m![1]));
    else groups.set(key, { first: r, years: m ? [Number(m[1])] : [] });
  }
  return [...groups].map(([key, g]) => (g.years.length > 1 ? key.replace('\u0000', yearRanges(uniq(g.years).sort((a, b) => a - b))) : g.first));
}

/** The years' notes, each once with the years it holds for. */
function yearNotes(jaren: readonly LetterYear[]): string[] {
  const by = new Map<string, number[]>();
  for (const y of jaren) if (y.opmerking) by.set(y.opmerking, [...(by.get(y.opmerking) ?? []), y.jaar]);
  return [...by].map(([text, years]) => `${yearRanges(years)}: ${text}`);
}

/**
 * Consecutive years in which no amount of the recipient is known and every column shows the
 * same (nothing divided, or unknown: the 2019-2022 impuls), as one row ("2019-2022").
 */
function joinEmptyYears(jaren: readonly LetterYear[]): LetterYear[] {
  const out: LetterYear[] = [];
  const unknownOrNone = (a: LetterAmount) => a.soort === 'loopt-niet' || a.soort === 'niet-verdeeld' || (a.soort === 'bedrag' && a.bedrag === null);
  const empty = (y: LetterYear) => unknownOrNone(y.totaal) && y.cellen.every(unknownOrNone) && y.opmerking === '';
  for (const y of jaren) {
    const last = out.at(-1);
    if (last && empty(last) && empty(y) && last.totaal.tekst === y.totaal.tekst && last.tot === y.jaar - 1 && last.cellen.every((c, i) => c.tekst === y.cellen[i]!.tekst)) {
      out[out.length - 1] = { ...last, tot: y.jaar, label: `${last.jaar}-${y.jaar}` };
    } else out.push(y);
  }
  return out;
}

function sourcesOf(bronnen: readonly SourceDocument[], explanations: readonly Explanation[], extra: readonly string[]): LetterSource[] {
  const docs: SourceDocument[] = [];
  const add = (d: SourceDocument) => {
    if (!docs.includes(d)) docs.push(d);
  };
  for (const e of explanations) for (const b of e.bronnen) b.documenten.forEach(add);
  for (const t of extra) sourceReference(bronnen, t).documenten.forEach(add);
  return docs.map((d) => ({ titel: d.titel, uitgever: d.uitgever, datum: d.datum === null ? null : formatDate(d.datum), kenmerk: d.kenmerk, url: d.url }));
}

function explanationOf(e: Explanation, titel: string): LetterExplanation {
  const t = renderExplanationParts(e);
  return { titel, stroom: e.stroom, jaar: e.jaar, bedragTekst: e.bedrag === null ? 'onbekend' : euro(e.bedrag), status: e.status, alineas: [...t.stappen, ...t.besluiten, t.uitkomst] };
}

function notices(allocation: Allocation, keys: readonly { stroom: StreamRef; jaar: number }[], vandaag: string | undefined): string[] {
  const out = new Map<string, string>();
  for (const k of keys) for (const n of decisionNotices(allocation.gegevens, k.stroom, k.jaar, vandaag)) out.set(n.id, n.tekst);
  return [...out.values()];
}

const dataPart = (a: Allocation): Letter['gegevens'] => ({ versie: a.gegevens.versie.versie, datum: formatDate(a.gegevens.versie.datum), motor: `${ENGINE.naam} ${ENGINE.versie}` });

const VOETNOOT =
  'Dit overzicht is een berekening met de rekenhulp Kansrijke Start, geen beschikking: de bedragen die een gemeente werkelijk ontvangt staan in de beschikking of de circulaire. Onbekend is niet hetzelfde als nul en telt nergens als nul mee.';

const BIJLAGE =
  'Per bedrag: hoe het is berekend, uit de vastgelegde berekening. Het landelijke bedrag en de bron, korting en indexatie, de afronding van het totaal, de verdeling lokaal en regionaal, de verdeelsleutel, het aandeel, het exacte quotum en de afronding, en waarom het bedrag zijn status heeft.';

// ---------------------------------------------------------------------------------------------
// A municipality.

function sideAmount(z: RecipientViewSide): LetterAmount {
  if (!z.aanwezig) return amount('loopt-niet', null, null);
  if (z.opgegaanIn) return amount('elders', null, null, `bij ${z.opgegaanIn.naam}`);
  if (!z.verdeeld) return amount('niet-verdeeld', null, null);
  return amount('bedrag', z.bedrag, z.status);
}

function yearTotal(t: RecipientYearTotal, status: Status | null): LetterAmount {
  if (t.opgegaanIn && !t.verdeeld) return amount('elders', null, null, `bij ${t.opgegaanIn.naam}`);
  if (!t.verdeeld) return amount(t.nietVerdeeld ? 'niet-verdeeld' : 'loopt-niet', null, null, t.nietVerdeeld ? 'niets verdeeld' : '–');
  if (t.onbekend) return amount('bedrag', null, status ?? 'onbekend', yearTotalText(t));
  return amount('bedrag', t.bedrag, status);
}

function sumAmount(s: CardSum): LetterAmount {
  if (!s.verdeeld) return s.elders ? amount('elders', null, null, 'elders') : amount('loopt-niet', null, null);
  return amount('bedrag', s.bedrag, s.status);
}

/**
 * The letter for municipality `code` in the allocations (the first is the baseline; the last is
 * the letter's scenario, the others are compared in the year totals).
 */
export function municipalityLetter(data: BaselineData, allocations: readonly Allocation[], code: string, opties: LetterOptions = {}): Letter {
  if (allocations.length === 0) throw new RangeError('municipalityLetter: no allocation');
  const g = data.gemeenten.find((x) => x.code === code);
  if (!g) throw new RangeError(`municipalityLetter: ${code} is not a municipality of the ${data.indeling.naam}`);
  const k = allocations.length - 1;
  const own = allocations[k]!;
  const namen = allocations.map((a, i) => opties.namen?.[i] ?? a.scenario.naam);
  const card = recipientCard(data, allocations, code);
  const eigen = card.rijen.filter((r) => r.rol === 'eigen');
  // A column per stream with a known amount (or one with a successor); a stream of which every
  // amount of this municipality is unknown (the 2019-2022 impuls) is said in a sentence instead.
  const known = (s: StreamRef) => eigen.some((r) => r.stroom === s && r.zijden[k]!.verdeeld && r.zijden[k]!.bedrag !== null);
  const stromen = card.perStroom
    .filter((s) => (s.zijden[k]!.verdeeld && known(s.stroom)) || s.zijden[k]!.elders)
    .map((s) => s.stroom)
    .sort((a, b) => streamRank(a) - streamRank(b));
  const naamVan = (s: StreamRef) => streamNameIn(s, allocations);

  const jaren: LetterYear[] = card.perJaar.map((y) => {
    const rows = eigen.filter((r) => r.jaar === y.jaar);
    const cellen = stromen.map((s) => {
      const r = rows.find((x) => x.stroom === s);
      return r ? sideAmount(r.zijden[k]!) : amount('loopt-niet', null, null);
    });
    const statuses = rows.map((r) => r.zijden[k]!).filter((z) => z.verdeeld && z.status).map((z) => z.status!);
    const t = y.totalen[k]!;
    const totaal = yearTotal(t, statuses.length > 0 ? weakest(...statuses) : null);
    const pic = totaal.soort === 'bedrag' && totaal.bedrag !== null ? perInhabitantCents(totaal.bedrag, t.inwoners) : null;
    const opmerking =
      t.opgegaanIn && t.verdeeld
        ? `deels bij ${t.opgegaanIn.naam}`
        : t.inwoners !== null && card.inwoners !== null && t.inwoners !== card.inwoners && totaal.soort === 'bedrag'
          ? `per inwoner met de ${formatNumber(t.inwoners, 0)} inwoners van de gemeente na de geplande herindeling`
          : '';
    return { jaar: y.jaar, tot: y.jaar, label: String(y.jaar), cellen, totaal, perInwonerCenten: pic, perInwonerTekst: perInhabitantText(pic), inwoners: t.inwoners, opmerking };
  });
  const perStroom = stromen.map((s) => sumAmount(card.perStroom.find((x) => x.stroom === s)!.zijden[k]!));
  const som = card.totaal.zijden[k]!;

  // The comparison: the years in which some amount is known on some side, and the sums over those years.
  const compared = card.perJaar.filter((y) => y.totalen.some((t) => t.verdeeld && !(t.onbekend && t.bedrag === 0n)));
  const comparedCard = compared.length === card.perJaar.length ? card : recipientCard(data, allocations, code, { jaren: compared.map((y) => y.jaar) });
  const vergelijking: LetterComparison | null =
    allocations.length < 2
      ? null
      : {
          namen,
          jaren: compared.map((y) => ({ jaar: y.jaar, totalen: y.totalen.map((t) => yearTotal(t, null)), verschillen: y.verschillen.map(differenceText) })),
          totaal: { totalen: comparedCard.totaal.zijden.map((z) => ({ ...sumAmount(z), status: null })), verschillen: comparedCard.totaal.verschillen.map(differenceText) },
        };

  // Streams that run for this municipality's years but are not divided over municipalities.
  const notDivided = new Map<StreamRef, { jaren: number[]; landelijk: (bigint | null)[] }>();
  for (const r of eigen) {
    const z = r.zijden[k]!;
    if (!z.aanwezig || z.verdeeld || z.opgegaanIn) continue;
    const e = notDivided.get(r.stroom) ?? { jaren: [], landelijk: [] };
    e.jaren.push(r.jaar);
    e.landelijk.push(z.landelijk);
    notDivided.set(r.stroom, e);
  }
  // Streams without a column: every amount of this municipality unknown, and why.
  const unknownStreams = new Map<StreamRef, { jaren: number[]; reden: string }>();
  for (const r of eigen) {
    const z = r.zijden[k]!;
    if (stromen.includes(r.stroom) || !z.verdeeld || z.bedrag !== null) continue;
    const e = unknownStreams.get(r.stroom) ?? { jaren: [], reden: z.redenen[0] ?? 'het bedrag is onbekend' };
    e.jaren.push(r.jaar);
    unknownStreams.set(r.stroom, e);
  }
  const nietVerdeeld = [
    ...[...unknownStreams].map(([s, e]) => `${naamVan(s)} (${yearRanges(e.jaren)}): ${e.reden}.`),
    ...[...notDivided].map(([s, e]) => {
      const known = e.landelijk.every((x) => x !== null);
      const total = known ? e.landelijk.reduce<bigint>((a, b) => a + b!, 0n) : null;
      return `${naamVan(s)} (${yearRanges(e.jaren)}): niet over gemeenten verdeeld; landelijk ${total === null ? 'een bedrag dat (deels) onbekend is' : `samen ${euro(total)}`}.`;
    }),
  ];

  const mandaat = card.rijen
    .filter((r) => r.rol === 'mandaatgemeente' && r.zijden[k]!.verdeeld)
    .map((r) => ({ regio: r.regio ?? r.ontvanger, stroom: naamVan(r.stroom), jaar: r.jaar, bedrag: sideAmount(r.zijden[k]!) }));

  // The appendix: every amount of the letter's allocation, own money first, then as mandate holder.
  const explained: Explanation[] = [];
  const bijlage: LetterExplanation[] = [];
  for (const r of card.rijen) {
    const z = r.zijden[k]!;
    if (!z.verdeeld) continue;
    const e = explain(own, { stroom: r.stroom, jaar: r.jaar, ontvanger: r.ontvanger, ...(opties.vandaag ? { vandaag: opties.vandaag } : {}) });
    if (!e.ok) continue;
    explained.push(e.uitleg);
    bijlage.push(explanationOf(e.uitleg, `${r.jaar}, ${naamVan(r.stroom)}${r.rol === 'mandaatgemeente' ? ` (als mandaatgemeente van ${r.regio})` : ''}`));
  }
  bijlage.sort((a, b) => a.jaar - b.jaar || streamRank(a.stroom) - streamRank(b.stroom));

  const cellStatuses = [...jaren.flatMap((y) => [...y.cellen.map((c) => c.status), y.totaal.status]), ...mandaat.map((m) => m.bedrag.status)];
  const redenen = uniq(eigen.concat(card.rijen.filter((r) => r.rol === 'mandaatgemeente')).flatMap((r) => (r.zijden[k]!.verdeeld ? r.zijden[k]!.redenen : [])));
  const keys = card.rijen.filter((r) => r.zijden[k]!.verdeeld).map((r) => ({ stroom: r.stroom, jaar: r.jaar }));

  const ggd = regionOfMunicipality(data, 'ggd', code, data.indeling.tot, own.scenario.herindelingen);
  const basis = inhabitants(data).indicator;
  const scen = scenarioPart(data, allocations, namen[k]!);
  const titel = `Gemeente ${g.naam}`;
  return {
    soort: 'gemeente',
    code,
    naam: g.naam,
    titel,
    kopregel: kopregel(titel, scen),
    kenmerken: [
      { label: 'Gemeentecode', waarde: g.code },
      { label: 'Provincie', waarde: g.provincie },
      ...(ggd ? [{ label: 'GGD-regio', waarde: ggd.naam }] : []),
      { label: 'Inwoners', waarde: card.inwoners === null ? 'onbekend' : `${formatNumber(card.inwoners, 0)} (${basis.naam.toLowerCase()}, CBS)` },
    ],
    inleiding: `Wat gemeente ${g.naam} uit de middelen voor Kansrijke Start krijgt, per jaar en per stroom, ${inScenario(scen)}. Elk bedrag heeft een status: wat erover bekend is. Hoe elk bedrag is berekend staat in de bijlage.`,
    scenario: scen,
    gegevens: dataPart(own),
    datum: opties.vandaag ? formatDate(opties.vandaag) : null,
    stromen: stromen.map((s) => ({ stroom: s, naam: naamVan(s) })),
    jaren: joinEmptyYears(jaren),
    perStroom,
    totaal: sumAmount(som),
    totaalPerInwonerTekst: perInhabitantText(som.perInwonerCenten),
    vergelijking,
    onderwerp: `Kansrijke Start: bedragen voor gemeente ${g.naam}`,
    nietVerdeeld,
    opmerkingen: yearNotes(jaren),
    mandaat,
    statussen: statusesOf(cellStatuses),
    redenen: mergeReasons(redenen),
    besluiten: notices(own, keys, opties.vandaag),
    regio: null,
    bronnen: sourcesOf(own.gegevens.bronnen, explained, []),
    bijlage,
    bijlageInleiding: BIJLAGE,
    voetnoot: VOETNOOT,
  };
}

// ---------------------------------------------------------------------------------------------
// A GGD region.

function regionAmount(z: RegionSide | undefined): LetterAmount {
  if (!z || !z.aanwezig) return amount('loopt-niet', null, null);
  return amount('bedrag', z.bedrag, z.status);
}

/** The sum of amounts (unknown when one is); null when none is divided. */
function sumOf(list: readonly LetterAmount[]): LetterAmount {
  const divided = list.filter((a) => a.soort === 'bedrag');
  if (divided.length === 0) return amount('loopt-niet', null, null);
  const unknown = divided.some((a) => a.bedrag === null);
  return amount('bedrag', unknown ? null : divided.reduce((s, a) => s + a.bedrag!, 0n), weakest(...divided.map((a) => a.status ?? 'onbekend')));
}

/**
 * The letter for the municipalities of GGD region `code` together, in the allocations (the
 * first is the baseline; the last is the letter's scenario). A year's total is the sum of the
 * amounts of the region's municipalities in that year's division; the regional part of a stream
 * goes to the IZA regions and is not in it.
 */
export function regionLetter(data: BaselineData, allocations: readonly Allocation[], code: string, opties: LetterOptions = {}): Letter {
  if (allocations.length === 0) throw new RangeError('regionLetter: no allocation');
  const region: Region | undefined = regionsOf(data, 'ggd').find((r) => r.code === code);
  if (!region) throw new RangeError(`regionLetter: ${code} is not a GGD region`);
  const k = allocations.length - 1;
  const own = allocations[k]!;
  const namen = allocations.map((a, i) => opties.namen?.[i] ?? a.scenario.naam);
  const naamVan = (s: StreamRef) => streamNameIn(s, allocations);
  const keys = dividedStreamYears([own]);
  const stromen = uniq(keys.map((x) => x.stroom)).sort((a, b) => streamRank(a) - streamRank(b));
  const years = uniq(dividedStreamYears(allocations).map((x) => x.jaar)).sort((a, b) => a - b);
  const rowOf = (jaar: number, stroom: StreamRef | 'alle') => regionTotals(data, allocations, { soort: 'ggd', jaar, stroom }).find((r) => r.code === code);

  const redenen: string[] = [];
  const jaren: LetterYear[] = years.map((jaar) => {
    const cellen = stromen.map((s) => {
      const r = rowOf(jaar, s);
      const z = r?.zijden[k];
      if (z?.aanwezig) for (const x of z.redenen) if (!redenen.includes(x)) redenen.push(x);
      return regionAmount(z);
    });
    const all = rowOf(jaar, 'alle');
    const totaal = regionAmount(all?.zijden[k]);
    const division = own.resultaten.find((r) => r.jaar === jaar)?.indeling ?? divisionOf(data, jaar, own.scenario.herindelingen);
    const members = membershipIn(data, division, 'ggd').regioVan;
    const inw = inhabitantsIn(data, division);
    let inwoners: bigint | null = 0n;
    for (const [gm, rg] of members) {
      if (rg !== code) continue;
      const v = inw.get(gm);
      inwoners = v === undefined || inwoners === null ? null : inwoners + v;
    }
    const pic = totaal.soort === 'bedrag' ? perInhabitantCents(totaal.bedrag, inwoners) : null;
    return { jaar, tot: jaar, label: String(jaar), cellen, totaal, perInwonerCenten: pic, perInwonerTekst: perInhabitantText(pic), inwoners, opmerking: '' };
  });
  const perStroom = stromen.map((_, i) => sumOf(jaren.map((y) => y.cellen[i]!)));
  const totaal = sumOf(jaren.map((y) => y.totaal));
  // As on the municipality card: the sum of the exact per-inhabitant figures of the years, rounded once.
  const exact = jaren.filter((y) => y.totaal.soort === 'bedrag').map((y) => perInhabitant(y.totaal.bedrag, y.inwoners));
  const totaalPic = exact.length === 0 || exact.some((f) => f === null) ? null : roundedCents(exact.reduce((a, b) => add(a!, b!))!);

  const vergelijking: LetterComparison | null =
    allocations.length < 2
      ? null
      : (() => {
          const rows = years.map((jaar) => {
            const all = rowOf(jaar, 'alle');
            const totalen = allocations.map((_, i) => ({ ...regionAmount(all?.zijden[i]), status: null }));
            return { jaar, totalen, verschillen: (all?.verschillen ?? []).map(differenceText) };
          });
          const totalen = allocations.map((_, i) => sumOf(rows.map((r) => r.totalen[i]!)));
          const verschillen = totalen.slice(1).map((t) => {
            const f = totalen[0]!;
            if (t.soort !== 'bedrag' || f.soort !== 'bedrag' || t.bedrag === null || f.bedrag === null) return { tekst: '–', verschil: null };
            return { tekst: formatSignedEuro(t.bedrag - f.bedrag), verschil: t.bedrag - f.bedrag };
          });
          return { namen, jaren: rows, totaal: { totalen, verschillen } };
        })();

  // Membership in the division of the last year of the letter's allocation.
  const lastDivision = own.resultaten.find((r) => r.jaar === years.at(-1))?.indeling ?? divisionOf(data, data.indeling.tot, own.scenario.herindelingen);
  const m = membershipIn(data, lastDivision, 'ggd');
  const gemeenten = lastDivision.gemeenten.filter((x) => m.regioVan.get(x.code) === code).map((x) => ({ code: x.code, naam: x.naam }));
  const onzeker = uniq(years.flatMap((jaar) => {
    const d = own.resultaten.find((r) => r.jaar === jaar)?.indeling;
    return d ? [...(membershipIn(data, d, 'ggd').redenen.get(code) ?? [])] : [];
  }));

  // The appendix: per stream and year, the national steps (shared by every municipality), and the region's total.
  const explained: Explanation[] = [];
  const bijlage: LetterExplanation[] = [];
  const SHARED = new Set(['landelijk-bedrag', 'korting', 'indexatie', 'afronding-totaal', 'reserveringen', 'lokaal-regionaal', 'deelname', 'sleutel', 'indeling', 'ingroeipad']);
  for (const key of keys) {
    const result = own.resultaten.find((r) => r.stroom === key.stroom && r.jaar === key.jaar)!;
    const members = membershipIn(data, result.indeling, 'ggd').regioVan;
    const first = result.regels.find((l) => l.soort === 'gemeente' && members.get(l.ontvanger) === code);
    if (!first) continue;
    const e = explain(own, { stroom: key.stroom, jaar: key.jaar, ontvanger: first.ontvanger, ...(opties.vandaag ? { vandaag: opties.vandaag } : {}) });
    if (!e.ok) continue;
    explained.push(e.uitleg);
    const shared: Explanation = { ...e.uitleg, stappen: e.uitleg.stappen.filter((s) => SHARED.has(s.stap) && s.stap !== 'indeling') };
    const parts = renderExplanationParts(shared);
    const row = rowOf(key.jaar, key.stroom)!;
    const z = row.zijden[k]!;
    const count = row.gemeenten.length;
    const total = regionAmount(z);
    bijlage.push({
      titel: `${key.jaar}, ${naamVan(key.stroom)}`,
      stroom: key.stroom,
      jaar: key.jaar,
      bedragTekst: total.tekst,
      status: total.status,
      alineas: [
        ...parts.stappen,
        ...parts.besluiten,
        `Uitkomst: de ${formatNumber(BigInt(count), 0)} gemeenten van ${region.naam} krijgen samen ${total.tekst} uit ${naamVan(key.stroom)} in ${key.jaar} (status: ${total.status ?? 'onbekend'}): de som van hun eigen bedragen, elk berekend zoals hierboven met het aandeel van de gemeente in de sleutel.${z.redenen.length > 0 ? ` Waarom ${z.status}: ${z.redenen.join('; ')}.` : ''}`,
      ],
    });
  }

  bijlage.unshift({
    titel: `Welke gemeenten bij ${region.naam} horen`,
    stroom: keys[0]?.stroom ?? 'ks-brede-spuk',
    jaar: years[0] ?? data.indeling.van,
    bedragTekst: `${formatNumber(BigInt(gemeenten.length), 0)} gemeenten`,
    status: null,
    alineas: [m.toelichting, `Herkomst: ${m.bron}.`, ...onzeker.map((x) => `Onzeker: ${x}.`)],
  });

  const scen = scenarioPart(data, allocations, namen[k]!);
  const titel = `GGD-regio ${region.naam}`;
  const inwNu = jaren.find((y) => y.jaar === data.indeling.tot)?.inwoners ?? null;
  return {
    soort: 'ggd',
    code,
    naam: region.naam,
    titel,
    kopregel: kopregel(titel, scen),
    kenmerken: [
      { label: 'Regiocode', waarde: region.code },
      { label: 'Gemeenten', waarde: `${formatNumber(BigInt(gemeenten.length), 0)} (indeling van ${years.at(-1) ?? data.indeling.tot})` },
      { label: 'Inwoners', waarde: inwNu === null ? 'onbekend' : `${formatNumber(inwNu, 0)} (${inhabitants(data).indicator.naam.toLowerCase()}, CBS)` },
    ],
    inleiding: `Wat de gemeenten van ${region.naam} samen uit de middelen voor Kansrijke Start krijgen, per jaar en per stroom, ${inScenario(scen)}: de som van de bedragen van de gemeenten die in dat jaar bij de regio horen. Het regionale deel van een stroom gaat naar de IZA-regio's en telt hier niet mee. Elk bedrag heeft een status: wat erover bekend is.`,
    scenario: scen,
    gegevens: dataPart(own),
    datum: opties.vandaag ? formatDate(opties.vandaag) : null,
    stromen: stromen.map((s) => ({ stroom: s, naam: naamVan(s) })),
    jaren: joinEmptyYears(jaren),
    perStroom,
    totaal,
    totaalPerInwonerTekst: perInhabitantText(totaalPic),
    vergelijking,
    onderwerp: `Kansrijke Start: bedragen voor de gemeenten van ${region.naam}`,
    nietVerdeeld: [],
    opmerkingen: [],
    mandaat: [],
    statussen: statusesOf([...jaren.flatMap((y) => [...y.cellen.map((c) => c.status), y.totaal.status])]),
    redenen: mergeReasons(redenen),
    besluiten: notices(own, keys, opties.vandaag),
    regio: { gemeenten, toelichting: m.toelichting, bron: m.bron, onzeker },
    bronnen: sourcesOf(own.gegevens.bronnen, explained, []),
    bijlage,
    bijlageInleiding:
      'Per stroom en jaar: hoe het landelijke bedrag tot stand komt en hoe het over de gemeenten wordt verdeeld (dezelfde stappen voor elke gemeente), en het totaal van de regio. Hoe het bedrag van één gemeente is berekend, staat in de brief van die gemeente.',
    voetnoot: VOETNOOT,
  };
}
