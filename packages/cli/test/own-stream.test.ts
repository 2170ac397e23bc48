import { beforeAll, describe, expect, it } from 'vitest';
import { allocationTable, baselineData, tableToCsv, type BaselineData } from '@kansrijke-start/core';
import { calculate, files, ksBudget } from './run.js';

/** A scenario with an own stream "eigen:x" from 2028, and a change of its amount in 2029. */
const SCENARIO = JSON.stringify(
  {
    versie: 1,
    naam: 'Met eigen stroom',
    eigenStromen: [
      {
        id: 'eigen:x',
        naam: 'Pilot kraamzorg',
        toelichting: 'toezegging, nog niet in de begroting',
        bedragen: [{ jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '2000000' }],
        sleutel: { type: 'brede-spuk-2025' },
      },
    ],
    wijzigingen: [{ soort: 'bedrag', stroom: 'eigen:x', jaar: 2029, geldigheid: 'alleen-dit-jaar', bedrag: '3000000' }],
  },
  null,
  2,
);

/** The lines of a text output that speak of the own stream. */
const ownLines = (text: string): string[] => text.split('\n').filter((l) => l.includes('Pilot kraamzorg') || l.includes('eigen:x'));

describe('a scenario with an own stream', () => {
  let data: BaselineData;
  let f: Record<string, string>;
  beforeAll(() => {
    data = baselineData();
    f = files({ 's.json': SCENARIO });
  });

  it('allocate --stream eigen:x gives the core table for that stream', () => {
    const r = ksBudget(['allocate', '--scenario', f['s.json']!, '--stream', 'eigen:x', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const table = allocationTable(calculate(data, SCENARIO), { stroom: 'eigen:x' });
    expect(table.rijen.length).toBeGreaterThan(0);
    expect(r.stdout).toBe(tableToCsv(table));
  });

  it('compare, explain and regio take --stream eigen:x', () => {
    const compare = ksBudget(['compare', '--scenario', f['s.json']!, '--stream', 'eigen:x', '--years', '2028', '--format', 'csv']);
    expect(compare.status, compare.stderr).toBe(0);
    expect(compare.stdout).toContain('eigen:x');
    const explain = ksBudget(['explain', '--scenario', f['s.json']!, '--stream', 'eigen:x', '--year', '2028', '--gemeente', 'GM0363']);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('Pilot kraamzorg');
    const regio = ksBudget(['regio', '--scenario', f['s.json']!, '--stream', 'eigen:x', '--years', '2028', '--format', 'csv']);
    expect(regio.status, regio.stderr).toBe(0);
    expect(regio.stdout).toContain('eigen:x');
  });

  it('explain without --stream explains the own stream too', () => {
    const r = ksBudget(['explain', '--scenario', f['s.json']!, '--year', '2028', '--gemeente', 'GM0363']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('== Pilot kraamzorg (eigen:x) ==');
  });

  it('an own stream the scenario does not declare is a Dutch input error naming the ones it does (exit 2)', () => {
    for (const command of [
      ['allocate', '--scenario', f['s.json']!],
      ['compare', '--scenario', f['s.json']!],
      ['explain', '--scenario', f['s.json']!, '--year', '2028', '--gemeente', 'GM0363'],
      ['regio', '--scenario', f['s.json']!],
    ]) {
      const r = ksBudget([...command, '--stream', 'eigen:y']);
      expect(r.status, command[0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--stream: onbekende eigen stroom "eigen:y"; het scenario declareert alleen eigen:x');
    }
    const basis = ksBudget(['allocate', '--stream', 'eigen:x']);
    expect(basis.status).toBe(2);
    expect(basis.stderr).toContain('--stream: onbekende eigen stroom "eigen:x"; zonder --scenario rekent ks-budget met de basis, die geen eigen stromen heeft');
    const form = ksBudget(['allocate', '--scenario', f['s.json']!, '--stream', 'eigen:X Y']);
    expect(form.status).toBe(2);
    expect(form.stderr).toContain('geen id van een eigen stroom');
  });

  it('describe prints the own stream, and that it does not run in the baseline, never "onbekend"', () => {
    const r = ksBudget(['describe', '--scenario', f['s.json']!]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Eigen stroom van het scenario (niet in de basis):');
    expect(r.stdout).toContain('Pilot kraamzorg (eigen:x): eigen stroom van het scenario, status scenario');
    expect(r.stdout).toMatch(/2028: € 2\.000\.000 \(bedrag 1, vanaf 2028\)\. Te verdelen: € 2\.000\.000 in het scenario; loopt niet in de basis\./);
    // The change of its amount in 2029.
    expect(r.stdout).toMatch(/2029: zonder wijzigingen € 2\.000\.000; scenario € 3\.000\.000\. Te verdelen: loopt niet in de basis, € 3\.000\.000 in het scenario\./);
    expect(r.stdout).not.toContain('onbekend in de basis');
    const own = ownLines(r.stdout).join('\n') + r.stdout.split('\n').filter((l) => /^\s+20\d\d: /.test(l)).join('\n');
    expect(own).not.toContain('onbekend');
  });

  it('period prints "loopt niet" for the baseline of the own stream, never "onbekend"', () => {
    const r = ksBudget(['period', '--scenario', f['s.json']!]);
    expect(r.status, r.stderr).toBe(0);
    const [line, ...more] = ownLines(r.stdout);
    expect(more).toEqual([]);
    expect(line).toMatch(/^ {2}Pilot kraamzorg: loopt niet → € 7\.000\.000 \(Met eigen stroom: \+€ 7\.000\.000\)$/);
    expect(line).not.toContain('onbekend');
  });
});
