import type { BaselineData } from '../data/types.js';
import { locator } from '../scenario/json-location.js';
import { parseScenario } from '../scenario/parse.js';
import { capped, problem, type Problem } from '../scenario/problem.js';
import { formatNumber } from '../money/format.js';
import { FIRST_YEAR, LAST_YEAR } from '../data/types.js';
import type { Herindelingen, Scenario } from '../scenario/schema.js';
import { validateAgainstData } from '../scenario/validate.js';
import { changeEffects } from '../scenario/effects.js';
import { allocate } from './allocate.js';
import type { Allocation } from './types.js';

/**
 * The outcome of a scenario: the allocation with the warnings about the scenario (a change
 * without effect, a change that replaces another, a budget frame exceeded), or every problem
 * that keeps it from being computed. Problems and warnings have one shape: path, Dutch message,
 * and line and column when the scenario was given as text.
 */
export type Calculation =
  | { ok: true; scenario: Scenario; allocation: Allocation; waarschuwingen: Problem[] }
  | { ok: false; fouten: Problem[]; waarschuwingen: Problem[] };

/** Options of `allocateScenario`. */
export interface AllocateOptions {
  /**
   * In place of the scenario's own `herindelingen`: whether planned mergers apply (a shell's
   * option such as `--herindelingen`). Problems stay located in the text as given.
   */
  herindelingen?: Herindelingen;
  /**
   * Only these years (for a shell that shows one year, such as `ks-budget explain`): the
   * allocation has the results of these years alone and names them in `jaren`, and its problems
   * and budget-frame warnings are those of these years. The scenario is read and checked as a
   * whole, and a year's figures are the same as in the whole allocation.
   */
  jaren?: readonly number[];
}

/** The longest scenario text the front door reads (a real scenario is far smaller). */
export const MAX_SCENARIO_CHARS = 10_000_000;

/**
 * The front door: the one call from a scenario (a JSON text, or a value) to its allocation.
 * Parses and validates the whole scenario once, checks it against the data, says what each
 * change does, and allocates. Never throws on bad input. The result's `scenario` is the one
 * computed (with `opties.herindelingen` applied).
 */
export function allocateScenario(data: BaselineData, input: unknown, opties: AllocateOptions = {}): Calculation {
  if (typeof input === 'string' && input.length > MAX_SCENARIO_CHARS) {
    return { ok: false, fouten: [problem('scenario', `het scenario is ${formatNumber(BigInt(input.length), 0)} tekens lang; een scenario is hoogstens ${formatNumber(BigInt(MAX_SCENARIO_CHARS), 0)} tekens`)], waarschuwingen: [] };
  }
  for (const jaar of opties.jaren ?? []) {
    if (!(Number.isInteger(jaar) && jaar >= FIRST_YEAR && jaar <= LAST_YEAR)) throw new RangeError(`jaren: ${jaar} is not a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  const place = typeof input === 'string' ? locator(input) : null;
  const located = (ps: readonly Problem[]): Problem[] =>
    ps.map((p) => {
      if (p.plaats || !place || p.pad === '') return p;
      const at = place(p.pad);
      return at ? { ...p, plaats: { regel: at.line, kolom: at.column } } : p;
    });
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, fouten: located(parsed.fouten), waarschuwingen: [] };
  const scenario = opties.herindelingen === undefined ? parsed.scenario : { ...parsed.scenario, herindelingen: opties.herindelingen };
  const problems = validateAgainstData(data, scenario);
  if (problems.length > 0) return { ok: false, fouten: located(capped(problems)), waarschuwingen: [] };
  const effects = located(capped(changeEffects(data, scenario)));
  const out = allocate(data, scenario, opties.jaren);
  if (!out.ok) return { ok: false, fouten: located(out.fouten), waarschuwingen: effects };
  return { ok: true, scenario, allocation: out.allocation, waarschuwingen: [...effects, ...out.allocation.waarschuwingen] };
}
