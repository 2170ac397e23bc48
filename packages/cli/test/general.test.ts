import { describe, expect, it } from 'vitest';
import { STREAMS, baselineData, nationalRow } from '@kansrijke-start/core';
import { parseCsv } from '@kansrijke-start/core';
import { spawnSync } from 'node:child_process';
import { BIN, STACK, ksBudget } from './run.js';

describe('ks-budget', () => {
  it('prints the overview with --help (exit 0) and without a command (exit 2)', () => {
    const help = ksBudget(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Gebruik: ks-budget OPDRACHT/);
    for (const c of ['streams', 'allocate', 'compare', 'explain', 'validate', 'apportion']) expect(help.stdout).toContain(`  ${c} `);
    const none = ksBudget([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Gebruik: ks-budget OPDRACHT/);
  });

  it('prints Dutch usage for each command', () => {
    for (const c of ['streams', 'allocate', 'compare', 'explain', 'validate', 'apportion']) {
      const r = ksBudget([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Gebruik: ks-budget ${c}`));
      expect(ksBudget(['help', c]).stdout).toBe(r.stdout);
    }
  });

  it('rejects an unknown command with exit code 2 and no stack trace', () => {
    const r = ksBudget(['verdeel']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('onbekende opdracht "verdeel"; kies uit streams, allocate, compare, explain, validate, schema, apportion (zie "ks-budget --help")\n');
  });

  it.skipIf(process.platform === 'win32')('stops quietly when the reader closes the pipe early (| head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" allocate | head -n 1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('jaar,stroom,ontvanger,naam,bedrag,status\n');
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

describe('ks-budget streams', () => {
  it('lists each stream and year with amount, status and source as in the data', () => {
    const r = ksBudget(['streams']);
    expect(r.status).toBe(0);
    const t = parseCsv(r.stdout, { bestand: 'stdout' });
    if (!t.ok) throw new Error(t.fouten.join('\n'));
    expect(t.header).toEqual(['jaar', 'stroom', 'naam', 'bedrag', 'status', 'korting', 'verdeling', 'bron', 'toelichting']);
    const data = baselineData();
    let n = 0;
    for (const s of STREAMS) {
      for (let jaar = 2019; jaar <= 2030; jaar++) {
        const row = nationalRow(data, s.id, jaar);
        const line = t.rows.find((x) => x.cells[0] === String(jaar) && x.cells[1] === s.id);
        if (!row) {
          expect(line).toBeUndefined();
          continue;
        }
        n++;
        expect(line!.cells[3]).toBe(row.bedrag === null ? '' : row.bedrag.toFixed());
        expect(line!.cells[4]).toBe(row.status);
        expect(line!.cells[7]).toBe(row.bron);
      }
    }
    expect(t.rows.length).toBe(n);
    const spuk2026 = t.rows.find((x) => x.cells[0] === '2026' && x.cells[1] === 'ks-brede-spuk')!;
    expect(spuk2026.cells[5]).toBe('10');
  });

  it('writes JSON and the Excel variant', () => {
    const json = JSON.parse(ksBudget(['streams', '--years', '2019', '--format', 'json']).stdout) as { bedrag: unknown }[];
    expect(json).toEqual([expect.objectContaining({ jaar: 2019, stroom: 'ks-impuls', bedrag: '3000000', status: 'officieel' })]);
    const excel = ksBudget(['streams', '--years', '2019', '--excel']).stdout;
    expect(excel.startsWith('\uFEFFjaar;stroom;naam;bedrag;status;')).toBe(true);
    expect(excel).toContain('\r\n2019;ks-impuls;Impuls Kansrijke Start;3000000;officieel;');
  });
});
