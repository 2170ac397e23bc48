import { streamName, type StreamRef } from '../streams/own.js';
import { type Fraction, fraction, floor, mul } from '../money/fraction.js';
import type { Allocation, RecipientKind, RoundingUnit, StreamYearResult, TraceStep } from '../allocation/types.js';
import { unknownPerMunicipality } from '../allocation/unknown-share.js';
import { roundingOf } from '../allocation/distribute.js';
import type { Status } from '../status/status.js';
import { successionIn } from '../municipalities/division.js';
import { sourceReference, type SourceReference } from '../data/sources.js';
import { decisionNotices, type DecisionNotice } from '../data/decisions.js';
import type { Origin } from '../scenario/parameters.js';

/**
 * One step of the explanation of an amount: a step of the recorded computation of its stream
 * and year, or a fact about this recipient taken from the recorded rounding.
 */
export type ExplanationStep =
  | TraceStep
  | { stap: 'deelname-ontvanger'; neemtDeel: boolean; nietDeelnemers: 'herverdelen' | 'onbenut' }
  | { stap: 'aandeel'; deel: 'lokaal' | 'regionaal'; gewicht: bigint | null; totaalGewicht: bigint | null; aandeel: Fraction | null; aangevuld: boolean }
  /** The exact share in euros. */
  | { stap: 'quotum'; quotum: Fraction }
  /** Amounts in cents. */
  | {
      stap: 'afronding-ontvanger';
      quotum: Fraction;
      ondergrens: bigint;
      bedrag: bigint;
      naarBoven: boolean;
      rang: number | null;
      restEenheden: bigint;
      kandidaten: number;
      eenheid: RoundingUnit;
    }
  | { stap: 'vast-bedrag'; bedrag: bigint }
  /** A municipality with a fixed amount in the key (`vasteBedragen`), in cents, with the notes of the scenario. */
  | { stap: 'vast-bedrag-sleutel'; bedrag: bigint; toelichtingen: string[]; oorsprong: Origin }
  /** A municipality with a base amount on top of its share (`basisbedragen`), in cents. */
  | { stap: 'basisbedrag-ontvanger'; bedrag: bigint; toelichtingen: string[] }
  /**
   * This municipality on the transition path, amounts in cents: its amount without the path, its
   * reference (the baseline key on the same total), the cap of this year, whether the amount was
   * clamped to a cap (-1 raised to the lower, 1 lowered to the upper), what the balancing added or
   * took, whether it ended at a cap, and the result.
   */
  | {
      stap: 'ingroeipad-ontvanger';
      voor: bigint;
      referentie: bigint;
      grens: bigint;
      jaarInPad: number;
      perInwoner: string | null;
      percentage: string | null;
      inwoners: bigint | null;
      begrensd: -1 | 0 | 1;
      verevening: bigint;
      opGrens: boolean;
      bedrag: bigint;
    };

/** The explanation of one amount (`explain`): the steps of the trace that made it, each with its source. */
export interface Explanation {
  stroom: StreamRef;
  stroomNaam: string;
  jaar: number;
  ontvanger: string;
  naam: string;
  soortOntvanger: RecipientKind;
  bedrag: bigint | null;
  status: Status;
  redenen: readonly string[];
  stappen: ExplanationStep[];
  meldingen: string[];
  /** Every source its steps cite, with the documents, their stand and a link. */
  bronnen: SourceReference[];
  /** Decisions still to come that this amount depends on, and whether it may be out of date. */
  besluiten: DecisionNotice[];
}

/** The outcome of `explain`: the explanation, or a Dutch message why there is none. */
export type ExplainResult =
  | { ok: true; uitleg: Explanation }
  /** `opgegaanIn`: the municipality whose amount covers this one, when a merger took it in that year. */
  | { ok: false; bericht: string; opgegaanIn?: { code: string; naam: string } };

const AMOUNT_STEPS: ReadonlySet<TraceStep['stap']> = new Set(['landelijk-bedrag', 'korting', 'indexatie', 'afronding-totaal']);

/**
 * The explanation of one amount, selected from the trace its allocation recorded: the national
 * amount and its source, each adjustment, the rounding of the total, the split, the key and
 * this recipient's share, the exact quota, and where the rounding put the remainder and why.
 * Nothing is computed again here.
 */
