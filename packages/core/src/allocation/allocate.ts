import type { BaselineData, Status, StreamId } from '../data/types.js';
import { STREAM_IDS, YEARS } from '../data/types.js';
import { Decimal } from '../money/decimal.js';
import { type Fraction, fraction, fromDecimal, mul, sub, roundHalfUp, ZERO } from '../money/fraction.js';
import { largestRemainder, type Claim, type Apportionment } from '../apportion/largest-remainder.js';
import { keyWeights, type KeyWeights } from '../keys/weights.js';
import { keyQuotas } from '../keys/quotas.js';
import type { Scenario } from '../scenario/schema.js';
import { parseScenario, type Problem } from '../scenario/parse.js';
import { validateAgainstData } from '../scenario/validate.js';
import { FRAME } from '../streams/streams.js';
import { formatEuro } from '../money/format.js';
import { resolveParameters, type StreamYearParameters, type Origin } from '../scenario/parameters.js';

/** Status of a computed amount: the weakest of its inputs; `scenario` = rests on a scenario assumption. */
export type ResultStatus = Status | 'scenario';
const STATUS_ORDER: readonly ResultStatus[] = ['officieel', 'officieel-afgerond', 'raming', 'scenario', 'onbekend'];
export function weakest(...statuses: ResultStatus[]): ResultStatus {
  return statuses.reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a), 'officieel');
}
const originStatus = (o: Origin): ResultStatus => (o.herkomst === 'scenario' ? 'scenario' : o.status);

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

