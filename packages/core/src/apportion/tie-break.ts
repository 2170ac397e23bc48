/**
 * The documented tie-break of the largest-remainder rounding: claims with equal remainders are
 * ordered by id, ascending (so GM0014 before GM0034). Deterministic and independent of the
 * input order. The single definition used by `largestRemainderCore`, `largestRemainderSets`
 * and `largestRemainderWeights`.
 *
 * Ids are compared with `<` on JavaScript strings, i.e. by UTF-16 code units; that equals
 * code-point order for ids without characters beyond U+FFFF (every municipality and region code).
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
