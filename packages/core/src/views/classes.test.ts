import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classBreaks, classIndex, classLabel, inClass, isNiceStep, type ClassScheme } from './classes.js';

const euro = (e: number) => BigInt(Math.round(e * 100));

/** The lower bound of a class as a comparable number line position (null = -infinity). */
function ordered(s: ClassScheme): boolean {
  for (let i = 1; i < s.klassen.length; i++) {
    const a = s.klassen[i - 1]!;
    const b = s.klassen[i]!;
    // Adjacent: the upper bound of one is the lower bound of the next, with exactly one of them holding it.
    if (a.tot === null || b.van === null || a.tot !== b.van) return false;
    if (a.totInclusief === b.vanInclusief) return false;
    if (a.van !== null && a.van > a.tot) return false;
  }
  if (s.klassen.length === 0) return true;
  if (!s.divergerend) return s.klassen[0]!.van === null && s.klassen.at(-1)!.tot === null;
  // Diverging: unbounded below when a value is negative (else from 0), above when one is positive.
  const first = s.klassen[0]!;
  const last = s.klassen.at(-1)!;
  return (s.min! < 0n ? first.van === null : first.van === 0n) && (s.max! > 0n ? last.tot === null : last.tot === 0n);
}

const cents = fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n });
const values = fc.array(fc.option(cents, { freq: 8 }), { minLength: 0, maxLength: 400 });
const options = fc.record({
  klassen: fc.integer({ min: 1, max: 9 }),
  divergerend: fc.boolean(),
  minStap: fc.constantFrom(1n, 2n, 5n, 10n, 100n, 500n, 10_000n),
});

