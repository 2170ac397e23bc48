import type { BaselineData } from '../data/types.js';
import { type Fraction, toDecimal } from '../money/fraction.js';
import { centsToPlain } from '../money/format.js';
import type { Allocation } from '../allocation/types.js';
import type { Scenario, Wijziging } from '../scenario/schema.js';
import { statusLegend } from '../status/status.js';
import { streamById } from '../streams/streams.js';
import { streamName, streamNameIn, streamRank, type StreamRef } from '../streams/own.js';
import { compareAllocations, compareTotals, recipientCodesIn, type ComparisonFilter } from '../views/comparison.js';
import { nationalOverview } from '../views/overview.js';
import { inhabitants, perInhabitantCents } from '../views/per-inhabitant.js';
import { describeChange, CHANGE_KIND_NAMES } from '../scenario/describe.js';
import type { Column, Table } from './table.js';
import type { ScenarioDescription } from '../views/description.js';
import type { PeriodView } from '../views/period.js';
import type { RoundingUnit } from '../allocation/types.js';
import { REGION_KIND_NAMES, dividedStreamYears, membershipIn, regionTotals, type RegionKind } from '../views/regions.js';

/** A fraction as a percentage with two decimals, rounded half away from zero ("5.00"). */
const percent = (f: Fraction | null): string | null => (f === null ? null : toDecimal({ n: f.n * 100n, d: f.d }, 2).toFixed(2));
/** Euro per inhabitant, rounded to whole cents (the one rounding of per-inhabitant figures), as "12.34". */
const perInhabitantText = (cents: bigint | null, inwoners: bigint | null): string | null => {
  const c = perInhabitantCents(cents, inwoners);
  return c === null ? null : centsToPlain(c, 'cent');
};
const unitOf = (allocations: readonly Allocation[]) => (allocations.some((a) => a.eenheid === 1n) ? ('cent' as const) : ('euro' as const));

