import type { BaselineData } from '../data/types.js';
import { locator } from '../scenario/json-location.js';
import { parseScenario } from '../scenario/parse.js';
import type { Problem } from '../scenario/problem.js';
import type { Scenario } from '../scenario/schema.js';
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

/**
 * The front door: the one call from a scenario (a JSON text, or a value) to its allocation.
 * Parses and validates the whole scenario once, checks it against the data, says what each
 * change does, and allocates. Never throws on bad input.
 */
export function allocateScenario(data: BaselineData, input: unknown): Calculation {
  const place = typeof input === 'string' ? locator(input) : null;
  const located = (ps: readonly Problem[]): Problem[] =>
    ps.map((p) => {
      if (p.plaats || !place) return p;
      const at = place(p.pad);
      return at ? { ...p, plaats: { regel: at.line, kolom: at.column } } : p;
    });
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, fouten: located(parsed.fouten), waarschuwingen: [] };
  const scenario = parsed.scenario;
  const problems = validateAgainstData(data, scenario);
  if (problems.length > 0) return { ok: false, fouten: located(problems), waarschuwingen: [] };
  const effects = located(changeEffects(data, scenario));
  const out = allocate(data, scenario);
  if (!out.ok) return { ok: false, fouten: located(out.fouten), waarschuwingen: effects };
  return { ok: true, scenario, allocation: out.allocation, waarschuwingen: [...effects, ...out.allocation.waarschuwingen] };
}
