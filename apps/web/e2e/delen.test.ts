import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, downloadVia, launch, newPage, open, screenshot, voegToe } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const cel = (page: Page, stroom: string, jaar: number) =>
  page.locator(`#tabel-totalen tr[data-stroom="${stroom}"][data-jaar="${jaar}"] [data-kolom="scenario"]`);

async function maakScenario(page: Page) {
  await open(page, '#/scenario');
  await page.getByLabel('Naam van het scenario').fill('Gezinspoli hoger');
  await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
  await page.locator('#w0-bedrag').fill('6.000.000');
  await page.getByLabel('vanaf 2028').check();
  await expect.poll(() => cel(page, 'integrale-gezinspoli', 2030).textContent()).toBe('€ 6.000.000');
}

describe('Bewaren en delen', () => {
  test('the share link carries the whole scenario to a colleague', async () => {
    const a = await newPage(browser);
    await maakScenario(a.page);
    await a.page.getByRole('link', { name: 'Bewaren en delen' }).click();
    await a.page.getByRole('button', { name: 'Maak een deellink' }).click();
    const link = await a.page.locator('#deellink').inputValue();
    expect(link).toMatch(/#\/scenario\?s=d\.[A-Za-z0-9_-]+$/);
    await screenshot(a.page, 'delen');

    const b = await newPage(browser); // a colleague: own browser storage
    await b.page.goto(link);
    await expect.poll(() => b.page.locator('.melding--succes').textContent()).toContain('Scenario “Gezinspoli hoger” uit de link geopend');
    expect(b.page.url()).toBe(`${baseUrl()}#/scenario`);
    await expect.poll(() => cel(b.page, 'integrale-gezinspoli', 2029).textContent()).toBe('€ 6.000.000');
    expect(await b.page.locator('#w0-bedrag').inputValue()).toBe('6.000.000');

    // Kept across a reload.
    await b.page.reload();
    await b.page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
    await expect.poll(() => cel(b.page, 'integrale-gezinspoli', 2029).textContent()).toBe('€ 6.000.000');

    // A tampered link: a Dutch message, and the colleague keeps the scenario.
    const payload = link.split('s=d.')[1]!;
    const tampered = `${link.split('s=')[0]}s=d.${payload.slice(0, 10)}${payload.slice(10, 20).split('').reverse().join('')}${payload.slice(20)}`;
    await b.page.goto(tampered);
    await expect.poll(() => b.page.locator('[role=alert]').first().textContent()).toContain('De link kon niet worden geopend');
    expect(await b.page.locator('[role=alert]').first().textContent()).toContain('U werkt verder met uw eigen scenario');
    await expect.poll(() => cel(b.page, 'integrale-gezinspoli', 2029).textContent()).toBe('€ 6.000.000');
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  test('malformed links give a message that says what is wrong', async () => {
    const { page } = await newPage(browser);
    const cases: [string, string][] = [
      ['d.@@@', 'tekens die er niet in horen'],
      ['', 'geen scenario'],
      ['x.abc', 'onbekende vorm'],
      [`j.${Buffer.from('{"versie":2,"naam":"x","wijzigingen":[]}').toString('base64url')}`, 'versie moet 1 zijn'],
      [`j.${Buffer.from('{kapot').toString('base64url')}`, 'geen geldige JSON'],
      [
        `j.${Buffer.from(JSON.stringify({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM9998'], nietDeelnemers: 'onbenut' }] })).toString('base64url')}`,
        'GM9998 is geen gemeente',
      ],
    ];
    for (const [payload, melding] of cases) {
      await open(page, `#/scenario?s=${payload}`);
      await expect.poll(() => page.locator('[role=alert]').last().textContent()).toContain(melding);
      expect(await page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
    }
  });

  test('an unreadable stored scenario is reported and offered for download, not thrown away', async () => {
    const { context, page } = await newPage(browser);
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('gezet')) {
        localStorage.setItem('kansrijke-start:scenario', '{"versie": 1, "naam": "half');
        sessionStorage.setItem('gezet', '1');
      }
    });
    await open(page, '#/overzicht');
    const melding = page.locator('[role=alert]', { hasText: 'Het bewaarde scenario kon niet worden gelezen' });
    await expect.poll(() => melding.count()).toBe(1);
    expect(await melding.textContent()).toContain('geen geldige JSON');
    const dl = await downloadVia(page, () => melding.getByRole('button', { name: 'Bewaarde tekst downloaden' }).click());
    expect(dl.bytes.toString('utf8')).toBe('{"versie": 1, "naam": "half');
    // Still offered after a reload, even when the user has edited meanwhile.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
    await expect.poll(() => page.locator('[role=alert]', { hasText: 'Het bewaarde scenario kon niet worden gelezen' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Bewaarde tekst verwijderen' }).click();
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
    expect(await page.locator('[role=alert]').count()).toBe(0);
  });

  test('reset to the baseline', async () => {
    const { page } = await newPage(browser);
    await maakScenario(page);
    await open(page, '#/delen');
    await page.locator('#basis-titel ~ button, #basis-titel + p + button').first().click();
    await page.getByRole('button', { name: 'Ja, terug naar de basis' }).click();
    await expect.poll(() => page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
    expect(await page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
  });
});