/** The columns that say which amount a row is about: year, stream and recipient. */
const RECIPIENT_COLUMNS: readonly Column[] = [
  { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
  { id: 'stroom', kop: 'Stroom', soort: 'code', breedte: 22 },
  { id: 'ontvanger', kop: 'Ontvanger (code)', soort: 'code' },
  { id: 'naam', kop: 'Ontvanger', soort: 'tekst', breedte: 30 },
  { id: 'soort', kop: 'Soort ontvanger', soort: 'code' },
  { id: 'mandaatgemeente', kop: 'Betaald aan (mandaatgemeente van de regio)', soort: 'tekst', breedte: 30 },
  { id: 'mandaatgemeente_code', kop: 'Code mandaatgemeente', soort: 'code' },
];

/** Every amount of an allocation: per year, stream and recipient, with its status and why. */
export function allocationTable(allocation: Allocation, filter: ComparisonFilter = {}, data?: BaselineData): Table {
  const kolommen: Column[] = [
    ...RECIPIENT_COLUMNS,
    { id: 'bedrag', kop: 'Bedrag (euro)', soort: 'euro' },
    { id: 'status', kop: 'Status', soort: 'code' },
    { id: 'status_reden', kop: 'Waarom deze status', soort: 'tekst', breedte: 60 },
  ];
  const rijen = allocation.resultaten
    .filter((r) => (filter.van === undefined || r.jaar >= filter.van) && (filter.tot === undefined || r.jaar <= filter.tot) && (!filter.stroom || r.stroom === filter.stroom))
    .sort((a, b) => a.jaar - b.jaar || streamOrder(a.stroom) - streamOrder(b.stroom))
    .flatMap((r) => {
      const regio = filter.regio;
      if (regio && !data) throw new RangeError('allocationTable: a region filter needs the data');
      const m = regio && data ? membershipIn(data, r.indeling, regio.soort).regioVan : null;
      const only = filter.ontvangers ? recipientCodesIn(r.indeling, filter.ontvangers) : null;
      return r.regels
        .filter((l) => !m || (l.soort === 'gemeente' && m.get(l.ontvanger) === regio!.code))
        .filter((l) => !only || only.has(l.ontvanger))
        .map((l) => [l.jaar, l.stroom, l.ontvanger, l.naam, l.soort, l.mandaatgemeente?.naam ?? null, l.mandaatgemeente?.code ?? null, l.bedrag, l.status, l.redenen.join('; ')]);
    });
  return { naam: 'Verdeling', kolommen, rijen, eenheid: unitOf([allocation]) };
}

const streamOrder = streamRank;

/** Column ids for the allocations of a comparison: `basis`, `scenario` for two; `basis`, `scenario_1`, ... for more. */
export function sideIds(count: number): string[] {
  return Array.from({ length: count }, (_, k) => (k === 0 ? 'basis' : count === 2 ? 'scenario' : `scenario_${k}`));
}

/**
 * The allocations side by side per recipient, stream and year: each amount, the difference with
 * the first in euro, percent and euro per inhabitant, and each amount's status. `namen` are the
 * scenarios' names, for the Dutch headers.
 */
export function comparisonTable(data: BaselineData, allocations: readonly Allocation[], namen: readonly string[], filter: ComparisonFilter = {}): Table {
  const ids = sideIds(allocations.length);
  const suffix = (k: number) => (allocations.length === 2 ? '' : `_${k}`);
  const inw = inhabitants(data).indicator;
  const kolommen: Column[] = [
    ...RECIPIENT_COLUMNS,
    ...ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id} (euro)`, soort: 'euro' })),
    ...ids.slice(1).flatMap((_, j): Column[] => [
      { id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'euro' },
      { id: `verschil_pct${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (%)`.replace('  ', ' '), soort: 'getal' },
    ]),
    { id: 'inwoners', kop: inw.naam, soort: 'aantal' },
    ...ids.slice(1).map((_, j): Column => ({ id: `verschil_per_inwoner${suffix(j + 1)}`, kop: `Verschil per inwoner ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'getal' })),
    ...ids.map((id, k): Column => ({ id: `status_${id}`, kop: `Status ${namen[k] ?? id}`, soort: 'code' })),
  ];
  const rijen = compareAllocations(data, allocations, filter).map((r) => [
    r.jaar,
    r.stroom,
    r.ontvanger,
    r.naam,
    r.soort,
    r.mandaatgemeente?.naam ?? null,
    r.mandaatgemeente?.code ?? null,
    ...r.zijden.map((z) => z.bedrag),
    ...r.verschillen.flatMap((v) => [v.verschil, percent(v.fractie)]),
    r.inwoners,
    ...r.verschillen.map((v) => perInhabitantText(v.verschil, r.inwoners)),
    ...r.zijden.map((z) => z.status),
  ]);
  return { naam: 'Vergelijking', kolommen, rijen, eenheid: unitOf(allocations) };
}

