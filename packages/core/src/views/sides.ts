import type { Side } from './comparison.js';

/**
 * Which sides of a comparison are the same column as an earlier one: for each side, the index
 * of the first earlier side whose amounts equal it in every row (present in the same rows, with
 * the same amount, unknown where it is unknown), or null when it is a column of its own. The
 * statuses are not compared: two columns with the same euros are the same column. With no rows,
 * every later side equals the first.
 */
export function identicalSides(rows: readonly { zijden: readonly Side[] }[], count: number): (number | null)[] {
  const same = (a: number, b: number) => rows.every((r) => r.zijden[a]!.aanwezig === r.zijden[b]!.aanwezig && r.zijden[a]!.bedrag === r.zijden[b]!.bedrag);
  const out: (number | null)[] = [];
  for (let k = 0; k < count; k++) {
    let first: number | null = null;
    for (let j = 0; j < k && first === null; j++) if (out[j] === null && same(j, k)) first = j;
    out.push(first);
  }
  return out;
}
