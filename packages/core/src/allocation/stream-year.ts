import { formatDate } from '../dates/dates.js';
import { FIRST_YEAR, LAST_YEAR, type BaselineData } from '../data/types.js';
import { isOwnStream, streamName, type StreamRef } from '../streams/own.js';
import { fraction, fromDecimal, mul, percentFactor, roundHalfUp, ZERO } from '../money/fraction.js';
import { memo, memoPerContent, memoPerOwner } from '../memo/memo.js';
import { centsOf } from '../money/cents.js';
import type { EigenStroom, Scenario, Wijziging } from '../scenario/schema.js';
import { groundOf, resolveParameters, scenarioReason, type StreamYearParameters } from '../scenario/parameters.js';
import { derive, type Ground, type Qualified, type Status } from '../status/status.js';
import { streamById } from '../streams/streams.js';
import { divisionKey, divisionOf, plannedSuccessions, type MergerChoice, type YearDivision } from '../municipalities/division.js';
import { codesOf, distribute, keyAmountsIn, type Distribution, type DistributionSpec } from './distribute.js';
import { transitionPath, type TransitionRow } from './transition.js';
import { keyWeightsOf } from '../keys/weights.js';
import { inhabitantsIn } from '../views/per-inhabitant.js';
import { membershipIn } from '../views/regions.js';
import type { AllocationLine, RecipientKind, RoundingUnit, StreamYearResult, TraceStep, TransitionOutcome } from './types.js';

export type StreamYearOutcome = { ok: true; result: StreamYearResult | null } | { ok: false; bericht: string };

const NATIONAL = 'Landelijk (niet verdeeld)';

const unitName = (unit: bigint): RoundingUnit => (unit === 1n ? 'cent' : 'euro');

/**
 * One stream in one year under a scenario. The result depends only on the data, the rounding
 * unit and the changes that can touch this stream in this year (with their place in the list,
 * which the explanation names), so it is remembered by those: an edit recomputes only the
 * (stream, year) pairs it touches, and scenarios that share changes share results. Each
 * (stream, year) keeps its last two versions, so that a sweep of many scenarios does not keep
 * the results of every one. Results are shared, so read-only.
 */
export function allocateStreamYear(data: BaselineData, scenario: Scenario, stroom: StreamRef, jaar: number): StreamYearOutcome {
  const changes: [number, Wijziging][] = [];
  scenario.wijzigingen.forEach((w, i) => {
    if (w.stroom === stroom && (w.geldigheid === 'vanaf-dit-jaar' || w.soort === 'indexatie' ? w.jaar <= jaar : w.jaar === jaar)) changes.push([i, w]);
  });
  // An own stream: its definition and its place in `eigenStromen` are part of the input.
  const own = isOwnStream(stroom) ? (scenario.eigenStromen ?? []).findIndex((e) => e.id === stroom) : -1;
  const eigen: [number, EigenStroom] | null = own >= 0 ? [own, scenario.eigenStromen![own]!] : null;
  const slot = slotText(stroom, jaar, scenario.afronding, scenario.herindelingen);
  return streamYearMemo(data, { slot, stroom, jaar, afronding: scenario.afronding, herindelingen: scenario.herindelingen, changes, eigen });
}

/**
 * The JSON text of a part of a scenario (a change, an own stream, a key, a list of
 * reservations): once per object, for the years it serves. Scenarios are read-only.
 */
const jsonOf = memoPerOwner((x: object): string => JSON.stringify(x));

/**
 * The text `stream|year|unit|merger choice` that names a stream-year's slot. For the streams of
 * the data it is made once and kept (a text whose hash is known makes the lookup cheap); an own
 * stream's is made each time, since its ids are the scenario's.
 */
const slotTexts = new Map<StreamRef, string[][]>();
function slotText(stroom: StreamRef, jaar: number, afronding: Scenario['afronding'], herindelingen: Scenario['herindelingen']): string {
  const make = () => `${stroom}|${jaar}|${afronding}|${herindelingen}`;
  const known = (afronding === 'euro' || afronding === 'cent') && (herindelingen === 'gepland' || herindelingen === 'zonder');
  if (!known || isOwnStream(stroom) || !Number.isInteger(jaar) || jaar < FIRST_YEAR || jaar > LAST_YEAR) return make();
  let years = slotTexts.get(stroom);
  if (!years) slotTexts.set(stroom, (years = []));
  const texts = (years[jaar - FIRST_YEAR] ??= []);
  const choice = (afronding === 'cent' ? 2 : 0) + (herindelingen === 'zonder' ? 1 : 0);
  return (texts[choice] ??= make());
}

type StreamYearInput = {
  /** Stream, year, unit and merger choice as one text (`streamYearSlot`), made once per call. */
  slot: string;
  stroom: StreamRef;
  jaar: number;
  afronding: Scenario['afronding'];
  herindelingen: Scenario['herindelingen'];
  changes: [number, Wijziging][];
  /** The own stream computed, with its place in `eigenStromen`; null for a stream of the data. */
  eigen: [number, EigenStroom] | null;
};

/** The stream-year an input is a version of: each keeps the results of its last two versions (an edit and the one before). */
const streamYearSlot = (q: StreamYearInput): string => q.slot;

