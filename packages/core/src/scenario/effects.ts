import { firstPlannedYear, plannedSuccessions } from '../municipalities/division.js';
import { formatDate } from '../dates/dates.js';
import { FIRST_YEAR, LAST_YEAR, STREAM_IDS, type BaselineData } from '../data/types.js';
import { formatPercent } from '../money/format.js';
import { keyOf } from '../memo/memo.js';
import { streamName, type StreamRef } from '../streams/own.js';
import { baseParameters, lastChange } from './parameters.js';
import { problem, type Problem } from './problem.js';
import type { Scenario, Sleutel, Wijziging } from './schema.js';
import { yearRanges } from '../dates/dates.js';

/**
 * What holds for one kind of parameter of (stream, year) under the scenario without change
 * `skip` (-1: with every change): its value as comparable text, and the change that sets it
 * (null: the baseline). Looks up only that kind, not every parameter.
 */
function holds(data: BaselineData, scenario: Scenario, soort: Wijziging['soort'], stroom: StreamRef, jaar: number, skip: number): { waarde: string; door: number | null } {
  const base = baseParameters(data, scenario, stroom, jaar);
  if (soort === 'indexatie') {
    const list: string[] = [];
    let door: number | null = null;
    for (let y = jaar; y >= FIRST_YEAR; y--) {
      const c = lastChange(scenario, 'indexatie', stroom, y, skip);
      if (y === jaar) door = c?.index ?? null;
      if (c && c.w.percentage !== '0') list.push(`${y}:${c.w.percentage}`);
    }
    return { waarde: list.join(','), door };
  }
  const c = lastChange(scenario, soort, stroom, jaar, skip);
  const door = c?.index ?? null;
  const w = c?.w;
  switch (soort) {
    case 'bedrag':
      return { waarde: keyOf(w?.soort === 'bedrag' ? w.bedrag : (base.bedrag?.waarde ?? null)), door };
    case 'korting':
      return { waarde: w?.soort === 'korting' ? w.percentage : (base.korting?.waarde ?? '0'), door };
    case 'reservering':
      return { waarde: keyOf(w?.soort === 'reservering' ? w.ontvangers.filter((r) => r.bedrag !== '0') : []), door };
    case 'lokaal-regionaal':
      // The scale matters only when there is a regional part.
      return { waarde: w?.soort === 'lokaal-regionaal' ? `${w.lokaalPercentage}|${w.lokaalPercentage === '100' ? 'iza' : (w.regio ?? 'iza')}` : `${base.lokaalPercentage.waarde}|iza`, door };
    case 'sleutel':
      return { waarde: keyOf(w?.soort === 'sleutel' ? w.sleutel : base.sleutel.waarde), door };
    case 'deelname':
      // Everyone taking part is the same as no participation rule.
      return { waarde: w?.soort === 'deelname' && w.gemeenten.length !== data.gemeenten.length ? keyOf([w.gemeenten, w.nietDeelnemers]) : 'iedereen', door };
    case 'verdeling':
      return { waarde: w?.soort === 'verdeling' ? w.verdeling : base.verdeling.waarde, door };
    case 'ingroeipad':
      // The year of the path matters (the allowed change grows each year), so the start year is part of the value.
      return { waarde: w?.soort === 'ingroeipad' ? keyOf([w.jaar, w.perInwoner ?? null, w.percentage ?? null]) : 'geen', door };
  }
}

/** Kinds of change that only matter when the money is divided over recipients. */
const DIVISION: ReadonlySet<Wijziging['soort']> = new Set(['reservering', 'lokaal-regionaal', 'sleutel', 'deelname', 'ingroeipad']);

/**
 * What each change of a scenario does, as warnings located at the change: a change that has no
 * effect at all (the stream does not run in its years, the money is not divided, a later change
 * overrides it, or it sets the value that already holds), a change that later changes partly
 * override, and a cut that replaces (not adds to) a generic cut of the baseline. A change that
 * does what it says gets no warning.
 */
