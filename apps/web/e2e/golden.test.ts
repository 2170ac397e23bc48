import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  comparisonTable,
  compareTotals,
  emptyScenario,
  formatEuro,
  recipientView,
  tableToCsv,
  type Allocation,
} from '@kansrijke-start/core';
import { GOLDEN } from '../../../packages/core/test/golden/index.js';
import { downloadVia, launch, newPage, open } from './browser.js';
import { allocationOf, data } from './core.js';

// The golden scenarios through the built app: uploaded as a file, shown and downloaded. Every
// figure on the page and every downloaded file must be what the core computes, and the files
// must be byte for byte what `ks-budget compare` writes for the same scenario.
const CLI = resolve(import.meta.dirname, '../../../packages/cli/bin/ks-budget.cjs');
const core = allocationOf;
const basis = core(emptyScenario());
const kant = (a: Allocation, stroom: string, jaar: number): string => {
  const r = a.resultaten.find((x) => x.stroom === stroom && x.jaar === jaar);
  return r ? (r.totaal === null ? 'onbekend' : formatEuro(r.totaal, 'auto')) : '–';
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('golden scenarios through the app', () => {
  for (const g of GOLDEN) {
    test(`${g.naam}: the page and the downloads show the core's figures, the same files as the CLI`, async () => {
      const a = core(g.tekst);
      const { page, errors } = await newPage(browser);
      await open(page, '#/delen');
      await page.locator('#scenario-bestand').setInputFiles({ name: `${g.naam}.json`, mimeType: 'application/json', buffer: Buffer.from(g.tekst, 'utf8') });
      await expect.poll(() => page.locator('#delen-status').textContent()).toContain('ingelezen');

      for (const [knop, excel] of [['CSV', false], ['CSV voor Nederlandse Excel', true]] as const) {
        const dl = await downloadVia(page, () => page.getByRole('button', { name: knop, exact: true }).click());
        const text = dl.bytes.toString('utf8');
        expect(text).toBe(tableToCsv(comparisonTable(data, [basis, a], ['Basis', a.scenario.naam]), { excel }));
        const cli = spawnSync(process.execPath, [CLI, 'compare', '--scenario', g.pad, ...(excel ? ['--excel'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        expect(cli.status, cli.stderr).toBe(0);
        expect(text).toBe(cli.stdout);
      }

      // The totals per stream and year, as the scenario page shows them.
      await open(page, '#/scenario');
      for (const t of compareTotals([basis, a])) {
        const cel = page.locator(`#tabel-totalen tr[data-stroom="${t.stroom}"][data-jaar="${t.jaar}"] [data-kolom="scenario"]`);
        expect(await cel.textContent(), `${t.stroom} ${t.jaar}`).toBe(kant(a, t.stroom, t.jaar));
      }

      // One municipality's page: the scenario column is the core's view, row by row.
      const v = recipientView(data, [basis, a], 'GM0363');
      await open(page, '#/gemeente/GM0363');
      const scenarioActief = a.scenario.wijzigingen.length > 0;
      const cellen = await page.locator('#tabel-gemeente tbody tr:not(.jaar-totaal):not(.uitleg-rij)').evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td.num'), (td) => td.textContent ?? '')),
      );
      const verwacht = v.rijen.map((r) => {
        const z = r.zijden[scenarioActief ? 1 : 0]!;
        return !z.aanwezig ? '–' : z.verdeeld ? (z.bedrag === null ? 'onbekend' : formatEuro(z.bedrag, 'auto')) : 'niet verdeeld';
      });
      expect(cellen.map((c) => c[scenarioActief ? 1 : 0])).toEqual(verwacht);
      expect(errors).toEqual([]);
    });
  }
});