/** Per stream and year, the amount that is divided in each allocation and the differences. */
export function totalsTable(allocations: readonly Allocation[], namen: readonly string[]): Table {
  const ids = sideIds(allocations.length);
  const suffix = (k: number) => (allocations.length === 2 ? '' : `_${k}`);
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'stroom', kop: 'Stroom (code)', soort: 'code', breedte: 22 },
    { id: 'stroomnaam', kop: 'Stroom', soort: 'tekst', breedte: 40 },
    ...ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id} (euro)`, soort: 'euro' })),
    ...ids.slice(1).map((_, j): Column => ({ id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'euro' })),
    ...ids.map((id, k): Column => ({ id: `status_${id}`, kop: `Status ${namen[k] ?? id}`, soort: 'code' })),
  ];
  const rijen = compareTotals(allocations).map((r) => [
    r.jaar,
    r.stroom,
    streamNameIn(r.stroom, allocations),
    ...r.zijden.map((z) => z.bedrag),
    ...r.verschillen.map((v) => v.verschil),
    ...r.zijden.map((z) => z.status),
  ]);
  return { naam: 'Totalen', kolommen, rijen, eenheid: unitOf(allocations) };
}

/** The national overview: per year and stream the source figure, the adjustments and the amount after them. */
export function overviewTable(allocation: Allocation, filter: { van?: number; tot?: number } = {}): Table {
  const o = nationalOverview(allocation);
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'stroom', kop: 'Stroom (code)', soort: 'code', breedte: 22 },
    { id: 'naam', kop: 'Stroom', soort: 'tekst', breedte: 40 },
    { id: 'bronbedrag', kop: 'Bedrag in de bron (euro)', soort: 'euro' },
    { id: 'bronstatus', kop: 'Status bronbedrag', soort: 'code' },
    { id: 'korting_pct', kop: 'Korting (%)', soort: 'getal' },
    { id: 'indexatiefactor', kop: 'Indexatiefactor', soort: 'getal' },
    { id: 'bedrag', kop: 'Bedrag na bijstelling (euro)', soort: 'euro' },
    { id: 'status', kop: 'Status', soort: 'code' },
    { id: 'status_reden', kop: 'Waarom deze status', soort: 'tekst', breedte: 60 },
    { id: 'verdeling', kop: 'Verdeling', soort: 'code' },
    { id: 'bron', kop: 'Bron', soort: 'tekst', breedte: 60 },
    { id: 'stand', kop: 'Stand (datum van de bron)', soort: 'datum' },
    { id: 'bron_url', kop: 'Adres van de bron', soort: 'tekst', breedte: 60 },
    { id: 'toelichting', kop: 'Toelichting', soort: 'tekst', breedte: 60 },
  ];
  const rijen = o.jaren
    .filter((y) => (filter.van === undefined || y.jaar >= filter.van) && (filter.tot === undefined || y.jaar <= filter.tot))
    .flatMap((y) =>
      y.cellen
        .filter((c) => c.loopt)
        .map((c) => [
          c.jaar,
          c.stroom,
          streamById(c.stroom).naam,
          c.bronbedrag,
          c.bronStatus,
          c.korting,
          c.indexatie === null ? null : toDecimal(c.indexatie, 8).toFixed(),
          c.bedrag,
          c.status,
          c.redenen.join('; '),
          c.verdeling,
          c.bronnen.map((n) => o.bronnen[n - 1]!.tekst).join('; '),
          c.stand,
          // The address of every document the sources cite (a source may cite several), each once.
          [...new Set(c.bronnen.flatMap((n) => o.bronnen[n - 1]!.documenten.flatMap((d) => d.url ?? [])))].join(' '),
          [c.structureel ? 'structureel bedrag, voortgezet na het laatste jaar met een eigen bedrag' : '', c.toelichting].filter(Boolean).join('; '),
        ]),
    );
  return { naam: 'Landelijk', kolommen, rijen, eenheid: unitOf([allocation]) };
}

/** The scenario in words: every change with what it sets. */
export function scenarioTable(scenario: Scenario): Table {
  const kolommen: Column[] = [
    { id: 'nr', kop: 'Nr', soort: 'aantal', breedte: 6 },
    { id: 'soort', kop: 'Wijziging', soort: 'tekst', breedte: 28 },
    { id: 'stroom', kop: 'Stroom', soort: 'tekst', breedte: 36 },
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'geldigheid', kop: 'Geldt', soort: 'tekst', breedte: 16 },
    { id: 'waarde', kop: 'Waarde', soort: 'tekst', breedte: 50 },
    { id: 'toelichting', kop: 'Toelichting', soort: 'tekst', breedte: 40 },
  ];
  const rijen = scenario.wijzigingen.map((w: Wijziging, i) => [
    BigInt(i + 1),
    CHANGE_KIND_NAMES[w.soort],
    streamName(w.stroom, scenario),
    w.jaar,
    w.geldigheid === 'alleen-dit-jaar' ? 'alleen dit jaar' : 'vanaf dit jaar',
    describeChange(w),
    w.toelichting ?? '',
  ]);
  return { naam: 'Scenario', kolommen, rijen, eenheid: 'euro' };
}

/** The legend of the statuses. */
export function statusTable(): Table {
  return {
    naam: 'Statussen',
    kolommen: [
      { id: 'status', kop: 'Status', soort: 'code', breedte: 20 },
      { id: 'betekenis', kop: 'Betekenis', soort: 'tekst', breedte: 100 },
    ],
    rijen: statusLegend().map((s) => [s.status, s.betekenis]),
    eenheid: 'euro',
  };
}

/**
 * Per GGD region or province, year and stream: the total of its municipalities in each
 * allocation, the differences with the first, and each total's status and why. Only the years
 * and streams divided over municipalities; the IZA regions' part is not in any region total.
 */
export function regionTable(
  data: BaselineData,
  allocations: readonly Allocation[],
  namen: readonly string[],
  q: { soort: RegionKind; van?: number; tot?: number; stroom?: StreamRef | null; /** Only this region. */ code?: string | null },
): Table {
  const ids = sideIds(allocations.length);
  const suffix = (k: number) => (allocations.length === 2 ? '' : `_${k}`);
  const soort = REGION_KIND_NAMES[q.soort].een;
  const kolommen: Column[] = [
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'stroom', kop: 'Stroom', soort: 'code', breedte: 22 },
    { id: 'regio', kop: `${soort} (code)`, soort: 'code' },
    { id: 'regionaam', kop: soort[0]!.toUpperCase() + soort.slice(1), soort: 'tekst', breedte: 36 },
    { id: 'gemeenten', kop: 'Aantal gemeenten', soort: 'aantal' },
    ...ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id} (euro)`, soort: 'euro' })),
    ...ids.slice(1).map((_, j): Column => ({ id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'euro' })),
    ...ids.map((id, k): Column => ({ id: `status_${id}`, kop: `Status ${namen[k] ?? id}`, soort: 'code' })),
    { id: 'status_reden', kop: 'Waarom deze status', soort: 'tekst', breedte: 60 },
  ];
  const rijen = dividedStreamYears(allocations)
    .filter((k) => (q.van === undefined || k.jaar >= q.van) && (q.tot === undefined || k.jaar <= q.tot) && (!q.stroom || k.stroom === q.stroom))
    .flatMap((k) =>
      regionTotals(data, allocations, { soort: q.soort, jaar: k.jaar, stroom: k.stroom })
        .filter((r) => !q.code || r.code === q.code)
        .map((r) => [
          r.jaar,
          k.stroom,
          r.code,
          r.naam,
          BigInt(r.gemeenten.length),
          ...r.zijden.map((z) => z.bedrag),
          ...r.verschillen.map((v) => v.verschil),
          ...r.zijden.map((z) => z.status),
          (r.zijden.find((z) => z.aanwezig)?.redenen ?? []).join('; '),
        ]),
    );
  return { naam: q.soort === 'ggd' ? "GGD-regio's" : 'Provincies', kolommen, rijen, eenheid: unitOf(allocations) };
}

