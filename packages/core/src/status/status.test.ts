import { describe, expect, it } from 'vitest';
import { STATUS_CODES, STATUS_MEANING, derive, statusLegend, weakest } from './status.js';

describe('the status vocabulary', () => {
  it('has one meaning per status, in order from most to least certain', () => {
    expect(statusLegend().map((s) => s.status)).toEqual([...STATUS_CODES]);
    for (const s of STATUS_CODES) expect(STATUS_MEANING[s].length).toBeGreaterThan(20);
    expect(weakest('officieel', 'raming', 'berekend')).toBe('raming');
    expect(weakest('scenario', 'onbekend')).toBe('onbekend');
    expect(weakest()).toBe('officieel');
  });

  it('calls a figure computed from published inputs berekend, never officieel', () => {
    expect(derive([{ status: 'officieel', reden: null }, { status: 'officieel-afgerond', reden: null }])).toEqual({ status: 'berekend', redenen: [] });
  });

  it('gives the least certain ground, with the reasons of every estimate and assumption, each once', () => {
    expect(
      derive([
        { status: 'officieel', reden: null },
        { status: 'raming', reden: 'de sleutel is aangenomen' },
        { status: 'scenario', reden: 'wijziging 1' },
        { status: 'raming', reden: 'de sleutel is aangenomen' },
      ]),
    ).toEqual({ status: 'scenario', redenen: ['de sleutel is aangenomen', 'wijziging 1'] });
    expect(derive([{ status: 'onbekend', reden: 'geen bedrag' }]).status).toBe('onbekend');
  });
});
