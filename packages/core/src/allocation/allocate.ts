import type { BaselineData, Status, StreamId } from '../data/types.js';
import { STREAM_IDS, YEARS } from '../data/types.js';
import { type Fraction, fraction, fromDecimal, mul, percentFactor, roundHalfUp, ZERO } from '../money/fraction.js';
import type { KeyWeights } from '../keys/weights.js';
import { cachedDistribute, type Distribution, type LineRounding } from './distribute.js';
import type { Scenario } from '../scenario/schema.js';
import { parseScenario, type Problem } from '../scenario/parse.js';
import { validateAgainstData } from '../scenario/validate.js';
import { FRAME } from '../data/frame.js';
import { streamById } from '../streams/streams.js';
import { formatEuro } from '../money/format.js';
import { resolveParameters, type StreamYearParameters, type Origin } from '../scenario/parameters.js';

/** Status of a computed amount: the weakest of its inputs; `scenario` = rests on a scenario assumption. */
export type ResultStatus = Status | 'scenario';
const STATUS_ORDER: readonly ResultStatus[] = ['officieel', 'officieel-afgerond', 'raming', 'scenario', 'onbekend'];
export function weakest(...statuses: ResultStatus[]): ResultStatus {
  return statuses.reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a), 'officieel');
}
const originStatus = (o: Origin): ResultStatus => (o.herkomst === 'scenario' ? 'scenario' : o.status);

export type { LineRounding };

export type RecipientKind = 'gemeente' | 'regio' | 'landelijk' | 'reservering' | 'onbenut';

/** One amount for one recipient, in cents (a multiple of 100 when rounding to whole euros). */
export interface AllocationLine {
  stroom: StreamId;
  jaar: number;
  /** GM code, IZA region id, `landelijk`, `onbenut`, or the code of a reservation. */
  ontvanger: string;
  naam: string;
  soort: RecipientKind;
  /** Cents; null = unknown (never 0). */
  bedrag: bigint | null;
  status: ResultStatus;
  /** For municipalities: false when it does not take part. */
  deelname?: boolean;
  /** For regions: the mandate holder that receives it. */
  mandaatgemeente?: { naam: string; code: string | null };
}

export interface StreamYearResult {
  stroom: StreamId;
  jaar: number;
  parameters: StreamYearParameters;
  /** Exact national amount after cut and indexation, in euros; null = unknown. */
  bijgesteld: Fraction | null;
  /** The amount that is divided, in cents after the explicit rounding to the unit; null = unknown. */
  totaal: bigint | null;
  reserveringen: bigint; // cents taken off the top
  lokaal: Fraction; // exact cents for municipalities
  regionaal: Fraction; // exact cents for regions
  /** Status of the lines: the weakest of the amount, the adjustments, the split and the key. */
  status: ResultStatus;
  /** Status of the national amount after cut and indexation (`totaal`), before it is divided. */
  bedragStatus: ResultStatus;
  regels: AllocationLine[];
  /** Per line (same index as `regels`): its place among the claims of `verdeling`, or -1 when not apportioned. */
  claims: Int32Array;
  /** The rounded division behind the lines; `roundingOf(verdeling, claims[i])` gives line i's rounding facts. */
  verdeling: Distribution | null;
  /** The rounding of this (stream, year): units left after the floors, and claims with a remainder. */
  apportionment: { leftover: bigint; candidates: number } | null;
  sleutel: KeyWeights | null;
  /** Source of the regional key (the SPUK IZA amounts), when part of the money goes to regions. */
  regioSleutelBron: string | null;
  /** Dutch notes: why not allocated, what is an estimate. */
  meldingen: string[];
}

export interface Allocation {
  scenario: Scenario;
  eenheid: bigint; // 100n cents (euro) or 1n (cent)
  resultaten: StreamYearResult[];
  waarschuwingen: string[];
}

export type AllocationOutcome = { ok: true; allocation: Allocation } | { ok: false; fouten: Problem[] };


type StreamYearOutcome = { ok: true; result: StreamYearResult | null } | { ok: false; bericht: string };

const NATIONAL = 'Landelijk (niet verdeeld)';

const originKey = (o: Origin | undefined): string =>
  o === undefined ? '' : o.herkomst === 'basis' ? 'b' : `s${o.wijziging}:${o.geldigheid}:${o.vanafJaar}:${o.toelichting}`;

/** Everything a (stream, year) result depends on besides the data, as a compact text. */
function parameterKey(p: StreamYearParameters, unit: bigint): string {
  return [
    unit,
    p.stroom,
    p.jaar,
    p.bedrag ? `${p.bedrag.waarde}:${originKey(p.bedrag.oorsprong)}` : '-',
    p.korting ? `${p.korting.waarde}:${originKey(p.korting.oorsprong)}` : '-',
    p.indexaties.map((i) => `${i.jaar}:${i.percentage}:${originKey(i.oorsprong)}`).join(','),
    p.reserveringen ? `${JSON.stringify(p.reserveringen.waarde)}:${originKey(p.reserveringen.oorsprong)}` : '-',
    `${p.verdeling.waarde}:${originKey(p.verdeling.oorsprong)}`,
    `${p.lokaalPercentage.waarde}:${originKey(p.lokaalPercentage.oorsprong)}`,
    `${JSON.stringify(p.sleutel.waarde)}:${originKey(p.sleutel.oorsprong)}`,
    p.deelname ? `${JSON.stringify(p.deelname.waarde)}:${originKey(p.deelname.oorsprong)}` : '-',
  ].join('|');
}