export function explain(allocation: Allocation, q: { stroom: StreamRef; jaar: number; ontvanger: string; vandaag?: string }): ExplainResult {
  const r = allocation.resultaten.find((x) => x.stroom === q.stroom && x.jaar === q.jaar);
  const stream = { naam: r?.naam ?? streamName(q.stroom, allocation.scenario) };
  if (!r) return { ok: false, bericht: `${stream.naam} heeft in ${q.jaar} geen bedrag.` };
  let idx = r.regels.findIndex((l) => l.ontvanger === q.ontvanger);
  if (idx < 0) {
    const merged = successionIn(r.indeling, q.ontvanger);
    const part = merged?.opgeheven.find((g) => g.code === q.ontvanger);
    if (merged && part) {
      return {
        ok: false,
        bericht: `${part.naam} (${part.code}) is in ${q.jaar} geen aparte gemeente meer: ${merged.reden}. Het bedrag van ${part.naam} valt vanaf ${merged.jaar} onder ${merged.opvolger.naam} (${merged.opvolger.code}).`,
        opgegaanIn: { code: merged.opvolger.code, naam: merged.opvolger.naam },
      };
    }
    const unknown = unknownPerMunicipality(r);
    const share = unknown !== null && GM_CODE.test(q.ontvanger) ? unknownShare(allocation, r, q, unknown) : null;
    if (share) return share;
    idx = r.regels.findIndex((l) => l.soort === 'landelijk');
  }
  const line = r.regels[idx];
  if (!line) return { ok: false, bericht: `${q.ontvanger} ontvangt niets uit ${stream.naam} in ${q.jaar}.` };
  const soort = line.soort;
  const deel = soort === 'regio' ? 'regionaal' : 'lokaal';
  const stappen: ExplanationStep[] = [];
  for (const s of r.stappen) {
    if (AMOUNT_STEPS.has(s.stap)) stappen.push(s);
    else if (s.stap === 'niet-verdeeld' && soort === 'landelijk') stappen.push(s);
    else if (s.stap === 'reserveringen') stappen.push(s);
    else if (s.stap === 'lokaal-regionaal' && soort !== 'reservering') stappen.push(s);
    else if (s.stap === 'deelname' && (soort === 'gemeente' || soort === 'onbenut')) {
      stappen.push(s);
      if (soort === 'gemeente') stappen.push({ stap: 'deelname-ontvanger', neemtDeel: line.deelname !== false, nietDeelnemers: s.nietDeelnemers });
    } else if (s.stap === 'indeling' && soort === 'gemeente') {
      // Only for the municipalities a planned merger concerns.
      const concerned = s.samenvoegingen.filter((m) => (s.toegepast ? m.opvolger.code === line.ontvanger : m.delen.includes(line.ontvanger)));
      if (concerned.length > 0) stappen.push({ ...s, samenvoegingen: concerned });
    } else if (s.stap === 'sleutel' && s.deel === deel && (soort === 'gemeente' || soort === 'regio') && line.deelname !== false) stappen.push(s);
  }
  // This municipality's place in the division, for its fixed or base amount and its transition path.
  const at = soort === 'gemeente' ? r.indeling.gemeenten.findIndex((g) => g.code === line.ontvanger) : -1;
  const fixedUnits = at >= 0 ? (r.verdeling?.fixedUnits[at] ?? null) : null;
  const baseUnits = at >= 0 ? (r.verdeling?.baseUnits[at] ?? null) : null;
  const keyStep = r.stappen.find((s) => s.stap === 'sleutel' && s.deel === 'lokaal');
  const keyEntries = (list: readonly { code: string; toelichting?: string | undefined }[] | undefined): string[] => {
    if (!list) return [];
    const codes = new Set(r.indeling.samenvoegingen.find((m) => m.opvolger.code === line.ontvanger)?.delen.map((g) => g.code) ?? [line.ontvanger]);
    return list.filter((e) => codes.has(e.code) && e.toelichting).map((e) => e.toelichting!);
  };
  if (fixedUnits !== null && keyStep?.stap === 'sleutel') {
    stappen.push({ stap: 'vast-bedrag-sleutel', bedrag: fixedUnits * allocation.eenheid, toelichtingen: keyEntries(r.parameters.sleutel.waarde.vasteBedragen), oorsprong: keyStep.oorsprong });
  }
  if (baseUnits !== null) stappen.push({ stap: 'basisbedrag-ontvanger', bedrag: baseUnits * allocation.eenheid, toelichtingen: keyEntries(r.parameters.sleutel.waarde.basisbedragen) });
  const path = r.ingroeipad && at >= 0 ? r.ingroeipad : null;
  const member = path ? path.index.indexOf(at) : -1;
  if (soort === 'reservering') stappen.push({ stap: 'vast-bedrag', bedrag: line.bedrag ?? 0n });

  const claim = r.claims[idx] ?? -1;
  const d = r.verdeling;
  const round = r.stappen.find((s) => s.stap === 'afronding');
  if (d && claim >= 0 && line.bedrag !== null && round?.stap === 'afronding') {
    const fact = roundingOf(d, claim);
    const unit = allocation.eenheid;
    if (soort !== 'onbenut' && fixedUnits === null) {
      stappen.push({
        stap: 'aandeel',
        deel,
        gewicht: fact.gewicht,
        totaalGewicht: fact.totaalGewicht,
        aandeel: fact.gewicht !== null && fact.totaalGewicht ? fraction(fact.gewicht, fact.totaalGewicht) : null,
        aangevuld: fact.aangevuld,
      });
    }
    const quotum = mul(fact.quotum, fraction(unit, 100n)); // in euros, as every fraction of the trace
    stappen.push({ stap: 'quotum', quotum });
    stappen.push({
      stap: 'afronding-ontvanger',
      quotum,
      ondergrens: floor(fact.quotum) * unit,
      bedrag: path && member >= 0 ? path.facts.before[member]! * unit : line.bedrag,
      naarBoven: fact.naarBoven,
      rang: fact.rang,
      restEenheden: round.restEenheden,
      kandidaten: round.kandidaten,
      eenheid: round.eenheid,
    });
  }
  const pathStep = r.stappen.find((s) => s.stap === 'ingroeipad');
  if (path && member >= 0 && pathStep?.stap === 'ingroeipad') {
    const unit = allocation.eenheid;
    const f = path.facts;
    const c = f.clamped[member]!;
    stappen.push(pathStep);
    stappen.push({
      stap: 'ingroeipad-ontvanger',
      voor: f.before[member]! * unit,
      referentie: f.reference[member]! * unit,
      grens: f.cap[member]! * unit,
      jaarInPad: pathStep.jaarInPad,
      perInwoner: pathStep.perInwoner,
      percentage: pathStep.percentage,
      inwoners: path.inwoners?.[member] ?? null,
      begrensd: c === -1 ? -1 : c === 1 ? 1 : 0,
      verevening: f.balance[member]! * unit,
      opGrens: f.atCap[member] === 1,
      bedrag: f.amount[member]! * unit,
    });
  }
  return {
    ok: true,
    uitleg: {
      stroom: q.stroom,
      stroomNaam: stream.naam,
      jaar: q.jaar,
      ontvanger: line.ontvanger,
      naam: line.naam,
      soortOntvanger: soort,
      bedrag: line.bedrag,
      status: line.status,
      redenen: line.redenen,
      stappen,
      meldingen: r.meldingen.filter(Boolean),
      bronnen: citedSources(allocation, stappen),
      besluiten: soort === 'reservering' ? [] : decisionNotices(allocation.gegevens, q.stroom, q.jaar, q.vandaag),
    },
  };
}

