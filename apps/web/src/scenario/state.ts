import { computed, signal } from '@preact/signals';
import {
  allocateScenario,
  baselineData,
  emptyScenario,
  type Allocation,
  type Calculation,
  type Problem,
  type Scenario,
} from '@kansrijke-start/core';

/**
 * The app's state: the current scenario and its calculation by the core's front door. A new
 * scenario only becomes current when the core computed it without problems: a bad edit, file
 * or link never replaces a good scenario.
 */
export const data = baselineData();

type Computed = Extract<Calculation, { ok: true }>;

const BASIS_CALCULATION: Computed = (() => {
  const c = allocateScenario(data, emptyScenario());
  if (!c.ok) throw new Error(`de basis kan niet worden verdeeld: ${c.fouten.map((f) => f.bericht).join('; ')}`);
  return c;
})();

export const BASIS: Scenario = BASIS_CALCULATION.scenario;
export const baseAllocation: Allocation = BASIS_CALCULATION.allocation;

/** The current scenario with its allocation and the core's warnings about it. */
export const calculation = signal<Computed>(BASIS_CALCULATION);

export const scenario = computed<Scenario>(() => calculation.value.scenario);
export const allocation = computed<Allocation>(() => calculation.value.allocation);
/** What the core says about the scenario's changes and the budget frame (located problems). */
export const waarschuwingen = computed<readonly Problem[]>(() => calculation.value.waarschuwingen);

/** True when the scenario differs from the baseline: a change, or another choice about the planned mergers. */
export const heeftWijzigingen = computed(() => scenario.value.wijzigingen.length > 0 || scenario.value.herindelingen !== BASIS.herindelingen);

/** The baseline, and the scenario when it differs from it: what the views compare. */
export const vergeleken = computed<Allocation[]>(() => (heeftWijzigingen.value ? [baseAllocation, allocation.value] : [baseAllocation]));

/** The names of `vergeleken`, for tables and exports. */
export const vergelekenNamen = computed<string[]>(() => (heeftWijzigingen.value ? ['Basis', scenario.value.naam || 'Scenario'] : ['Basis']));

/** Computes `input` (a scenario value or JSON text) with the core; never throws. */
export function checkScenario(input: unknown): Calculation {
  return allocateScenario(data, input);
}

/** Makes `input` the current scenario if the core can compute it; otherwise nothing changes. */
export function setScenario(input: unknown): Calculation {
  const c = allocateScenario(data, input);
  if (c.ok) calculation.value = c;
  return c;
}

export const gemeenteByCode = new Map(data.gemeenten.map((g) => [g.code, g]));