/**
 * The whole input as a key: stream, year, unit, each change with its place, and an own stream's
 * definition. Without changes and own stream it is the slot's text itself (whose hash the slot's
 * lookup has computed already).
 */
const streamYearKey = (q: StreamYearInput): string => {
  if (q.changes.length === 0 && !q.eigen) return q.slot;
  let k = q.slot;
  if (q.eigen) k += `|eigen ${q.eigen[0]}:${jsonOf(q.eigen[1])}`;
  for (const [i, w] of q.changes) k += `|${i}:${jsonOf(w)}`;
  return k;
};

const streamYearMemo = memo(2, (data: BaselineData, input: StreamYearInput) => {
  // The changes (and an own stream) keep their places (sparse lists), so that the explanation names the right number.
  const wijzigingen: Wijziging[] = [];
  for (const [i, w] of input.changes) wijzigingen[i] = w;
  const eigenStromen: EigenStroom[] = [];
  if (input.eigen) eigenStromen[input.eigen[0]] = input.eigen[1];
  const scenario: Scenario = { versie: 1, naam: '', afronding: input.afronding, herindelingen: input.herindelingen, wijzigingen, ...(input.eigen ? { eigenStromen } : {}) };
  const p = resolveParameters(data, scenario, input.stroom, input.jaar);
  if (!p.bedrag) return { ok: true, result: null } as StreamYearOutcome; // the stream does not run this year
  return computeStreamYear(data, p, input.afronding === 'cent' ? 1n : 100n, input.herindelingen, input.eigen ? input.eigen[1].naam : undefined);
}, { key: streamYearKey, slot: streamYearSlot, slots: 512 });

/**
 * The whole spec of a distribution as a key: its plain fields, then the JSON texts of its key,
 * reservations and participation (self-delimiting, so the parts cannot run into each other).
 * It tells specs apart as `keyOf(spec)` would, without writing a key's JSON again for every year it serves.
 */
const distributionKey = (s: DistributionSpec): string =>
  `${s.eenheid}|${s.totaal}|${s.localPercentage}|${s.indeling[0]}:${s.indeling[1]}|${s.regio ?? ''}|${jsonOf(s.sleutel)}|${s.reservations.length > 0 ? jsonOf(s.reservations) : ''}|${s.deelname ? JSON.stringify(s.deelname) : ''}`;

const distributeMemo = memo(32, distribute, { key: distributionKey });

/** Every field of a spec is in `distributionKey`: a field added to `DistributionSpec` and not to this list does not compile. */
const SPEC_FIELDS = ['eenheid', 'totaal', 'reservations', 'localPercentage', 'sleutel', 'deelname', 'indeling', 'regio'] as const satisfies readonly (keyof DistributionSpec)[];
const everyField: Exclude<keyof DistributionSpec, (typeof SPEC_FIELDS)[number]> extends never ? true : never = true;
void everyField;

/**
 * The ground of the regional key in a year: the official SPUK IZA table of its own year, or that
 * table used for another year (an assumption). Once per data set and year.
 */
const regionKey = memo(50, (data: BaselineData, jaar: number): Ground => {
  const iza = data.spukIza2026;
  return iza.sleutelJaren.includes(jaar)
    ? { status: 'officieel', reden: null }
    : { status: 'raming', reden: `de regionale verdeelsleutel voor ${jaar} is niet gepubliceerd; gebruikt is de ${iza.naam}` };
}, { perContent: true });

/** The status of a published figure that nothing changed, or of one computed from it. */
function qualify(source: Ground, computed: boolean, grounds: readonly Ground[]): Qualified {
  if (!computed) return { status: source.status, redenen: source.reden ? [source.reden] : [] };
  return derive(grounds);
}

/** Cents to euros, exactly. */
const HUNDREDTH = fraction(1n, 100n);

/**
 * The computation of one stream in one year, recording each step as it is taken:
 * 1-2. the national amount, cut and indexation (exact); the one rounding of the total to the unit;
 * 3-7. reservations, the local/regional split, the key and the final largest-remainder rounding
 *      (`distribute`).
 * Statuses come from the grounds of each step: published inputs give `berekend`, an assumed
 * amount, key or split gives `raming` or `scenario` with the reason, unknown stays unknown.
 */
