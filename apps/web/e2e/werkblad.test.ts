import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  describeScenario,
  emptyScenario,
  formatEuro,
  formatSignedEuro,
  periodView,
  winnersAndLosers,
} from '@kansrijke-start/core';
import { axe, launch, newPage, open, screenshot, voegToe } from './browser.js';
import { allocationOf, data } from './core.js';

/** The workbench on the scenario page: the scenario in words and over a period, the core's views, at every width. */

const alloc = allocationOf;
const basis = alloc(emptyScenario());

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('The scenario in words', () => {
  for (const width of [390, 820, 1280] as const) {
    test(`every change with the baseline and the scenario per year (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await open(page, '#/scenario');
      expect(await page.locator('#beschrijving').count()).toBe(0); // the baseline has nothing to describe
      await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
      await page.locator('#w0-bedrag').fill('6.000.000');
      await page.getByLabel('vanaf 2028').check();
      // What the core says for the same scenario.
      const scenario = alloc({
        ...emptyScenario(),
        wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' }],
      });
      const d = describeScenario(data, basis, scenario).wijzigingen[0]!;
      const item = page.locator('#beschrijving-1');
      await expect.poll(() => item.locator('tbody tr').count()).toBe(d.jaren.length);
      const gewoon = (t: string | null) => (t ?? '').replace(/\u00a0/g, ' ');
      expect(gewoon(await item.locator('p').first().textContent())).toBe(`${d.soort}, ${d.stroomNaam}, ${d.geldigheid}: ${d.waarde}`);
      for (const [k, j] of d.jaren.entries()) {
        const cells = item.locator('tbody tr').nth(k).locator('th, td');
        expect((await cells.allTextContents()).map(gewoon)).toEqual([String(j.jaar), j.basis, j.scenario, formatEuro(j.bedragBasis!, 'auto'), formatEuro(j.bedragScenario!, 'auto')]);
      }
      await item.scrollIntoViewIfNeeded();
      await screenshot(page, `beschrijving-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 1280) expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('The scenario over a period', () => {
  for (const width of [390, 820, 1280] as const) {
    test(`stream sums, gainers and losers, size classes; another period (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await open(page, '#/scenario');
      expect(await page.locator('#periode').count()).toBe(0);
      await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
      await page.locator('#w0-bedrag').fill('6.000.000');
      await page.getByLabel('vanaf 2028').check();
      const scenario = alloc({
        ...emptyScenario(),
        wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' }],
      });
      const check = async (van: number, tot: number) => {
        const v = periodView(data, [basis, scenario], { van, tot });
        const igp = v.stromen.find((s) => s.stroom === 'integrale-gezinspoli')!;
        const row = page.locator('#tabel-periode tr[data-stroom="integrale-gezinspoli"] td');
        await expect.poll(() => row.nth(2).textContent()).toBe(formatSignedEuro(igp.verschillen[0]!.verschil!));
        const { stijgers, dalers } = winnersAndLosers(v, 1, 'euro', 5);
        for (const [id, rows] of [['periode-stijgers', stijgers], ['periode-dalers', dalers]] as const) {
          const items = page.locator(`[aria-labelledby="${id}"] li`);
          expect(await items.allTextContents()).toEqual(rows.map((r) => expect.stringContaining(`${r.naam}: ${formatSignedEuro(r.verschillen[0]!.verschil!)}`)));
        }
        expect(stijgers.length + dalers.length).toBeGreaterThan(0);
        expect(await page.locator('#tabel-klassen tbody tr').count()).toBe(v.klassen.length);
      };
      await check(2026, 2030);
      await page.selectOption('#periode-van', '2029');
      await expect.poll(() => page.locator('#periode-titel').textContent()).toBe('Over de periode 2029-2030');
      await check(2029, 2030);
      await page.locator('#periode').scrollIntoViewIfNeeded();
      await screenshot(page, `periode-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 1280) expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
