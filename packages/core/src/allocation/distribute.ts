import type { BaselineData } from '../data/types.js';
import { centsOf } from '../money/cents.js';
import { formatEuro } from '../money/format.js';
import { type Fraction, cmp, floor, fraction, fromDecimal, mul, sub } from '../money/fraction.js';
import { largestRemainderSets } from '../apportion/claim-sets.js';
import { claimSetOf, roundShares, wholeUnitSet, type ShareSet } from './rounding.js';
import { keyWeightsOf, type KeyWeights } from '../keys/weights.js';
import { doubles, keyShares, shareWhole } from '../keys/quotas.js';
import { memoPerContent, memoPerOwner } from '../memo/memo.js';
import type { Sleutel } from '../scenario/schema.js';
import { divisionOf, type MergerChoice, type YearDivision } from '../municipalities/division.js';
import { membershipIn } from '../views/regions.js';
import { int32Array } from './typed-pool.js';

/** The rounding facts of one recipient: what the explanation tells. Read-only once computed. */
export interface LineRounding {
  quotum: Fraction; // exact, in rounding units (see Allocation.eenheid)
  gewicht: bigint | null;
  /** Sum of the weights of the recipients that shared by weight; the share is gewicht / totaalGewicht. */
  totaalGewicht: bigint | null;
  aangevuld: boolean; // raised to the minimum
  naarBoven: boolean;
  rang: number | null;
}

/** What steps 3-7 of an allocation depend on: the rounded total and how it is divided. */
export interface DistributionSpec {
  /** Whole euros or cents. Plain data (no bigints), so that equal specs share a remembered result. */
  eenheid: 'euro' | 'cent';
  /** The rounded total in units, as decimal text. */
  totaal: string;
  reservations: readonly { code: string; naam: string; bedrag: string }[];
  localPercentage: string;
  sleutel: Sleutel;
  deelname: { gemeenten: readonly string[]; nietDeelnemers: 'herverdelen' | 'onbenut' } | null;
  /** The division the local part is divided over, as `divisionKey` names it. */
  indeling: [number, MergerChoice];
  /** The scale of the regional part: the IZA regions (absent) or the GGD regions. */
  regio?: 'ggd';
}

/** The rounded division, in units, aligned with the municipalities of its division and with data.izaRegios. */
export interface Distribution {
  /** The municipal division the local part went over. */
  indeling: YearDivision;
  reserved: bigint; // units
  local: Fraction; // units, exact
  regional: Fraction; // units, exact
  /** The key's weights per municipality of `indeling` (a successor's weight is the sum of its parts'). */
  key: KeyWeights;
  reservationUnits: bigint[];
  /** Per municipality: its units, or null when it does not take part (it then gets 0). Made when first read. */
  readonly gemeenteUnits: readonly (bigint | null)[];
  /** Per municipality: its place among all claims of the rounding, or -1 (see `roundingOf`). */
  gemeenteClaim: Int32Array;
  /**
   * Per claim: its units as an exact double (below 2^53), the same as the bigints above, when
   * the rounding took its fast way; null otherwise. What a comparison of many scenarios sums.
   */
  claimCounts: Float64Array | null;
  unspent: { units: bigint; claim: number } | null;
  /** Per region of the scale (`regionScale`: data.izaRegios or data.ggdRegios, in that order). */
  regionUnits: bigint[] | null;
  /** Place of the first region among all claims; the regions follow in the order of their scale. */
  regionClaimStart: number;
  regionScale: 'iza' | 'ggd';
  leftover: bigint;
  candidates: number;
  /** Number of municipalities that share the local part by the key. */
  sharing: number;
  /** Number of them raised to the minimum amount. */
  raised: number;
  /** Number of claims in the rounding (every recipient of the stream and year). */
  claimCount: number;
  /** What `roundingOf` needs; built when first read, since most results are never explained. */
  readonly claimGroups: readonly ClaimSource[];
  roundedUp: Uint8Array;
  /** Per claim: the place of its remainder among all (1 = largest), 0 for a remainder of 0. Ranked when first read. */
  readonly rank: Int32Array;
  /** Per municipality of `indeling`: its fixed amount in units (`vasteBedragen`), or null. */
  fixedUnits: (bigint | null)[];
  /** Per municipality of `indeling`: its base amount in units on top of its share (`basisbedragen`), or null. */
  baseUnits: (bigint | null)[];
  /** Units paid as fixed amounts, and as base amounts, in all. */
  fixedTotal: bigint;
  baseTotal: bigint;
}