/**
 * The scenario in words: first per own stream and year with an amount, its amount (not in the
 * baseline: no baseline amount) and the amount divided; then per change and year it touches, the
 * baseline's value, the scenario's, and the amount divided in both.
 */
export function descriptionTable(d: ScenarioDescription): Table {
  const kolommen: Column[] = [
    { id: 'nr', kop: 'Nr', soort: 'aantal', breedte: 6 },
    { id: 'soort', kop: 'Wijziging', soort: 'tekst', breedte: 28 },
    { id: 'stroom', kop: 'Stroom', soort: 'code', breedte: 22 },
    { id: 'geldigheid', kop: 'Geldt', soort: 'tekst', breedte: 14 },
    { id: 'waarde', kop: 'Zet', soort: 'tekst', breedte: 40 },
    { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
    { id: 'waarde_basis', kop: 'In de basis', soort: 'tekst', breedte: 40 },
    { id: 'waarde_scenario', kop: 'In het scenario', soort: 'tekst', breedte: 40 },
    { id: 'geldt_in_jaar', kop: 'Deze wijziging geldt dit jaar', soort: 'code' },
    { id: 'bedrag_basis', kop: 'Te verdelen in de basis (euro)', soort: 'euro' },
    { id: 'bedrag_scenario', kop: 'Te verdelen in het scenario (euro)', soort: 'euro' },
    { id: 'toelichting', kop: 'Toelichting', soort: 'tekst', breedte: 40 },
  ];
  const eigen = d.eigenStromen.flatMap((e) =>
    e.jaren.map((j) => [null, 'Eigen stroom', e.id, `in ${j.jaar}`, `${e.naam}; verdeelsleutel: ${e.sleutel}`, j.jaar, 'niet in de gegevens', j.bedrag, 'ja', null, j.verdeeld, e.reden]),
  );
  const rijen = [
    ...eigen,
    ...d.wijzigingen.flatMap((w) =>
      w.jaren.map((j) => [BigInt(w.nummer), w.soort, w.stroom, w.geldigheid, w.waarde, j.jaar, j.basis, j.scenario, j.geldt ? 'ja' : 'nee', j.bedragBasis, j.bedragScenario, w.toelichting]),
    ),
  ];
  return { naam: 'Beschrijving', kolommen, rijen, eenheid: d.eenheid };
}

/**
 * A period view as tables: per stream the amount of each year and the sum (`stromen`); per
 * municipality the sum over the period, the difference and per inhabitant (`gemeenten`); per
 * size class (`klassen`). `namen`: the allocations' names.
 */
export function periodTable(view: PeriodView, namen: readonly string[], wat: 'stromen' | 'gemeenten' | 'klassen', eenheid: RoundingUnit = 'euro'): Table {
  const n = namen.length;
  const ids = sideIds(n);
  const suffix = (k: number) => (n === 2 ? '' : `_${k}`);
  const periode = `${view.van}-${view.tot}`;
  const sums = ids.map((id, k): Column => ({ id, kop: `${namen[k] ?? id}, ${periode} (euro)`, soort: 'euro' }));
  const diffs = ids.slice(1).map((_, j): Column => ({ id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'euro' }));
  const statuses = ids.map((id, k): Column => ({ id: `status_${id}`, kop: `Status ${namen[k] ?? id}`, soort: 'code' }));
  if (wat === 'stromen') {
    const years = view.stromen[0]?.jaren.map((j) => j.jaar) ?? [];
    const kolommen: Column[] = [
      { id: 'stroom', kop: 'Stroom (code)', soort: 'code', breedte: 22 },
      { id: 'stroomnaam', kop: 'Stroom', soort: 'tekst', breedte: 40 },
      ...years.flatMap((jaar) => ids.map((id, k): Column => ({ id: `${id}_${jaar}`, kop: `${namen[k] ?? id} ${jaar} (euro)`, soort: 'euro' }))),
      ...sums,
      ...diffs,
      ...statuses,
    ];
    const rijen = view.stromen.map((s) => [
      s.stroom,
      s.naam,
      ...s.jaren.flatMap((j) => j.zijden.map((z) => z.bedrag)),
      ...s.som.map((z) => z.bedrag),
      ...s.verschillen.map((d) => d.verschil),
      ...s.som.map((z) => z.status),
    ]);
    return { naam: `Stromen ${periode}`, kolommen, rijen, eenheid };
  }
  const perInhabitant = ids.slice(1).map((_, j): Column => ({ id: `verschil_per_inwoner${suffix(j + 1)}`, kop: `Verschil per inwoner ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'getal' }));
  if (wat === 'gemeenten') {
    const kolommen: Column[] = [
      { id: 'gemeente', kop: 'Gemeente (code)', soort: 'code' },
      { id: 'naam', kop: 'Gemeente', soort: 'tekst', breedte: 30 },
      { id: 'inwoners', kop: 'Inwoners', soort: 'aantal' },
      ...sums,
      ...diffs,
      ...perInhabitant,
      ...statuses,
    ];
    const rijen = view.gemeenten.map((g) => [
      g.code,
      g.naam,
      g.inwoners,
      ...g.zijden.map((z) => z.bedrag),
      ...g.verschillen.map((d) => d.verschil),
      ...g.verschillen.map((d) => perInhabitantText(d.verschil, g.inwoners)),
      ...g.zijden.map((z) => z.status),
    ]);
    return { naam: `Gemeenten ${periode}`, kolommen, rijen, eenheid };
  }
  const kolommen: Column[] = [
    { id: 'klasse', kop: 'Gemeentegrootteklasse', soort: 'tekst', breedte: 30 },
    { id: 'gemeenten', kop: 'Aantal gemeenten', soort: 'aantal' },
    { id: 'inwoners', kop: 'Inwoners', soort: 'aantal' },
    ...sums,
    ...diffs,
    ...perInhabitant,
    ...statuses,
  ];
  const rijen = view.klassen.map((c) => [
    c.klasse.naam,
    BigInt(c.gemeenten),
    c.inwoners,
    ...c.zijden.map((z) => z.bedrag),
    ...c.verschillen.map((d) => d.verschil),
    ...c.verschillen.map((d) => perInhabitantText(d.verschil, c.inwoners === 0n ? null : c.inwoners)),
    ...c.zijden.map((z) => z.status),
  ]);
  return { naam: `Grootteklassen ${periode}`, kolommen, rijen, eenheid };
}
