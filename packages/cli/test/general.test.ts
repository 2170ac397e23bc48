import { describe, expect, it } from 'vitest';
import { allocationTable, baselineData, inhabitants, tableToCsv } from '@kansrijke-start/core';
import { spawnSync } from 'node:child_process';
import { BIN, STACK, baselineAllocation, ksBudget } from './run.js';

const COMMANDS = ['streams', 'allocate', 'compare', 'regio', 'explain', 'brief', 'describe', 'period', 'sweep', 'validate', 'schema', 'verify', 'apportion'];

describe('ks-budget', () => {
  it('prints the overview with --help (exit 0) and without a command (exit 2)', () => {
    const help = ksBudget(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Gebruik: ks-budget OPDRACHT/);
    for (const c of COMMANDS) expect(help.stdout).toContain(`  ${c} `);
    const none = ksBudget([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Gebruik: ks-budget OPDRACHT/);
  });

  it('prints Dutch usage for each command', () => {
    for (const c of COMMANDS) {
      const r = ksBudget([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Gebruik: ks-budget ${c}`));
      expect(ksBudget(['help', c]).stdout).toBe(r.stdout);
    }
  });

  it('writes no count, year or rule of the data into a help text: those come from the data', () => {
    const data = baselineData();
    const counts = [data.gemeenten.length, data.izaRegios.length].map(String);
    const division = `${data.indeling.van}-${data.indeling.tot}`;
    const texts = new Map(COMMANDS.map((c) => [c, ksBudget([c, '--help']).stdout]));
    for (const [c, text] of texts) {
      for (const n of counts) expect(text, `${c}: ${n}`).not.toMatch(new RegExp(`(?<![\\d.])${n}(?![\\d.])`));
      // The division's years only as part of its name, which is read from the data.
      expect(text.split(data.indeling.naam).join(''), c).not.toContain(division);
    }
    expect(texts.get('validate')).toContain(data.indeling.naam);
    // The inhabitants' reference date is the indicator's name in the data, through the core's column header.
    expect(texts.get('compare')).toContain(inhabitants(data).indicator.naam);
    // The help lists the columns the command writes, as the core defines them.
    for (const id of ['bronbedrag', 'bronstatus', 'korting_pct', 'bedrag', 'status']) expect(texts.get('streams')).toMatch(new RegExp(`^  ${id} `, 'm'));
    for (const c of ['streams', 'allocate', 'compare']) expect(texts.get(c)).toContain('officieel, officieel-afgerond, berekend, raming, scenario, onbekend');
  });

  it('rejects an unknown command with exit code 2 and no stack trace', () => {
    const r = ksBudget(['verdeel']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`onbekende opdracht "verdeel"; kies uit ${COMMANDS.join(', ')} (zie "ks-budget --help")\n`);
  });

  it('says which option lacks its value, and refuses an option given twice with two values', () => {
    const cases: [string[], string][] = [
      // A forgotten value: the next word is another option of the command.
      [['allocate', '--format', '--excel'], 'optie --format heeft een waarde nodig; na --format komt de optie --excel; zie "ks-budget allocate --help"\n'],
      [['explain', '--gemeente', 'Utrecht', '--year', '-h'], 'optie --year heeft een waarde nodig; na --year komt de optie -h; zie "ks-budget explain --help"\n'],
      // A value that starts with a dash: how to write it.
      [['apportion', '--total', '-5', '--weights', 'g.csv'], 'de waarde van --total begint met "-" ("-5"); schrijf --total=-5 als dat de waarde is\n'],
      [['allocate', '--years', '2026', '--years', '2027'], 'optie --years is twee keer gegeven ("2026" en "2027"); geef haar één keer; zie "ks-budget allocate --help"\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = ksBudget(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(stderr);
    }
    // The same value twice changes nothing and is taken.
    const twice = ksBudget(['allocate', '--years', '2026', '--years', '2026', '--format', 'json']);
    expect(twice.status, twice.stderr).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('stops quietly when the reader closes the pipe early (| head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" allocate | head -n 1`], { encoding: 'utf8' });
    const header = tableToCsv(allocationTable(baselineAllocation(baselineData()))).split('\n')[0];
    expect(r.stdout).toBe(`${header}\n`);
    expect(r.stderr).toBe('');
  });

  it('shows a stack trace only with KS_DEBUG=1', () => {
    const plain = ksBudget(['apportion', '--total', '1', '--weights', '/geen/bestand.csv']);
    expect(plain.stderr).not.toMatch(STACK);
    const debug = ksBudget(['apportion', '--total', '1', '--weights', '/geen/bestand.csv'], { env: { KS_DEBUG: '1' } });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(STACK);
  });
});
