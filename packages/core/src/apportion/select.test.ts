import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { kthSmallest, kthSmallestInRange } from './select.js';
import { BLOCK } from './block.js';

const sorted = (xs: Float64Array) => Float64Array.from(xs).sort();

describe('selection of the k-th smallest', () => {
  it('property: kthSmallest and kthSmallestInRange equal the k-th of the sorted values', () => {
    const upper = fc.oneof(fc.constant(1), fc.constant(2 ** 53 - 1), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(
        upper.chain((u) =>
          fc.tuple(
            fc.constant(u),
            // spread values, few distinct values (many ties) and values crowded near 0 and near the upper end
            fc.array(fc.oneof(fc.double({ min: 0, max: u, noNaN: true }), fc.constantFrom(0, u, u / 3), fc.double({ min: u * (1 - 1e-12), max: u, noNaN: true })), { minLength: 1, maxLength: 3 * BLOCK }),
          ),
        ),
        fc.nat(),
        ([u, values], k0) => {
          const xs = Float64Array.from(values);
          const k = k0 % xs.length;
          const expected = sorted(xs)[k];
          expect(kthSmallestInRange(xs, k, u)).toBe(expected);
          expect(Array.from(xs)).toEqual(values); // not reordered
          expect(kthSmallest(Float64Array.from(xs), k)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles every value in one bucket, and refuses a k out of range', () => {
    const same = new Float64Array(2 * BLOCK + 1).fill(0.5);
    expect(kthSmallestInRange(same, BLOCK, 1)).toBe(0.5);
    expect(() => kthSmallestInRange(same, same.length, 1)).toThrow(RangeError);
  });
});
