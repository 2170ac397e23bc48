import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STREAM_IDS, baselineData, compareAllocations, comparisonTable, tableToObjects, type BaselineData } from '@kansrijke-start/core';
import { baselineAllocation, calculate, cents, csvObjects, files, ksBudget } from './run.js';
import { GEZINSPOLI, SPLIT_CHANGE } from './fixtures.js';
import { SCENARIOS_PER_THREAD, defaultWorkers } from '../src/commands/sweep.js';

const line = (naam: string, changes: readonly object[]) => JSON.stringify({ versie: 1, naam, wijzigingen: changes });
const SCENARIOS = [
  line('Lokaal 60', [SPLIT_CHANGE]),
  '',
  line('Gezinspoli 6 mln', [GEZINSPOLI]),
  line('Lokaal 30 en gezinspoli', [{ ...SPLIT_CHANGE, lokaalPercentage: '30' }, GEZINSPOLI]),
  line('Korting 10%', [{ soort: 'korting', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: '10' }]),
];
/** A line with an invalid year (line 3 of BAD_FILE) and a line that is not JSON (line 4). */
const BAD_FILE = [SCENARIOS[0], SCENARIOS[2], line('Fout jaar', [{ ...GEZINSPOLI, jaar: 2035 }]), '{"versie": 1, "naam": "kapot",', SCENARIOS[4]];

