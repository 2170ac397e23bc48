import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseScenario, scenarioJsonSchema } from '../src/index.js';
import { GOLDEN } from './golden/index.js';

// The scenario JSON Schema ships with the package as dist/scenario.schema.json (exported as
// `@kansrijke-start/core/scenario.schema.json`), written by the build from the built core. It
// must be the schema the core in this repository generates, and a real JSON Schema validator
// must accept every golden scenario with it and refuse what the core refuses for its shape.

const pkgDir = path.resolve(import.meta.dirname, '..');
const shipped = readFileSync(path.join(pkgDir, 'dist', 'scenario.schema.json'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(shipped) as object);
}

describe('the shipped scenario JSON Schema', () => {
  it('is the file the exports map names, and the schema the core generates', () => {
    expect(pkg.exports['./scenario.schema.json']).toBe('./dist/scenario.schema.json');
    expect(shipped).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    expect(JSON.parse(shipped).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(GOLDEN.map((g) => [g.naam, g.tekst] as const))('accepts the golden scenario %s', (_naam, tekst) => {
    const validate = validator();
    const ok = validate(JSON.parse(tekst));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    ['an unknown kind of change', { versie: 1, naam: 'x', wijzigingen: [{ soort: 'verdubbeling', stroom: 'ks-impuls', jaar: 2027, geldigheid: 'alleen-dit-jaar' }] }],
    ['a scenario without a name', { versie: 1, wijzigingen: [] }],
    ['a version that does not exist', { versie: 2, naam: 'x', wijzigingen: [] }],
    ['an unknown rounding', { versie: 1, naam: 'x', afronding: 'duizend', wijzigingen: [] }],
  ])('refuses %s, as the core does', (_wat, scenario) => {
    expect(validator()(scenario)).toBe(false);
    expect(parseScenario(scenario).ok).toBe(false);
  });
});
