import type { StreamId } from '../data/types.js';
import { type Fraction, fraction, fromDecimal, mul, floor, percentFactor } from '../money/fraction.js';
import type { Allocation, ResultStatus, RecipientKind } from '../allocation/allocate.js';
import type { Origin } from '../scenario/parameters.js';
import { streamById } from '../streams/streams.js';
import { roundingOf } from '../allocation/distribute.js';

/** Where a value came from, for the explanation. */
export type StepOrigin =
  | { herkomst: 'basis'; bron: string; toelichting: string }
  | { herkomst: 'scenario'; wijziging: number; geldigheid: 'alleen-dit-jaar' | 'vanaf-dit-jaar'; vanafJaar: number; toelichting: string };

/** One step of the computation of an amount: structured data first; the Dutch text is rendered from it. */
export type ExplanationStep =
  | { soort: 'landelijk-bedrag'; bedrag: string | null; status: ResultStatus; structureel: boolean; oorsprong: StepOrigin }
  | { soort: 'korting'; percentage: string; na: Fraction; oorsprong: StepOrigin }
  | { soort: 'indexatie'; jaren: { jaar: number; percentage: string }[]; factor: Fraction; na: Fraction; oorsprong: StepOrigin }
  | { soort: 'afronding-totaal'; exact: Fraction; totaal: bigint; eenheid: 'euro' | 'cent' }
  | { soort: 'niet-verdeeld'; reden: string }
  | { soort: 'reserveringen'; totaal: bigint; ontvangers: { code: string; naam: string; bedrag: string }[] }
  | { soort: 'lokaal-regionaal'; lokaalPercentage: string; lokaal: Fraction; regionaal: Fraction; status: ResultStatus; oorsprong: StepOrigin }
  | { soort: 'deelname'; neemtDeel: boolean; deelnemers: number; nietDeelnemers: 'herverdelen' | 'onbenut' }
  | {
      soort: 'sleutel';
      omschrijving: string;
      bron: string;
      deel: 'lokaal' | 'regionaal';
      gewicht: bigint | null;
      totaalGewicht: bigint | null;
      aandeel: Fraction | null;
      aangevuld: boolean;
      basisbedrag: string | null;
      minimumbedrag: string | null;
      oorsprong: StepOrigin;
    }
  | { soort: 'quotum'; quotum: Fraction }
  | {
      soort: 'afronding';
      quotum: Fraction;
      ondergrens: bigint;
      bedrag: bigint;
      naarBoven: boolean;
      rang: number | null;
      restEenheden: bigint;
      kandidaten: number;
      eenheid: 'euro' | 'cent';
    }
  | { soort: 'vast-bedrag'; bedrag: bigint };

export interface Explanation {
  stroom: StreamId;
  stroomNaam: string;
  jaar: number;
  ontvanger: string;
  naam: string;
  soortOntvanger: RecipientKind;
  bedrag: bigint | null;
  status: ResultStatus;
  stappen: ExplanationStep[];
  meldingen: string[];
}

export type ExplainResult = { ok: true; uitleg: Explanation } | { ok: false; bericht: string };

const toStepOrigin = (o: Origin): StepOrigin =>
  o.herkomst === 'basis'
    ? { herkomst: 'basis', bron: o.bron, toelichting: o.toelichting }
    : { herkomst: 'scenario', wijziging: o.wijziging, geldigheid: o.geldigheid, vanafJaar: o.vanafJaar, toelichting: o.toelichting };

/**
 * The structured explanation of one amount: national amount and source, each adjustment, the
 * key and the recipient's share, the exact quota, and the rounding step with the reason the
 * remainder went where it went.
 */
