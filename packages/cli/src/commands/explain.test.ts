import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STATUS_CODES } from '@kansrijke-start/core';
import { namesStatus } from './explain.js';

/** The definition: the code, with no letter, digit or hyphen (a whole code point) right before or after it. */
const statusWord = (s: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}-])${s}(?![\\p{L}\\p{N}-])`, 'u');

describe('namesStatus', () => {
  it('finds a status code as a word exactly where the regular expression of the definition does', () => {
    const piece = fc.oneof(
      fc.constantFrom(...STATUS_CODES, '-', ' ', 'é', '1', 'x', '.', '(', '\u{1F600}', '\u{1D400}', '\uD800', '\uDC00'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom(...STATUS_CODES), (parts, s) => {
        const text = parts.join('');
        expect(namesStatus(text, s)).toBe(statusWord(s).test(text));
      }),
      { numRuns: 20_000 },
    );
    expect(namesStatus('status officieel-afgerond.', 'officieel')).toBe(false);
    expect(namesStatus('officieel-afgerond, of officieel', 'officieel')).toBe(true);
    expect(namesStatus('\u{1D400}raming', 'raming')).toBe(false);
  });
});
