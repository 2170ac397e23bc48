import type { Side } from './comparison.js';
import { weakest, type Status } from '../status/status.js';

/** A side that is not there (the stream or recipient is absent in that allocation). */
export const ABSENT_SIDE: Side = { aanwezig: false, bedrag: null, status: null };

/** Adds a side to a running sum: unknown stays unknown, absent adds nothing; the status is the weakest. */
export function addSide(sum: Side, s: Side): Side {
  if (!s.aanwezig) return sum;
  if (!sum.aanwezig) return s;
  const status: Status | null = sum.status && s.status ? weakest(sum.status, s.status) : (sum.status ?? s.status);
  return { aanwezig: true, bedrag: sum.bedrag === null || s.bedrag === null ? null : sum.bedrag + s.bedrag, status };
}

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
