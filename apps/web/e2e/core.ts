import { allocateScenario, baselineData, type Allocation } from '@kansrijke-start/core';

/** The embedded data and the core's allocation of a scenario: what the browser tests compare the page with. */
export const data = baselineData();

/** The allocation of a scenario (a value or JSON text); a scenario the core refuses fails the test setup. */
export function allocationOf(input: unknown): Allocation {
  const out = allocateScenario(data, input);
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
}
