import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkJsonSyntax, indexPaths, locator, parsePath, positionAt } from './json-location.js';

describe('checkJsonSyntax', () => {
  it('accepts what JSON.parse accepts, and rejects what it rejects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1)), fc.json().map((j) => `${j},`)), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(checkJsonSyntax(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives line, column and a Dutch reason', () => {
    expect(checkJsonSyntax('{\n  "a": 1,\n}')).toEqual({ line: 2, column: 9, bericht: 'een komma voor "}" mag niet in JSON (geen komma na het laatste element)' });
    expect(checkJsonSyntax('{"a": 2,5}')).toMatchObject({ line: 1, column: 7, bericht: 'een getal met een decimale komma; gebruik een punt (2.5)' });
    expect(checkJsonSyntax("{'a': 1}")).toMatchObject({ column: 2, bericht: 'hier hoort een naam tussen dubbele aanhalingstekens, maar er staat "\'"' });
    expect(checkJsonSyntax('{"a": "open\n}')).toMatchObject({ line: 1, column: 7 });
    expect(checkJsonSyntax('[1, 2] x')).toMatchObject({ column: 8, bericht: 'na het einde van de gegevens staat nog "x"' });
    expect(checkJsonSyntax('[2,5]')).toBeNull();
    expect(checkJsonSyntax('\uFEFF{}')).toBeNull();
    expect(checkJsonSyntax('[['.repeat(10_000))).toMatchObject({ bericht: 'de gegevens zijn dieper dan 500 niveaus genest' });
  });
});

describe('locator', () => {
  const text = '{\n  "versie": 1,\n  "wijzigingen": [\n    { "jaar": 2035 },\n    { "stroom": "x", "jaar": 2026 }\n  ]\n}';
  const locate = locator(text);
  it('finds the value at a path', () => {
    expect(locate('wijzigingen[1].jaar')).toEqual({ line: 5, column: 30 });
    expect(locate('wijzigingen[0]')).toEqual({ line: 4, column: 5 });
    expect(locate('scenario')).toEqual({ line: 1, column: 1 });
  });
  it('falls back to the deepest part that exists', () => {
    expect(locate('wijzigingen[1].bedrag')).toEqual({ line: 5, column: 5 });
    expect(locate('naam')).toEqual({ line: 1, column: 1 });
  });
  it('gives nothing for text that is not JSON', () => {
    expect(locator('{"a": ')('a')).toBeNull();
  });
  // JSON values whose keys are names, as in a scenario (a key such as "a.b" cannot be told apart in a path).
  const { json } = fc.letrec((tie) => ({
    json: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(tie('json')), fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/), tie('json'))),
  }));
  it('indexes every value of any JSON text in one pass, at the place where that value is written', () => {
    const valueAt = (v: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);
    fc.assert(
      fc.property(json, (v) => {
        const compact = JSON.stringify(v);
        for (const [pad, pos] of indexPaths(compact)) {
          expect(pos.line).toBe(1);
          const expected = JSON.stringify(valueAt(v, parsePath(pad)));
          expect(compact.slice(pos.column - 1).startsWith(expected), pad).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('parses paths', () => {
    expect(parsePath('wijzigingen[2].sleutel.gewichten[0].gewicht')).toEqual(['wijzigingen', 2, 'sleutel', 'gewichten', 0, 'gewicht']);
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('duplicate names', () => {
  it('refuses a name that occurs twice in one object, at the second, instead of silently using the last', () => {
    const text = '{\n  "versie": 1,\n  "naam": "a",\n  "naam": "b",\n  "wijzigingen": []\n}';
    expect(JSON.parse(text).naam).toBe('b'); // what JSON.parse alone would do
    expect(checkJsonSyntax(text)).toEqual({ line: 4, column: 3, bericht: expect.stringMatching(/^de naam "naam" staat twee keer in hetzelfde object/) });
    // The same name in different objects is fine.
    expect(checkJsonSyntax('[{"a": 1}, {"a": 2}]')).toBeNull();
  });
});

describe('locating many problems', () => {
  it('reads the text once: 20,000 paths in a text of over a megabyte', () => {
    const text = JSON.stringify({ wijzigingen: Array.from({ length: 20_000 }, (_, i) => ({ soort: 'bedrag', jaar: 2028, bedrag: String(i), toelichting: 'x'.repeat(20) })) }, null, 2);
    expect(text.length).toBeGreaterThan(1_000_000);
    const locate = locator(text);
    // Were each path found by reading the text again, this would take minutes, far beyond the test's timeout.
    const places = Array.from({ length: 20_000 }, (_, i) => locate(`wijzigingen[${i}].bedrag`));
    expect(places[0]).toEqual({ line: 6, column: 17 });
    expect(places.every((p, i) => i === 0 || (p !== null && p.line > places[i - 1]!.line))).toBe(true);
  });
});
