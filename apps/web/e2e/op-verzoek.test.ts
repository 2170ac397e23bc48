import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, newPage, open } from './browser.js';

/**
 * The views the front page does not need are chunks of their own, loaded on first use
 * (src/ui/op-verzoek.tsx): the front page does not fetch them; a page opened on one of them is
 * rendered by the time the app says it is ready; a chunk that cannot be fetched gives a message.
 */

const OP_VERZOEK = /\/assets\/(gemeente|regio|scenario|delen|gedeeld|landkaart|brief|workbook)-[^/]*\.js$/;
const klaar = () => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Views loaded on first use', () => {
  test('the front page fetches none of them, also once its receipt is computed', async () => {
    const { context, page, errors } = await newPage(browser);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await open(page, '#/overzicht');
    await page.locator('#bewijs[data-klaar="ja"]').waitFor();
    expect(fetched.some((p) => p.endsWith('.js')), 'the app itself was fetched').toBe(true);
    expect(fetched.filter((p) => OP_VERZOEK.test(p))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const hash of ['#/gemeente/GM0344', '#/gemeente', '#/regio', '#/scenario', '#/delen']) {
    test(`${hash} opened directly is on the screen when the app says it is ready`, async () => {
      const { context, page, errors } = await newPage(browser);
      await page.goto(baseUrl() + hash);
      await page.waitForFunction(klaar);
      // read at once, without waiting for anything to appear
      const nu = await page.evaluate(() => ({ h1: document.querySelector('main h1')?.textContent ?? '', tekst: document.querySelector('main')?.textContent ?? '' }));
      expect(nu.h1).not.toBe('');
      expect(nu.h1).not.toBe('Pagina niet gevonden');
      expect(nu.tekst).not.toContain('wordt geladen');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a view is fetched when it is first opened, and shown', async () => {
    const { context, page, errors } = await newPage(browser);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await open(page, '#/overzicht');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Scenario' }).click();
    await page.locator('#nieuw-soort').waitFor();
    expect(fetched.some((p) => /\/assets\/scenario-[^/]*\.js$/.test(p))).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1'); // the focus moves to the new view's heading
    expect(errors).toEqual([]);
    await context.close();
  });

  test('after a navigation within the page, the app says it is ready once the new view is on the screen', async () => {
    const { context, page, errors } = await newPage(browser);
    await open(page, '#/overzicht');
    await open(page, '#/gemeente/GM0363'); // the same document: only the hash changes
    expect(await page.evaluate(() => document.querySelectorAll('#tabel-gemeente tbody tr').length)).toBeGreaterThan(0);
    await open(page, '#/regio');
    expect(await page.evaluate(() => document.querySelector('main')?.textContent ?? '')).not.toContain('wordt geladen');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a view whose code arrived before is shown again: another letter, and a view opened a second time', async () => {
    const { context, page, errors } = await newPage(browser);
    await open(page, '#/gemeente/GM0344/afdruk');
    await expect.poll(() => page.locator('.brief h1').textContent()).toBe('Gemeente Utrecht');
    // The letter's chunk is there now: the next letter, and the same view again, use it.
    await open(page, '#/regio/ggd/GG3606/brief');
    await expect.poll(() => page.locator('.brief h1').textContent()).toContain('GGD-regio');
    await open(page, '#/gemeente/GM0344');
    await open(page, '#/gemeente/GM0344/afdruk');
    await expect.poll(() => page.locator('.brief h1').textContent()).toBe('Gemeente Utrecht');
    await open(page, '#/scenario');
    await open(page, '#/overzicht');
    await open(page, '#/scenario');
    await page.locator('#nieuw-soort').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a view whose code cannot be fetched says so, in Dutch, opened directly or from the menu', async () => {
    const { context, page } = await newPage(browser);
    await context.route(/\/assets\/(scenario|regio)-[^/]*\.js$/, (r) => r.abort());
    await open(page, '#/scenario');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Deze pagina kon niet worden geladen');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: "Regio's" }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Deze pagina kon niet worden geladen');
    // the rest of the app still works
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overzicht' }).click();
    await page.locator('#snel-gemeente').waitFor();
    await context.close();
  });
});
