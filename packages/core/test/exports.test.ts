import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Imports the built package the way another application does: by its name, through the
// exports map (the `default` condition → dist/), in a plain Node process without TypeScript.
// The root test setup builds dist/ first.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function runNode(code: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
}

describe('the package as another application sees it', () => {
  it('exposes the public API through its exports map', () => {
    const r = runNode(`
      import * as core from '@kansrijke-start/core';
      const data = core.baselineData();
      const out = core.allocateScenario(data, { versie: 1, naam: 'x', wijzigingen: [] });
      if (!out.ok) throw new Error('allocation failed');
      const r = out.allocation.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2026);
      const e = core.explain(out.allocation, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: 'GM0363' });
      console.log(JSON.stringify({
        resolved: import.meta.resolve('@kansrijke-start/core'),
        gemeenten: data.gemeenten.length,
        totaal: core.formatEuro(r.totaal, 'auto'),
        uitleg: e.ok && core.renderExplanation(e.uitleg).length > 3,
        apportion: core.apportion({ total: '10', weights: [{ code: 'a', weight: '1' }, { code: 'b', weight: '2' }] }).rows.map((x) => String(x.amount)),
      }));
    `);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.resolved).toMatch(/packages\/core\/dist\/index\.js$/);
    expect(out).toMatchObject({ gemeenten: 342, totaal: '€ 18.000.000', uitleg: true, apportion: ['300', '700'] });
  });

  it('does not expose internal modules', () => {
    const r = runNode(`await import('@kansrijke-start/core/src/allocation/allocate.js')`);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });

  it('leaves the global decimal.js configuration alone', () => {
    const r = runNode(`
      import Decimal from 'decimal.js';
      const before = Decimal.precision;
      await import('@kansrijke-start/core');
      console.log(before === Decimal.precision && Decimal.rounding === 4 ? 'untouched' : 'changed');
    `);
    expect(r.stdout.trim()).toBe('untouched');
  });
});