/** Per municipality of a division: the amount the key gives it (summed over its parts), with the notes of its entries. */
export interface KeyAmountIn {
  cents: bigint;
  /** The codes as listed (a part of a successor keeps its own code). */
  codes: string[];
  toelichtingen: string[];
}

/**
 * A key's amounts per municipality (`vasteBedragen` or `basisbedragen`) on the municipalities of
 * a year's division, by index. As for participation, a code that a planned merger takes in
 * counts for its successor: the successor has an amount when one of its parts has one, the sum
 * of its parts' amounts. Codes were checked against the base division when the scenario was validated.
 */
export function keyAmountsIn(data: BaselineData, division: YearDivision, list: readonly { code: string; bedrag: string; toelichting?: string | undefined }[] | undefined): Map<number, KeyAmountIn> {
  const out = new Map<number, KeyAmountIn>();
  if (!list || list.length === 0) return out;
  const mapped = division.gemeenten !== data.gemeenten && division.opvolger !== null;
  const baseIndex = new Map(data.gemeenten.map((g, i) => [g.code, i]));
  for (const e of list) {
    const i = baseIndex.get(e.code);
    if (i === undefined) continue;
    const at = mapped ? division.opvolger![i]! : i;
    if (at < 0) continue;
    let x = out.get(at);
    if (!x) out.set(at, (x = { cents: 0n, codes: [], toelichtingen: [] }));
    x.cents += centsOf(e.bedrag);
    x.codes.push(e.code);
    if (e.toelichting) x.toelichtingen.push(e.toelichting);
  }
  return out;
}

/** The facts behind a group of claims: exact quotas nums[j] / den, weights, minimums. */
interface ClaimSource {
  start: number;
  nums: readonly bigint[];
  den: bigint;
  weights: readonly bigint[] | null;
  sharingWeight: bigint | null;
  aangevuld: Uint8Array | null;
}

/** The rounding facts of one claim, built on demand for an explanation. */
export function roundingOf(d: Distribution, claim: number): LineRounding {
  const g = d.claimGroups.find((x) => claim >= x.start && claim < x.start + x.nums.length)!;
  const j = claim - g.start;
  const raised = g.aangevuld?.[j] === 1;
  return {
    quotum: { n: g.nums[j]!, d: g.den },
    gewicht: g.weights && !raised ? g.weights[j]! : null,
    totaalGewicht: g.weights ? g.sharingWeight : null,
    aangevuld: raised,
    naarBoven: d.roundedUp[claim] === 1,
    rang: d.rank[claim] === 0 ? null : d.rank[claim]!,
  };
}

export type DistributionOutcome = { ok: true; distribution: Distribution } | { ok: false; bericht: string };

/** A set of claims of the rounding, with what the explanation tells about them (the weights it shows, if any). */
interface ClaimGroup extends ShareSet {
  shownWeights: readonly bigint[] | null;
  sharingWeight: bigint | null;
  aangevuld: Uint8Array | null;
}

/** Claims of whole units only (reservations, fixed amounts), with nothing for the explanation to show. */
const wholeUnits = (ids: readonly string[], units: readonly bigint[]): ClaimGroup => ({ ...wholeUnitSet(ids, units), shownWeights: null, sharingWeight: null, aangevuld: null });

/** The values at `places`. */
function picked(values: Float64Array, places: readonly number[]): Float64Array {
  const out = new Float64Array(places.length);
  for (let j = 0; j < places.length; j++) out[j] = values[places[j]!]!;
  return out;
}

/** The weights of a key (or of the regions) as doubles, once per weights. */
const approxOf = memoPerOwner(doubles);

/** A key on a division with planned mergers: a successor's weight is the sum of its parts' weights. Once per key and division. */
const keyOnDivision = memoPerOwner((base: KeyWeights) =>
  memoPerOwner((delen: YearDivision['delen']): KeyWeights => ({ ...base, weights: delen.map((parts) => parts.reduce((w, i) => w + base.weights[i]!, 0n)) })),
);