const GM_CODE = /^GM\d{4}$/;

/**
 * The explanation of a municipality's amount in a stream-year whose money went to the
 * municipalities without a known amount per municipality: the national amount and why each
 * one's share is unknown. Unknown, never 0. Null for a code that is no municipality of any year.
 */
function unknownShare(allocation: Allocation, r: StreamYearResult, q: { ontvanger: string; vandaag?: string }, reden: string): ExplainResult | null {
  const code = q.ontvanger;
  // Its name in the year's division, or in another year's (a municipality formed after the year).
  let naam: string | null = null;
  for (const x of [r, ...allocation.resultaten]) {
    const g = x.indeling.gemeenten.find((m) => m.code === code);
    if (g) {
      naam = g.naam;
      break;
    }
  }
  if (naam === null) return null;
  const stappen: ExplanationStep[] = r.stappen.filter((s) => AMOUNT_STEPS.has(s.stap) || s.stap === 'niet-verdeeld');
  return {
    ok: true,
    uitleg: {
      stroom: r.stroom,
      stroomNaam: r.naam,
      jaar: r.jaar,
      ontvanger: code,
      naam,
      soortOntvanger: 'gemeente',
      bedrag: null,
      status: 'onbekend',
      redenen: [reden],
      stappen,
      meldingen: r.meldingen.filter(Boolean),
      bronnen: citedSources(allocation, stappen),
      besluiten: decisionNotices(allocation.gegevens, r.stroom, r.jaar, q.vandaag),
    },
  };
}

/** The sources the steps cite, each once, in order of first citation. */
function citedSources(allocation: Allocation, stappen: readonly ExplanationStep[]): SourceReference[] {
  const texts: string[] = [];
  const add = (t: string | null | undefined) => {
    if (t && !texts.includes(t)) texts.push(t);
  };
  const fromOrigin = (o: Origin) => add(o.herkomst === 'basis' ? o.bron : null);
  for (const s of stappen) {
    if ('oorsprong' in s) fromOrigin(s.oorsprong);
    if (s.stap === 'indexatie') for (const j of s.jaren) fromOrigin(j.oorsprong);
    if (s.stap === 'sleutel') add(s.bron);
    if (s.stap === 'indeling') for (const m of s.samenvoegingen) add(m.bron);
  }
  return texts.map((t) => sourceReference(allocation.gegevens.bronnen, t));
}
