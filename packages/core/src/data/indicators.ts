/**
 * The indicators a formula key can weigh, per municipality of the division, derived from the
 * CBS files exactly (never rounded), each with its source, status and derivation.
 */
import type { Decimal as DecimalValue } from '../money/decimal.js';
import { KERNCIJFERS_2022_PEILDATUM, type Bevolking2026Row, type BevolkingRow, type InkomenRow, type KerncijfersRow } from './schema.js';
import type { Indicator, IndicatorId, Municipality } from './types.js';
import { must, opsomming, successorIn2023, sum, telwoord, type Parsed } from './checks.js';

const BRON_CBS = 'Bron: CBS (CC BY 4.0)';

// ---------------------------------------------------------------------------------------------
// The indicators

/** The figures indicators are computed from, per 2023-2026 municipality. */
interface Sources {
  bevolking: ReadonlyMap<string, BevolkingRow>;
  bevolking2026: ReadonlyMap<string, Bevolking2026Row>;
  /** The source text of `bevolking-2026.csv` (one for the whole file, checked). */
  bron2026: string;
  /** Dutch sentence naming the municipalities without a 2026 figure. */
  ontbreekt2026: string;
  inkomen: ReadonlyMap<string, InkomenRow>;
  /** The 2022 rows that together make up a 2023-2026 municipality (usually one). */
  kerncijfers: ReadonlyMap<string, readonly KerncijfersRow[]>;
  /** Dutch sentence on how the 2022 division was mapped (names the merged municipalities). */
  omrekening2022: string;
}

interface IndicatorSpec {
  id: IndicatorId;
  naam: string;
  eenheid: string;
  status: Indicator['status'];
  bron: string | ((s: Sources) => string);
  toelichting: (s: Sources) => string;
  /** null: unknown (never 0). */
  waarde: (code: string, s: Sources) => DecimalValue | null;
}

const fromBevolking = (f: (r: BevolkingRow) => DecimalValue) => (code: string, s: Sources) => f(must(s.bevolking, code));
/** A 2022 figure derived per former municipality, then summed over the predecessors. */
const fromKerncijfers = (f: (r: KerncijfersRow) => DecimalValue) => (code: string, s: Sources) => sum(must(s.kerncijfers, code).map(f));
const percentOf = (pct: DecimalValue, total: DecimalValue) => pct.times(total).div(100);

const KWB_2024 = `CBS kerncijfers wijken en buurten, 2024 (bestand bevolking-2023-2024.csv). ${BRON_CBS}`;
const KWB_2023 = `CBS kerncijfers wijken en buurten, 2023 (bestand bevolking-2023-2024.csv). ${BRON_CBS}`;
const KWB_2022 = `CBS kerncijfers wijken en buurten, 2022 (bestand kerncijfers-2022.csv), indeling omgerekend met herindelingen-2019-2026.csv (CBS-codelijsten). ${BRON_CBS}`;
const INKOMEN_2020 = `CBS maatwerk Inkomen per gemeente en wijk, 2020 (maatwerktabel, bestand inkomen-2020.csv); CBS kerncijfers wijken en buurten, 2024 (huishoudens, bestand bevolking-2023-2024.csv). ${BRON_CBS}`;
const INDELING_2023 = 'Gemeentelijke indeling 2023-2026.';
const ROUNDED_PCT = 'Het CBS publiceert het percentage afgerond op een heel getal, dus de uitkomst is een benadering; de waarde wordt niet afgerond.';

