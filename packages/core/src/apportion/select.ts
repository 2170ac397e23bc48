import { BLOCK } from './block.js';

/**
 * The k-th smallest (0-based) of `values`, which it reorders: quickselect with a median-of-three
 * pivot and a three-way partition (so that many equal values cost nothing extra), in linear time
 * on average. Instead of its rare quadratic worst case, after a number of rounds far beyond what
 * random input needs it sorts what is left. The largest-remainder rounding uses it to find the
 * remainder at which the units left over stop, without sorting every remainder.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new RangeError(`no element ${k} among ${values.length}`);
  let lo = 0;
  let hi = values.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 16;
  while (hi > lo) {
    if (--rounds < 0) {
      values.subarray(lo, hi + 1).sort();
      return values[k]!;
    }
    const pivot = medianOfThree(values[lo]!, values[(lo + hi) >>> 1]!, values[hi]!);
    // [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot
    let lt = lo;
    let gt = hi;
    for (let i = lo; i <= gt; ) {
      const v = values[i]!;
      if (v < pivot) {
        values[i++] = values[lt]!;
        values[lt++] = v;
      } else if (v > pivot) {
        values[i] = values[gt]!;
        values[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[k]!;
}

const medianOfThree = (a: number, b: number, c: number): number => (a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b);

/**
 * The k-th smallest (0-based) of `values`, each in [0, upper], without reordering or copying
 * them all: a histogram of the values in up to 2^16 buckets of equal width finds the bucket that
 * holds the k-th smallest, and `kthSmallest` selects among that bucket's values only (a handful
 * when the values are spread; at worst all of them). Exact: the bucket of a value,
 * floor(value × buckets / upper), never decreases as the value grows (a rounded product with a
 * positive constant is monotone), so every value in a lower bucket is smaller than every value in
 * a higher one. The passes go in blocks (see `BLOCK`).
 */
export function kthSmallestInRange(values: Float64Array, k: number, upper: number): number {
  const n = values.length;
  if (!(k >= 0 && k < n)) throw new RangeError(`no element ${k} among ${n}`);
  if (!(upper > 0)) return kthSmallest(values.slice(), k);
  // About 16 values to a bucket when they are spread evenly.
  const buckets = Math.min(2 ** 16, Math.max(16, n >>> 4));
  const scale = buckets / upper;
  const counts = new Int32Array(buckets);
  for (let lo = 0; lo < n; lo += BLOCK) countBuckets(values, lo, Math.min(n, lo + BLOCK), scale, counts);
  let b = 0;
  let below = 0;
  while (below + counts[b]! <= k) below += counts[b++]!;
  const members = new Float64Array(counts[b]!);
  let m = 0;
  for (let lo = 0; lo < n; lo += BLOCK) m = gatherBucket(values, lo, Math.min(n, lo + BLOCK), scale, buckets, b, members, m);
  return kthSmallest(members, k - below);
}

/** The bucket of a value: floor(value × scale), within [0, buckets). */
function bucketOf(value: number, scale: number, buckets: number): number {
  const b = Math.floor(value * scale);
  return b > 0 ? (b < buckets ? b : buckets - 1) : 0;
}

function countBuckets(values: Float64Array, lo: number, hi: number, scale: number, counts: Int32Array): void {
  const buckets = counts.length;
  for (let i = lo; i < hi; i++) counts[bucketOf(values[i]!, scale, buckets)]!++;
}

/** Copies the values of [lo, hi) in bucket b to `out` from position m on; returns the next position. */
function gatherBucket(values: Float64Array, lo: number, hi: number, scale: number, buckets: number, b: number, out: Float64Array, m: number): number {
  for (let i = lo; i < hi; i++) {
    const v = values[i]!;
    if (bucketOf(v, scale, buckets) === b) out[m++] = v;
  }
  return m;
}