const resultCache = new WeakMap<BaselineData, Map<string, StreamYearOutcome>>();

/**
 * One stream in one year. The result depends only on the data and the resolved parameters with
 * their origins, so it is remembered (at most 500 per data set): an edit recomputes only the
 * (stream, year) pairs it touches. Results are shared between allocations, so they are read-only.
 */
export function allocateStreamYear(data: BaselineData, scenario: Scenario, stroom: StreamId, jaar: number): StreamYearOutcome {
  const p = resolveParameters(data, scenario, stroom, jaar);
  if (!p.bedrag) return { ok: true, result: null }; // the stream does not run this year
  const unit = scenario.afronding === 'cent' ? 1n : 100n;
  let cache = resultCache.get(data);
  if (!cache) resultCache.set(data, (cache = new Map()));
  const key = parameterKey(p, unit);
  let outcome = cache.get(key);
  if (!outcome) {
    if (cache.size >= 500) cache.clear();
    outcome = computeStreamYear(data, p, unit);
    cache.set(key, outcome);
  }
  return outcome;
}

function computeStreamYear(data: BaselineData, p: StreamYearParameters, unit: bigint): StreamYearOutcome {
  const { stroom, jaar } = p;
  if (!p.bedrag) return { ok: true, result: null };
  const meldingen: string[] = [];
  const base: Omit<StreamYearResult, 'regels' | 'claims' | 'status' | 'bedragStatus' | 'totaal' | 'bijgesteld'> = {
    stroom,
    jaar,
    parameters: p,
    reserveringen: 0n,
    lokaal: ZERO,
    regionaal: ZERO,
    apportionment: null,
    sleutel: null,
    regioSleutelBron: null,
    verdeling: null,
    meldingen,
  };
  let status = originStatus(p.bedrag.oorsprong);
  if (p.bedrag.waarde === null) {
    meldingen.push('Het landelijke bedrag is onbekend; het wordt niet als 0 meegeteld.');
    const line: AllocationLine = { stroom, jaar, ontvanger: 'landelijk', naam: NATIONAL, soort: 'landelijk', bedrag: null, status: 'onbekend' };
    return { ok: true, result: { ...base, bijgesteld: null, totaal: null, status: 'onbekend', bedragStatus: 'onbekend', regels: [line], claims: Int32Array.of(-1) } };
  }
  // 1-2. National amount, cut, indexation: exact.
  let amount = fromDecimal(p.bedrag.waarde);
  if (p.korting) {
    amount = mul(amount, percentFactor(p.korting.waarde, -1));
    status = weakest(status, originStatus(p.korting.oorsprong));
  }
  for (const ix of p.indexaties) {
    amount = mul(amount, percentFactor(ix.percentage, 1));
    status = weakest(status, originStatus(ix.oorsprong));
  }
  // The one rounding of the total: half up to the unit (a no-op when it is already whole).
  const totalUnits = roundHalfUp(mul(amount, fraction(100n, unit)));
  const totalCents = totalUnits * unit;

  if (p.verdeling.waarde === 'landelijk') {
    meldingen.push(p.verdeling.oorsprong.herkomst === 'basis' ? p.verdeling.oorsprong.toelichting : 'Het scenario verdeelt dit bedrag niet.');
    const line: AllocationLine = { stroom, jaar, ontvanger: 'landelijk', naam: NATIONAL, soort: 'landelijk', bedrag: totalCents, status };
    return { ok: true, result: { ...base, bijgesteld: amount, totaal: totalCents, status, bedragStatus: status, regels: [line], claims: Int32Array.of(-1) } };
  }

  const out = cachedDistribute(data, {
    unit,
    totalUnits,
    reservations: p.reserveringen?.waarde ?? [],
    localPercentage: p.lokaalPercentage.waarde,
    sleutel: p.sleutel.waarde,
    deelname: p.deelname?.waarde ?? null,
  });
  if (!out.ok) return { ok: false, bericht: `${out.bericht} (${stroom}, ${jaar})` };
  const d = out.distribution;

  const attributed = streamById(stroom).toegerekendVanaf;
  if (attributed && jaar >= attributed.jaar) meldingen.push(attributed.toelichting);
  const splitStatus = originStatus(p.lokaalPercentage.oorsprong);
  if (splitStatus === 'raming' && p.lokaalPercentage.oorsprong.herkomst === 'basis') meldingen.push(p.lokaalPercentage.oorsprong.toelichting);
  const keyStatus = weakest(originStatus(p.sleutel.oorsprong), d.key.status);
  const localStatus = weakest(status, splitStatus, keyStatus, p.deelname ? 'scenario' : 'officieel');
  const regionStatus = weakest(status, splitStatus);

  const lines: AllocationLine[] = [];
  const claims: number[] = [];
  (p.reserveringen?.waarde ?? []).forEach((r, i) => {
    lines.push({ stroom, jaar, ontvanger: r.code, naam: r.naam, soort: 'reservering', bedrag: d.reservationUnits[i]! * unit, status: 'scenario' });
    claims.push(-1);
  });
  const participating = p.deelname !== null;
  data.gemeenten.forEach((g, i) => {
    const u = d.gemeenteUnits[i]!;
    const line: AllocationLine = { stroom, jaar, ontvanger: g.code, naam: g.naam, soort: 'gemeente', bedrag: u === null ? 0n : u * unit, status: localStatus };
    if (participating) line.deelname = u !== null;
    lines.push(line);
    claims.push(d.gemeenteClaim[i]!);
  });
  if (d.unspent) {
    lines.push({ stroom, jaar, ontvanger: 'onbenut', naam: 'Onbenut (gemeenten die niet deelnemen)', soort: 'onbenut', bedrag: d.unspent.units * unit, status: localStatus });
    claims.push(d.unspent.claim);
  }
  if (d.regionUnits) {
    data.izaRegios.forEach((r, i) => {
      lines.push({
        stroom,
        jaar,
        ontvanger: r.id,
        naam: r.naam,
        soort: 'regio',
        bedrag: d.regionUnits![i]! * unit,
        status: regionStatus,
        mandaatgemeente: { naam: r.mandaatgemeente, code: r.mandaatgemeenteCode },
      });
      claims.push(d.regionClaimStart + i);
    });
  }
  return {
    ok: true,
    result: {
      ...base,
      reserveringen: d.reserved * unit,
      lokaal: mul(d.local, fraction(unit)),
      regionaal: mul(d.regional, fraction(unit)),
      bijgesteld: amount,
      totaal: totalCents,
      status: weakest(localStatus, splitStatus),
      bedragStatus: status,
      regels: lines,
      claims: Int32Array.from(claims),
      verdeling: d,
      apportionment: { leftover: d.leftover, candidates: d.candidates },
      sleutel: d.key,
      regioSleutelBron: d.regionUnits ? data.spukIza2026.bron : null,
    },
  };
}