describe('classBreaks', () => {
  it('per inhabitant: quantile breaks rounded to a nice step, about as many municipalities per class', () => {
    const vs = Array.from({ length: 100 }, (_, i) => euro(1 + i * 0.37)); // € 1,00 .. € 37,63
    const s = classBreaks(vs, { klassen: 5 });
    expect(s.klassen.length).toBe(5);
    expect(s.klassen.map((c) => [c.van, c.tot])).toEqual([
      [null, 1000n],
      [1000n, 1500n],
      [1500n, 2500n],
      [2500n, 3000n],
      [3000n, null],
    ]);
    // The raw quantiles (€ 8,40, € 15,80, € 23,20, € 30,60) stay apart at a step of € 5.
    expect(s.stap).toBe(500n);
    expect(s.klassen.map((c) => c.aantal)).toEqual([25, 13, 27, 14, 21]);
    expect(s.klassen.map((c) => classLabel(s, c, { perInwoner: true }))).toEqual([
      'minder dan € 10 per inwoner',
      '€ 10 tot € 15 per inwoner',
      '€ 15 tot € 25 per inwoner',
      '€ 25 tot € 30 per inwoner',
      '€ 30 of meer per inwoner',
    ]);
  });

  it('a narrow range gets a finer step, and cents in its labels', () => {
    const vs = [euro(1.1), euro(1.15), euro(1.2), euro(1.25), euro(1.3), euro(1.35)];
    const s = classBreaks(vs, { klassen: 3 });
    expect(s.stap).toBe(10n);
    expect(s.klassen.map((c) => [c.van, c.tot])).toEqual([
      [null, 120n],
      [120n, 130n],
      [130n, null],
    ]);
    expect(classLabel(s, s.klassen[1]!)).toBe('€ 1,20 tot € 1,30');
  });

  it('whole euros for amounts: minStap 100 never gives cents', () => {
    const vs = [101n, 102n, 103n, 104n, 105n, 106n];
    const s = classBreaks(vs, { klassen: 3, minStap: 100n });
    expect(s.stap % 100n).toBe(0n);
    expect(s.klassen.length).toBe(1); // the breaks merge rather than show cents
    expect(classLabel(s, s.klassen[0]!)).toBe('€ 1,01 tot en met € 1,06');
  });

  it('unknown is no class and never 0', () => {
    const s = classBreaks([null, 0n, null, 500n, 1000n], { klassen: 2 });
    expect(s.onbekend).toBe(2);
    expect(classIndex(s, null)).toBeNull();
    expect(classIndex(s, 0n)).toBe(0);
    expect(s.klassen.reduce((n, c) => n + c.aantal, 0)).toBe(3);
  });

  it('no known value: no classes', () => {
    const s = classBreaks([null, null]);
    expect(s.klassen).toEqual([]);
    expect(s.min).toBeNull();
  });

  it('all values equal: one class named by that value', () => {
    const s = classBreaks([250n, 250n, 250n]);
    expect(s.klassen.length).toBe(1);
    expect(classLabel(s, s.klassen[0]!)).toBe('€ 2,50');
  });

  it('diverging: decreases below, a class of its own for no difference, increases above', () => {
    const vs = [-euro(5000), -euro(1200), -euro(300), 0n, 0n, 0n, euro(40), euro(900), euro(2600), euro(7000)];
    const s = classBreaks(vs, { klassen: 4, divergerend: true });
    const labels = s.klassen.map((c) => classLabel(s, c));
    expect(labels).toContain('geen verschil (€ 0)');
    const zero = s.klassen.findIndex((c) => c.van === 0n && c.tot === 0n);
    expect(s.klassen[zero]!.aantal).toBe(3);
    expect(s.klassen.slice(0, zero).every((c) => c.tot !== null && c.tot <= 0n)).toBe(true);
    expect(s.klassen.slice(zero + 1).every((c) => c.van !== null && c.van >= 0n)).toBe(true);
    expect(labels[zero + 1]).toMatch(/^meer dan € 0 tot /);
    expect(labels[0]).toMatch(/^minder dan -€ /);
    expect(classIndex(s, 1n)).toBe(zero + 1);
    expect(classIndex(s, -1n)).toBe(zero - 1);
  });

  it('refuses a step that is not 1, 2 or 5 times a power of ten', () => {
    expect(() => classBreaks([1n], { minStap: 3n })).toThrow(/minStap/);
  });

  it('property: every known value is in exactly one class; classes are ordered and adjacent; breaks are multiples of a nice step', () => {
    fc.assert(
      fc.property(values, options, (vs, o) => {
        const s = classBreaks(vs, o);
        expect(ordered(s)).toBe(true);
        expect(isNiceStep(s.stap)).toBe(true);
        expect(s.stap >= o.minStap).toBe(true);
        const known = vs.filter((v): v is bigint => v !== null);
        for (const v of known) expect(s.klassen.filter((c) => inClass(c, v)).length).toBe(1);
        expect(s.klassen.reduce((n, c) => n + c.aantal, 0)).toBe(known.length);
        expect(s.onbekend).toBe(vs.length - known.length);
        // Breaks (other than 0 of a diverging scheme) are multiples of a nice step no finer than minStap.
        const niceMultiple = (b: bigint) => {
          const size = b < 0n ? -b : b;
          for (let p = 1n; p <= size; p *= 10n) if ([p, 2n * p, 5n * p].some((x) => x >= o.minStap && x <= size && b % x === 0n)) return true;
          return false;
        };
        for (const c of s.klassen) {
          if (c.van === null || c.van === 0n) continue;
          if (!o.divergerend) expect(c.van % s.stap).toBe(0n);
          expect(niceMultiple(c.van)).toBe(true);
        }
        // At most the number of classes asked for, plus the class for 0.
        expect(s.klassen.length).toBeLessThanOrEqual(Math.max(1, o.klassen) + (o.divergerend ? 2 : 0));
        if (known.length > 0 && !o.divergerend) {
          // The first and last class hold a value: no empty class at an end.
          expect(s.klassen[0]!.aantal).toBeGreaterThan(0);
          expect(s.klassen.at(-1)!.aantal).toBeGreaterThan(0);
        }
        if (o.divergerend) {
          // Differences keep their sign: a class holds only negatives, only 0, or only positives.
          for (const v of known) {
            const c = s.klassen[classIndex(s, v)!]!;
            if (v < 0n) expect(c.tot !== null && c.tot <= 0n).toBe(true);
            if (v > 0n) expect(c.van !== null && c.van >= 0n).toBe(true);
            if (v === 0n) expect(c.van === 0n && c.tot === 0n).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the order of the values does not matter', () => {
    fc.assert(
      fc.property(values, options, fc.integer(), (vs, o, seed) => {
        const shuffled = [...vs].sort((a, b) => ((Number((a ?? 0n) % 7n) + seed) % 3) - ((Number((b ?? 0n) % 7n) + seed) % 3));
        expect(classBreaks(shuffled, o)).toEqual(classBreaks(vs, o));
      }),
      { numRuns: 100 },
    );
  });

  it('property: every label is Dutch money text, and each label is different', () => {
    fc.assert(
      fc.property(values, options, (vs, o) => {
        const s = classBreaks(vs, o);
        const labels = s.klassen.map((c) => classLabel(s, c, { perInwoner: true }));
        expect(new Set(labels).size).toBe(labels.length);
        for (const l of labels) expect(l).toMatch(/€ \d{1,3}(\.\d{3})*(,\d\d)?.* per inwoner\)?$/);
      }),
      { numRuns: 200 },
    );
  });
});
