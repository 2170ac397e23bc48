/**
 * The look-up of recipients by code, built one recipient at a time in input order: what a
 * Set<string> would do for the check that every code is given once, without a copy of the codes
 * and faster for 10^5 of them. While the codes come in strictly ascending order (the usual case:
 * CBS codes sorted) there can be no duplicate and no table is kept; a look-up then searches the
 * sorted list. From the first code out of order on, a hash table (open addressing over indices)
 * holds them all.
 */
export class CodeIndex {
  /** How many recipients have been added: the first `size` of the list. */
  private size = 0;
  /** Index + 1 of a code in each slot, 0 for an empty slot; null while the codes are ascending. */
  private slots: Int32Array | null = null;
  private mask = 0;

  constructor(private readonly recipients: readonly { readonly code: string }[]) {}

  /** Adds the next recipient; returns the index of an earlier recipient with the same code, or -1. */
  add(): number {
    const n = this.size++;
    const code = this.recipients[n]!.code;
    if (this.slots === null) {
      if (n === 0 || this.recipients[n - 1]!.code < code) return -1;
      this.buildTable(n);
    }
    const found = this.find(code);
    if (found < 0) this.insert(n);
    return found;
  }

  /** The index of the first recipient with this code, or -1. */
  indexOf(code: string): number {
    if (this.slots !== null) return this.find(code);
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.recipients[mid]!.code;
      if (c === code) return mid;
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The table of the first n recipients (whose codes are ascending, so distinct). */
  private buildTable(n: number): void {
    let size = 16;
    while (size < 2 * this.recipients.length) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < n; i++) this.insert(i);
  }

  /** The index of the first recipient with this code in the table, or -1. */
  private find(code: string): number {
    const slots = this.slots!;
    for (let s = hash(code) & this.mask; ; s = (s + 1) & this.mask) {
      const j = slots[s]!;
      if (j === 0) return -1;
      if (this.recipients[j - 1]!.code === code) return j - 1;
    }
  }

  /** Puts recipient i in the first free slot of its code (which is not in the table yet). */
  private insert(i: number): void {
    const slots = this.slots!;
    let s = hash(this.recipients[i]!.code) & this.mask;
    while (slots[s] !== 0) s = (s + 1) & this.mask;
    slots[s] = i + 1;
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits spread well. */
function hash(code: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < code.length; k++) h = Math.imul(h ^ code.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