export function computeStreamYear(data: BaselineData, p: StreamYearParameters, unit: bigint, herindelingen: MergerChoice = 'gepland', naam?: string): StreamYearOutcome {
  const { stroom, jaar } = p;
  const own = isOwnStream(stroom);
  if (!p.bedrag) return { ok: true, result: null };
  const indeling = divisionOf(data, jaar, herindelingen);
  const eenheid = unitName(unit);
  const meldingen: string[] = [];
  const stappen: TraceStep[] = [];
  const amountGround = groundOf(p.bedrag.oorsprong);
  stappen.push({ stap: 'landelijk-bedrag', bedrag: p.bedrag.waarde, status: amountGround.status, structureel: p.structureel, oorsprong: p.bedrag.oorsprong });
  const base = {
    stroom,
    naam: naam ?? (p.bedrag.oorsprong.herkomst === 'eigen-stroom' ? p.bedrag.oorsprong.naam : streamName(stroom)),
    jaar,
    parameters: p,
    indeling,
    stappen,
    reserveringen: 0n,
    lokaal: ZERO,
    regionaal: ZERO,
    sleutel: null,
    verdeling: null,
    meldingen,
  };

  if (p.bedrag.waarde === null) {
    meldingen.push('Het landelijke bedrag is onbekend; het wordt niet als 0 meegeteld.');
    const redenen = amountGround.reden ? [amountGround.reden] : [];
    const line: AllocationLine = { stroom, jaar, ontvanger: 'landelijk', naam: NATIONAL, soort: 'landelijk', bedrag: null, status: 'onbekend', redenen };
    return {
      ok: true,
      result: resultOf(base, { bijgesteld: null, totaal: null, bedragStatus: 'onbekend', bedragRedenen: redenen, status: 'onbekend', redenen }, () => ({ regels: [line], claims: Int32Array.of(-1) }), () => ({ ontvangers: [line.ontvanger], soorten: [line.soort], eenheden: [line.bedrag], eenhedenD: null, eenheid: 1n })),
    };
  }

  // 1-2. National amount, cut, indexation: exact.
  const grounds: Ground[] = [amountGround];
  let amount = fromDecimal(p.bedrag.waarde);
  let adjusted = false;
  if (p.korting) {
    const voor = amount;
    amount = mul(amount, percentFactor(p.korting.waarde, -1));
    stappen.push({ stap: 'korting', percentage: p.korting.waarde, voor, na: amount, oorsprong: p.korting.oorsprong });
    grounds.push(groundOf(p.korting.oorsprong));
    adjusted = true;
  }
  if (p.indexaties.length > 0) {
    const voor = amount;
    let factor = fraction(1n);
    for (const ix of p.indexaties) {
      factor = mul(factor, percentFactor(ix.percentage, 1));
      grounds.push(groundOf(ix.oorsprong));
    }
    amount = mul(amount, factor);
    stappen.push({ stap: 'indexatie', jaren: p.indexaties, factor, voor, na: amount });
    adjusted = true;
  }
  // The one rounding of the total: half up to the unit (a no-op when it is already whole).
  const exactUnits = mul(amount, fraction(100n, unit));
  const totalUnits = roundHalfUp(exactUnits);
  const totalCents = totalUnits * unit;
  const rounded = exactUnits.d !== 1n;
  if (rounded) stappen.push({ stap: 'afronding-totaal', exact: amount, totaal: totalCents, eenheid });
  const amountStatus = qualify(amountGround, adjusted || rounded, grounds);

  if (p.verdeling.waarde === 'landelijk') {
    const reden = p.verdeling.oorsprong.herkomst === 'basis' ? p.verdeling.oorsprong.toelichting : 'Het scenario verdeelt dit bedrag niet.';
    meldingen.push(reden);
    // The baseline's reason why each municipality's amount is unknown, when the money did go to them.
    const baseline = own || p.verdeling.oorsprong.herkomst !== 'basis' ? null : streamById(stroom).baseline;
    const perGemeenteOnbekend = baseline?.verdeling === 'landelijk' ? baseline.perGemeente : null;
    stappen.push({ stap: 'niet-verdeeld', reden, oorsprong: p.verdeling.oorsprong, ...(perGemeenteOnbekend !== null ? { perGemeenteOnbekend } : {}) });
    const line: AllocationLine = {
      stroom,
      jaar,
      ontvanger: 'landelijk',
      naam: NATIONAL,
      soort: 'landelijk',
      bedrag: totalCents,
      status: amountStatus.status,
      redenen: amountStatus.redenen,
    };
    return {
      ok: true,
      result: resultOf(base, {
        bijgesteld: amount,
        totaal: totalCents,
        bedragStatus: amountStatus.status,
        bedragRedenen: amountStatus.redenen,
        status: amountStatus.status,
        redenen: amountStatus.redenen,
      }, () => ({ regels: [line], claims: Int32Array.of(-1) }), () => ({ ontvangers: [line.ontvanger], soorten: [line.soort], eenheden: [line.bedrag], eenhedenD: null, eenheid: 1n })),
    };
  }

  if (!indeling.verdeelbaar) {
    return {
      ok: false,
      bericht: `${stroom}, ${jaar}: het bedrag kan niet over gemeenten worden verdeeld; de verdeelsleutel van dat jaar is onbekend en de gemeenten van de ${indeling.naam} zijn niet die van de ${data.indeling.naam}`,
    };
  }
  const spec: DistributionSpec = {
    eenheid,
    totaal: totalUnits.toString(),
    reservations: p.reserveringen?.waarde ?? [],
    localPercentage: p.lokaalPercentage.waarde,
    sleutel: p.sleutel.waarde,
    deelname: p.deelname?.waarde ?? null,
    indeling: divisionKey(data, indeling),
    ...(p.regioSchaal === 'ggd' ? { regio: 'ggd' as const } : {}),
  };
  const out = distributeMemo(data, spec);
  if (!out.ok) return { ok: false, bericht: `${out.bericht} (${stroom}, ${jaar})` };
  const d = out.distribution;
  const stream = own ? null : streamById(stroom);
  const attributed = stream?.toegerekendVanaf;
  if (attributed && jaar >= attributed.jaar && (attributed.tot === undefined || jaar <= attributed.tot)) meldingen.push(attributed.toelichting);
  // What the baseline's amount of the year leaves out: only for the baseline's amount, not one the scenario sets.
  if (stream && p.bedrag.oorsprong.herkomst === 'basis') for (const k of stream.kanttekeningen) if (jaar >= k.van && jaar <= k.tot) meldingen.push(k.toelichting);
  if (p.lokaalPercentage.oorsprong.herkomst === 'basis' && p.lokaalPercentage.oorsprong.status === 'raming') meldingen.push(p.lokaalPercentage.oorsprong.toelichting);

  // 3. Reservations.
  if (p.reserveringen && p.reserveringen.waarde.length > 0) {
    stappen.push({
      stap: 'reserveringen',
      ontvangers: p.reserveringen.waarde.map((r, i) => ({ code: r.code, naam: r.naam, bedrag: d.reservationUnits[i]! * unit })),
      totaal: d.reserved * unit,
      oorsprong: p.reserveringen.oorsprong,
    });
  }
  // 4. The split.
  const splitGround = groundOf(p.lokaalPercentage.oorsprong);
  const ggd = d.regionScale === 'ggd';
  const regions = ggd ? data.ggdRegios.length : data.izaRegios.length;
  const lokaal = unit === 1n ? d.local : mul(d.local, fraction(unit));
  const regionaal = unit === 1n ? d.regional : mul(d.regional, fraction(unit));
  stappen.push({
    stap: 'lokaal-regionaal',
    lokaalPercentage: p.lokaalPercentage.waarde,
    // In euros, as every fraction of the trace (the result's own `lokaal`/`regionaal` stay in cents).
    lokaal: mul(lokaal, HUNDREDTH),
    regionaal: mul(regionaal, HUNDREDTH),
    regios: regions,
    ...(ggd ? { schaal: 'ggd' as const } : {}),
    status: splitGround.status,
    oorsprong: p.lokaalPercentage.oorsprong,
  });
  // 5. Participation.
  const partGround: Ground[] = [];
  if (p.deelname) {
    partGround.push(groundOf(p.deelname.oorsprong));
    stappen.push({
      stap: 'deelname',
      deelnemers: p.deelname.waarde.gemeenten.length,
      gemeenten: indeling.gemeenten.length,
      nietDeelnemers: p.deelname.waarde.nietDeelnemers,
      oorsprong: p.deelname.oorsprong,
    });
  }
  // 5b. The municipal division of the year, when it is not the base division.
  if (indeling.samenvoegingen.length > 0 || indeling.zonderGepland) {
    const all = indeling.zonderGepland ? plannedSuccessions(data).filter((x) => x.jaar <= jaar) : indeling.samenvoegingen;
    stappen.push({
      stap: 'indeling',
      naam: indeling.naam,
      toegepast: !indeling.zonderGepland,
      samenvoegingen: all.map((x) => ({
        opvolger: { code: x.opvolger.code, naam: x.opvolger.naam },
        opgeheven: x.opgeheven.map((g) => ({ code: g.code, naam: g.naam })),
        delen: x.delen.map((g) => g.code),
        datum: x.datum,
        status: x.status,
        bron: x.bron,
        reden: x.reden,
      })),
      oorsprong: { herkomst: 'basis', status: indeling.grond.status === 'raming' ? 'raming' : 'officieel', bron: all.map((x) => x.bron).join('; '), toelichting: indeling.naam },
    });
  }
  // 6. The keys.
  const keyGround = groundOf(p.sleutel.oorsprong);
  const sl = p.sleutel.waarde;
  // Fixed amounts only come from the key's `vasteBedragen`; without any, no need to look.
  const anyFixed = (sl.vasteBedragen?.length ?? 0) > 0 && d.fixedUnits.some((u) => u !== null);
  const cents = (euros: string | undefined): bigint | null => (euros === undefined ? null : centsOf(euros));
  stappen.push({
    stap: 'sleutel',
    deel: 'lokaal',
    omschrijving: d.key.omschrijving,
    bron: d.key.bron,
    status: keyGround.status,
    reden: keyGround.reden,
    ontvangers: d.sharing,
    basisbedrag: sl.type === 'formule' ? cents(sl.basisbedrag) : null,
    minimumbedrag: sl.type === 'formule' ? cents(sl.minimumbedrag) : null,
    aangevuld: d.raised,
    vasteBedragen: d.fixedTotal > 0n || anyFixed ? { aantal: d.fixedUnits.filter((u) => u !== null).length, totaal: d.fixedTotal * unit } : null,
    basisbedragen: d.baseTotal > 0n ? { aantal: d.baseUnits.filter((u) => u !== null).length, totaal: d.baseTotal * unit } : null,
    oorsprong: p.sleutel.oorsprong,
  });
  const membership = ggd && d.regionUnits ? membershipIn(data, indeling, 'ggd') : null;
  const regionKeyGround = d.regionUnits ? (membership ? keyGround : regionKey(data, jaar)) : null;
  if (membership && regionKeyGround) {
    stappen.push({
      stap: 'sleutel',
      deel: 'regionaal',
      omschrijving: `GGD-regio's: het aandeel van de regio in de verdeelsleutel van de gemeenten (${d.key.omschrijving.replace(/^\w/, (c) => c.toLowerCase())}), dat is de som van de gewichten van haar gemeenten in de ${indeling.naam}`,
      bron: `${d.key.bron}; indeling in GGD-regio's: ${membership.bron}`,
      status: regionKeyGround.status,
      reden: regionKeyGround.reden,
      ontvangers: regions,
      basisbedrag: null,
      minimumbedrag: null,
      aangevuld: 0,
      oorsprong: p.lokaalPercentage.oorsprong,
    });
  } else if (regionKeyGround) {
    const iza = data.spukIza2026;
    stappen.push({
      stap: 'sleutel',
      deel: 'regionaal',
      omschrijving: `SPUK IZA-sleutel: het aandeel van de regio in de ${iza.naam}`,
      bron: iza.bron,
      status: regionKeyGround.status,
      reden: regionKeyGround.reden,
      ontvangers: regions,
      basisbedrag: null,
      minimumbedrag: null,
      aangevuld: 0,
      oorsprong: { herkomst: 'basis', status: regionKeyGround.status, bron: iza.bron, toelichting: iza.toelichting },
    });
  }
  // 7. The final rounding.
  stappen.push({ stap: 'afronding', eenheid, restEenheden: d.leftover, kandidaten: d.candidates, ontvangers: d.claimCount });

  // A stream the baseline does not divide, divided by the scenario: every amount of it follows from that change.
  if (p.verdeling.oorsprong.herkomst === 'scenario') grounds.push(groundOf(p.verdeling.oorsprong));
  const local = derive([...grounds, splitGround, keyGround, ...partGround]);
  const regional = regionKeyGround ? derive([...grounds, splitGround, regionKeyGround]) : local;
  const reservation = p.reserveringen ? derive([groundOf(p.reserveringen.oorsprong)]) : local;

  // 8. The transition path: caps the change against the baseline key, balanced over the others.
  let ingroeipad: StreamYearResult['ingroeipad'] = null;
  let pathGround: Ground | null = null;
  if (p.ingroeipad) {
    const path = transitionFor(data, p, indeling, d, unit);
    if (!path.ok) return { ok: false, bericht: `${path.bericht} (${stroom}, ${jaar})` };
    ingroeipad = path.facts;
    const f = path.facts;
    pathGround = groundOf(p.ingroeipad.oorsprong);
    const x = p.ingroeipad.waarde;
    stappen.push({
      stap: 'ingroeipad',
      vanafJaar: x.vanafJaar,
      jaarInPad: x.jaarInPad,
      perInwoner: x.perInwoner,
      percentage: x.percentage,
      ontvangers: f.index.length,
      begrensd: f.facts.atCap.reduce((a, b) => a + b, 0),
      verschoven: f.facts.balance.reduce((a, b) => a + (b < 0n ? -b : b), 0n) * unit,
      rondes: f.facts.rounds,
      oorsprong: p.ingroeipad.oorsprong,
    });
  }

  const gemeenten = indeling.gemeenten;
  const reservations = p.reserveringen?.waarde ?? [];
  const count = reservations.length + gemeenten.length + (d.unspent ? 1 : 0) + (d.regionUnits ? d.regionUnits.length : 0);
  const ggdLines = d.regionUnits !== null && membership !== null;

  /**
   * Every recipient's code, kind and amount in units, in the order of the lines: what the lines
   * show and what a comparison reads, without an object (or a bigint) per recipient.
   */
  let columns: LineColumns | null = null;
  const columnsOf = (): LineColumns => {
    if (columns) return columns;
    const codes = codesOf(gemeenten);
    const regions = d.regionUnits ? regionCodes(data)[ggdLines ? 'ggd' : 'iza'] : null;
    // Usually only the municipalities and the regions: their codes and kinds are those of every
    // result on this division, their units those of every year the distribution serves.
    if (reservations.length === 0 && !d.unspent) {
      const { ontvangers, soorten } = layoutOf(codes, regions);
      if (ingroeipad) return (columns = { ontvangers, soorten, eenheden: withPath(unitsOf(d), 0, ingroeipad), eenhedenD: null, eenheid: unit });
      // The bigints are made only when read: a sweep sums the doubles.
      return (columns = {
        ontvangers,
        soorten,
        get eenheden() {
          return unitsOf(d);
        },
        eenhedenD: countsOf(d),
        eenheid: unit,
      });
    }
    const ontvangers = new Array<string>(count);
    const soorten = new Array<RecipientKind>(count);
    const eenheden = new Array<bigint>(count);
    let at = 0;
    reservations.forEach((r, i) => {
      ontvangers[at] = r.code;
      soorten[at] = 'reservering';
      eenheden[at++] = d.reservationUnits[i]!;
    });
    for (let i = 0; i < codes.length; i++, at++) {
      ontvangers[at] = codes[i]!;
      soorten[at] = 'gemeente';
      eenheden[at] = d.gemeenteUnits[i] ?? 0n; // one that does not take part gets 0
    }
    if (d.unspent) {
      ontvangers[at] = 'onbenut';
      soorten[at] = 'onbenut';
      eenheden[at++] = d.unspent.units;
    }
    for (let i = 0; regions && i < regions.length; i++, at++) {
      ontvangers[at] = regions[i]!;
      soorten[at] = 'regio';
      eenheden[at] = d.regionUnits![i]!;
    }
    return (columns = { ontvangers, soorten, eenheden: ingroeipad ? withPath(eenheden, reservations.length, ingroeipad) : eenheden, eenhedenD: null, eenheid: unit });
  };

  /** The lines, one per recipient, with their places among the claims; written out when first read (most results of a sweep never are). */
  const linesOf = (): Lines => {
    const { eenheden } = columnsOf();
    // The amounts in cents, as each line is written.
    const bedrag = (at: number): bigint => eenheden[at]! * unit;
    const lines = new Array<AllocationLine>(count);
    const claims = new Int32Array(count);
    let at = 0;
    reservations.forEach((r) => {
      lines[at] = { stroom, jaar, ontvanger: r.code, naam: r.naam, soort: 'reservering', bedrag: bedrag(at), status: reservation.status, redenen: reservation.redenen };
      claims[at++] = -1;
    });
    at = municipalityLines(lines, claims, at, stroom, jaar, gemeenten, eenheden, unit, d, local, ownStatuses(), p.deelname !== null);
    if (ingroeipad && pathGround) {
      const firstLine = reservations.length;
      // Most lines share one list of reasons: their status with the path is derived once per list.
      const pathStatus = new Map<readonly string[], { van: Status; q: ReturnType<typeof derive> }>();
      for (const i of ingroeipad.index) {
        const line = lines[firstLine + i]!;
        let hit = pathStatus.get(line.redenen);
        if (!hit || hit.van !== line.status) {
          hit = { van: line.status, q: derive([{ status: line.status, reden: null }, ...line.redenen.map((r) => ({ status: line.status, reden: r })), pathGround]) };
          pathStatus.set(line.redenen, hit);
        }
        line.status = hit.q.status;
        line.redenen = hit.q.redenen;
      }
    }
    if (d.unspent) {
      lines[at] = {
        stroom,
        jaar,
        ontvanger: 'onbenut',
        naam: 'Onbenut (gemeenten die niet deelnemen)',
        soort: 'onbenut',
        bedrag: bedrag(at),
        status: local.status,
        redenen: local.redenen,
      };
      claims[at++] = d.unspent.claim;
    }
    if (d.regionUnits && membership) {
      data.ggdRegios.forEach((r, i) => {
        // A region whose membership is uncertain (a municipality the two sources place differently) is an estimate.
        const uncertain = membership.redenen.get(r.code) ?? [];
        const q = uncertain.length > 0 ? derive([...grounds, splitGround, regionKeyGround!, ...uncertain.map((reden) => ({ status: 'raming' as const, reden }))]) : regional;
        lines[at] = { stroom, jaar, ontvanger: r.code, naam: r.naam, soort: 'regio', bedrag: bedrag(at), status: q.status, redenen: q.redenen };
        claims[at++] = d.regionClaimStart + i;
      });
    } else if (d.regionUnits) {
      data.izaRegios.forEach((r, i) => {
        lines[at] = {
          stroom,
          jaar,
          ontvanger: r.id,
          naam: r.naam,
          soort: 'regio',
          bedrag: bedrag(at),
          status: regional.status,
          redenen: regional.redenen,
          mandaatgemeente: { naam: r.mandaatgemeente, code: r.mandaatgemeenteCode },
        };
        claims[at++] = d.regionClaimStart + i;
      });
    }
    return { regels: lines, claims };
  };

  /** The municipalities whose line has a status of its own, by code: successors, parts of a merger kept out, fixed amounts. */
  const ownStatuses = (): Map<string, Qualified> => {
    // A successor's amount rests on its planned merger as well.
    const successorStatus = new Map(
      indeling.samenvoegingen.map((x) => [x.opvolger.code, derive([...grounds, splitGround, keyGround, ...partGround, { status: 'raming', reden: x.reden }])]),
    );
    // Kept out by the scenario: the parts' amounts rest on the scenario's choice that the planned merger does not happen.
    if (indeling.zonderGepland) {
      for (const x of plannedSuccessions(data).filter((m) => m.jaar <= jaar)) {
        const names = x.opgeheven.filter((g) => g.code !== x.opvolger.code).map((g) => g.naam).join(', ');
        const reden = `dit scenario rekent zonder de geplande samenvoeging van ${names} met ${x.opvolger.naam} per ${formatDate(x.datum)}`;
        const q = derive([...grounds, splitGround, keyGround, ...partGround, { status: 'scenario', reden }]);
        for (const g of x.delen) successorStatus.set(g.code, q);
      }
    }
    // A fixed amount rests on the scenario alone: status `scenario`, with the change and the entry's note as the reason.
    if (anyFixed) {
      const o = p.sleutel.oorsprong;
      const fixed = keyAmountsIn(data, indeling, sl.vasteBedragen);
      for (const [i, x] of fixed) {
        if (d.fixedUnits[i] === null) continue;
        const why = o.herkomst === 'scenario' ? scenarioReason(o) : 'vast bedrag uit het scenario';
        const notes = x.toelichtingen.length > 0 ? `: ${x.toelichtingen.join('; ')}` : '';
        const merger = indeling.samenvoegingen.find((m) => m.opvolger.code === gemeenten[i]!.code);
        const grounds: Ground[] = [{ status: 'scenario', reden: `vast bedrag in plaats van een aandeel; ${why}${notes}` }];
        if (merger) grounds.push({ status: 'raming', reden: merger.reden });
        successorStatus.set(gemeenten[i]!.code, derive(grounds));
      }
    }
    return successorStatus;
  };

  return {
    ok: true,
    result: resultOf(
      { ...base, reserveringen: d.reserved * unit, lokaal, regionaal, sleutel: d.key, verdeling: d },
      {
        bijgesteld: amount,
        totaal: totalCents,
        bedragStatus: amountStatus.status,
        bedragRedenen: amountStatus.redenen,
        status: local.status,
        redenen: local.redenen,
      },
      linesOf,
      columnsOf,
      ingroeipad,
    ),
  };
}

