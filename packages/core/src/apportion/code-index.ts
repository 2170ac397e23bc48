/**
 * The look-up of recipients by code: what a Set<string> would do for the check that every code is
 * given once, without a copy of the codes and faster for 10^5 of them. While the codes come in
 * strictly ascending order (the usual case: CBS codes sorted) there can be no duplicate and no
 * table is kept; a look-up then searches the sorted list. From the first code out of order on, a
 * hash table (open addressing over indices) holds them all.
 *
 * The table is built by plain functions (`codeTable`, `addCode`), which the pass over the weights
 * in `apportion` calls row by row; `CodeIndex` wraps the finished table for the few look-ups after
 * it.
 */
export class CodeIndex {
  /**
   * @param recipients the list; its codes are ascending when `table` is null
   * @param table the table of every code; null while the codes are ascending
   */
  constructor(
    private readonly recipients: readonly { readonly code: string }[],
    private readonly table: CodeTable | null,
  ) {}

  /** The index of the first recipient with this code, or -1. */
  indexOf(code: string): number {
    if (this.table !== null) return findCode(this.table, this.recipients, code);
    let lo = 0;
    let hi = this.recipients.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.recipients[mid]!.code;
      if (c === code) return mid;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * The table of codes: open addressing over a power of two slots (at least twice the recipients),
 * each slot holding index + 1 of a recipient (0: empty) in `slots` and the hash of its code in
 * `hashes`, so that a probe reads the recipient (somewhere else in memory) only when the hashes
 * agree.
 */
export interface CodeTable {
  slots: Int32Array;
  hashes: Int32Array;
}

/** An empty table for `n` recipients. */
export function codeTable(n: number): CodeTable {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return { slots: new Int32Array(size), hashes: new Int32Array(size) };
}

/** The index of the first recipient with this code in the table, or -1. */
export function findCode(table: CodeTable, recipients: readonly { readonly code: string }[], code: string): number {
  const { slots, hashes } = table;
  const mask = slots.length - 1;
  const h = hash(code);
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const j = slots[s]!;
    if (j === 0) return -1;
    if (hashes[s] === h && recipients[j - 1]!.code === code) return j - 1;
  }
}

/**
 * Adds recipient i to the table unless an earlier recipient has its code: returns the index of
 * that one, or -1 when it added recipient i.
 */
export function addCode(table: CodeTable, recipients: readonly { readonly code: string }[], i: number): number {
  const { slots, hashes } = table;
  const mask = slots.length - 1;
  const code = recipients[i]!.code;
  const h = hash(code);
  let s = h & mask;
  for (; slots[s] !== 0; s = (s + 1) & mask) {
    const j = slots[s]!;
    if (hashes[s] === h && recipients[j - 1]!.code === code) return j - 1;
  }
  slots[s] = i + 1;
  hashes[s] = h;
  return -1;
}

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits spread well. */
function hash(code: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < code.length; k++) h = Math.imul(h ^ code.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