export function explain(allocation: Allocation, q: { stroom: StreamId; jaar: number; ontvanger: string }): ExplainResult {
  const r = allocation.resultaten.find((x) => x.stroom === q.stroom && x.jaar === q.jaar);
  const stream = streamById(q.stroom);
  if (!r) return { ok: false, bericht: `${stream.naam} heeft in ${q.jaar} geen bedrag.` };
  let idx = r.regels.findIndex((l) => l.ontvanger === q.ontvanger);
  if (idx < 0) idx = r.regels.findIndex((l) => l.soort === 'landelijk');
  const line = r.regels[idx];
  if (!line) return { ok: false, bericht: `${q.ontvanger} ontvangt niets uit ${stream.naam} in ${q.jaar}.` };
  const p = r.parameters;
  const eenheid = allocation.eenheid === 1n ? 'cent' : 'euro';
  const stappen: ExplanationStep[] = [];
  const bedrag = p.bedrag!;
  stappen.push({
    soort: 'landelijk-bedrag',
    bedrag: bedrag.waarde,
    status: bedrag.oorsprong.herkomst === 'scenario' ? 'scenario' : bedrag.oorsprong.status,
    structureel: p.bedragRij?.jaar === 'structureel' && bedrag.oorsprong.herkomst === 'basis',
    oorsprong: toStepOrigin(bedrag.oorsprong),
  });
  if (bedrag.waarde !== null && r.bijgesteld !== null && r.totaal !== null) {
    let running = fromDecimal(bedrag.waarde);
    if (p.korting) {
      running = mul(running, percentFactor(p.korting.waarde, -1));
      stappen.push({ soort: 'korting', percentage: p.korting.waarde, na: running, oorsprong: toStepOrigin(p.korting.oorsprong) });
    }
    if (p.indexaties.length > 0) {
      let factor = fraction(1n);
      for (const ix of p.indexaties) factor = mul(factor, percentFactor(ix.percentage, 1));
      running = mul(running, factor);
      stappen.push({
        soort: 'indexatie',
        jaren: p.indexaties.map((i) => ({ jaar: i.jaar, percentage: i.percentage })),
        factor,
        na: running,
        oorsprong: toStepOrigin(p.indexaties[p.indexaties.length - 1]!.oorsprong),
      });
    }
    const exactCents = mul(r.bijgesteld, fraction(100n));
    if (exactCents.d !== 1n || exactCents.n % allocation.eenheid !== 0n) {
      stappen.push({ soort: 'afronding-totaal', exact: r.bijgesteld, totaal: r.totaal, eenheid });
    }
  }
  if (line.soort === 'landelijk') {
    if (bedrag.waarde !== null) stappen.push({ soort: 'niet-verdeeld', reden: r.meldingen[0] ?? '' });
    return { ok: true, uitleg: { ...header(), stappen } };
  }
  if (line.soort === 'reservering') {
    const res = p.reserveringen!.waarde;
    stappen.push({ soort: 'reserveringen', totaal: r.reserveringen, ontvangers: res });
    stappen.push({ soort: 'vast-bedrag', bedrag: line.bedrag ?? 0n });
    return { ok: true, uitleg: { ...header(), stappen } };
  }
  if (r.reserveringen > 0n && p.reserveringen) {
    stappen.push({ soort: 'reserveringen', totaal: r.reserveringen, ontvangers: p.reserveringen.waarde });
  }
  stappen.push({
    soort: 'lokaal-regionaal',
    lokaalPercentage: p.lokaalPercentage.waarde,
    lokaal: r.lokaal,
    regionaal: r.regionaal,
    status: p.lokaalPercentage.oorsprong.herkomst === 'scenario' ? 'scenario' : p.lokaalPercentage.oorsprong.status,
    oorsprong: toStepOrigin(p.lokaalPercentage.oorsprong),
  });
  if (p.deelname && line.soort === 'gemeente') {
    stappen.push({
      soort: 'deelname',
      neemtDeel: line.deelname !== false,
      deelnemers: p.deelname.waarde.gemeenten.length,
      nietDeelnemers: p.deelname.waarde.nietDeelnemers,
    });
  }
  const claim = r.claims[idx] ?? -1;
  const fact = r.verdeling && claim >= 0 ? roundingOf(r.verdeling, claim) : null;
  if (fact && line.soort !== 'onbenut') {
    const sl = p.sleutel.waarde;
    const regional = line.soort === 'regio';
    stappen.push({
      soort: 'sleutel',
      omschrijving: regional
        ? 'SPUK IZA-sleutel: het aandeel van de regio in de officiële SPUK IZA-bedragen 2026'
        : (r.sleutel?.omschrijving ?? ''),
      bron: (regional ? r.regioSleutelBron : r.sleutel?.bron) ?? '',
      deel: regional ? 'regionaal' : 'lokaal',
      gewicht: fact.gewicht,
      totaalGewicht: fact.totaalGewicht,
      aandeel: fact.gewicht !== null && fact.totaalGewicht ? fraction(fact.gewicht, fact.totaalGewicht) : null,
      aangevuld: fact.aangevuld,
      basisbedrag: !regional && sl.type === 'formule' ? (sl.basisbedrag ?? null) : null,
      minimumbedrag: !regional && sl.type === 'formule' ? (sl.minimumbedrag ?? null) : null,
      oorsprong: toStepOrigin(p.sleutel.oorsprong),
    });
  }
  if (fact && line.bedrag !== null && r.apportionment) {
    const unit = allocation.eenheid;
    const quotumCents = mul(fact.quotum, fraction(unit));
    stappen.push({ soort: 'quotum', quotum: quotumCents });
    stappen.push({
      soort: 'afronding',
      quotum: quotumCents,
      ondergrens: floor(fact.quotum) * unit,
      bedrag: line.bedrag,
      naarBoven: fact.naarBoven,
      rang: fact.rang,
      restEenheden: r.apportionment.leftover,
      kandidaten: r.apportionment.candidates,
      eenheid,
    });
  }
  return { ok: true, uitleg: { ...header(), stappen } };

  function header(): Omit<Explanation, 'stappen'> {
    return {
      stroom: q.stroom,
      stroomNaam: stream.naam,
      jaar: q.jaar,
      ontvanger: line!.ontvanger,
      naam: line!.naam,
      soortOntvanger: line!.soort,
      bedrag: line!.bedrag,
      status: line!.status,
      meldingen: r!.meldingen.filter(Boolean),
    };
  }
}
