import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { baselineData, parseBaselineData } from './baseline.js';
import { decodeBaseline, encodeBaseline } from './prebuilt.js';
import { rawData } from './raw/index.js';
import { prebuilt } from './raw/prebuilt.js';
import { PENDING_DECISIONS } from './decisions.js';
import { Decimal } from '../money/decimal.js';
import type { BaselineData } from './types.js';

function parsedEmbedded(): BaselineData {
  const result = parseBaselineData(rawData);
  if (!result.ok) throw new Error(`the embedded data is invalid:\n${result.fouten.join('\n')}`);
  return result.data;
}

describe('the prebuilt baseline (raw/prebuilt.ts)', () => {
  it('is exactly what parseBaselineData makes of the embedded CSV copies (else: npm run import-data)', () => {
    // A string comparison: any difference in a value, a key, the order of keys or of a Map's entries shows.
    const expected = encodeBaseline(parsedEmbedded());
    if (expected !== prebuilt) {
      throw new Error('raw/prebuilt.ts is niet wat parseBaselineData van de ingebouwde CSV-kopieën maakt; voer npm run import-data uit');
    }
  });

  it('decodes to a baseline equal to the validated one, value for value', () => {
    const decoded = decodeBaseline(prebuilt);
    const parsed = parsedEmbedded();
    expect(decoded).toEqual(parsed);
    expect(Object.keys(decoded)).toEqual(Object.keys(parsed));
    // toEqual compares decimals by their fields; compare them as numbers too, and the Maps' order.
    for (const [i, ind] of decoded.indicatoren.entries()) {
      const other = parsed.indicatoren[i]!;
      expect([...ind.waarden.keys()]).toEqual([...other.waarden.keys()]);
      for (const [code, v] of ind.waarden) {
        const w = other.waarden.get(code)!;
        expect(v === null ? null : v.toFixed()).toBe(w === null ? null : w.toFixed());
        if (v !== null) expect(v).toBeInstanceOf(Decimal);
      }
    }
    expect([...decoded.bredeSpuk2025.bedragen]).toEqual([...parsed.bredeSpuk2025.bedragen]);
    expect(decoded.besluiten).toBe(PENDING_DECISIONS);
  });

  it("decodes an indicator's values when they are first read, once, read-only and in their place", () => {
    const decoded = decodeBaseline(prebuilt);
    const parsed = parsedEmbedded();
    const ind = decoded.indicatoren[0]!;
    expect(Object.keys(ind)).toEqual(Object.keys(parsed.indicatoren[0]!));
    expect(Object.isFrozen(ind)).toBe(true);
    const first = ind.waarden;
    expect(ind.waarden).toBe(first);
    expect(() => {
      (ind as { waarden: unknown }).waarden = new Map();
    }).toThrow(TypeError);
    expect(() => (first as Map<string, unknown>).set('GM0000', null)).toThrow(/alleen-lezen/);
    expect(ind.waarden).toBe(first);
    // Writing the decoded baseline again gives the prebuilt text, with every indicator's values.
    expect(encodeBaseline(decodeBaseline(prebuilt))).toBe(prebuilt);
  });

  it('is what baselineData() gives, read-only', () => {
    const data = baselineData();
    expect(data.versie).toEqual(parsedEmbedded().versie);
    expect(Object.isFrozen(data.gemeenten[0])).toBe(true);
    expect(() => (data.ggdVan as Map<string, string>).set('GM0000', 'GG0000')).toThrow(/alleen-lezen/);
  });
});

describe('the encoding', () => {
  // Values of the kinds the baseline holds: text (also starting with "#"), safe integers, null,
  // booleans, decimals, bigints, arrays, plain objects and Maps.
  const leaf = fc.oneof(
    fc.string(),
    fc.string().map((s) => `#${s}`),
    fc.constantFrom('#d:1', '#b:2', '#s:x', '#w:a=1', '#m', '#'),
    fc.maxSafeInteger(),
    fc.constant(null),
    fc.boolean(),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale))),
  );
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('map')),
    array: fc.array(tie('any'), { maxLength: 4 }),
    object: fc.dictionary(fc.string().filter((k) => k !== '#m' && k !== '__proto__'), tie('any'), { maxKeys: 4, noNullPrototype: true }),
    map: fc.array(fc.tuple(fc.oneof(fc.string(), fc.integer()), tie('any')), { maxLength: 4 }).map((entries) => new Map(entries)),
  })).any;

  it('gives back every value it wrote, decimals exactly and Maps in their order', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = encodeBaseline({ probe: v } as unknown as BaselineData);
        const back = decodeBaseline(text) as unknown as { probe: unknown };
        expect(back.probe).toEqual(v);
        // and writing it again gives the same text
        expect(encodeBaseline(back as unknown as BaselineData)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a Map of texts to decimals or null in the compact form, and gives it back exactly, in its order', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)));
    // keys with "," or "=" cannot be written compactly: they take the general form
    const key = fc.oneof(fc.stringMatching(/^GM\d{4}$/), fc.string(), fc.constantFrom('', ',', '=', 'a=b', 'a,b', '#w:'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.option(decimal)), { maxLength: 8 }), (entries) => {
        const map = new Map(entries);
        const text = encodeBaseline({ probe: map } as unknown as BaselineData);
        const compact = [...map.keys()].every((k) => !k.includes(',') && !k.includes('='));
        expect(JSON.parse(text).probe).toSatisfy((p: unknown) => (typeof p === 'string') === compact);
        const back = (decodeBaseline(text) as unknown as { probe: Map<string, Decimal | null> }).probe;
        expect([...back.keys()]).toEqual([...map.keys()]);
        for (const [k, v] of map) expect(back.get(k)?.toFixed() ?? null).toBe(v === null ? null : v.toFixed());
        expect(() => (back as Map<string, unknown>).set('x', null)).toThrow(/alleen-lezen/);
        expect(encodeBaseline({ probe: back } as unknown as BaselineData)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what it cannot write exactly: fractions as floats, undefined, other classes', () => {
    expect(() => encodeBaseline({ x: 0.1 } as unknown as BaselineData)).toThrow(/basis\.x: alleen gehele getallen/);
    expect(() => encodeBaseline({ x: { y: undefined } } as unknown as BaselineData)).toThrow(/basis\.x\.y: undefined/);
    expect(() => encodeBaseline({ x: [new Date(0)] } as unknown as BaselineData)).toThrow(/basis\.x\[0\]: \[object Date\]/);
    expect(() => decodeBaseline('{"x":"#q:1"}')).toThrow(/onbekende markering/);
  });
});