/**
 * The codes and kinds of the lines of a result with only municipalities (`codes`) and regions:
 * once per list of codes and of regions.
 */
const layoutsOf = memoPerOwner((_codes: readonly string[]) => new Map<readonly string[] | null, Pick<LineColumns, 'ontvangers' | 'soorten'>>());
function layoutOf(codes: readonly string[], regions: readonly string[] | null): Pick<LineColumns, 'ontvangers' | 'soorten'> {
  const byRegions = layoutsOf(codes);
  let out = byRegions.get(regions);
  if (!out) {
    const soorten: RecipientKind[] = codes.map(() => 'gemeente');
    for (const _ of regions ?? []) soorten.push('regio');
    byRegions.set(regions, (out = { ontvangers: [...codes, ...(regions ?? [])], soorten }));
  }
  return out;
}

/** The units of a distribution's municipalities (0 for one that does not take part) and regions, in that order: once per distribution. */
const unitsOf = memoPerOwner((d: Distribution): bigint[] => {
  const out = d.gemeenteUnits.map((u) => u ?? 0n);
  for (const u of d.regionUnits ?? []) out.push(u);
  return out;
});

/**
 * The same units as `unitsOf`, as exact doubles read from the rounding's claims (0 for a
 * municipality that does not take part): once per distribution; null when the rounding has no
 * doubles (it took the plain way).
 */