export function changeEffects(data: BaselineData, scenario: Scenario): Problem[] {
  const out: Problem[] = [];
  const merger = mergerChoiceEffect(data, scenario);
  if (merger) out.push(merger);
  out.push(...ownStreamEffects(data, scenario));
  scenario.wijzigingen.forEach((w, i) => {
    const stream = { naam: streamName(w.stroom, scenario) };
    const span = w.geldigheid === 'alleen-dit-jaar' ? [w.jaar] : Array.from({ length: LAST_YEAR - w.jaar + 1 }, (_, k) => w.jaar + k);
    const notRunning: number[] = [];
    const notDivided: number[] = [];
    const unknown: number[] = [];
    const overridden = new Map<number, number[]>(); // later change -> years
    const same: number[] = [];
    const effective: number[] = [];
    const replacesCut: { jaar: number; percentage: string }[] = [];
    for (const jaar of span) {
      const amount = holds(data, scenario, 'bedrag', w.stroom, jaar, -1);
      if (amount.door === null && !baseParameters(data, scenario, w.stroom, jaar).bedrag) {
        notRunning.push(jaar);
        continue;
      }
      const withIt = w.soort === 'bedrag' ? amount : holds(data, scenario, w.soort, w.stroom, jaar, -1);
      if (withIt.door !== null && withIt.door > i) {
        overridden.set(withIt.door, [...(overridden.get(withIt.door) ?? []), jaar]);
        continue;
      }
      if (DIVISION.has(w.soort) && holds(data, scenario, 'verdeling', w.stroom, jaar, -1).waarde === 'landelijk') {
        notDivided.push(jaar);
        continue;
      }
      if (w.soort !== 'bedrag' && w.soort !== 'verdeling' && amount.waarde === 'null') {
        unknown.push(jaar);
        continue;
      }
      const without = holds(data, scenario, w.soort, w.stroom, jaar, i);
      if (withIt.waarde === without.waarde) same.push(jaar);
      else effective.push(jaar);
      if (w.soort === 'korting' && (without.door !== null || baseParameters(data, scenario, w.stroom, jaar).korting)) replacesCut.push({ jaar, percentage: without.waarde });
    }
    const pad = `wijzigingen[${i}]`;
    const wat = `Wijziging ${i + 1} (${stream.naam}, ${w.geldigheid === 'alleen-dit-jaar' ? `alleen ${w.jaar}` : `vanaf ${w.jaar}`})`;
    const redenen: string[] = [];
    if (notRunning.length > 0) redenen.push(`${stream.naam} loopt niet in ${yearRanges(notRunning)}`);
    if (notDivided.length > 0) redenen.push(`het bedrag wordt in ${yearRanges(notDivided)} niet verdeeld, maar landelijk gehouden`);
    if (unknown.length > 0) redenen.push(`het landelijke bedrag is in ${yearRanges(unknown)} onbekend`);
    for (const [by, ys] of overridden) redenen.push(`in ${yearRanges(ys)} geldt wijziging ${by + 1}, die later in de lijst staat`);
    if (same.length > 0) redenen.push(`in ${yearRanges(same)} geldt die waarde al (uit de basis of een eerdere wijziging)`);
    if (effective.length === 0) {
      out.push(problem(pad, `${wat} heeft geen effect: ${redenen.join('; ')}.`));
      return;
    }
    if (overridden.size > 0) {
      const parts = [...overridden].map(([by, ys]) => `in ${yearRanges(ys)} door wijziging ${by + 1}`);
      out.push(problem(pad, `${wat} wordt gedeeltelijk overschreven: ${parts.join('; ')}. Wijzigingen van dezelfde soort tellen niet op; de laatste geldt.`));
    }
    out.push(...mergerNotes(data, scenario, w, pad, wat, effective));
    const replaced = replacesCut.filter((c) => effective.includes(c.jaar));
    if (replaced.length > 0) {
      const pct = [...new Set(replaced.map((c) => formatPercent(c.percentage, 6)))].join(' of ');
      out.push(
        problem(
          pad,
          `${wat} vervangt in ${yearRanges(replaced.map((c) => c.jaar))} de korting van ${pct} die daar al gold; de kortingen tellen niet op.`,
        ),
      );
    }
  });
  return out;
}

/**
 * A participation list or a table key that names a municipality which a planned merger takes
 * in, for years in which the merger applies: what the product does with it (the successor takes
 * part when one of its parts is listed; a table value adds to the successor's), said at the change.
 */
function mergerNotes(data: BaselineData, scenario: Scenario, w: Wijziging, pad: string, wat: string, effective: readonly number[]): Problem[] {
  if (scenario.herindelingen !== 'gepland') return [];
  const codes = w.soort === 'deelname' ? w.gemeenten : w.soort === 'sleutel' && w.sleutel.type === 'tabel' ? w.sleutel.waarden.map((v) => v.code) : null;
  const out: Problem[] = [];
  if (w.soort === 'sleutel') out.push(...keyAmountMergerNotes(data, w.sleutel, pad, wat, effective));
  if (!codes) return out;
  const listed = new Set(codes);
  for (const m of plannedSuccessions(data)) {
    const affected = effective.filter((j) => j >= m.jaar);
    const gone = m.opgeheven.filter((g) => listed.has(g.code) && g.code !== m.opvolger.code);
    if (affected.length === 0 || gone.length === 0) continue;
    const names = gone.map((g) => `${g.naam} (${g.code})`).join(', ');
    const what =
      w.soort === 'deelname'
        ? `neemt ${m.opvolger.naam} deel, omdat een van zijn delen op de lijst staat`
        : `telt de waarde op bij die van ${m.opvolger.naam} (opgeteld vóór de afronding)`;
    out.push(
      problem(
        pad,
        `${wat}: ${names} gaat per ${formatDate(m.datum)} op in ${m.opvolger.naam} (${m.opvolger.code}) volgens de geplande samenvoeging; in ${yearRanges(affected)} ${what}. Met "herindelingen": "zonder" blijft ${gone.length === 1 ? 'de gemeente' : 'elke gemeente'} apart.`,
      ),
    );
  }
  return out;
}