const INDICATORS: readonly IndicatorSpec[] = [
  {
    id: 'inwoners-2026',
    naam: 'Inwoners op 1 januari 2026 (voorlopig)',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: (s) => `${s.bron2026} (bestand bevolking-2026.csv). ${BRON_CBS}`,
    toelichting: (s) =>
      'Voorlopig CBS-maandcijfer (kolom inwoners_2026_01_01): het CBS stelt het cijfer later definitief vast, dus het kan nog veranderen. ' +
      `${INDELING_2023} ${s.ontbreekt2026}`,
    waarde: (code, s) => must(s.bevolking2026, code).inwoners,
  },
  {
    id: 'inwoners-2024',
    naam: 'Inwoners op 1 januari 2024',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: KWB_2024,
    toelichting: () => `Officieel CBS-cijfer (kolom inwoners_2024_01_01). ${INDELING_2023}`,
    waarde: fromBevolking((r) => r.inwoners2024),
  },
  {
    id: 'inwoners-2023',
    naam: 'Inwoners op 1 januari 2023',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: KWB_2023,
    toelichting: () => `Officieel CBS-cijfer (kolom inwoners_2023_01_01). ${INDELING_2023}`,
    waarde: fromBevolking((r) => r.inwoners2023),
  },
  {
    id: 'huishoudens-2024',
    naam: 'Huishoudens op 1 januari 2024',
    eenheid: 'huishoudens',
    status: 'officieel',
    bron: KWB_2024,
    toelichting: () => `Officieel CBS-cijfer (kolom huishoudens_2024). ${INDELING_2023}`,
    waarde: fromBevolking((r) => r.huishoudens2024),
  },
  {
    id: 'kinderen-0-15-2024',
    naam: 'Kinderen van 0 tot 15 jaar op 1 januari 2024 (raming)',
    eenheid: 'personen',
    status: 'raming',
    bron: KWB_2024,
    toelichting: () => `Raming: pct_0_tot_15_jaar_2024 / 100 × inwoners_2024_01_01. ${ROUNDED_PCT} ${INDELING_2023}`,
    waarde: fromBevolking((r) => percentOf(r.pct0tot15, r.inwoners2024)),
  },
  {
    id: 'huishoudens-met-kinderen-2024',
    naam: 'Huishoudens met kinderen op 1 januari 2024 (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: KWB_2024,
    toelichting: () => `Raming: pct_huishoudens_met_kinderen_2024 / 100 × huishoudens_2024. ${ROUNDED_PCT} ${INDELING_2023}`,
    waarde: fromBevolking((r) => percentOf(r.pctHuishoudensMetKinderen, r.huishoudens2024)),
  },
  {
    id: 'inwoners-2022',
    naam: 'Inwoners op 1 januari 2022',
    eenheid: 'inwoners',
    status: 'officieel',
    bron: KWB_2022,
    toelichting: (s) => `Officieel CBS-cijfer (kolom inwoners_2022_01_01) in de indeling van 2022. ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => r.inwoners),
  },
  {
    id: 'geboorten-2022',
    naam: 'Levend geborenen 2022 (raming)',
    eenheid: 'geboorten',
    status: 'raming',
    bron: KWB_2022,
    toelichting: (s) =>
      `Raming: geboortes_per_1000_inwoners × inwoners_2022_01_01 / 1000, per gemeente van 2022 berekend en daarna opgeteld. ` +
      `Het CBS publiceert het geboortecijfer afgerond op een heel getal per 1000 inwoners, dus de uitkomst is een benadering; de waarde wordt niet afgerond. ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => r.geboortenPer1000.times(r.inwoners).div(1000)),
  },
  {
    id: 'huishoudens-laag-inkomen-2022',
    naam: 'Huishoudens met een laag inkomen 2022 (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: KWB_2022,
    toelichting: (s) =>
      `Raming: pct_huishoudens_laag_inkomen / 100 × huishoudens, per gemeente van 2022 berekend en daarna opgeteld. ${ROUNDED_PCT} ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => percentOf(r.pctLaagInkomen, r.huishoudens)),
  },
  {
    id: 'huishoudens-sociaal-minimum-2022',
    naam: 'Huishoudens onder of rond het sociaal minimum 2022 (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: KWB_2022,
    toelichting: (s) =>
      `Raming: pct_huishoudens_onder_of_rond_sociaal_minimum / 100 × huishoudens, per gemeente van 2022 berekend en daarna opgeteld. ${ROUNDED_PCT} ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => percentOf(r.pctSociaalMinimum, r.huishoudens)),
  },
  {
    id: 'opleiding-laag-2022',
    naam: 'Personen met een laag opleidingsniveau 2022',
    eenheid: 'personen',
    status: 'officieel',
    bron: KWB_2022,
    toelichting: (s) => `Officieel CBS-cijfer (kolom opleidingsniveau_laag_aantal); het CBS rondt deze aantallen af op tientallen. ${s.omrekening2022}`,
    waarde: fromKerncijfers((r) => r.opleidingLaag),
  },
  {
    id: 'huishoudens-laagste-40pct-2020',
    naam: 'Huishoudens in de landelijk laagste 40% besteedbaar inkomen (raming)',
    eenheid: 'huishoudens',
    status: 'raming',
    bron: INKOMEN_2020,
    toelichting: () =>
      'Raming: pct_particuliere_huishoudens_in_laagste_40pct_besteedbaar_inkomen (2020) / 100 × huishoudens_2024. ' +
      'Let op: dit combineert jaren (het percentage van 2020 wordt toegepast op het aantal huishoudens van 2024). ' +
      `Het percentage heeft één decimaal; de waarde wordt niet afgerond. ${INDELING_2023}`,
    waarde: (code, s) => percentOf(must(s.inkomen, code).pctLaagste40, must(s.bevolking, code).huishoudens2024),
  },
];

