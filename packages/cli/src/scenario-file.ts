/**
 * A scenario file from disk: JSON syntax checked first (with line and column), then the whole
 * scenario validated by the core, then checked against the data. Every problem is reported
 * with its place in the file and its path, e.g.
 * `scenario.json, regel 7, kolom 15 (wijzigingen[0].jaar): het jaar moet 2030 of eerder zijn`.
 */
import {
  allocate,
  emptyScenario,
  parseScenario,
  validateAgainstData,
  type Allocation,
  type BaselineData,
  type Problem,
  type Scenario,
} from '@kansrijke-start/core';
import { InputError } from './errors.js';
import { readTextFile } from './io.js';
import { checkJsonSyntax, locatePath, parsePath } from '@kansrijke-start/core';

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; meldingen: string[] };

/** The message for one problem: file, line and column where the path can be found, then the path. */
export function placeProblem(file: string, text: string, p: Problem): string {
  const at = locatePath(text, parsePath(p.pad));
  const where = at ? `${file}, regel ${at.line}, kolom ${at.column}` : file;
  return `${where} (${p.pad}): ${p.bericht}`;
}

/** Checks a scenario text completely; never throws on bad input. */
export function checkScenarioText(file: string, text: string, data: BaselineData): ScenarioCheck {
  const syntax = checkJsonSyntax(text);
  if (syntax) return { ok: false, meldingen: [`${file}, regel ${syntax.line}, kolom ${syntax.column}: geen geldige JSON: ${syntax.bericht}`] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseScenario(JSON.parse(body) as unknown);
  if (!parsed.ok) return { ok: false, meldingen: parsed.fouten.map((p) => placeProblem(file, text, p)) };
  const problems = validateAgainstData(data, parsed.scenario);
  if (problems.length > 0) return { ok: false, meldingen: problems.map((p) => placeProblem(file, text, p)) };
  return { ok: true, scenario: parsed.scenario };
}

/** Allocates a valid scenario; numbers that do not fit (a reservation above the amount) are input errors. */
export function allocateOrFail(data: BaselineData, scenario: Scenario, file: string | null): Allocation {
  const r = allocate(data, scenario);
  if (!r.ok) throw new InputError(r.fouten.map((p) => `${file ?? 'basis'}: ${p.pad}: ${p.bericht}`));
  return r.allocation;
}

/** The scenario in a file, or the baseline (the empty scenario) when no file is given. */
export function loadScenario(file: string | undefined, data: BaselineData): { scenario: Scenario; file: string | null } {
  if (file === undefined) return { scenario: emptyScenario(), file: null };
  const checked = checkScenarioText(file, readTextFile(file), data);
  if (!checked.ok) throw new InputError(checked.meldingen);
  return { scenario: checked.scenario, file };
}
