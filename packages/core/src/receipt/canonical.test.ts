import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical.js';
import { sha256Hex } from './hash.js';

/** Rebuild an object with its keys in another order (recursively), by a seeded shuffle. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reorder(v, seed + i));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const shuffled = keys
      .map((k, i) => ({ k, r: Math.sin(seed * 31 + i * 17) }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.k);
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a key "__proto__" (JSON.parse makes it an own member) must stay a member.
    for (const k of shuffled) Object.defineProperty(out, k, { value: reorder((value as Record<string, unknown>)[k], seed + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

const json = fc.jsonValue({ maxDepth: 4 });

describe('canonicalJson', () => {
  it('follows the JCS rules: sorted keys by UTF-16 code units, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -1.5 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":-1.5,"z":0}}');
    // "\u20ac" (€) sorts before "\ud83d\ude00" (an emoji, a surrogate pair) in UTF-16 order, though not in code-point order.
    expect(canonicalJson({ '\ud83d\ude00': 1, '\uff61': 2, '\u20ac': 3, a: 4 })).toBe('{"a":4,"€":3,"😀":1,"｡":2}');
    expect(canonicalJson('line\n"quote"\u0001')).toBe(JSON.stringify('line\n"quote"\u0001'));
  });

  it('keeps a member named "__proto__" (as JSON.parse makes it) as a member', () => {
    expect(canonicalJson(JSON.parse('{"b":2,"__proto__":{"a":1}}'))).toBe('{"__proto__":{"a":1},"b":2}');
  });

  it('writes a bigint as the string of its digits, never through a float', () => {
    expect(canonicalJson({ bedrag: 12345678901234567890123n, negatief: -5n })).toBe('{"bedrag":"12345678901234567890123","negatief":"-5"}');
  });

  it('drops undefined members as JSON does and writes undefined in an array as null', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses what has no faithful JSON form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('is independent of key order', () => {
    fc.assert(fc.property(json, fc.integer(), (v, seed) => canonicalJson(reorder(v, seed)) === canonicalJson(v)));
  });

  it('is stable: the same value gives the same text', () => {
    fc.assert(fc.property(json, (v) => canonicalJson(v) === canonicalJson(structuredClone(v))));
  });

  it('round-trips: parsing the text gives the value back, and its canonical text again', () => {
    fc.assert(
      fc.property(json, (v) => {
        const text = canonicalJson(v);
        const back: unknown = JSON.parse(text);
        expect(back).toEqual(JSON.parse(JSON.stringify(v)));
        return canonicalJson(back) === text;
      }),
    );
  });

  it('distinguishes values that differ in a member', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), json, { minKeys: 1 }), json, (v, other) => {
      const k = Object.keys(v)[0]!;
      fc.pre(JSON.stringify(v[k]) !== JSON.stringify(other) && canonicalJson(v[k]) !== canonicalJson(other));
      return canonicalJson(v) !== canonicalJson({ ...v, [k]: other });
    }));
  });
});

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('hashes the UTF-8 bytes of the text', () => {
    // "€" is E2 82 AC in UTF-8.
    expect(sha256Hex('€')).toBe('c4cc90ed3d26f12d4b08a75140970a7904035c31cbb4515a83f19b9003c00d1d');
    expect(sha256Hex('€')).not.toBe(sha256Hex('\u00e2\u0082\u00ac'));
  });
});
