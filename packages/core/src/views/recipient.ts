import type { BaselineData } from '../data/types.js';
import { streamRank, type StreamRef } from '../streams/own.js';
import type { Fraction } from '../money/fraction.js';
import type { Allocation, AllocationLine, StreamYearResult } from '../allocation/types.js';
import { unknownPerMunicipality } from '../allocation/unknown-share.js';
import type { Status } from '../status/status.js';
import { inhabitants, inhabitantsIn, perInhabitant } from './per-inhabitant.js';
import { successionIn } from '../municipalities/division.js';
import { formatDate } from '../dates/dates.js';
import { formatEuro } from '../money/format.js';

/**
 * What one recipient (a municipality or an IZA region) gets, per year and stream, in one or
 * more allocations (the baseline and scenarios): its own amount, the amount of a stream that is
 * not divided over recipients (said as such), and for a municipality the regional money it
 * receives as a region's mandate holder (never added to its own total).
 */

/** One allocation's side of a row of the recipient's view. */
export interface RecipientViewSide {
  /** False when the stream does not run that year in this allocation. */
  aanwezig: boolean;
  /** False when the stream runs but this recipient has no line in it (a national amount, or no regional part). */
  verdeeld: boolean;
  /** The national amount, when the stream is not divided (cents; null = unknown). */
  landelijk: bigint | null;
  /** The recipient's amount (cents); null = unknown, or not divided. */
  bedrag: bigint | null;
  status: Status | null;
  redenen: readonly string[];
  /** Euro per inhabitant of `bedrag` (own money only), exact. */
  perInwoner: Fraction | null;
  /** The inhabitants `perInwoner` is per: of the municipality in the division of the year (a successor: the sum of its parts). */
  inwoners: bigint | null;
  /**
   * When a (planned) merger took this municipality into another that year: the municipality
   * whose amount covers it, and why (Dutch). The amount is then not this recipient's.
   */
  opgegaanIn: { code: string; naam: string; toelichting: string } | null;
}

/** One stream and year of a recipient in `RecipientView`: its amount in each allocation. */
export interface RecipientViewRow {
  /** `${stroom}|${jaar}|${ontvanger}`: stable across allocations. */
  sleutel: string;
  stroom: StreamRef;
  jaar: number;
  /** The recipient's code, or the region's id for money received as mandate holder. */
  ontvanger: string;
  /** For money received as mandate holder: the region's name. */
  regio: string | null;
  rol: 'eigen' | 'mandaatgemeente';
  zijden: RecipientViewSide[];
}

/** One year's total of the recipient's own money in one allocation. */
export interface RecipientYearTotal {
  bedrag: bigint;
  /** Some own amount is unknown (not added). */
  onbekend: boolean;
  /** Some stream of the year is not divided to this recipient. */
  nietVerdeeld: boolean;
  /** Some stream of the year is divided to this recipient. */
  verdeeld: boolean;
  perInwoner: Fraction | null;
  /** The inhabitants in the division of the year (a successor: the sum of its parts). */
  inwoners: bigint | null;
  /** The municipality whose amounts cover this one in that year, after a (planned) merger. */
  opgegaanIn: { code: string; naam: string; toelichting: string } | null;
}

/** One municipality or IZA region over the years (`recipientView`): its rows and its year totals per allocation. */
export interface RecipientView {
  code: string;
  inwoners: bigint | null;
  rijen: RecipientViewRow[];
  /** Per year, per allocation. */
  jaren: { jaar: number; totalen: RecipientYearTotal[] }[];
}

const GM_CODE = /^GM\d{4}$/;

const ABSENT: RecipientViewSide = { aanwezig: false, verdeeld: false, landelijk: null, bedrag: null, status: null, redenen: [], perInwoner: null, inwoners: null, opgegaanIn: null };

function own(data: BaselineData, r: StreamYearResult, code: string): RecipientViewSide {
  const line = r.regels.find((l) => (l.soort === 'gemeente' || l.soort === 'regio') && l.ontvanger === code);
  if (!line) {
    const merged = successionIn(r.indeling, code);
    const part = merged?.opgeheven.find((g) => g.code === code);
    if (merged && part && r.regels.some((l) => l.soort === 'gemeente')) {
      return {
        ...ABSENT,
        aanwezig: true,
        verdeeld: false,
        status: 'raming',
        redenen: [merged.reden],
        opgegaanIn: {
          code: merged.opvolger.code,
          naam: merged.opvolger.naam,
          toelichting: `${part.naam} gaat per ${formatDate(merged.datum)} op in ${merged.opvolger.naam}; het bedrag staat bij ${merged.opvolger.naam} (${merged.opvolger.code}). Dit is gepland: ${merged.reden}.`,
        },
      };
    }
    // The money went to the municipalities, each one's amount unknown: unknown, not "not divided".
    const unknown = unknownPerMunicipality(r);
    if (unknown !== null && GM_CODE.test(code)) return { ...ABSENT, aanwezig: true, verdeeld: true, status: 'onbekend', redenen: [unknown] };
    const national = r.regels.find((l) => l.soort === 'landelijk');
    return { ...ABSENT, aanwezig: true, landelijk: r.totaal, status: national?.status ?? r.bedragStatus, redenen: national?.redenen ?? [] };
  }
  const inw = line.soort === 'gemeente' ? (inhabitantsIn(data, r.indeling).get(code) ?? null) : null;
  return { aanwezig: true, verdeeld: true, landelijk: null, bedrag: line.bedrag, status: line.status, redenen: line.redenen, perInwoner: perInhabitant(line.bedrag, inw), inwoners: inw, opgegaanIn: null };
}