/** The rounding facts of one line: what the explanation tells. */
export interface LineRounding {
  quotum: Fraction; // exact, in rounding units (see Allocation.eenheid)
  gewicht: bigint | null;
  /** Sum of the weights of the recipients that shared by weight; the share is gewicht / totaalGewicht. */
  totaalGewicht: bigint | null;
  aangevuld: boolean; // raised to the minimum
  naarBoven: boolean;
  rang: number | null;
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
  status: ResultStatus;
  regels: AllocationLine[];
  /** Per line (same index as `regels`) the rounding facts; null for lines that were not apportioned. */
  afrondingen: (LineRounding | null)[];
  apportionment: Apportionment | null;
  sleutel: KeyWeights | null;
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


function percentFactor(pct: string, sign: 1 | -1): Fraction {
  // 1 + pct/100 (indexation) or 1 - pct/100 (cut)
  const p = fromDecimal(pct);
  return fraction(p.d * 100n + BigInt(sign) * p.n, p.d * 100n);
}

export function allocateStreamYear(
  data: BaselineData,
  scenario: Scenario,
  stroom: StreamId,
  jaar: number,
  keyCache: Map<string, KeyWeights>,
): { ok: true; result: StreamYearResult | null } | { ok: false; bericht: string } {
  const p = resolveParameters(data, scenario, stroom, jaar);
  if (!p.bedrag) return { ok: true, result: null }; // the stream does not run this year
  const unit = scenario.afronding === 'cent' ? 1n : 100n;
  const meldingen: string[] = [];
  const base: Omit<StreamYearResult, 'regels' | 'afrondingen' | 'status' | 'totaal' | 'bijgesteld'> = {
    stroom,
    jaar,
    parameters: p,
    reserveringen: 0n,
    lokaal: ZERO,
    regionaal: ZERO,
    apportionment: null,
    sleutel: null,
    meldingen,
  };
  let status = originStatus(p.bedrag.oorsprong);
  if (p.bedrag.waarde === null) {
    meldingen.push('Het landelijke bedrag is onbekend; het wordt niet als 0 meegeteld.');
    return {
      ok: true,
      result: {
        ...base,
        bijgesteld: null,
        totaal: null,
        status: 'onbekend',
        regels: [{ stroom, jaar, ontvanger: 'landelijk', naam: 'Landelijk (niet verdeeld)', soort: 'landelijk', bedrag: null, status: 'onbekend' }],
        afrondingen: [null],
      },
    };
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
  // The one rounding of the total: half up to the unit, only if it is not already whole.
  const totalCents = roundHalfUp(mul(amount, fraction(100n, unit))) * unit;

  if (p.verdeling.waarde === 'landelijk') {
    const reden = p.verdeling.oorsprong.herkomst === 'basis' ? p.verdeling.oorsprong.toelichting : 'Het scenario verdeelt dit bedrag niet.';
    meldingen.push(reden);
    return {
      ok: true,
      result: {
        ...base,
        bijgesteld: amount,
        totaal: totalCents,
        status,
        regels: [{ stroom, jaar, ontvanger: 'landelijk', naam: 'Landelijk (niet verdeeld)', soort: 'landelijk', bedrag: totalCents, status }],
        afrondingen: [null],
      },
    };
  }

  // 3. Reservations off the top.
  const claims: Claim[] = [];
  const lines: AllocationLine[] = [];
  const facts: (LineRounding | null)[] = [];
  let reserved = 0n;
  for (const r of p.reserveringen?.waarde ?? []) {
    const cents = BigInt(new Decimal(r.bedrag).times(100).toFixed(0));
    if (cents % unit !== 0n) {
      return { ok: false, bericht: `de reservering voor ${r.naam} (${r.bedrag}) is geen heel aantal euro, terwijl op hele euro's wordt afgerond` };
    }
    reserved += cents;
    claims.push({ id: `reservering:${r.code}`, quota: fraction(cents / unit) });
    lines.push({ stroom, jaar, ontvanger: r.code, naam: r.naam, soort: 'reservering', bedrag: null, status: 'scenario' });
    facts.push(null);
  }
  if (reserved > totalCents) {
    return { ok: false, bericht: `de reserveringen (samen meer dan het bedrag van ${stroom} in ${jaar}) passen niet in het bedrag` };
  }
  const distributable = fraction((totalCents - reserved) / unit); // in units

  // 4. Local / regional split.
  const localPct = fromDecimal(p.lokaalPercentage.waarde);
  const local = mul(distributable, mul(localPct, { n: 1n, d: 100n }));
  const regional = sub(distributable, local);
  const splitStatus = originStatus(p.lokaalPercentage.oorsprong);
  if (splitStatus === 'raming') meldingen.push(p.lokaalPercentage.oorsprong.herkomst === 'basis' ? p.lokaalPercentage.oorsprong.toelichting : '');

  // 5. The key over the (participating) municipalities.
  const keyId = JSON.stringify(p.sleutel.waarde.type === 'formule' ? { ...p.sleutel.waarde, basisbedrag: 0, minimumbedrag: 0 } : p.sleutel.waarde);
  let key = keyCache.get(keyId);
  if (!key) {
    key = keyWeights(p.sleutel.waarde, data);
    keyCache.set(keyId, key);
  }
  const keyStatus = weakest(originStatus(p.sleutel.oorsprong), key.status);
  const localStatus = weakest(status, splitStatus, keyStatus, p.deelname ? 'scenario' : 'officieel');
  const participants = p.deelname ? new Set(p.deelname.waarde.gemeenten) : null;
  const redistribute = !p.deelname || p.deelname.waarde.nietDeelnemers === 'herverdelen';
  const sharingWeights = new Map<string, bigint>();
  for (const [code, w] of key.weights) if (!participants || participants.has(code) || !redistribute) sharingWeights.set(code, w);

  const euros = (s: string | undefined) => (s === undefined ? 0n : BigInt(new Decimal(s).times(100).toFixed(0)) / unit);
  const sl = p.sleutel.waarde;
  const kq = keyQuotas(local, sharingWeights, sl.type === 'formule' ? { basis: euros(sl.basisbedrag), minimum: euros(sl.minimumbedrag) } : {});
  if (!kq.ok) return { ok: false, bericht: `${kq.bericht} (${stroom}, ${jaar})` };

  let unspent: Fraction = ZERO;
  const unspentMembers: string[] = [];
  for (const g of data.gemeenten) {
    const takesPart = !participants || participants.has(g.code);
    const q = kq.quotas.get(g.code);
    if (takesPart && q) {
      claims.push({ id: g.code, quota: q });
      facts.push({
        quotum: q,
        gewicht: kq.aangevuld.has(g.code) ? null : (key.weights.get(g.code) ?? 0n),
        totaalGewicht: kq.sharingWeight,
        aangevuld: kq.aangevuld.has(g.code),
        naarBoven: false,
        rang: null,
      });
    } else {
      if (q) {
        unspent = { n: unspent.n * q.d + q.n * unspent.d, d: unspent.d * q.d };
        unspentMembers.push(g.code);
      }
      facts.push(null);
    }
    lines.push({
      stroom,
      jaar,
      ontvanger: g.code,
      naam: g.naam,
      soort: 'gemeente',
      bedrag: takesPart ? null : 0n,
      status: localStatus,
      ...(participants ? { deelname: takesPart } : {}),
    });
  }
  if (unspentMembers.length > 0) {
    unspent = fraction(unspent.n, unspent.d);
    claims.push({ id: 'onbenut', quota: unspent });
    lines.push({ stroom, jaar, ontvanger: 'onbenut', naam: 'Onbenut (gemeenten die niet deelnemen)', soort: 'onbenut', bedrag: null, status: localStatus });
    facts.push({ quotum: unspent, gewicht: null, totaalGewicht: null, aangevuld: false, naarBoven: false, rang: null });
  }

  // 6. The regional part over the 42 IZA regions by the SPUK IZA 2026 key.
  if (regional.n !== 0n) {
    const iza = data.spukIza2026;
    const regionWeights = new Map(data.izaRegios.map((r) => [r.id, iza.bedragen.get(r.id) ?? 0n]));
    const rq = keyQuotas(regional, regionWeights);
    if (!rq.ok) return { ok: false, bericht: `${rq.bericht} (${stroom}, ${jaar}, regionaal)` };
    const regionStatus = weakest(status, splitStatus);
    for (const r of data.izaRegios) {
      const q = rq.quotas.get(r.id)!;
      claims.push({ id: `regio:${r.id}`, quota: q });
      lines.push({
        stroom,
        jaar,
        ontvanger: r.id,
        naam: r.naam,
        soort: 'regio',
        bedrag: null,
        status: regionStatus,
        mandaatgemeente: { naam: r.mandaatgemeente, code: r.mandaatgemeenteCode },
      });
      facts.push({
        quotum: q,
        gewicht: regionWeights.get(r.id) ?? 0n,
        totaalGewicht: rq.sharingWeight,
        aangevuld: false,
        naarBoven: false,
        rang: null,
      });
    }
  }

  // 7. The final, explicit rounding: largest remainder over every claim at once.
  const app = largestRemainder((totalCents) / unit, claims);
  let c = 0;
  lines.forEach((line, i) => {
    if (line.bedrag !== null && line.soort === 'gemeente') return; // non-participant: 0, no claim
    const rc = app.claims[c++]!;
    line.bedrag = rc.units * unit;
    const f = facts[i];
    if (f) {
      f.naarBoven = rc.roundedUp;
      f.rang = rc.rank;
    }
  });
  return {
    ok: true,
    result: {
      ...base,
      reserveringen: reserved,
      lokaal: mul(local, fraction(unit)),
      regionaal: mul(regional, fraction(unit)),
      bijgesteld: amount,
      totaal: totalCents,
      status: weakest(localStatus, splitStatus),
      regels: lines,
      afrondingen: facts,
      apportionment: app,
      sleutel: key,
    },
  };
}

/**
 * Computes the whole allocation of a (validated) scenario: every stream, every year, every
 * recipient. Never throws on a valid scenario whose numbers do not fit (a minimum too large, a
 * reservation over the amount): those come back as Dutch problems, and nothing is half applied.
 */
export function allocate(data: BaselineData, scenario: Scenario): AllocationOutcome {
  const keyCache = new Map<string, KeyWeights>();
  const resultaten: StreamYearResult[] = [];
  const fouten: Problem[] = [];
  for (const stroom of STREAM_IDS) {
    for (const jaar of YEARS) {
      const r = allocateStreamYear(data, scenario, stroom, jaar, keyCache);
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
