import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { intlIsoDay, isoDay } from './dates.js';

const HOUR = 3_600_000;

describe('isoDay: the day in the Netherlands', () => {
  it('is the day Intl gives for Europe/Amsterdam, at any instant from 1990 to 2400', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2400-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        expect(isoDay(d)).toBe(intlIsoDay(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes at local midnight on both sides of every summer time change from 1996 to 2100', () => {
    for (let year = 1996; year <= 2100; year++) {
      for (const month of [2, 9]) {
        // Around the change itself (01:00 UTC on the last Sunday) and around the local midnights
        // of the days before and after, a millisecond either side.
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay());
        for (const base of [sunday + HOUR, sunday - HOUR, sunday - 2 * HOUR, sunday + 22 * HOUR, sunday + 23 * HOUR]) {
          for (const dt of [-1, 0, 1]) {
            const d = new Date(base + dt);
            expect(isoDay(d), d.toISOString()).toBe(intlIsoDay(d));
          }
        }
      }
    }
  });

  it('gives the next day from local midnight: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(isoDay(new Date('2026-12-31T22:59:59.999Z'))).toBe('2026-12-31');
    expect(isoDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(isoDay(new Date('2027-06-30T21:59:59.999Z'))).toBe('2027-06-30');
    expect(isoDay(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
  });
});
