import { batch, computed, signal } from '@preact/signals';
import {
  allocateScenario,
  baselineData,
  emptyScenario,
  type Allocation,
  type Calculation,
  type Problem,
  type Scenario,
} from '@kansrijke-start/core';
import { eenVariant, huidigeVan, metHuidig, voegToe, zijdeNamen, type Variant, type Varianten } from '../varianten/lijst.js';

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
export const heeftWijzigingen = computed(
  () => scenario.value.wijzigingen.length > 0 || (scenario.value.eigenStromen?.length ?? 0) > 0 || scenario.value.herindelingen !== BASIS.herindelingen,
);

/**
 * The named variants kept in the browser (see `varianten/lijst.ts`): the one being edited is the
 * current scenario above; `setScenario` writes every accepted edit into it.
 */
export const varianten = signal<Varianten>(eenVariant(BASIS));

const calculations = new WeakMap<Scenario, Calculation>();
/** The core's calculation of a variant's scenario, once per scenario value; the edited one is the current calculation. */
export function berekeningVan(s: Scenario): Calculation {
  if (s === calculation.value.scenario) return calculation.value;
  let c = calculations.get(s);
  if (!c) calculations.set(s, (c = allocateScenario(data, s)));
  return c;
}

/** The variants chosen to compare with the baseline that the core can compute, with their allocations. */
export const vergelekenVarianten = computed<{ variant: Variant; allocation: Allocation }[]>(() => {
  const v = varianten.value;
  const out: { variant: Variant; allocation: Allocation }[] = [];
  for (const id of v.vergelijk) {
    const variant = v.lijst.find((x) => x.id === id);
    if (!variant) continue;
    const c = id === v.huidig ? calculation.value : berekeningVan(variant.scenario);
    if (c.ok) out.push({ variant, allocation: c.allocation });
  }
  return out;
});

/**
 * The baseline and the variants chosen to compare with it; when none is chosen, the baseline
 * and the current scenario when it differs from it: what the views compare.
 */
export const vergeleken = computed<Allocation[]>(() => {
  const gekozen = vergelekenVarianten.value;
  if (gekozen.length > 0) return [baseAllocation, ...gekozen.map((g) => g.allocation)];
  return heeftWijzigingen.value ? [baseAllocation, allocation.value] : [baseAllocation];
});

/** The names of `vergeleken`, for tables and exports: each one different ("Basis" first). */
export const vergelekenNamen = computed<string[]>(() => {
  const gekozen = vergelekenVarianten.value;
  if (gekozen.length > 0) return zijdeNamen(gekozen.map((g) => g.variant.scenario.naam));
  return heeftWijzigingen.value ? ['Basis', scenario.value.naam || 'Scenario'] : ['Basis'];
});

/** Computes `input` (a scenario value or JSON text) with the core; never throws. */
export function checkScenario(input: unknown): Calculation {
  return allocateScenario(data, input);
}

/** Makes `input` the current scenario if the core can compute it; otherwise nothing changes. */
export function setScenario(input: unknown): Calculation {
  const c = allocateScenario(data, input);
  if (c.ok)
    batch(() => {
      calculation.value = c;
      varianten.value = metHuidig(varianten.peek(), c.scenario);
    });
  return c;
}

/**
 * Makes `next` the list of variants. When the variant being edited is another one (or another
 * scenario) than the current scenario, it becomes current if the core can compute it; one that
 * cannot (a kept variant that no longer fits the data) leaves the baseline as the current
 * calculation, and stays in the list until it is edited. Returns that variant's calculation.
 */
export function setVarianten(next: Varianten): Calculation | null {
  const h = huidigeVan(next);
  let c: Calculation | null = null;
  batch(() => {
    varianten.value = next;
    if (h.scenario !== calculation.peek().scenario) {
      c = berekeningVan(h.scenario);
      calculation.value = c.ok ? c : BASIS_CALCULATION;
    }
  });
  return c;
}

/**
 * Opens a scenario from a share link as a variant: added under a free name and edited, or, when
 * a variant already is exactly this scenario, that one is edited. The other variants stay as
 * they are; nothing changes when the core cannot compute it. `vorige` is the id of the variant
 * that was edited before, for "back to the previous one".
 */
export function openAlsVariant(input: unknown): { berekening: Calculation; nieuw: boolean; vorige: number } {
  const vorige = varianten.peek().huidig;
  const c = allocateScenario(data, input);
  if (!c.ok) return { berekening: c, nieuw: false, vorige };
  const r = voegToe(varianten.peek(), c.scenario);
  setVarianten(r.varianten);
  return { berekening: calculation.peek(), nieuw: r.nieuw, vorige };
}

export const gemeenteByCode = new Map(data.gemeenten.map((g) => [g.code, g]));