const countsOf = memoPerOwner((d: Distribution): Float64Array | null => {
  const counts = d.claimCounts;
  if (!counts) return null;
  const claims = d.gemeenteClaim;
  const regions = d.regionUnits ? d.regionUnits.length : 0;
  const out = new Float64Array(claims.length + regions);
  for (let i = 0; i < claims.length; i++) out[i] = claims[i]! >= 0 ? counts[claims[i]!]! : 0;
  for (let k = 0; k < regions; k++) out[claims.length + k] = counts[d.regionClaimStart + k]!;
  return out;
});

/** `units` with the amounts of a transition path in place of the municipalities' (which start at `first`). */
function withPath(units: readonly bigint[], first: number, path: TransitionOutcome): bigint[] {
  const out = units.slice();
  path.index.forEach((i, k) => (out[first + i] = path.facts.amount[k]!));
  return out;
}

/** The codes of the regions as their lines name them: once per data content. */
const regionCodes = memoPerContent((data: BaselineData) => ({ ggd: data.ggdRegios.map((r) => r.code), iza: data.izaRegios.map((r) => r.id) }));

/**
 * A result's recipients (`ontvanger`), their kinds (`soort`) and their amounts, in the order of
 * its lines: line i's `bedrag` in cents is `eenheden[i] × eenheid` (null: unknown).
 */
