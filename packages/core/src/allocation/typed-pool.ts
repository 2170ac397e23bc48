/**
 * Typed arrays cut from shared blocks of memory. A typed array of its own costs the engine a
 * separate allocation outside the heap (about a microsecond each, and work for the garbage
 * collector); a view of a shared block costs one small object. Each array is cut from memory
 * no other array uses, so it starts as zeros, like a new one. A block stays in memory while any
 * array cut from it does; arrays larger than a sixteenth of a block get their own memory.
 */
const BLOCK_BYTES = 1 << 16;
let block = new ArrayBuffer(BLOCK_BYTES);
let used = 0;

/** The place of `bytes` fresh bytes (8-aligned) in the current block, starting a new block when it is full. */
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (used + size > BLOCK_BYTES) {
    block = new ArrayBuffer(BLOCK_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

const SMALL = BLOCK_BYTES / 16;

/** A new Int32Array of `n` zeros. */
export function int32Array(n: number): Int32Array {
  if (n * 4 > SMALL) return new Int32Array(n);
  const at = carve(n * 4);
  return new Int32Array(block, at, n);
}

/** A new Uint8Array of `n` zeros. */
export function uint8Array(n: number): Uint8Array {
  if (n > SMALL) return new Uint8Array(n);
  const at = carve(n);
  return new Uint8Array(block, at, n);
}

/** A new Float64Array of `n` zeros. */
export function float64Array(n: number): Float64Array {
  if (n * 8 > SMALL) return new Float64Array(n);
  const at = carve(n * 8);
  return new Float64Array(block, at, n);
}