/** The 2022 rows per 2023-2026 municipality, and a sentence naming the ones that were merged. */
function group2022(p: Parsed, codes2023: ReadonlySet<string>, gemeenten: ReadonlyMap<string, Municipality>) {
  const mergers = p.herindelingen.map((r) => r.waarde);
  const groups = new Map<string, KerncijfersRow[]>();
  for (const { waarde: r } of p.kerncijfers) {
    const s = successorIn2023(r.code, mergers, KERNCIJFERS_2022_PEILDATUM, codes2023);
    if ('code' in s) groups.set(s.code, [...(groups.get(s.code) ?? []), r]);
  }
  const merged = [...groups].filter(([code, rows]) => rows.length > 1 || rows[0]?.code !== code);
  const zinnen = merged.map(([code, rows]) => {
    const naam = gemeenten.get(code)?.naam ?? code;
    const datum = mergers.filter((m) => m.nieuweCode === code && m.datum > KERNCIJFERS_2022_PEILDATUM).map((m) => m.datum).sort().pop() ?? '';
    const others = rows.filter((r) => r.code !== code);
    const delen = opsomming(others.map((r) => `${r.naam} (${r.code})`));
    return others.length === rows.length
      ? `${naam} (${code}) is de som van de ${telwoord(rows.length)} voormalige gemeenten ${delen} (samengevoegd per ${datum})`
      : `${naam} (${code}) is de som van ${naam} en ${delen} (toegevoegd per ${datum})`;
  });
  const omrekening2022 =
    zinnen.length === 0
      ? `Peildatum ${KERNCIJFERS_2022_PEILDATUM}; de indeling is gelijk aan die van 2023-2026.`
      : `Peildatum ${KERNCIJFERS_2022_PEILDATUM}; omgerekend naar de indeling 2023-2026: ${zinnen.join('; ')}.`;
  return { groups, omrekening2022 };
}

/**
 * Which municipalities have no 2026 figure, with the file's note on why: "Geen waarde (onbekend,
 * niet 0) voor Hilversum (GM0402) en Wijdemeren (GM1696). Het bestand zegt daarover: ...".
 */
function missing2026(p: Parsed): string {
  const rows = new Map(p.bevolking2026.map((r) => [r.waarde.code, r.waarde]));
  const missing = p.gemeenten.flatMap(({ waarde: g }) => {
    const r = rows.get(g.code);
    return r !== undefined && r.inwoners === null ? [r] : [];
  });
  if (missing.length === 0) return 'Elke gemeente heeft een waarde.';
  const namen = opsomming(missing.map((r) => `${r.naam} (${r.code})`));
  const notes = new Set(missing.map((r) => r.opmerking));
  const shared = missing[0]?.opmerking ?? null;
  const uitleg =
    notes.size === 1
      ? shared === null
        ? ''
        : ` Het bestand zegt daarover: "${shared}".`
      : missing.map((r) => (r.opmerking === null ? '' : ` ${r.naam}: "${r.opmerking}".`)).join('');
  return `Geen waarde (onbekend, niet 0) voor ${namen}.${uitleg}`;
}

export function buildIndicators(p: Parsed): Indicator[] {
  const gemeenten = new Map(p.gemeenten.map((r) => [r.waarde.code, r.waarde]));
  const codes2023 = new Set(gemeenten.keys());
  const { groups, omrekening2022 } = group2022(p, codes2023, gemeenten);
  const sources: Sources = {
    bevolking: new Map(p.bevolking.map((r) => [r.waarde.code, r.waarde])),
    bevolking2026: new Map(p.bevolking2026.map((r) => [r.waarde.code, r.waarde])),
    bron2026: p.bevolking2026[0]?.waarde.bron ?? '',
    ontbreekt2026: missing2026(p),
    inkomen: new Map(p.inkomen.map((r) => [r.waarde.code, r.waarde])),
    kerncijfers: groups,
    omrekening2022,
  };
  return INDICATORS.map((spec) => ({
    id: spec.id,
    naam: spec.naam,
    eenheid: spec.eenheid,
    status: spec.status,
    bron: typeof spec.bron === 'string' ? spec.bron : spec.bron(sources),
    toelichting: spec.toelichting(sources),
    waarden: new Map([...codes2023].map((code) => [code, spec.waarde(code, sources)])),
  }));
}

