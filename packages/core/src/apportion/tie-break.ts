/**
 * The documented tie-break of the largest-remainder rounding: claims with equal remainders are
 * ordered by id, ascending in Unicode code-point order (so GM0014 before GM0034). Deterministic
 * and independent of the input order. The single definition used by `largestRemainderCore`,
 * `largestRemainderSets` and `largestRemainderWeights`.
 *
 * JavaScript compares strings by UTF-16 code units, which differs from code-point order where a
 * character beyond U+FFFF (stored as a surrogate pair, U+D800-U+DFFF) meets one in
 * U+E000-U+FFFF; such pairs are compared by their code points here.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below U+D800 code units and code points agree; above it, surrogates sort after U+E000-U+FFFF.
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/** A code unit's place in code-point order: surrogates (U+D800-U+DFFF) after U+E000-U+FFFF. */
const codePointRank = (u: number): number => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);
