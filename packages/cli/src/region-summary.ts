/**
 * The text of `ks-budget regio --regio ... --format text`: a region's totals per stream and
 * year with their status, its municipalities with their amounts, how its membership is
 * derived, and the decisions still to come that its figures depend on. Every figure, status and
 * reason comes from the core's views (`regionTotals`, `compareAllocations`, `membershipIn`,
 * `decisionNotices`); this module only lays them out.
 */
import {
  REGION_KIND_NAMES,
  STATUS_CODES,
  STATUS_MEANING,
  compareAllocations,
  decisionNotices,
  dividedStreamYears,
  divisionOf,
  formatEuro,
  formatSignedEuro,
  membershipIn,
  regionTotals,
  streamNameIn,
  type Allocation,
  type BaselineData,
  type Difference,
  type Region,
  type Side,
  type Status,
  type StreamRef,
} from '@kansrijke-start/core';

export interface RegionSummaryQuery {
  region: Region;
  van: number;
  tot: number;
  stroom: StreamRef | null;
  /** The allocations (the reference first) and their names. */
  allocations: readonly Allocation[];
  namen: readonly string[];
  /** What is shown, for the heading: `basis`, `scenario "X"`, `scenario "X" tegen basis`. */
  wat: string;
  /** The user's today (ISO), for the notices on decisions whose date has passed. */
  vandaag: string;
}

/** An amount of one side: `€ 1.234 (berekend)`, `onbekend (onbekend)`, or `niet van toepassing`. */
function sideText(s: Side): string {
  if (!s.aanwezig) return 'niet van toepassing';
  return `${s.bedrag === null ? 'onbekend' : formatEuro(s.bedrag, 'auto')} (${s.status})`;
}

const differenceText = (v: Difference): string => (v.verschil === null ? 'verschil onbekend' : `verschil ${formatSignedEuro(v.verschil)}`);

/** One side alone, or every side by name with the differences with the first. */
function sidesText(zijden: readonly Side[], verschillen: readonly Difference[], namen: readonly string[]): string {
  if (zijden.length === 1) return sideText(zijden[0]!);
  return [...zijden.map((z, k) => `${namen[k]}: ${sideText(z)}`), ...verschillen.map(differenceText)].join('; ');
}

/** The years as a heading: `2027` or `2027-2030`. */
const yearsText = (van: number, tot: number): string => (van === tot ? `${van}` : `${van}-${tot}`);

/** The membership of the region: how it is derived, its source, and why it is uncertain (over the years and allocations asked). */
function membershipBlock(data: BaselineData, q: RegionSummaryQuery): string {
  const kind = REGION_KIND_NAMES[q.region.soort].een;
  const redenen = new Set<string>();
  let toelichting = '';
  let bron = '';
  for (const a of q.allocations) {
    for (let jaar = q.van; jaar <= q.tot; jaar++) {
      const division = divisionOf(data, jaar, a.scenario.herindelingen);
      if (!division.verdeelbaar) continue;
      const m = membershipIn(data, division, q.region.soort);
      toelichting = m.toelichting;
      bron = m.bron;
      for (const r of m.redenen.get(q.region.code) ?? []) redenen.add(r);
    }
  }
  if (toelichting === '') {
    const m = membershipIn(data, divisionOf(data, data.indeling.van), q.region.soort);
    toelichting = m.toelichting;
    bron = m.bron;
  }
  return [`Indeling van de gemeenten bij de ${kind}: ${toelichting}`, `Herkomst: ${bron}`, ...[...redenen].map((r) => `Onzeker bij deze ${kind}: ${r}`)].join('\n');
}

/** The summary text of one region, ending with the meaning of the statuses in it. */
export function regionSummary(data: BaselineData, q: RegionSummaryQuery): string {
  const { region, allocations, namen } = q;
  const kind = REGION_KIND_NAMES[region.soort].een;
  const blocks: string[] = [`${region.naam} (${region.code}), ${kind}, ${yearsText(q.van, q.tot)}, ${q.wat}`, membershipBlock(data, q)];
  const statuses = new Set<Status>();
  const keep = (zijden: readonly Side[]) => zijden.forEach((z) => z.status && statuses.add(z.status));

  const keys = dividedStreamYears(allocations).filter((k) => k.jaar >= q.van && k.jaar <= q.tot && (q.stroom === null || k.stroom === q.stroom));
  const lines = compareAllocations(data, allocations, { van: q.van, tot: q.tot, stroom: q.stroom, regio: { soort: region.soort, code: region.code } });
  if (keys.length === 0) blocks.push(`In ${yearsText(q.van, q.tot)} worden ${q.stroom === null ? 'geen bedragen van deze stromen' : `de bedragen van ${streamNameIn(q.stroom, q.allocations)} niet`} over gemeenten verdeeld.`);
  for (const k of keys) {
    const total = regionTotals(data, allocations, { soort: region.soort, jaar: k.jaar, stroom: k.stroom }).find((r) => r.code === region.code)!;
    keep(total.zijden);
    const block = [`== ${k.jaar}, ${streamNameIn(k.stroom, allocations)} (${k.stroom}) ==`, `Samen: ${sidesText(total.zijden, total.verschillen, namen)}`];
    total.zijden.forEach((z, i) => {
      if (z.redenen.length > 0) block.push(`Waarom deze status${allocations.length > 1 ? ` (${namen[i]})` : ''}: ${z.redenen.join('; ')}`);
    });
    const notices = new Map<string, string>();
    for (const a of allocations) for (const n of decisionNotices(a.gegevens, k.stroom, k.jaar, q.vandaag)) notices.set(n.id, n.tekst);
    block.push(...notices.values());
    const own = lines.filter((l) => l.jaar === k.jaar && l.stroom === k.stroom);
    block.push(`Gemeenten (${own.length}):`);
    for (const l of own) {
      keep(l.zijden);
      block.push(`  ${l.naam} (${l.ontvanger}): ${sidesText(l.zijden, l.verschillen, namen)}`);
    }
    blocks.push(block.join('\n'));
  }
  const used = STATUS_CODES.filter((s) => statuses.has(s));
  if (used.length > 0) blocks.push(['Statussen in dit overzicht:', ...used.map((s) => `${s}: ${STATUS_MEANING[s]}`)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