/** The codes of a division's municipalities, and the ids and SPUK IZA weights of the regions: once per division or data set. */
export const codesOf = memoPerOwner((gemeenten: YearDivision['gemeenten']): string[] => gemeenten.map((g) => g.code));
const izaOf = memoPerContent((data: BaselineData) => ({
  ids: data.izaRegios.map((r) => `regio:${r.id}`),
  weights: data.izaRegios.map((r) => data.spukIza2026.bedragen.get(r.id) ?? 0n),
}));
const ggdIdsOf = memoPerContent((data: BaselineData): string[] => data.ggdRegios.map((r) => `regio:${r.code}`));

/**
 * Read-only lists shared by every distribution over the same number of municipalities: the
 * places 0..n-1, n times null, n times 0 (as bigints and as doubles). They spare each distribution
 * lists it would fill the same way.
 */
const sharedLists = new Map<number, { places: readonly number[]; nulls: readonly null[]; zeros: readonly bigint[]; zerosD: Float64Array }>();
function listsOf(n: number) {
  let x = sharedLists.get(n);
  if (!x) {
    // Packed, not frozen: a frozen list is read by the slow path.
    const places = Array.from({ length: n }, (_, i) => i);
    const nulls = Array.from({ length: n }, () => null);
    const zeros = Array.from({ length: n }, () => 0n);
    sharedLists.set(n, (x = { places, nulls, zeros, zerosD: new Float64Array(n) }));
  }
  return x;
}

/** Cents as plain decimal euro text ("1234.56"). */
const formatCentsPlain = (cents: bigint): string => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;

/**
 * Euros in whole units. An amount that is not a whole number of units was refused when the
 * scenario was validated; if one gets here anyway it is refused, never truncated.
 */
function toUnits(euros: string | undefined, unit: bigint, what: string): { ok: true; units: bigint } | { ok: false; bericht: string } {
  if (euros === undefined) return { ok: true, units: 0n };
  const cents = centsOf(euros);
  if (cents % unit !== 0n) return { ok: false, bericht: `${what} (${formatEuro(cents, 'auto')}) is geen heel aantal euro, terwijl op hele euro's wordt afgerond` };
  return { ok: true, units: cents / unit };
}

/**
 * Steps 3-7: reservations off the top, the local/regional split, the key over the
 * (participating) municipalities with base and minimum amounts, the SPUK IZA key over the 42
 * regions, and one largest-remainder rounding over all of it, so the parts add up exactly.
 */
