import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { allocateScenario, baselineData, describeScenario, emptyScenario, formatEuro, type Allocation } from '@kansrijke-start/core';
import { axe, launch, newPage, open, screenshot, voegToe } from './browser.js';

/** The scenario in words on the scenario page: the core's description, at every width. */

const data = baselineData();
const alloc = (s: unknown): Allocation => {
  const o = allocateScenario(data, s);
  if (!o.ok) throw new Error(o.fouten.map((f) => f.bericht).join('; '));
  return o.allocation;
};
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