export interface LineColumns {
  ontvangers: readonly string[];
  soorten: readonly RecipientKind[];
  eenheden: readonly (bigint | null)[];
  /**
   * The same units as exact doubles (each below 2^53), where the computation has them without
   * making a bigint per line; null otherwise (read `eenheden`). Never holds an unknown amount.
   */
  eenhedenD: Float64Array | null;
  /** Cents per unit: 100n for whole euros, 1n for cents. */
  eenheid: bigint;
}

/** The columns of each result computed here, made when first asked for. */
const columnsByResult = new WeakMap<StreamYearResult, () => LineColumns>();

/**
 * The codes, amounts and kinds of a result's lines, the same as reading them from `regels`, but
 * without writing the lines out: what a comparison of many scenarios reads. A result that was
 * not computed here (a copy) is read from its lines.
 */
export function lineColumns(r: StreamYearResult): LineColumns {
  const columns = columnsByResult.get(r);
  if (columns) return columns();
  return { ontvangers: r.regels.map((l) => l.ontvanger), soorten: r.regels.map((l) => l.soort), eenheden: r.regels.map((l) => l.bedrag), eenhedenD: null, eenheid: 1n };
}

/** The fields of a result that the computation fills in before it knows its lines. */
type ResultBase = Pick<StreamYearResult, 'stroom' | 'naam' | 'jaar' | 'parameters' | 'indeling' | 'stappen' | 'reserveringen' | 'lokaal' | 'regionaal' | 'sleutel' | 'verdeling' | 'meldingen'>;
type ResultRest = Pick<StreamYearResult, 'bijgesteld' | 'totaal' | 'bedragStatus' | 'bedragRedenen' | 'status' | 'redenen'>;
/** A result's lines and their places among the claims. */
type Lines = Pick<StreamYearResult, 'regels' | 'claims'>;

