import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseScenario, withoutChanges } from './parse.js';
import { emptyScenario } from './format.js';
import { scenarioSchemas } from './schema.js';

/** A scenario's own fields as anyone might write them: right, wrong, absent, undefined, or one too many. */
const fieldArb = <T>(good: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.anything() }), { nil: null, freq: 3 });
const headArb = fc
  .record({
    versie: fieldArb(fc.constantFrom(1, 1, 1, 2, '1')),
    naam: fieldArb(fc.string({ maxLength: 205 })),
    omschrijving: fieldArb(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 4998, maxLength: 5002 }))),
    afronding: fieldArb(fc.constantFrom('euro', 'cent', 'cent', 'Euro')),
    herindelingen: fieldArb(fc.constantFrom('gepland', 'zonder', 'zonder', 'nee')),
    wijzigingen: fieldArb(fc.constantFrom([], [], [], [{}], {})),
    eigenStromen: fc.option(fc.constantFrom([], [{}]), { nil: null, freq: 1 }),
    extra: fc.option(fc.anything(), { nil: null, freq: 1 }),
  })
  // null: the field is left out.
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));

describe('withoutChanges (a scenario without changes, read without the schemas)', () => {
  it('property: gives exactly what the schema gives (defaults, field order), and applies to every such scenario the schema accepts', () => {
    let fast = 0;
    fc.assert(
      fc.property(headArb, (value) => {
        const viaSchema = scenarioSchemas().scenario.safeParse(value);
        const plain = withoutChanges(value);
        if (plain) {
          fast++;
          expect(viaSchema.success).toBe(true);
          expect(JSON.stringify(plain)).toBe(JSON.stringify(viaSchema.data));
          expect(plain).toStrictEqual(viaSchema.data);
          expect(parseScenario(value)).toStrictEqual({ ok: true, scenario: plain });
        } else if (viaSchema.success && viaSchema.data.wijzigingen.length === 0 && !('eigenStromen' in value) && Object.values(value).every((v) => v !== undefined)) {
          throw new Error(`not read without the schema: ${JSON.stringify(value)}`);
        }
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(20);
  });

  it('reads the empty scenario, and leaves a scenario with a change or an own stream to the schema', () => {
    expect(withoutChanges(emptyScenario('Basis'))).toStrictEqual(emptyScenario('Basis'));
    expect(withoutChanges(JSON.parse(JSON.stringify({ versie: 1, naam: 'x', wijzigingen: [] })))).toStrictEqual({ versie: 1, naam: 'x', afronding: 'euro', herindelingen: 'gepland', wijzigingen: [] });
    expect(withoutChanges({ ...emptyScenario(), eigenStromen: [] })).toBeNull();
    expect(withoutChanges({ ...emptyScenario(), wijzigingen: [{}] })).toBeNull();
    expect(withoutChanges(Object.assign(Object.create(null), emptyScenario()))).toBeNull();
    // At the limits of the schema's lengths, both ways.
    for (const [field, max] of [['naam', 200], ['omschrijving', 5000]] as const) {
      for (const n of [max, max + 1]) {
        const value = { ...emptyScenario(), [field]: 'x'.repeat(n) };
        expect(withoutChanges(value) !== null).toBe(n === max);
        expect(scenarioSchemas().scenario.safeParse(value).success).toBe(n === max);
      }
    }
  });
});