/**
 * Fixed or base amounts of a key for a municipality that a planned merger takes in: from the
 * merger on, the successor has the sum of its parts' amounts (as for participation); said at the change.
 */
function keyAmountMergerNotes(data: BaselineData, sleutel: Sleutel, pad: string, wat: string, effective: readonly number[]): Problem[] {
  const out: Problem[] = [];
  const lists = [
    [sleutel.vasteBedragen, 'het vaste bedrag'],
    [sleutel.basisbedragen, 'het basisbedrag'],
  ] as const;
  for (const [list, what] of lists) {
    if (!list || list.length === 0) continue;
    const listed = new Set(list.map((e) => e.code));
    for (const m of plannedSuccessions(data)) {
      const affected = effective.filter((j) => j >= m.jaar);
      const gone = m.opgeheven.filter((g) => listed.has(g.code) && g.code !== m.opvolger.code);
      if (affected.length === 0 || gone.length === 0) continue;
      const names = gone.map((g) => `${g.naam} (${g.code})`).join(', ');
      out.push(
        problem(
          pad,
          `${wat}: ${names} gaat per ${formatDate(m.datum)} op in ${m.opvolger.naam} (${m.opvolger.code}) volgens de geplande samenvoeging; in ${yearRanges(affected)} telt ${what} mee voor ${m.opvolger.naam} (opgeteld bij dat van de andere delen). Met "herindelingen": "zonder" blijft ${gone.length === 1 ? 'de gemeente' : 'elke gemeente'} apart.`,
        ),
      );
    }
  }
  return out;
}

/**
 * What the declaration of each own stream does: an amount that a later amount of the stream
 * overrides in every year it touches has no effect, and a fixed or base amount of its key for a
 * municipality that a planned merger takes in counts for the successor (said as for a change).
 */
function ownStreamEffects(data: BaselineData, scenario: Scenario): Problem[] {
  const out: Problem[] = [];
  (scenario.eigenStromen ?? []).forEach((e, j) => {
    const pad = `eigenStromen[${j}]`;
    const held = new Set<number>();
    e.bedragen.forEach((b, k) => {
      const span = b.geldigheid === 'alleen-dit-jaar' ? [b.jaar] : Array.from({ length: LAST_YEAR - b.jaar + 1 }, (_, x) => b.jaar + x);
      const by = new Map<number, number[]>();
      let holdsSomewhere = false;
      for (const jaar of span) {
        const o = baseParameters(data, scenario, e.id, jaar).bedrag?.oorsprong;
        const at = o?.herkomst === 'eigen-stroom' && o.bedrag ? o.bedrag.index : -1;
        if (at === k) holdsSomewhere = true;
        else if (at > k) by.set(at, [...(by.get(at) ?? []), jaar]);
        if (at >= 0) held.add(jaar);
      }
      if (!holdsSomewhere) {
        const parts = [...by].map(([m, ys]) => `in ${yearRanges(ys)} geldt bedrag ${m + 1}, dat later in de lijst staat`);
        out.push(problem(`${pad}.bedragen[${k}]`, `Bedrag ${k + 1} van de eigen stroom “${e.naam}” heeft geen effect: ${parts.join('; ')}.`));
      }
    });
    if (scenario.herindelingen === 'gepland') {
      out.push(...keyAmountMergerNotes(data, e.sleutel, `${pad}.sleutel`, `De eigen stroom “${e.naam}”`, [...held].sort((a, b) => a - b)));
    }
  });
  return out;
}

/**
 * `"herindelingen": "zonder"` only matters where money is divided over municipalities in a year
 * a planned merger applies to; otherwise it has no effect, and that is said.
 */
function mergerChoiceEffect(data: BaselineData, scenario: Scenario): Problem | null {
  if (scenario.herindelingen !== 'zonder') return null;
  const first = firstPlannedYear(data);
  const pad = 'herindelingen';
  if (first === null) return problem(pad, '"herindelingen": "zonder" heeft geen effect: de gegevens kennen geen geplande herindelingen.');
  for (const stroom of [...STREAM_IDS, ...(scenario.eigenStromen ?? []).map((e) => e.id)]) {
    for (let jaar = first; jaar <= LAST_YEAR; jaar++) {
      const runs = holds(data, scenario, 'bedrag', stroom, jaar, -1);
      const running = runs.door !== null ? runs.waarde !== keyOf(null) : baseParameters(data, scenario, stroom, jaar).bedrag?.waarde != null;
      if (running && holds(data, scenario, 'verdeling', stroom, jaar, -1).waarde === 'gemeenten') return null;
    }
  }
  return problem(pad, `"herindelingen": "zonder" heeft geen effect: vanaf ${first}, het eerste jaar van een geplande herindeling, wordt in dit scenario geen bedrag over gemeenten verdeeld.`);
}