/**
 * A result as one object literal, in the order of its fields (as `{ ...base, ...rest }` would
 * give them). Not spread: an object spread followed by new fields is a slow path of the engine
 * (microseconds per result). The lines and their claims are written by `lines` when either is
 * first read, once.
 */
function resultOf(b: ResultBase, r: ResultRest, lines: () => Lines, columns: () => LineColumns, ingroeipad?: StreamYearResult['ingroeipad']): StreamYearResult {
  let built: Lines | null = null;
  const out: StreamYearResult = {
    stroom: b.stroom,
    naam: b.naam,
    jaar: b.jaar,
    parameters: b.parameters,
    indeling: b.indeling,
    stappen: b.stappen,
    reserveringen: b.reserveringen,
    lokaal: b.lokaal,
    regionaal: b.regionaal,
    sleutel: b.sleutel,
    verdeling: b.verdeling,
    meldingen: b.meldingen,
    bijgesteld: r.bijgesteld,
    totaal: r.totaal,
    bedragStatus: r.bedragStatus,
    bedragRedenen: r.bedragRedenen,
    status: r.status,
    redenen: r.redenen,
    get regels() {
      return (built ??= lines()).regels;
    },
    get claims() {
      return (built ??= lines()).claims;
    },
  };
  if (ingroeipad !== undefined) out.ingroeipad = ingroeipad;
  columnsByResult.set(out, columns);
  return out;
}

