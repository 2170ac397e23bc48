import { describe, expect, test } from 'vitest';
import { fraction } from '@kansrijke-start/core';
import { euroTekst, perInwonerTekst, procentTekst, verschilTekst } from './format.js';

describe('Dutch formatting of amounts', () => {
  test('unknown is never 0', () => {
    expect(euroTekst(null)).toBe('onbekend');
    expect(euroTekst(0n)).toBe('€ 0');
    expect(euroTekst(123456789n)).toBe('€ 1.234.567,89');
    expect(euroTekst(100000000n)).toBe('€ 1.000.000');
  });
  test('differences carry a sign', () => {
    expect(verschilTekst(100000000n)).toBe('+€ 1.000.000');
    expect(verschilTekst(-150n)).toBe('-€ 1,50');
    expect(verschilTekst(0n)).toBe('€ 0');
    // A difference with an unknown side is unknown, not "not applicable".
    expect(verschilTekst(null)).toBe('onbekend');
  });
  test('euro per inhabitant: exact, rounded half up to cents', () => {
    expect(perInwonerTekst(77846200n, 931298n)).toBe('€ 0,84'); // 0.83588...
    expect(perInwonerTekst(1000n, 8n)).toBe('€ 1,25');
    expect(perInwonerTekst(5n, 2n)).toBe('€ 0,03'); // 2.5 cents: half up
    expect(perInwonerTekst(123456789000n, 1n)).toBe('€ 1.234.567.890,00');
    expect(perInwonerTekst(null, 10n)).toBe('–');
    expect(perInwonerTekst(100n, 0n)).toBe('–');
  });
  test('percentages with one decimal, half up', () => {
    expect(procentTekst(fraction(1n, 8n))).toBe('+12,5%');
    expect(procentTekst(fraction(-1n, 3n))).toBe('-33,3%');
    expect(procentTekst(fraction(1n, 2000n))).toBe('+0,1%'); // 0.05% rounds up
    expect(procentTekst(fraction(1n, 3000n))).toBe('0,0%');
    expect(procentTekst(fraction(0n))).toBe('0,0%');
    expect(procentTekst(fraction(25n))).toBe('+2.500,0%');
    expect(procentTekst(null)).toBe('–');
  });
});
