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