/**
 * The municipalities' lines of a stream-year, written into `lines` and `claims` from place `at`
 * on, with the amounts in units at the same places of `eenheden`; returns the place after them. A line has the status of the local part, or its own (a
 * successor, a part of a merger kept out, a fixed amount). A function of its own, so that the
 * engine optimizes this loop on its own, whatever the rest of the computation does.
 */
function municipalityLines(
  lines: AllocationLine[],
  claims: Int32Array,
  at: number,
  stroom: StreamRef,
  jaar: number,
  gemeenten: YearDivision['gemeenten'],
  eenheden: readonly (bigint | null)[],
  unit: bigint,
  d: Distribution,
  local: Qualified,
  successorStatus: ReadonlyMap<string, Qualified>,
  participating: boolean,
): number {
  const first = at;
  for (let i = 0; i < gemeenten.length; i++) {
    const g = gemeenten[i]!;
    lines[at] = participating
      ? { stroom, jaar, ontvanger: g.code, naam: g.naam, soort: 'gemeente', bedrag: eenheden[at]! * unit, status: local.status, redenen: local.redenen, deelname: d.gemeenteUnits[i] !== null }
      : { stroom, jaar, ontvanger: g.code, naam: g.naam, soort: 'gemeente', bedrag: eenheden[at]! * unit, status: local.status, redenen: local.redenen };
    claims[at++] = d.gemeenteClaim[i]!;
  }
  // The few with a status of their own (looked up by code once per division, not per line).
  if (successorStatus.size > 0) {
    const index = codeIndex(gemeenten);
    for (const [code, q] of successorStatus) {
      const i = index.get(code);
      if (i === undefined) continue;
      const line = lines[first + i]!;
      line.status = q.status;
      line.redenen = q.redenen;
    }
  }
  return at;
}

/** The place of each municipality of a division by its code: once per list of municipalities. */
const codeIndex = memoPerOwner((gemeenten: YearDivision['gemeenten']): ReadonlyMap<string, number> => new Map(gemeenten.map((g, i) => [g.code, i])));

/**
 * The transition path of a stream-year over the municipalities that share by the key (not those
 * with a fixed amount, not those that do not take part): the reference is the baseline key (the
 * Brede SPUK key, a successor's weight the sum of its parts') applied to their total, the cap per
 * municipality k × the cap per year in the k-th year of the path. See `transitionPath`.
 */
function transitionFor(
  data: BaselineData,
  p: StreamYearParameters,
  indeling: YearDivision,
  d: Distribution,
  unit: bigint,
): { ok: true; facts: TransitionOutcome } | { ok: false; bericht: string } {
  const x = p.ingroeipad!.waarde;
  const k = BigInt(x.jaarInPad);
  const base = keyWeightsOf(data, { type: 'brede-spuk-2025' });
  const weights = indeling.gemeenten === data.gemeenten ? base.weights : indeling.delen.map((parts) => parts.reduce((w, i) => w + base.weights[i]!, 0n));
  const index: number[] = [];
  indeling.gemeenten.forEach((_, i) => {
    if (d.gemeenteUnits[i] !== null && d.fixedUnits[i] === null) index.push(i);
  });
  const inw = x.perInwoner !== null ? inhabitantsIn(data, indeling) : null;
  const perUnit = x.perInwoner !== null ? mul(fromDecimal(x.perInwoner), fraction(100n * k, unit)) : null;
  const rows: TransitionRow[] = [];
  const missing: string[] = [];
  for (const i of index) {
    const g = indeling.gemeenten[i]!;
    const row: TransitionRow = { code: g.code, amount: d.gemeenteUnits[i]!, weight: weights[i]! };
    if (inw && perUnit) {
      const n = inw.get(g.code);
      if (n === undefined) missing.push(g.naam);
      else row.cap = mul(perUnit, fraction(n));
    }
    rows.push(row);
  }
  if (missing.length > 0) {
    return { ok: false, bericht: `het ingroeipad per inwoner kan niet worden toegepast: het aantal inwoners is onbekend voor ${missing.slice(0, 10).join(', ')} (onbekend is niet 0)` };
  }
  const factor = x.percentage !== null ? mul(fromDecimal(x.percentage), fraction(k, 100n)) : null;
  return { ok: true, facts: { index, inwoners: inw ? index.map((i) => inw.get(indeling.gemeenten[i]!.code) ?? null) : null, facts: transitionPath(rows, factor) } };
}

