import type { BaselineData } from '../data/types.js';
import { ownStreamOf, resolveParameters } from '../scenario/parameters.js';
import type { StreamRef } from '../streams/own.js';
import { STREAM_IDS, YEARS } from '../data/types.js';
import type { Scenario } from '../scenario/schema.js';
import { problem, type Problem } from '../scenario/problem.js';
import { allocateStreamYear } from './stream-year.js';
import { frameWarnings } from './frame-check.js';
import type { Allocation, AllocationLine, StreamYearResult } from './types.js';
import { yearRanges } from '../dates/dates.js';

export type AllocationOutcome = { ok: true; allocation: Allocation } | { ok: false; fouten: Problem[] };

/**
 * Computes the whole allocation of a validated scenario: every stream, every year, every
 * recipient. Numbers that do not fit (a minimum too large, a reservation over the amount) come
 * back as Dutch problems, and nothing is half applied. Applications use `allocateScenario`,
 * which validates first. With `jaren`, only those years (see `AllocateOptions.jaren`).
 */
export function allocate(data: BaselineData, scenario: Scenario, jaren?: readonly number[]): AllocationOutcome {
  const resultaten: StreamYearResult[] = [];
  const fouten: Problem[] = [];
  // The streams of the data, then the scenario's own streams in the order it declares them.
  const streams: StreamRef[] = [...STREAM_IDS, ...(scenario.eigenStromen ?? []).map((e) => e.id)];
  const years = jaren ? YEARS.filter((y) => jaren.includes(y)) : YEARS;
  for (const stroom of streams) {
    for (const jaar of years) {
      const r = allocateStreamYear(data, scenario, stroom, jaar);
      if (!r.ok) fouten.push(problem(culprit(data, scenario, stroom, jaar), r.bericht));
      else if (r.result) resultaten.push(r.result);
    }
  }
  if (fouten.length > 0) return { ok: false, fouten: mergeYears(fouten) };
  return {
    ok: true,
    allocation: {
      scenario,
      gegevens: { versie: data.versie, bronnen: data.bronnen, besluiten: data.besluiten },
      eenheid: scenario.afronding === 'cent' ? 1n : 100n,
      resultaten,
      waarschuwingen: frameWarnings(resultaten),
      ...(jaren ? { jaren: years } : {}),
    },
  };
}

/**
 * The path of the change a failed (stream, year) most likely comes from: the last change that
 * sets its amount, reservations, participation or key; for an own stream without such a change,
 * the stream itself; `scenario` when none does.
 */
function culprit(data: BaselineData, scenario: Scenario, stroom: StreamRef, jaar: number): string {
  const p = resolveParameters(data, scenario, stroom, jaar);
  const indices = [p.bedrag?.oorsprong, p.reserveringen?.oorsprong, p.deelname?.oorsprong, p.sleutel.oorsprong, p.lokaalPercentage.oorsprong]
    .flatMap((o) => (o?.herkomst === 'scenario' ? [o.wijziging] : []));
  if (indices.length > 0) return `wijzigingen[${Math.max(...indices)}]`;
  const own = ownStreamOf(scenario, stroom);
  if (!own) return 'scenario';
  const amount = p.bedrag?.oorsprong;
  return amount?.herkomst === 'eigen-stroom' && amount.bedrag ? `eigenStromen[${own.index}].bedragen[${amount.bedrag.index}]` : `eigenStromen[${own.index}]`;
}

/**
 * The same problem in several years of a stream ("... (stroom, 2027)", "... (stroom, 2028)") as
 * one problem with the years together ("... (stroom, 2027-2030)"), at the place of the first.
 */
function mergeYears(fouten: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  const years = new Map<string, { at: number; jaren: number[] }>();
  for (const f of fouten) {
    const m = /^(.*) \(([a-z0-9:-]+), (\d{4})\)$/s.exec(f.bericht);
    if (!m) {
      out.push(f);
      continue;
    }
    const key = `${f.pad}|${m[1]}|${m[2]}`;
    const seen = years.get(key);
    if (seen) seen.jaren.push(Number(m[3]));
    else {
      years.set(key, { at: out.length, jaren: [Number(m[3])] });
      out.push(f);
    }
  }
  for (const [key, { at, jaren }] of years) {
    if (jaren.length === 1) continue;
    const [, stem, stroom] = /^[^|]*\|(.*)\|([^|]*)$/s.exec(key)!;
    out[at] = { ...out[at]!, bericht: `${stem} (${stroom}, ${yearRanges(jaren)})` };
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
