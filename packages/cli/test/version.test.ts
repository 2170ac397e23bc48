import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ENGINE, baselineData, formatDate } from '@kansrijke-start/core';
import { ksBudget } from './run.js';

describe('ks-budget --version', () => {
  const cli = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const v = baselineData().versie;

  it('prints the CLI, the engine and the data version with its date, in Dutch (--version and -V)', () => {
    const expected = `ks-budget ${cli}\nrekenmotor ${ENGINE.naam} ${ENGINE.versie}\ngegevens ${v.versie} (stand ${formatDate(v.datum)})\n`;
    for (const flag of ['--version', '-V']) {
      const r = ksBudget([flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(r.stderr).toBe('');
    }
    // The date as people read it, e.g. "22 april 2026".
    expect(formatDate(v.datum)).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
  });

  it('is named in the overview help', () => {
    expect(ksBudget(['--help']).stdout).toContain('"ks-budget --version" (of -V)');
  });

  it('takes no further arguments', () => {
    const r = ksBudget(['--version', 'allocate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('--version neemt geen verdere argumenten; schrijf alleen "ks-budget --version"\n');
  });
});
