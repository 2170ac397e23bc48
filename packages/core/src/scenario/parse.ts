import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { dutchErrors } from './messages.js';
import { checkJsonSyntax } from './json-location.js';

/** One problem in user input: where (a readable path) and what (Dutch). */
export interface Problem {
  pad: string;
  bericht: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; fouten: Problem[] };

/** `wijzigingen[2].sleutel.gewichten[0].gewicht`; the root is called `scenario`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? 'scenario' : out;
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((i) => ({ pad: formatPath(i.path), bericht: i.message }));
}

/**
 * Parses and validates a whole scenario: from JSON text or from an already parsed value. Never
 * throws; any input (arbitrary JSON, wrong types, unknown fields) gives Dutch messages with the
 * path of each problem. Nothing is applied until the whole scenario is valid.
 */
export function parseScenario(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      const p = checkJsonSyntax(input);
      const where = p ? `regel ${p.line}, kolom ${p.column}: ${p.bericht}` : 'de tekst is geen JSON';
      return { ok: false, fouten: [{ pad: 'scenario', bericht: `dit is geen geldige JSON (${where})` }] };
    }
  }
  let result;
  try {
    result = scenarioSchema.safeParse(value, { error: dutchErrors });
  } catch (e) {
    // zod does not throw on data, but a hostile object (a throwing getter) could.
    return { ok: false, fouten: [{ pad: 'scenario', bericht: `het scenario kon niet worden gelezen (${String(e)})` }] };
  }
  if (!result.success) return { ok: false, fouten: issuesToProblems(result.error.issues) };
  return { ok: true, scenario: result.data };
}

/** The canonical JSON text of a scenario (numbers as decimal strings), stable for round trips. */
export function serializeScenario(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2);
}
