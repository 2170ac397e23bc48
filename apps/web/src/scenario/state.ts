import { computed, signal } from '@preact/signals';
import {
  allocate,
  baselineData,
  emptyScenario,
  parseScenario,
  validateAgainstData,
  type Allocation,
  type AllocationOutcome,
  type Problem,
  type Scenario,
} from '@kansrijke-start/core';

/**
 * The app's state. The scenario signal is the single source of truth; the allocation is
 * computed from it. A new scenario only becomes current after it has been parsed, checked
 * against the data and allocated without problems: a bad edit, file or link never replaces
 * a good scenario.
 */
export const data = baselineData();

/** Each scenario object is allocated once (core itself reuses unchanged stream-years). */
const outcomes = new WeakMap<Scenario, AllocationOutcome>();
function allocateCached(s: Scenario): AllocationOutcome {
  let o = outcomes.get(s);
  if (!o) outcomes.set(s, (o = allocate(data, s)));
  return o;
}

export const BASIS: Scenario = emptyScenario();
export const baseAllocation: Allocation = (() => {
  const o = allocateCached(BASIS);
  if (!o.ok) throw new Error(`de basis kan niet worden verdeeld: ${o.fouten.map((f) => f.bericht).join('; ')}`);
  return o.allocation;
})();

export const scenario = signal<Scenario>(BASIS);

export const allocation = computed<Allocation>(() => {
  const o = allocateCached(scenario.value);
  // Only checked scenarios get here, so `o.ok` holds; the fallback keeps the page alive regardless.
  return o.ok ? o.allocation : baseAllocation;
});

/** True when the scenario changes anything. */
export const heeftWijzigingen = computed(() => scenario.value.wijzigingen.length > 0);

export type Check = { ok: true; scenario: Scenario; allocation: Allocation } | { ok: false; fouten: Problem[] };

/** Parses, validates against the data and allocates; never throws. */
export function checkScenario(input: unknown): Check {
  const p = parseScenario(input);
  if (!p.ok) return p;
  const problems = validateAgainstData(data, p.scenario);
  if (problems.length > 0) return { ok: false, fouten: problems };
  const o = allocateCached(p.scenario);
  if (!o.ok) return o;
  return { ok: true, scenario: p.scenario, allocation: o.allocation };
}

/** Makes `input` the current scenario if it passes every check; otherwise nothing changes. */
export function setScenario(input: unknown): Check {
  const c = checkScenario(input);
  if (c.ok) scenario.value = c.scenario;
  return c;
}

/** Inhabitants on 1 January 2024 per municipality code (the basis for euro per inhabitant). */
export const inwoners: ReadonlyMap<string, bigint> = (() => {
  const ind = data.indicatoren.find((i) => i.id === 'inwoners-2024');
  return new Map([...(ind?.waarden ?? new Map())].map(([code, v]) => [code, BigInt(v.toFixed(0))]));
})();

export const gemeenteByCode = new Map(data.gemeenten.map((g) => [g.code, g]));
