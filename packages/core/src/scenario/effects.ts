import { LAST_YEAR, type BaselineData } from '../data/types.js';
import { formatPercent } from '../money/format.js';
import { keyOf } from '../memo/memo.js';
import { streamById } from '../streams/streams.js';
import { resolveParameters, type StreamYearParameters } from './parameters.js';
import { problem, type Problem } from './problem.js';
import type { Scenario, Wijziging } from './schema.js';

/** "2027", "2027-2030", "2027, 2029" */
function years(list: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j]! + 1) j++;
    parts.push(j === i ? String(list[i]) : `${list[i]}-${list[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The value a change of kind `soort` sets, as the parameters hold it; equal texts mean equal effect. */
function valueOf(p: StreamYearParameters, soort: Wijziging['soort'], gemeenten: number): string {
  switch (soort) {
    case 'bedrag':
      return keyOf(p.bedrag?.waarde ?? null);
    case 'korting':
      return p.korting?.waarde ?? '0';
    case 'indexatie':
      return keyOf(p.indexaties.map((i) => [i.jaar, i.percentage]));
    case 'reservering':
      return keyOf(p.reserveringen?.waarde.filter((r) => r.bedrag !== '0') ?? []);
    case 'lokaal-regionaal':
      return p.lokaalPercentage.waarde;
    case 'sleutel':
      return keyOf(p.sleutel.waarde);
    case 'deelname':
      // Everyone taking part is the same as no participation rule.
      return p.deelname === null || p.deelname.waarde.gemeenten.length === gemeenten ? 'iedereen' : keyOf(p.deelname.waarde);
    case 'verdeling':
      return p.verdeling.waarde;
  }
}

/** The origin of the value of kind `soort` in the parameters: which change set it, if any. */
function setBy(p: StreamYearParameters, soort: Wijziging['soort']): number | null {
  const o =
    soort === 'bedrag'
      ? p.bedrag?.oorsprong
      : soort === 'korting'
        ? p.korting?.oorsprong
        : soort === 'indexatie'
          ? p.indexaties.find((i) => i.jaar === p.jaar)?.oorsprong
          : soort === 'reservering'
            ? p.reserveringen?.oorsprong
            : soort === 'lokaal-regionaal'
              ? p.lokaalPercentage.oorsprong
              : soort === 'sleutel'
                ? p.sleutel.oorsprong
                : soort === 'deelname'
                  ? p.deelname?.oorsprong
                  : p.verdeling.oorsprong;
  return o?.herkomst === 'scenario' ? o.wijziging : null;
}

/** Kinds of change that only matter when the money is divided over recipients. */
const DIVISION: ReadonlySet<Wijziging['soort']> = new Set(['reservering', 'lokaal-regionaal', 'sleutel', 'deelname']);

/**
 * What each change of a scenario does, as warnings located at the change: a change that has no
 * effect at all (the stream does not run in its years, the money is not divided, a later change
 * overrides it, or it sets the value that already holds), a change that later changes partly
 * override, and a cut that replaces (not adds to) a generic cut of the baseline. A change that
 * does what it says gets no warning.
 */
export function changeEffects(data: BaselineData, scenario: Scenario): Problem[] {
  const out: Problem[] = [];
  const gemeenten = data.gemeenten.length;
  scenario.wijzigingen.forEach((w, i) => {
    const stream = streamById(w.stroom);
    const span = w.geldigheid === 'alleen-dit-jaar' ? [w.jaar] : Array.from({ length: LAST_YEAR - w.jaar + 1 }, (_, k) => w.jaar + k);
    const notRunning: number[] = [];
    const notDivided: number[] = [];
    const unknown: number[] = [];
    const overridden = new Map<number, number[]>(); // later change -> years
    const same: number[] = [];
    const effective: number[] = [];
    const replacesCut: { jaar: number; percentage: string }[] = [];
    for (const jaar of span) {
      const withIt = resolveParameters(data, scenario, w.stroom, jaar);
      if (!withIt.bedrag) {
        notRunning.push(jaar);
        continue;
      }
      const by = setBy(withIt, w.soort);
      if (by !== null && by > i) {
        overridden.set(by, [...(overridden.get(by) ?? []), jaar]);
        continue;
      }
      if (DIVISION.has(w.soort) && withIt.verdeling.waarde === 'landelijk') {
        notDivided.push(jaar);
        continue;
      }
      if (w.soort !== 'bedrag' && w.soort !== 'verdeling' && withIt.bedrag.waarde === null) {
        unknown.push(jaar);
        continue;
      }
      const without = resolveParameters(data, scenario, w.stroom, jaar, i);
      if (valueOf(withIt, w.soort, gemeenten) === valueOf(without, w.soort, gemeenten)) same.push(jaar);
      else effective.push(jaar);
      if (w.soort === 'korting' && without.korting) replacesCut.push({ jaar, percentage: without.korting.waarde });
    }
    const pad = `wijzigingen[${i}]`;
    const wat = `Wijziging ${i + 1} (${stream.naam}, ${w.geldigheid === 'alleen-dit-jaar' ? `alleen ${w.jaar}` : `vanaf ${w.jaar}`})`;
    const redenen: string[] = [];
    if (notRunning.length > 0) redenen.push(`${stream.naam} loopt niet in ${years(notRunning)}`);
    if (notDivided.length > 0) redenen.push(`het bedrag wordt in ${years(notDivided)} niet verdeeld, maar landelijk gehouden`);
    if (unknown.length > 0) redenen.push(`het landelijke bedrag is in ${years(unknown)} onbekend`);
    for (const [by, ys] of overridden) redenen.push(`in ${years(ys)} geldt wijziging ${by + 1}, die later in de lijst staat`);
    if (same.length > 0) redenen.push(`in ${years(same)} geldt die waarde al (uit de basis of een eerdere wijziging)`);
    if (effective.length === 0) {
      out.push(problem(pad, `${wat} heeft geen effect: ${redenen.join('; ')}.`));
      return;
    }
    if (overridden.size > 0) {
      const parts = [...overridden].map(([by, ys]) => `in ${years(ys)} door wijziging ${by + 1}`);
      out.push(problem(pad, `${wat} wordt gedeeltelijk overschreven: ${parts.join('; ')}. Wijzigingen van dezelfde soort tellen niet op; de laatste geldt.`));
    }
    const replaced = replacesCut.filter((c) => effective.includes(c.jaar));
    if (replaced.length > 0) {
      const pct = [...new Set(replaced.map((c) => formatPercent(c.percentage, 6)))].join(' of ');
      out.push(
        problem(
          pad,
          `${wat} vervangt in ${years(replaced.map((c) => c.jaar))} de korting van ${pct} die daar al gold; de kortingen tellen niet op.`,
        ),
      );
    }
  });
  return out;
}
