import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axe, launch, newPage, open, screenshot, voegToe } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Each view in a representative state: what axe checks and what the screenshot shows. */
const VIEWS: [string, string, ((page: Page) => Promise<void>) | null][] = [
  ['overzicht', '#/overzicht', null],
  ['overzicht-bron', '#/overzicht?bron=2', null],
  [
    'gemeente-zoeken',
    '#/gemeente',
    async (page) => {
      await page.getByLabel('Gemeente').fill('ber');
    },
  ],
  ['gemeente-utrecht-uitleg', '#/gemeente/GM0344?uitleg=nu-niet-zwanger%7C2028%7CGM0344', null],
  ['gemeente-niet-gevonden', '#/gemeente/GM9999', null],
  ['gemeente-wijdemeren-2027', '#/gemeente/GM1696?jaar=2027&uitleg=nu-niet-zwanger%7C2027%7CGM1696', null],
  ['gemeente-hilversum-2027-uitleg', '#/gemeente/GM0402?jaar=2027&uitleg=nu-niet-zwanger%7C2027%7CGM0402', null],
  ['regio-lijst', '#/regio', null],
  ['regio-ggd', '#/regio/ggd/GG3606?jaar=2027&stroom=nu-niet-zwanger', null],
  [
    'regio-ggd-onzeker-scenario',
    '#/scenario',
    async (page) => {
      await page.getByLabel('niet meerekenen').check();
      await page.goto(page.url().replace(/#.*$/, '#/regio/ggd/GG2014?jaar=2027'));
      await page.locator('#regio-totaal summary').first().click();
    },
  ],
  ['regio-provincie', '#/regio/provincie/PV27?jaar=2026', null],
  ['kaart', '#/kaart?jaar=2027&ggd=1&tabel=1', async (page) => void (await page.locator('#tabel-kaart').waitFor())],
  ['gemeente-afdruk', '#/gemeente/GM0344/afdruk', async (page) => void (await page.locator('.brief h1').waitFor())],
  ['regio-ggd-brief', '#/regio/ggd/GG3606/brief', async (page) => void (await page.locator('.brief h1').waitFor())],
  ['scenario-leeg', '#/scenario', null],
  [
    'scenario-bewerkt',
    '#/scenario',
    async (page) => {
      await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
      await page.locator('#w0-bedrag').fill('6.000.000');
      await voegToe(page, 'sleutel', 'integrale-gezinspoli', 2028);
      await page.getByLabel('Formule met gewichten').check();
      await page.locator('#w1-gewicht-geboorten-2022').fill('50');
      await voegToe(page, 'deelname', 'ks-gala-structureel', 2027);
      await voegToe(page, 'reservering', 'rookvrije-start', 2028);
      await page.getByRole('button', { name: 'Ontvanger toevoegen' }).click();
      await page.locator('#w0-bedrag').fill('zes');
    },
  ],
  [
    'delen',
    '#/delen',
    async (page) => {
      await page.getByRole('button', { name: 'Maak een deellink' }).click();
      await page.locator('#scenario-bestand').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{') });
      await page.locator('#delen-status').waitFor();
    },
  ],
  ['link-fout', '#/scenario?s=d.bad!', null],
  ['niet-gevonden', '#/bestaat-niet', null],
];

describe('Accessibility (axe-core, WCAG 2.1 A/AA) and screenshots of every view', () => {
  for (const [naam, hash, voorbereiding] of VIEWS) {
    test(naam, async () => {
      const { page, errors } = await newPage(browser);
      await open(page, hash);
      if (voorbereiding) await voorbereiding(page);
      await page.waitForTimeout(50);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `view-${naam}`);
      expect(errors).toEqual([]);
    });
  }

  test('keyboard only: skip link, menu, visible focus, explanation', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/overzicht');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    // The focus ring is visible: the NLDS outline (black, 2 px, from the tokens) on a yellow ground.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.backgroundColor}`;
    });
    expect(ring).toBe('solid 2px rgb(0, 0, 0) rgb(255, 182, 18)');
    // Through the menu to "Mijn gemeente", search, and open an explanation, all by keyboard.
    await page.evaluate(() => (document.querySelector('.hoofdnav a[href="#/gemeente"]') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoek-gemeente');
    await page.keyboard.type('Zwolle');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Zwolle');
    const knop = page.locator('#tabel-gemeente button', { hasText: 'Uitleg' }).nth(6);
    await knop.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('uitleg-open');
    expect(await axe(page)).toEqual([]);
  });
});
