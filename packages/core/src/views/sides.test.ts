import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { identicalSides } from './sides.js';
import type { Side } from './comparison.js';

const side = fc.record({
  aanwezig: fc.boolean(),
  bedrag: fc.option(fc.bigInt({ min: -3n, max: 3n }), { nil: null }),
  status: fc.constantFrom('berekend' as const, 'scenario' as const, null),
});

describe('identicalSides', () => {
  test('a side equal to the first is marked as the first; one that differs in one row is its own', () => {
    const a: Side = { aanwezig: true, bedrag: 100n, status: 'berekend' };
    const b: Side = { aanwezig: true, bedrag: 101n, status: 'scenario' };
    const rows = [{ zijden: [a, { ...a, status: 'scenario' as const }, a] }, { zijden: [a, a, b] }];
    expect(identicalSides(rows, 3)).toEqual([null, 0, null]);
    expect(identicalSides([], 3)).toEqual([null, 0, 0]);
    // Absent is not the same as unknown.
    expect(identicalSides([{ zijden: [{ aanwezig: false, bedrag: null, status: null }, { aanwezig: true, bedrag: null, status: null }] }], 2)).toEqual([null, null]);
  });

  test('matches the plain definition: the first earlier side with the same amount and presence in every row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(side, { minLength: n, maxLength: n }), { maxLength: 4 }))), ([n, zijden]) => {
        const rows = zijden.map((z) => ({ zijden: z }));
        const got = identicalSides(rows, n);
        const eq = (i: number, j: number) => rows.every((r) => r.zijden[i]!.aanwezig === r.zijden[j]!.aanwezig && r.zijden[i]!.bedrag === r.zijden[j]!.bedrag);
        for (let k = 0; k < n; k++) {
          const first = Array.from({ length: k }, (_, j) => j).find((j) => eq(j, k));
          // Equality is transitive, so the first equal side is itself a column of its own.
          expect(got[k]).toBe(first ?? null);
          if (first !== undefined) expect(got[first]).toBeNull();
        }
      }),
    );
  });
});
