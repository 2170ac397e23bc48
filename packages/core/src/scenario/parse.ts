import { z } from 'zod';
import { MAX_CHANGES, SCENARIO_VERSION } from './format.js';
import { scenarioSchemas, type Scenario, type Wijziging } from './schema.js';
import { dutchErrors } from './messages.js';
import { checkJsonSyntax } from './json-location.js';
import { isOwnStream } from '../streams/own.js';
import { MAX_PROBLEMS, capped, cutOff, problem, type Problem } from './problem.js';

export type { Problem } from './problem.js';

/** The outcome of `parseScenario`: the scenario, or every problem with its path (and, for text, line and column). */
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
  try {
    return parseValue(value);
  } catch (e) {
    // zod does not throw on data, but a hostile object (a throwing getter) could.
    return { ok: false, fouten: [problem('scenario', `het scenario kon niet worden gelezen (${String(e).slice(0, 200)})`)] };
  }
}

/**
 * The scenario's own fields are checked first, then its changes one by one, so that reading
 * stops after MAX_PROBLEMS problems instead of collecting every problem of a huge input.
 */
const buildHead = () =>
  scenarioSchemas().scenario.extend({
    wijzigingen: z
      .array(z.unknown(), { error: 'wijzigingen moet een lijst zijn' })
      .max(MAX_CHANGES, { error: (iss) => `een scenario heeft hoogstens ${MAX_CHANGES} wijzigingen, niet ${(iss.input as unknown[]).length}` }),
  });
let head: ReturnType<typeof buildHead> | null = null;
/** The scenario's own fields (its changes as a list of anything), built when first needed. */
const headSchema = (): ReturnType<typeof buildHead> => (head ??= buildHead());

function parseValue(value: unknown): ParseResult {
  const plain = withoutChanges(value);
  if (plain) return { ok: true, scenario: plain };
  const head = headSchema().safeParse(value, { error: dutchErrors });
  const fouten: Problem[] = head.success ? [] : issuesToProblems(head.error.issues);
  if (fouten.length >= MAX_PROBLEMS) return { ok: false, fouten: capped(fouten) };
  // The changes are read even when the scenario's own fields have problems, so that all are reported.
  const raw = head.success ? head.data.wijzigingen : (value as { wijzigingen?: unknown } | null)?.wijzigingen;
  const list = Array.isArray(raw) && raw.length <= MAX_CHANGES ? raw : [];
  const wijzigingen: Wijziging[] = [];
  const wijzigingSchema = scenarioSchemas().wijziging;
  for (let i = 0; i < list.length; i++) {
    const w = wijzigingSchema.safeParse(list[i], { error: dutchErrors });
    if (w.success) wijzigingen.push(w.data);
    else {
      for (const iss of w.error.issues) fouten.push(problem(formatPath(['wijzigingen', i, ...iss.path]), iss.message));
      if (fouten.length >= MAX_PROBLEMS) return { ok: false, fouten: [...fouten.slice(0, MAX_PROBLEMS), cutOff()] };
    }
  }
  if (!head.success || fouten.length > 0) return { ok: false, fouten };
  const scenario: Scenario = { ...head.data, wijzigingen };
  const own = ownStreamProblems(scenario);
  if (own.length > 0) return { ok: false, fouten: capped(own) };
  return { ok: true, scenario };
}

/** The fields of a scenario that `withoutChanges` reads, in the order of the schema. */
const HEAD_FIELDS: ReadonlySet<string> = new Set(['versie', 'naam', 'omschrijving', 'afronding', 'herindelingen', 'wijzigingen']);

/**
 * A scenario with no changes and no own streams whose fields are plainly valid, such as the
 * empty scenario a shell computes the baseline with, read without the zod schemas (building
 * them is most of the cost of reading it): the same scenario the schemas give, with the same
 * defaults, in the same order. Null for anything else, or anything in doubt (an absent field
 * written as undefined, an object that is not plain): the schemas then read it.
 */
export function withoutChanges(value: unknown): Scenario | null {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return null;
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!HEAD_FIELDS.has(k) || v[k] === undefined) return null;
  const { versie, naam, omschrijving, afronding = 'euro', herindelingen = 'gepland', wijzigingen } = v;
  if (versie !== SCENARIO_VERSION || typeof naam !== 'string' || naam.length > 200) return null;
  if (omschrijving !== undefined && (typeof omschrijving !== 'string' || omschrijving.length > 5000)) return null;
  if ((afronding !== 'euro' && afronding !== 'cent') || (herindelingen !== 'gepland' && herindelingen !== 'zonder')) return null;
  if (!Array.isArray(wijzigingen) || wijzigingen.length !== 0) return null;
  return omschrijving === undefined
    ? { versie: SCENARIO_VERSION, naam, afronding, herindelingen, wijzigingen: [] }
    : { versie: SCENARIO_VERSION, naam, omschrijving, afronding, herindelingen, wijzigingen: [] };
}

/**
 * The own streams of a scenario: each id once, and every change that names an own stream names
 * one the scenario declares in `eigenStromen`.
 */
export function ownStreamProblems(scenario: Scenario): Problem[] {
  const out: Problem[] = [];
  const declared = new Set<string>();
  (scenario.eigenStromen ?? []).forEach((e, j) => {
    if (declared.has(e.id)) out.push(problem(`eigenStromen[${j}].id`, `de eigen stroom ${e.id} staat er twee keer in; geef elke eigen stroom een eigen id`));
    declared.add(e.id);
  });
  scenario.wijzigingen.forEach((w, i) => {
    if (isOwnStream(w.stroom) && !declared.has(w.stroom)) {
      const known = [...declared];
      out.push(
        problem(
          `wijzigingen[${i}].stroom`,
          `de eigen stroom ${w.stroom} bestaat niet in dit scenario; ${known.length === 0 ? 'voeg haar toe onder "eigenStromen"' : `voeg haar toe onder "eigenStromen" of kies uit ${known.join(', ')}`}`,
        ),
      );
    }
  });
  return out;
}

/** The canonical JSON text of a scenario (numbers as decimal strings), stable for round trips. */
export function serializeScenario(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2);
}