describe('ks-budget sweep', () => {
  let data: BaselineData;
  let f: Record<string, string>;
  beforeAll(() => {
    data = baselineData();
    const singles = Object.fromEntries(SCENARIOS.map((s, i) => [`s${i + 1}.json`, s]).filter(([, s]) => s !== ''));
    f = files({ 'scenarios.jsonl': `${SCENARIOS.join('\n')}\n`, 'fout.jsonl': `${BAD_FILE.join('\n')}\n`, ...singles });
  });

  it('gives the same output with 1 worker, 2 workers and 3 workers, and each row equals running that scenario alone', () => {
    const runs = ['1', '2', '3'].map((w) => ksBudget(['sweep', '--scenarios', f['scenarios.jsonl']!, '--years', '2026-2029', '--workers', w]));
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    const rows = csvObjects(runs[0]!.stdout).rows;
    // Numbered by line: the empty line 2 is not a scenario.
    expect(rows.map((r) => r['nummer'])).toEqual(['1', '3', '4', '5']);
    for (const row of rows) {
      // The same scenario alone, through `compare --summary`.
      const alone = ksBudget(['compare', '--scenario', f[`s${row['nummer']}.json`]!, '--years', '2026-2029', '--format', 'json', '--summary']);
      expect(alone.status, alone.stderr).toBe(0);
      const s = JSON.parse(alone.stdout).samenvatting;
      expect(row['naam']).toBe(JSON.parse(alone.stdout).scenario);
      expect(row['fout']).toBe('');
      for (const id of STREAM_IDS) {
        const t = s.perStroom.find((x: { stroom: string }) => x.stroom === id);
        if (t?.totalen[1]?.bedrag == null) expect(row[`totaal_${id}`]).toBe('');
        else expect(cents(row[`totaal_${id}`]!)).toBe(cents(t.totalen[1].bedrag));
        if (t?.verschillen[0] != null) expect(cents(row[`verschil_${id}`]!)).toBe(cents(t.verschillen[0]));
      }
      const b = s.bewegingen[0];
      expect([row['gemeenten_vooruit'], row['gemeenten_achteruit'], row['gemeenten_onbekend']]).toEqual([String(b.aantalStijgers), String(b.aantalDalers), String(b.aantalOnbekend)]);
      expect(row['grootste_stijging_code']).toBe(b.stijgers[0]?.ontvanger ?? '');
      expect(row['grootste_daling_code']).toBe(b.dalers[0]?.ontvanger ?? '');
      if (b.dalers[0]) expect(cents(row['grootste_daling']!)).toBe(cents(b.dalers[0].verschil));
      if (b.stijgers[0]) expect(cents(row['grootste_stijging']!)).toBe(cents(b.stijgers[0].verschil));
    }
  });

  it('a bad line gets a Dutch message with its line number, the others still run, and the exit code says some failed', () => {
    const r = ksBudget(['sweep', '--scenarios', f['fout.jsonl']!, '--workers', '2']);
    expect(r.status).toBe(2);
    const name = f['fout.jsonl']!;
    expect(r.stderr).toContain(`fout: ${name}, regel 3, kolom `);
    expect(r.stderr).toMatch(/regel 3, kolom \d+ \(wijzigingen\[0\]\.jaar\): het jaar moet 2030 of eerder zijn/);
    expect(r.stderr).toMatch(new RegExp(`fout: ${name.replace(/[.]/g, '\\.')}, regel 4, kolom \\d+: dit is geen geldige JSON`));
    expect(r.stderr).toContain("2 van de 5 scenario's konden niet worden berekend");
    const rows = csvObjects(r.stdout).rows;
    expect(rows.map((x) => x['nummer'])).toEqual(['1', '2', '3', '4', '5']);
    expect(rows.map((x) => x['fout'] !== '')).toEqual([false, false, true, true, false]);
    expect(rows[2]!['naam']).toBe('Fout jaar');
    expect(rows[2]!['totaal_ks-impuls']).toBe('');
    // The good lines are as in a file without the bad ones.
    const good = csvObjects(ksBudget(['sweep', '--scenarios', f['scenarios.jsonl']!, '--workers', '1']).stdout).rows;
    expect({ ...rows[4], nummer: '' }).toEqual({ ...good[3], nummer: '' });
  });

  it('one parameter over a range: the local share from 0% to 100% in steps of 10, each step as its own scenario', () => {
    const args = ['sweep', '--parameter', 'lokaal-regionaal', '--stream', 'nu-niet-zwanger', '--year', '2027', '--from', '0', '--to', '100', '--step', '10', '--years', '2027'];
    const r = ksBudget([...args, '--format', 'json', '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.regels.length).toBe(11);
    expect(doc.mislukt).toBe(0);
    const basis = baselineAllocation(data);
    doc.regels.forEach((row: Record<string, string | null>, i: number) => {
      const variant = calculate(data, { versie: 1, naam: 'x', wijzigingen: [{ ...SPLIT_CHANGE, lokaalPercentage: String(i * 10) }] });
      const rows = compareAllocations(data, [basis, variant], { van: 2027, tot: 2027 }).filter((x) => x.soort === 'gemeente');
      const losers = new Set(rows.filter((x) => x.verschillen[0]!.verschil! < 0n).map((x) => x.ontvanger));
      expect(row['nummer']).toBe(String(i + 1));
      expect(row['naam']).toContain(`${i * 10}% lokaal`);
      expect(row['gemeenten_achteruit']).toBe(String(losers.size));
      // The total does not change: money moves between municipalities and regions.
      expect(row['verschil_nu-niet-zwanger']).toBe('0');
    });
    expect(doc.regels[10].gemeenten_achteruit).toBe('0');
    // Same as CSV with one worker.
    const csv = csvObjects(ksBudget([...args, '--workers', '1']).stdout).rows;
    expect(csv.map((x) => x['gemeenten_achteruit'])).toEqual(doc.regels.map((x: Record<string, string>) => x['gemeenten_achteruit']));
  });

  it('--detail writes the core comparison rows of every scenario, in input order, header once, the same with any number of workers', () => {
    const dir = path.dirname(f['scenarios.jsonl']!);
    const detail = (w: string) => {
      const file = path.join(dir, `detail-${w}.csv`);
      const r = ksBudget(['sweep', '--scenarios', f['scenarios.jsonl']!, '--years', '2028', '--workers', w, '--detail', file]);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(file, 'utf8');
    };
    const one = detail('1');
    expect(detail('2')).toBe(one);
    const t = csvObjects(one);
    expect(t.header[0]).toBe('nummer');
    const basis = baselineAllocation(data);
    const expected = [1, 3, 4, 5].flatMap((n) => {
      const a = calculate(data, SCENARIOS[n - 1]!);
      return tableToObjects(comparisonTable(data, [basis, a], ['Basis', a.scenario.naam], { van: 2028, tot: 2028 })).map((o) => ({ nummer: String(n), ...Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? '' : String(v)])) }));
    });
    expect(t.rows).toEqual(expected);
  });

  it('refuses bad options in Dutch', () => {
    const cases: [string[], RegExp][] = [
      [['sweep'], /^geef --scenarios BESTAND/],
      [['sweep', '--parameter', 'sleutel', '--stream', 'nu-niet-zwanger', '--year', '2027', '--from', '0', '--to', '1', '--step', '1'], /^--parameter: "sleutel" is geen parameter/],
      [['sweep', '--parameter', 'korting', '--stream', 'nu-niet-zwanger', '--year', '2027', '--from', '0', '--to', '10', '--step', '0'], /^--step: de stap moet groter dan 0/],
      [['sweep', '--parameter', 'korting', '--stream', 'nu-niet-zwanger', '--year', '2027', '--from', '10', '--to', '0', '--step', '1'], /loopt achteruit/],
      [['sweep', '--parameter', 'korting', '--stream', 'nu-niet-zwanger', '--year', '2027', '--from', '0,5', '--to', '1', '--step', '1'], /^--from: /],
      [['sweep', '--scenarios', 'x.jsonl', '--workers', '0'], /^--workers: "0" is geen aantal/],
      [['sweep', '--scenarios', 'x.jsonl', '--year', '2027'], /^--year hoort bij --parameter/],
      [['sweep', '--scenarios', path.join(path.dirname(f['scenarios.jsonl']!), 'bestaat-niet.jsonl')], /bestand niet gevonden/],
    ];
    for (const [args, message] of cases) {
      const r = ksBudget(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('shows a progress line only when stderr is a terminal', () => {
    const args = ['sweep', '--scenarios', f['scenarios.jsonl']!, '--years', '2027', '--workers', '2'];
    expect(ksBudget(args).stderr).toBe('');
    const r = ksBudget(args, { env: { KS_BUDGET_STDERR_TTY: '1' } });
    expect(r.stderr).toContain("\rsweep: 4 van 4 scenario's doorgerekend (2 rekenthreads)");
    expect(r.stdout).toBe(ksBudget(args).stdout);
    // Without --workers, four scenarios are computed in one thread (see defaultWorkers).
    const auto = ksBudget(args.filter((a, i) => a !== '--workers' && args[i - 1] !== '--workers'), { env: { KS_BUDGET_STDERR_TTY: '1' } });
    expect(auto.stderr).toContain("\rsweep: 4 van 4 scenario's doorgerekend (1 rekenthread)");
    expect(auto.stdout).toBe(r.stdout);
  });

  it('by default starts a thread per 2,000 scenarios, at most one per core', () => {
    expect(SCENARIOS_PER_THREAD).toBe(2000);
    expect([1, 2000, 2001, 4000, 4001, 100_000].map((n) => defaultWorkers(n, 2))).toEqual([1, 1, 2, 2, 2, 2]);
    expect([1, 2000, 2001, 6001, 100_000].map((n) => defaultWorkers(n, 16))).toEqual([1, 1, 2, 4, 16]);
    expect(defaultWorkers(100_000, 1)).toBe(1);
  });
});
