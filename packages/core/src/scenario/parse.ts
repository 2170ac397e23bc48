import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { dutchErrors } from './messages.js';
import { checkJsonSyntax } from './json-location.js';
import { problem, type Problem } from './problem.js';

export type { Problem } from './problem.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; fouten: Problem[] };

/** `wijzigingen[2].sleutel.gewichten[0].gewicht`; the root is called `scenario`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? 'scenario' : out;
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((i) => problem(formatPath(i.path), i.message));
}

/**
 * Parses and validates a whole scenario: from JSON text or from an already parsed value. Never
 * throws; any input (arbitrary JSON, wrong types, unknown fields) gives Dutch messages with the
 * path of each problem (and for text with a syntax error, its line and column). Nothing is
 * applied until the whole scenario is valid. Applications use `allocateScenario`, which also
 * locates every problem in the text and checks the scenario against the data.
 */
export function parseScenario(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    const syntax = checkJsonSyntax(input);
    if (syntax) {
      return { ok: false, fouten: [problem('scenario', `dit is geen geldige JSON: ${syntax.bericht}`, { regel: syntax.line, kolom: syntax.column })] };
    }
    value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  }
  let result;
  try {
    result = scenarioSchema.safeParse(value, { error: dutchErrors });
  } catch (e) {
    // zod does not throw on data, but a hostile object (a throwing getter) could.
    return { ok: false, fouten: [problem('scenario', `het scenario kon niet worden gelezen (${String(e)})`)] };
  }
  if (!result.success) return { ok: false, fouten: issuesToProblems(result.error.issues) };
  return { ok: true, scenario: result.data };
}

/** The canonical JSON text of a scenario (numbers as decimal strings), stable for round trips. */
export function serializeScenario(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2);
}
