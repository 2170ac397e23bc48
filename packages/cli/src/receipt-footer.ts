/**
 * The receipt of a result in one Dutch line under the text output of a terminal: the start of
 * the hashes of the scenario and of the result (the core's `receiptOf`), the engine and the data
 * version. The machine outputs carry the whole receipt in their metadata.
 */
import { ENGINE, receiptOf, type Allocation } from '@kansrijke-start/core';

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

export function receiptFooter(allocations: readonly Allocation[], namen: readonly string[]): string {
  const first = allocations[0];
  if (!first) return '';
  const parts = allocations.map((a, k) => {
    const r = receiptOf(a);
    const hashes = `scenario ${short(r.scenarioSha256)}, uitkomst ${short(r.resultaatSha256)}`;
    return allocations.length === 1 ? hashes : `${namen[k] ?? a.scenario.naam}: ${hashes}`;
  });
  return `Bewijs: ${parts.join('; ')}; rekenmotor ${ENGINE.versie}, gegevens ${first.gegevens.versie.versie}. Een export controleert u met "ks-budget verify BESTAND".\n`;
}
