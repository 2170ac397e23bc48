import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { volgende, type Richting } from './toetsen.js';
import { kleurenVoor, GEEN_VERSCHIL } from './kleuren.js';

// A 3 x 3 grid, row by row: index = 3 * row + column (y grows downwards, as in SVG).
const GRID: [number, number][] = Array.from({ length: 9 }, (_, i) => [(i % 3) * 10, Math.floor(i / 3) * 10]);

describe('volgende (arrow keys on the map)', () => {
  it('goes to the neighbour in the direction of the key', () => {
    expect(volgende(GRID, 4, 'rechts')).toBe(5);
    expect(volgende(GRID, 4, 'links')).toBe(3);
    expect(volgende(GRID, 4, 'boven')).toBe(1);
    expect(volgende(GRID, 4, 'onder')).toBe(7);
  });

  it('stays where it is at the edge', () => {
    expect(volgende(GRID, 2, 'rechts')).toBe(2);
    expect(volgende(GRID, 6, 'onder')).toBe(6);
  });

  it('prefers a point straight ahead over a nearer one far off to the side', () => {
    const punten: [number, number][] = [
      [0, 0],
      [5, 4], // nearer, but mostly sideways
      [9, 0], // straight ahead
    ];
    expect(volgende(punten, 0, 'rechts')).toBe(2);
  });

  it('property: the point it goes to lies in the direction of the key, or it stays', () => {
    const punt = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }));
    fc.assert(
      fc.property(fc.array(punt, { minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom<Richting>('links', 'rechts', 'boven', 'onder'), (ps, n, r) => {
        const i = n % ps.length;
        const j = volgende(ps, i, r);
        if (j === i) return;
        const [dx, dy] = [ps[j]![0] - ps[i]![0], ps[j]![1] - ps[i]![1]];
        const langs = r === 'rechts' ? dx : r === 'links' ? -dx : r === 'onder' ? dy : -dy;
        expect(langs).toBeGreaterThan(0);
      }),
    );
  });
});

describe('kleurenVoor', () => {
  it('one colour per class, all different; the class for no difference is neutral', () => {
    for (let n = 1; n <= 6; n++) expect(new Set(kleurenVoor(n, null)).size).toBe(n);
    const d = kleurenVoor(7, 3);
    expect(d.length).toBe(7);
    expect(d[3]).toBe(GEEN_VERSCHIL);
    expect(new Set(d).size).toBe(7);
    expect(kleurenVoor(3, 0)[0]).toBe(GEEN_VERSCHIL);
  });
});