const asMandate = (l: AllocationLine): RecipientViewSide => ({
  aanwezig: true,
  verdeeld: true,
  landelijk: null,
  bedrag: l.bedrag,
  status: l.status,
  redenen: l.redenen,
  perInwoner: null,
  inwoners: null,
  opgegaanIn: null,
});

function build(data: BaselineData, allocations: readonly Allocation[], code: string): RecipientView {
  const inw = inhabitants(data).perCode.get(code) ?? null;
  const rows = new Map<string, RecipientViewRow>();
  const row = (sleutel: string, stroom: StreamRef, jaar: number, ontvanger: string, regio: string | null, rol: RecipientViewRow['rol']): RecipientViewRow => {
    let r = rows.get(sleutel);
    if (!r) rows.set(sleutel, (r = { sleutel, stroom, jaar, ontvanger, regio, rol, zijden: allocations.map(() => ABSENT) }));
    return r;
  };
  allocations.forEach((a, k) => {
    for (const r of a.resultaten) {
      row(`${r.stroom}|${r.jaar}|${code}`, r.stroom, r.jaar, code, null, 'eigen').zijden[k] = own(data, r, code);
      for (const l of r.regels) {
        if (l.soort === 'regio' && l.mandaatgemeente?.code === code) {
          row(`${r.stroom}|${r.jaar}|${l.ontvanger}`, r.stroom, r.jaar, l.ontvanger, l.naam, 'mandaatgemeente').zijden[k] = asMandate(l);
        }
      }
    }
  });
  const rijen = [...rows.values()].sort(
    (p, q) => p.jaar - q.jaar || streamRank(p.stroom) - streamRank(q.stroom) || Number(p.rol === 'mandaatgemeente') - Number(q.rol === 'mandaatgemeente'),
  );
  const years = [...new Set(rijen.map((r) => r.jaar))];
  const jaren = years.map((jaar) => ({
    jaar,
    totalen: allocations.map((_, k): RecipientYearTotal => {
      let bedrag = 0n;
      let onbekend = false;
      let nietVerdeeld = false;
      let verdeeld = false;
      let opgegaanIn: RecipientYearTotal['opgegaanIn'] = null;
      for (const r of rijen) {
        const z = r.zijden[k]!;
        if (r.jaar !== jaar || r.rol !== 'eigen' || !z.aanwezig) continue;
        if (z.opgegaanIn) opgegaanIn = z.opgegaanIn;
        else if (!z.verdeeld) nietVerdeeld = true;
        else {
          verdeeld = true;
          if (z.bedrag === null) onbekend = true;
          else bedrag += z.bedrag;
        }
      }
      const division = allocations[k]!.resultaten.find((r) => r.jaar === jaar)?.indeling;
      const inwJaar = division ? (inhabitantsIn(data, division).get(code) ?? null) : inw;
      return { bedrag, onbekend, nietVerdeeld, verdeeld, opgegaanIn, inwoners: inwJaar, perInwoner: onbekend || !verdeeld ? null : perInhabitant(bedrag, inwJaar) };
    }),
  }));
  return { code, inwoners: inw, rijen, jaren };
}

/**
 * A year total as text: "€ 1.234", "€ 1.234 + onbekend" when part of it is unknown, and
 * "onbekend" when nothing of it is known. The one wording of every view and export.
 */
export function yearTotalText(t: Pick<RecipientYearTotal, 'bedrag' | 'onbekend'>): string {
  if (!t.onbekend) return formatEuro(t.bedrag, 'auto');
  return t.bedrag === 0n ? 'onbekend' : `${formatEuro(t.bedrag, 'auto')} + onbekend`;
}

/**
 * The view of one recipient in the given allocations (the first is the reference): a
 * municipality by its code, or an IZA region by its id. For a region, a stream-year without a
 * regional part shows as not divided to it.
 */
export function recipientView(data: BaselineData, allocations: readonly Allocation[], code: string): RecipientView {
  return build(data, allocations, code);
}