/**
 * Computes the whole allocation of a (validated) scenario: every stream, every year, every
 * recipient. Never throws on a valid scenario whose numbers do not fit (a minimum too large, a
 * reservation over the amount): those come back as Dutch problems, and nothing is half applied.
 */
export function allocate(data: BaselineData, scenario: Scenario): AllocationOutcome {
  const resultaten: StreamYearResult[] = [];
  const fouten: Problem[] = [];
  for (const stroom of STREAM_IDS) {
    for (const jaar of YEARS) {
      const r = allocateStreamYear(data, scenario, stroom, jaar);
      if (!r.ok) fouten.push({ pad: `${stroom} ${jaar}`, bericht: r.bericht });
      else if (r.result) resultaten.push(r.result);
    }
  }
  if (fouten.length > 0) return { ok: false, fouten };
  return {
    ok: true,
    allocation: { scenario, eenheid: scenario.afronding === 'cent' ? 1n : 100n, resultaten, waarschuwingen: frameWarnings(resultaten) },
  };
}

/** Years in which the known amounts of the frame's streams exceed the coalition agreement's frame. */
function frameWarnings(resultaten: readonly StreamYearResult[]): string[] {
  const frame = BigInt(FRAME.bedrag) * 100n;
  const out: string[] = [];
  for (const jaar of YEARS) {
    if (jaar < FRAME.vanaf) continue;
    const rs = resultaten.filter((r) => r.jaar === jaar && FRAME.stromen.includes(r.stroom));
    const known = rs.reduce((s, r) => s + (r.totaal ?? 0n), 0n);
    const unknown = rs.some((r) => r.totaal === null);
    if (known > frame) {
      out.push(
        `${jaar}: de bekende bedragen van ${FRAME.stromen.join(', ')} zijn samen ${formatEuro(known, 'auto')}, meer dan het kader van ${formatEuro(frame, 'auto')} (${FRAME.naam})${unknown ? '; onbekende bedragen komen daar nog bij' : ''}.`,
      );
    }
  }
  return out;
}

/** Sum of known amounts and whether any amount is unknown. */
export function sumLines(lines: readonly AllocationLine[]): { bedrag: bigint; onbekend: boolean } {
  let bedrag = 0n;
  let onbekend = false;
  for (const l of lines) {
    if (l.bedrag === null) onbekend = true;
    else bedrag += l.bedrag;
  }
  return { bedrag, onbekend };
}


/**
 * The one way from user input to an allocation: parse and validate the whole scenario (JSON
 * text or value), check it against the data, then allocate. Never throws on bad input.
 */
export function allocateScenario(data: BaselineData, input: unknown): AllocationOutcome {
  const parsed = parseScenario(input);
  if (!parsed.ok) return parsed;
  const problems = validateAgainstData(data, parsed.scenario);
  if (problems.length > 0) return { ok: false, fouten: problems };
  return allocate(data, parsed.scenario);
}
