import { beforeAll, describe, expect, it } from 'vitest';
import {
  allocationTable,
  baselineData,
  compareAllocations,
  comparisonSummary,
  plainSummary,
  formatDate,
  formatEuro,
  formatSignedEuro,
  type Allocation,
  type BaselineData,
} from '@kansrijke-start/core';
import { baselineAllocation, calculate, cents, files, ksBudget, toPlain } from './run.js';
import { GOOD, SPLIT } from './fixtures.js';

const tty = (columns: number) => ({ KS_BUDGET_TTY: '1', KS_BUDGET_COLUMNS: String(columns) });
const len = (s: string) => [...s].length;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** No line longer than the width, unless it is one unbreakable word (an amount `€ 1.234` counts as one). */
function expectFits(text: string, width: number): void {
  for (const line of text.split('\n')) {
    if (len(line) > width) expect(words(line.trim().replace(/^([-+]?€) /, '$1')).length, `line longer than ${width}: "${line}"`).toBe(1);
  }
}

describe('output on a terminal', () => {
  let data: BaselineData;
  let basis: Allocation;
  let split: Allocation;
  let f: Record<string, string>;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    split = calculate(data, SPLIT);
    f = files({ 'split.json': SPLIT, 'goed.json': GOOD });
  });

  it('piped, or with --format on a terminal, the output is byte for byte the machine-readable output', () => {
    const cases = [
      ['allocate', '--years', '2027', '--stream', 'nu-niet-zwanger'],
      ['compare', '--scenario', f['split.json']!, '--years', '2027'],
      ['streams', '--years', '2026-2027'],
      ['period', '--scenario', f['split.json']!],
      ['describe', '--scenario', f['split.json']!],
    ];
    for (const args of cases) {
      const piped = ksBudget(args);
      expect(piped.status, piped.stderr).toBe(0);
      expect(ksBudget(args, { env: { KS_BUDGET_TTY: '0' } }).stdout).toBe(piped.stdout);
      for (const format of ['csv', 'json']) {
        if (args[0] === 'period' || args[0] === 'describe') continue;
        expect(ksBudget([...args, '--format', format], { env: tty(60) }).stdout).toBe(ksBudget([...args, '--format', format]).stdout);
      }
    }
  });

  it('allocate: an aligned table with the core figures in Dutch money notation, no line wider than the terminal', () => {
    const width = 120;
    const r = ksBudget(['allocate', '--years', '2027', '--gemeente', 'Utrecht'], { env: tty(width) });
    expect(r.status, r.stderr).toBe(0);
    expectFits(r.stdout, width);
    const table = allocationTable(basis, { van: 2027, tot: 2027, ontvangers: ['GM0344'] });
    const bedrag = table.kolommen.findIndex((c) => c.id === 'bedrag');
    expect(table.rijen.length).toBeGreaterThan(0);
    for (const row of table.rijen) {
      const v = row[bedrag];
      if (typeof v === 'bigint') expect(r.stdout).toContain(formatEuro(v, table.eenheid === 'euro' ? 'auto' : 'always'));
    }
    expect(r.stdout).not.toMatch(/\d\.\d\d\b,/); // no CSV
  });

  it('compare ends with the core summary: totals per stream and year and the largest decreases', () => {
    const width = 140;
    const r = ksBudget(['compare', '--scenario', f['split.json']!, '--years', '2027-2028', '--stream', 'nu-niet-zwanger'], { env: tty(width) });
    expect(r.status, r.stderr).toBe(0);
    expectFits(r.stdout, width);
    const at = r.stdout.indexOf('Samenvatting:');
    expect(at).toBeGreaterThan(0);
    const tail = r.stdout.slice(at);
    const s = comparisonSummary(compareAllocations(data, [basis, split], { van: 2027, tot: 2028, stroom: 'nu-niet-zwanger' }));
    for (const t of s.totalen) {
      const line = tail.split('\n').find((l) => l.startsWith(String(t.jaar)))!;
      expect(line).toContain(formatEuro(t.totalen[0]!.bedrag!, 'auto'));
      expect(line).toContain(formatSignedEuro(t.verschillen[0]!));
    }
    const dalers = tail.slice(tail.indexOf('Grootste dalers'));
    const b = s.bewegingen[0]!;
    expect(b.dalers.length).toBe(5);
    for (const m of b.dalers) expect(dalers).toMatch(new RegExp(`${m.ontvanger}\\s+${formatSignedEuro(m.verschil).replace(/[.+€]/g, '\\$&')}`));
    expect(tail).toContain(`${b.aantalDalers} erop achteruit`);
  });

  it('compare --summary adds the core summary to JSON, in euros as the rows are; with CSV it is refused in Dutch', () => {
    const r = ksBudget(['compare', '--scenario', f['goed.json']!, '--years', '2028', '--format', 'json', '--summary']);
    expect(r.status, r.stderr).toBe(0);
    const good = calculate(data, GOOD);
    const summary = comparisonSummary(compareAllocations(data, [basis, good], { van: 2028, tot: 2028, stroom: null, alleenVerschillen: false, ontvangers: null }), { aantal: 5 });
    const doc = JSON.parse(r.stdout);
    expect(doc.samenvatting).toEqual(toPlain(plainSummary(summary, 'euro')));
    // The summary and the rows speak the same unit: a stream-year's total is the sum of its rows.
    const t = doc.samenvatting.totalen.find((x: { stroom: string }) => x.stroom === 'integrale-gezinspoli');
    const rows = (doc.regels as Record<string, string | null>[]).filter((x) => x['stroom'] === 'integrale-gezinspoli');
    expect(cents(t.totalen[1].bedrag)).toBe(rows.reduce((s, x) => s + cents(x['scenario']!), 0n));
    expect(cents(t.totalen[1].bedrag)).toBe(summary.totalen.find((x) => x.stroom === 'integrale-gezinspoli')!.totalen[1]!.bedrag);
    const without = JSON.parse(ksBudget(['compare', '--scenario', f['goed.json']!, '--years', '2028', '--format', 'json']).stdout);
    expect(without).not.toHaveProperty('samenvatting');
    const csv = ksBudget(['compare', '--scenario', f['goed.json']!, '--summary']);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/^--summary hoort bij JSON-uitvoer/);
    expect(csv.stdout).toBe('');
  });

  it('apportion and regio: aligned tables on a terminal; the machine output with --format', () => {
    const w = files({ 'gewichten.csv': 'code,weight\nGM0599,1\nGM0014,1\nGM0363,1\n' });
    const args = ['apportion', '--total', '1000000', '--weights', w['gewichten.csv']!];
    const r = ksBudget(args, { env: tty(40) });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^code\s+amount$/);
    // The amounts of the CSV, in Dutch notation, right-aligned: every row ends in the same column.
    const csv = ksBudget(args).stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/))).toEqual(csv.map(([code, amount]) => [code, formatEuro(BigInt(amount!) * 100n, 'auto')]));
    expect(new Set(lines.slice(2).map(len)).size).toBe(1);
    expect(ksBudget([...args, '--format', 'csv'], { env: tty(40) }).stdout).toBe(ksBudget(args).stdout);
    const regio = ['regio', '--soort', 'ggd', '--years', '2027'];
    const t = ksBudget(regio, { env: tty(100) });
    expect(t.status, t.stderr).toBe(0);
    expectFits(t.stdout, 100);
    expect(t.stdout).toContain('€ ');
    expect(ksBudget([...regio, '--format', 'csv'], { env: tty(100) }).stdout).toBe(ksBudget(regio).stdout);
  });

  it('streams: the stand of a source is a Dutch date on a terminal, ISO in the CSV', () => {
    const csv = ksBudget(['streams', '--years', '2026', '--format', 'json']);
    const stands = [...new Set((JSON.parse(csv.stdout) as { regels: { stand: string | null }[] }).regels.map((r) => r.stand).filter((s): s is string => !!s))];
    expect(stands.filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s)).length).toBeGreaterThan(0);
    const t = ksBudget(['streams', '--years', '2026'], { env: tty(120) });
    expect(t.status, t.stderr).toBe(0);
    for (const stand of stands) {
      expect(t.stdout).toContain(formatDate(stand));
      if (/^\d{4}-\d{2}-\d{2}$/.test(stand)) expect(t.stdout).not.toContain(stand);
    }
  });

  it('prose (period, describe, explain) is wrapped to the width, with the same words as piped', () => {
    for (const args of [
      ['period', '--scenario', f['split.json']!],
      ['describe', '--scenario', f['split.json']!],
      ['explain', '--gemeente', 'Utrecht', '--year', '2027'],
    ]) {
      const piped = ksBudget(args).stdout;
      for (const width of [40, 72]) {
        const r = ksBudget(args, { env: tty(width) });
        expect(r.status, r.stderr).toBe(0);
        expectFits(r.stdout, width);
        expect(words(r.stdout)).toEqual(words(piped));
      }
    }
  });
});
