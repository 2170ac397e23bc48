/**
 * A scenario file from disk, or the baseline: the text is read and handed to the core's front
 * door (`allocateScenario`), which parses, validates, checks against the data, says what each
 * change does and allocates. Every problem and warning is written with `formatProblem`, e.g.
 * `scenario.json, regel 7, kolom 15 (wijzigingen[0].jaar): het jaar moet 2030 of eerder zijn`.
 */
import {
  allocateScenario,
  emptyScenario,
  formatProblem,
  type Allocation,
  type BaselineData,
  type AllocateOptions,
  type Calculation,
  type Herindelingen,
  type Problem,
  type Scenario,
} from '@kansrijke-start/core';
import { InputError } from './errors.js';
import { fileName, readTextFile } from './io.js';
import type { Io } from './output.js';

/** A computed scenario (or the baseline) with where it came from. */
export interface Loaded {
  /** The name used in messages: the file as given, `standaardinvoer` for `-`, null for the baseline. */
  bestand: string | null;
  scenario: Scenario;
  allocation: Allocation;
  waarschuwingen: readonly Problem[];
}

export { fileName };

/**
 * A text that does not start like a scenario (a JSON object, `{`) is not a scenario file at
 * all (a password file, a CSV, a binary file): the problem says so, with where the text starts,
 * and never quotes it. An empty text is left to the core ("het bestand is leeg").
 */
function notJson(text: string): Problem | null {
  const m = /^[ \t\r\n]*/.exec(text)!;
  const at = m[0].length;
  if (at === text.length || text[at] === '{') return null;
  const before = text.slice(0, at);
  const lines = before.split(/\r\n|\r|\n/);
  return {
    pad: 'scenario',
    bericht: 'dit bestand is geen scenario in JSON: een scenariobestand is een JSON-object en begint met "{" (zie "ks-budget schema")',
    plaats: { regel: lines.length, kolom: lines.at(-1)!.length + 1 },
  };
}

/** The options of the front door: --herindelingen when given, and the years a command shows when it shows some (`AllocateOptions.jaren`). */
const optionsOf = (herindelingen: Herindelingen | null, jaren?: readonly number[]): AllocateOptions => ({ ...(herindelingen === null ? {} : { herindelingen }), ...(jaren ? { jaren } : {}) });

/** Reads a scenario file (or `-`) and computes it with the core; never throws on bad content. */
export function calculateFile(data: BaselineData, file: string, herindelingen: Herindelingen | null = null, jaren?: readonly number[]): Calculation {
  const text = readTextFile(file, 'scenario');
  const wrong = notJson(text);
  if (wrong) return { ok: false, fouten: [wrong], waarschuwingen: [] };
  return allocateScenario(data, text, optionsOf(herindelingen, jaren));
}

/** The baseline: the empty scenario through the same front door (with --herindelingen when given). */
export function baseline(data: BaselineData, herindelingen: Herindelingen | null = null, jaren?: readonly number[]): Loaded {
  const out = allocateScenario(data, emptyScenario(), optionsOf(herindelingen, jaren));
  if (!out.ok) throw new Error(`de basis kan niet worden berekend: ${out.fouten.map((p) => formatProblem(p)).join('; ')}`);
  return { bestand: null, scenario: out.scenario, allocation: out.allocation, waarschuwingen: out.waarschuwingen };
}

/**
 * The scenario in a file, or the baseline when no file is given. A scenario that cannot be
 * computed is an input error listing every problem (and the warnings found before it).
 * `herindelingen` (--herindelingen) replaces the scenario's choice of the planned mergers;
 * with `jaren` only those years are computed (a command that shows one year).
 */
export function loadScenario(file: string | undefined, data: BaselineData, herindelingen: Herindelingen | null = null, jaren?: readonly number[]): Loaded {
  if (file === undefined) return baseline(data, herindelingen, jaren);
  const bestand = fileName(file);
  const out = calculateFile(data, file, herindelingen, jaren);
  if (!out.ok) {
    throw new InputError([
      ...out.fouten.map((p) => formatProblem(p, bestand)),
      ...out.waarschuwingen.map((w) => `waarschuwing: ${formatProblem(w, bestand)}`),
    ]);
  }
  return { bestand, scenario: out.scenario, allocation: out.allocation, waarschuwingen: out.waarschuwingen };
}

/** The warnings of a scenario as texts (`bestand, regel 5, kolom 5 (wijzigingen[0]): ...`). */
export function warningTexts(l: Loaded): string[] {
  return l.waarschuwingen.map((w) => formatProblem(w, l.bestand ?? undefined));
}

/** Writes the warnings on stderr, one `waarschuwing: ...` line each. */
export function reportWarnings(io: Io, ...loaded: readonly Loaded[]): void {
  for (const l of loaded) for (const w of warningTexts(l)) io.err(`waarschuwing: ${w}\n`);
}