export function distribute(data: BaselineData, spec: DistributionSpec): DistributionOutcome {
  const unit = spec.eenheid === 'cent' ? 1n : 100n;
  const totalUnits = BigInt(spec.totaal);
  const groups: ClaimGroup[] = [];
  // 3. Reservations.
  const reservationUnits: bigint[] = [];
  let reserved = 0n;
  for (const r of spec.reservations) {
    const u = toUnits(r.bedrag, unit, `de reservering voor ${r.naam}`);
    if (!u.ok) return u;
    reserved += u.units;
    reservationUnits.push(u.units);
  }
  if (reserved > totalUnits) return { ok: false, bericht: 'de reserveringen zijn samen meer dan het bedrag' };
  if (reservationUnits.length > 0) {
    groups.push(
      wholeUnits(
        spec.reservations.map((r) => `reservering:${r.code}`),
        reservationUnits.slice(),
      ),
    );
  }
  const distributable = fraction(totalUnits - reserved);

  // 4. Local / regional split.
  const local = mul(distributable, mul(fromDecimal(spec.localPercentage), { n: 1n, d: 100n }));
  const regional = sub(distributable, local);

  // 5. The key over the municipalities of the division that share by weight. A successor's
  // weight is the sum of its parts' weights, added before any rounding.
  const division = divisionOf(data, spec.indeling[0], spec.indeling[1]);
  const gemeenten = division.gemeenten;
  const baseKey = keyWeightsOf(data, spec.sleutel);
  if (baseKey.ontbrekend.length > 0) {
    const names = baseKey.ontbrekend.map((c) => data.gemeenten.find((g) => g.code === c)?.naam ?? c);
    return { ok: false, bericht: `de sleutel heeft geen waarde voor ${names.slice(0, 10).join(', ')}${names.length > 10 ? ` en nog ${names.length - 10}` : ''} (onbekend is niet 0)` };
  }
  const key: KeyWeights = gemeenten === data.gemeenten ? baseKey : keyOnDivision(baseKey)(division.delen);
  // A successor takes part when one of its parts is listed.
  let participants: Set<string> | null = null;
  if (spec.deelname) {
    participants = new Set(spec.deelname.gemeenten);
    if (division.opvolger && gemeenten !== data.gemeenten) {
      const opvolger = division.opvolger;
      const index = new Map(data.gemeenten.map((g, i) => [g.code, i]));
      for (const c of spec.deelname.gemeenten) {
        const i = index.get(c);
        if (i !== undefined) participants.add(gemeenten[opvolger[i]!]!.code);
      }
    }
  }
  const redistribute = !spec.deelname || spec.deelname.nietDeelnemers === 'herverdelen';
  const sl = spec.sleutel;
  // Fixed amounts (paid exactly, outside the weighted division) and base amounts (on top of the share), for those that take part.
  const takesPart = (code: string) => !participants || participants.has(code);
  // Without fixed or base amounts, the shared list of nulls (read-only, like the whole result).
  const shared = listsOf(gemeenten.length);
  const fixedUnits = (sl.vasteBedragen?.length ? new Array<bigint | null>(gemeenten.length).fill(null) : shared.nulls) as (bigint | null)[];
  const baseUnits = (sl.basisbedragen?.length ? new Array<bigint | null>(gemeenten.length).fill(null) : shared.nulls) as (bigint | null)[];
  let fixedTotal = 0n;
  let baseTotal = 0n;
  let fixedCount = 0;
  for (const [i, x] of keyAmountsIn(data, division, sl.vasteBedragen)) {
    if (!takesPart(gemeenten[i]!.code)) continue;
    const u = toUnits(x.cents === 0n ? undefined : formatCentsPlain(x.cents), unit, `het vaste bedrag voor ${gemeenten[i]!.naam}`);
    if (!u.ok) return u;
    fixedUnits[i] = u.units;
    fixedTotal += u.units;
    fixedCount++;
  }
  for (const [i, x] of keyAmountsIn(data, division, sl.basisbedragen)) {
    if (!takesPart(gemeenten[i]!.code) || fixedUnits[i] !== null) continue;
    const u = toUnits(x.cents === 0n ? undefined : formatCentsPlain(x.cents), unit, `het basisbedrag voor ${gemeenten[i]!.naam}`);
    if (!u.ok) return u;
    baseUnits[i] = u.units;
    baseTotal += u.units;
  }
  if (cmp(fraction(fixedTotal), local) > 0) {
    return {
      ok: false,
      bericht: `de vaste bedragen van de verdeelsleutel ("vasteBedragen") zijn samen ${formatEuro(fixedTotal * unit, 'auto')}, meer dan het lokale deel dat de sleutel verdeelt (${formatEuro(floor(local) * unit, 'auto')})`,
    };
  }
  const weighted = fixedTotal === 0n ? local : sub(local, fraction(fixedTotal));
  // Who shares by weight: everyone (the shared list of places) unless some have a fixed amount or do not take part.
  let sharing: readonly number[] = shared.places;
  if (fixedCount > 0 || (participants && redistribute)) {
    const some: number[] = [];
    for (let i = 0; i < gemeenten.length; i++) {
      if (fixedUnits[i] !== null) continue;
      if (!participants || !redistribute || participants.has(gemeenten[i]!.code)) some.push(i);
    }
    sharing = some;
  }
  const basis = toUnits(sl.type === 'formule' ? sl.basisbedrag : undefined, unit, 'het basisbedrag');
  const minimum = toUnits(sl.type === 'formule' ? sl.minimumbedrag : undefined, unit, 'het minimumbedrag');
  if (!basis.ok) return basis;
  if (!minimum.ok) return minimum;
  const everyone = sharing.length === gemeenten.length;
  const keyApprox = approxOf(key.weights);
  const sharingWeights = everyone ? key.weights : sharing.map((i) => key.weights[i]!);
  const ks = keyShares(
    weighted,
    sharingWeights,
    {
      basis: basis.units,
      minimum: minimum.units,
      ...(baseTotal > 0n ? { basisPer: sharing.map((i) => baseUnits[i] ?? 0n) } : {}),
    },
    everyone ? keyApprox : picked(keyApprox, sharing),
  );
  if (!ks.ok) return { ok: false, bericht: ks.bericht === 'de basisbedragen zijn samen meer dan het te verdelen bedrag' ? `de basisbedragen van de verdeelsleutel ("basisbedragen") zijn samen ${formatEuro(baseTotal * unit, 'auto')}, meer dan het deel dat de sleutel naar verhouding verdeelt` : ks.bericht };
  const shares = ks.shares;

  // The local claims: those that share and take part; the quotas of those that share but do not take part are left unspent.
  const gemeenteClaim = int32Array(gemeenten.length).fill(-1);
  const claimsBefore = reservationUnits.length;
  let localIdx: readonly number[];
  let localK: readonly number[];
  let unspentWhole = 0n;
  let unspentWeight = 0n;
  if (!participants) {
    // Everyone who shares takes part: claim k is the k-th that shares.
    localIdx = sharing;
    localK = listsOf(sharing.length).places;
    for (let k = 0; k < sharing.length; k++) gemeenteClaim[sharing[k]!] = claimsBefore + k;
  } else {
    const idx: number[] = [];
    const ks: number[] = [];
    for (let k = 0; k < sharing.length; k++) {
      const i = sharing[k]!;
      if (!participants.has(gemeenten[i]!.code)) {
        unspentWhole += shareWhole(shares, k);
        if (shares.aangevuld[k] === 0) unspentWeight += sharingWeights[k]!;
        continue;
      }
      gemeenteClaim[i] = claimsBefore + idx.length;
      idx.push(i);
      ks.push(k);
    }
    localIdx = idx;
    localK = ks;
  }
  const allLocal = localIdx.length === gemeenten.length;
  // How many were raised to the minimum (a loop: `reduce` on a typed array is far slower).
  let raised = 0;
  for (let k = 0; k < shares.aangevuld.length; k++) raised += shares.aangevuld[k]!;
  const raisedAny = raised > 0;
  // The whole units of each claim: all 0 (the shared list) when nobody is raised and there are no base amounts.
  const zeroWhole = !raisedAny && shares.basis === 0n && !shares.basisPer;
  const localWhole = zeroWhole ? listsOf(localK.length).zeros : localK.map((k) => shareWhole(shares, k));
  const localRaised = allLocal ? shares.aangevuld : new Uint8Array(localK.length);
  if (!allLocal) for (let j = 0; j < localK.length; j++) localRaised[j] = shares.aangevuld[localK[j]!]!;
  // Null: every claim's weight counts (nobody raised).
  let active: Uint8Array | null = null;
  if (raisedAny) {
    active = new Uint8Array(localRaised.length);
    for (let j = 0; j < active.length; j++) active[j] = 1 - localRaised[j]!;
  }
  const localWeights = allLocal ? key.weights : localIdx.map((i) => key.weights[i]!);
  groups.push({
    ids: allLocal ? codesOf(gemeenten) : localIdx.map((i) => gemeenten[i]!.code),
    whole: localWhole,
    wholeD: zeroWhole ? listsOf(localK.length).zerosD : doubles(localWhole),
    weights: localWeights,
    weightsD: allLocal ? keyApprox : picked(keyApprox, localIdx),
    active,
    rest: shares.rest,
    den: shares.den,
    shownWeights: localWeights,
    sharingWeight: shares.sharingWeight,
    aangevuld: localRaised,
  });
  let unspent: Distribution['unspent'] = null;
  if (participants && !redistribute) {
    unspent = { units: 0n, claim: claimsBefore + localIdx.length };
    groups.push({
      ids: ['onbenut'],
      whole: [unspentWhole],
      wholeD: Float64Array.of(Number(unspentWhole)),
      weights: [unspentWeight],
      weightsD: Float64Array.of(Number(unspentWeight)),
      active: null,
      rest: shares.rest,
      den: shares.den,
      shownWeights: null,
      sharingWeight: null,
      aangevuld: null,
    });
  }

  // 5c. Fixed amounts: exactly as given (whole units, so the rounding leaves them as they are).
  const fixedIdx: number[] = [];
  for (let i = 0; i < gemeenten.length; i++) if (fixedUnits[i] !== null) fixedIdx.push(i);
  const fixedStart = groups.reduce((sum, g) => sum + g.ids.length, 0);
  if (fixedIdx.length > 0) {
    fixedIdx.forEach((i, j) => (gemeenteClaim[i] = fixedStart + j));
    groups.push(
      wholeUnits(
        fixedIdx.map((i) => gemeenten[i]!.code),
        fixedIdx.map((i) => fixedUnits[i]!),
      ),
    );
  }

  // 6. The regional part over the 42 IZA regions by the SPUK IZA 2026 key.
  let regionClaimStart = -1;
  const ggd = spec.regio === 'ggd';
  if (regional.n !== 0n) {
    // GGD regions: each region's weight is the sum of the key weights of its municipalities in the division of the year.
    let weights: readonly bigint[];
    let ids: readonly string[];
    if (ggd) {
      const m = membershipIn(data, division, 'ggd');
      const sums = new Map(data.ggdRegios.map((r) => [r.code, 0n]));
      gemeenten.forEach((g, i) => {
        const r = m.regioVan.get(g.code);
        if (r !== undefined) sums.set(r, (sums.get(r) ?? 0n) + key.weights[i]!);
      });
      weights = data.ggdRegios.map((r) => sums.get(r.code)!);
      ids = ggdIdsOf(data);
    } else ({ weights, ids } = izaOf(data));
    const rq = keyShares(regional, weights);
    if (!rq.ok) return { ok: false, bericht: `${rq.bericht} (regionaal)` };
    regionClaimStart = groups.reduce((sum, g) => sum + g.ids.length, 0);
    groups.push({
      ids,
      whole: listsOf(weights.length).zeros,
      wholeD: listsOf(weights.length).zerosD,
      weights,
      weightsD: approxOf(weights),
      active: null,
      rest: rq.shares.rest,
      den: rq.shares.den,
      shownWeights: weights,
      sharingWeight: rq.shares.sharingWeight,
      aangevuld: null,
    });
  }

  // 7. The final, explicit rounding: largest remainder over every claim at once.
  const r = roundShares(totalUnits, groups);
  for (let j = 0; j < reservationUnits.length; j++) reservationUnits[j] = r.unit(j);
  // The municipalities' units (bigints) are made when first read: a sweep mostly compares totals.
  let gemeenteUnits: (bigint | null)[] | null = null;
  const municipalUnits = (): (bigint | null)[] => {
    if (gemeenteUnits) return gemeenteUnits;
    gemeenteUnits = new Array<bigint | null>(gemeenten.length).fill(null);
    for (let i = 0; i < gemeenten.length; i++) if (gemeenteClaim[i]! >= 0) gemeenteUnits[i] = r.unit(gemeenteClaim[i]!);
    return gemeenteUnits;
  };
  if (unspent) unspent.units = r.unit(unspent.claim);
  const regionUnits = regionClaimStart >= 0 ? Array.from({ length: groups.at(-1)!.ids.length }, (_, k) => r.unit(regionClaimStart + k)) : null;
  const claimCount = groups.reduce((sum, g) => sum + g.ids.length, 0);
  // What only an explanation needs (the exact quotas, the order of the remainders) is computed when first asked.
  let claimGroups: ClaimSource[] | null = null;
  let rank: Int32Array | null = null;
  const sources = (): ClaimSource[] => {
    if (claimGroups) return claimGroups;
    let start = 0;
    claimGroups = groups.map((g) => {
      const source = { start, nums: claimSetOf(g).nums, den: g.den, weights: g.shownWeights, sharingWeight: g.sharingWeight, aangevuld: g.aangevuld };
      start += g.ids.length;
      return source;
    });
    return claimGroups;
  };
  return {
    ok: true,
    distribution: {
      indeling: division,
      reserved,
      local,
      regional,
      key,
      reservationUnits,
      get gemeenteUnits() {
        return municipalUnits();
      },
      gemeenteClaim,
      claimCounts: r.counts,
      unspent,
      regionUnits,
      regionClaimStart,
      regionScale: ggd ? 'ggd' : 'iza',
      leftover: r.leftover,
      candidates: r.candidates,
      sharing: sharing.length,
      raised,
      claimCount,
      get claimGroups() {
        return sources();
      },
      roundedUp: r.roundedUp,
      get rank() {
        return (rank ??= largestRemainderSets(totalUnits, sources().map((g, k) => ({ ids: groups[k]!.ids, nums: g.nums, den: g.den }))).rank);
      },
      fixedUnits,
      baseUnits,
      fixedTotal,
      baseTotal,
    },
  };
}
