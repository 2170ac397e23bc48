import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allocateScenario, baselineData, formatNumber } from '@kansrijke-start/core';
import { baseUrl, downloadVia, launch, newPage, open, screenshot, voegToe } from './browser.js';

const data = baselineData();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const cel = (page: Page, stroom: string, jaar: number) =>
  page.locator(`#tabel-totalen tr[data-stroom="${stroom}"][data-jaar="${jaar}"] [data-kolom="scenario"]`);

const klaar = (page: Page) => page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
const bewaard = (page: Page) => page.evaluate(() => localStorage.getItem('kansrijke-start:scenario'));

/**
 * Makes localStorage.setItem throw a QuotaExceededError, as a full or blocked storage does, once
 * the test sets `test:opslag`: `vol` refuses every write, a number every value longer than that.
 */
async function opslagKanVolRaken(context: BrowserContext) {
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      const mode = key.startsWith('test:') ? null : this.getItem('test:opslag');
      if (mode === 'vol' || (mode !== null && String(value).length > Number(mode))) {
        throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value of 'x' exceeded the quota.", 'QuotaExceededError');
      }
      setItem.call(this, key, value);
    };
  });
}

/** A link payload as the app makes it: deflate-raw, base64url. */
const payload = (value: unknown) => `d.${deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`;

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
    await expect.poll(() => b.page.locator('.utrecht-alert--ok').textContent()).toContain('Scenario “Gezinspoli hoger” uit de link geopend');
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

  test('an empty link on a fresh page says that it holds no scenario', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario?s=');
    const melding = page.locator('[role=alert]', { hasText: 'De link kon niet worden geopend' });
    await expect.poll(() => melding.count()).toBe(1);
    expect(await melding.textContent()).toContain('de link bevat geen scenario (er staat niets na "s=")');
    expect(page.url()).toBe(`${baseUrl()}#/scenario`);
    expect(await page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
    expect(errors).toEqual([]);
  });

  test('a scenario too large for a link gets no link, but the advice to share the file', async () => {
    // 300 changes with notes of 1000 random characters: no compression makes this a short link.
    let x = 7;
    const byte = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 255;
    };
    const ruis = () => Buffer.from(Array.from({ length: 750 }, byte)).toString('base64'); // 1000 characters
    const groot = {
      versie: 1,
      naam: 'Groot scenario',
      wijzigingen: Array.from({ length: 300 }, (_, i) => ({
        soort: 'bedrag',
        stroom: 'ks-brede-spuk',
        jaar: 2025 + (i % 2),
        geldigheid: 'alleen-dit-jaar',
        bedrag: String(20_000_000 + i),
        toelichting: ruis(),
      })),
    };
    const a = await newPage(browser);
    await open(a.page, '#/delen');
    await a.page.locator('#scenario-bestand').setInputFiles({ name: 'groot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(groot)) });
    await expect.poll(() => a.page.locator('#delen-status').textContent()).toContain('Scenario “Groot scenario” ingelezen');
    await a.page.getByRole('button', { name: 'Maak een deellink' }).click();
    const melding = a.page.locator('#link-te-groot');
    await expect.poll(() => melding.count()).toBe(1);
    const tekst = (await melding.textContent())!;
    expect(tekst).toContain('Dit scenario is te groot voor een link');
    expect(tekst).toMatch(/De link zou \d{3}\.\d{3} tekens lang worden; een deellink heeft hoogstens 200\.000 tekens/);
    expect(tekst).toContain('Deel het scenario als bestand');
    expect(await a.page.locator('#deellink').count()).toBe(0);
    await screenshot(a.page, 'delen-link-te-groot');
    const dl = await downloadVia(a.page, () => melding.getByRole('button', { name: 'Download scenario (JSON)' }).click());
    expect(dl.naam).toBe('groot-scenario.json');
    expect(JSON.parse(dl.bytes.toString('utf8')).wijzigingen).toHaveLength(300);

    // The file is how it is shared: a colleague reads it in.
    const b = await newPage(browser);
    await open(b.page, '#/delen');
    await b.page.locator('#scenario-bestand').setInputFiles({ name: dl.naam, mimeType: 'application/json', buffer: dl.bytes });
    await expect.poll(() => b.page.locator('#delen-status').textContent()).toContain('(300 wijzigingen)');

    // A scenario that fits gets its link again, and the message goes.
    await a.page.locator('#basis-titel ~ button, #basis-titel + p + button').first().click();
    await a.page.getByRole('button', { name: 'Ja, terug naar de basis' }).click();
    await a.page.getByRole('button', { name: 'Maak een deellink' }).click();
    await expect.poll(() => a.page.locator('#deellink').count()).toBe(1);
    expect(await melding.count()).toBe(0);
    expect(a.errors.concat(b.errors)).toEqual([]);
  });

  test('a link with tens of thousands of problems lists the first 50 and counts the rest; the page stays usable', async () => {
    // 2000 changes, each naming 20 municipalities that do not exist: 40,000 problems from a link of a few kB.
    const veel = {
      versie: 1,
      naam: 'Veel fouten',
      wijzigingen: Array.from({ length: 2000 }, () => ({
        soort: 'deelname',
        stroom: 'ks-brede-spuk',
        jaar: 2025,
        geldigheid: 'alleen-dit-jaar',
        gemeenten: Array.from({ length: 20 }, (_, j) => `GM9${String(j).padStart(3, '0')}`),
        nietDeelnemers: 'onbenut',
      })),
    };
    const p = payload(veel);
    expect(p.length).toBeLessThan(10_000);
    // What the core says about it (the app computes the decoded value, so the problems have no line and column).
    const c = allocateScenario(data, veel);
    if (c.ok) throw new Error('expected problems');
    const slot = c.fouten.at(-1)!.pad === '' ? 1 : 0; // a closing remark of the core (an empty path) stays visible
    const verborgen = c.fouten.length - 50 - slot;
    expect(verborgen).toBeGreaterThan(100);

    const { page, errors } = await newPage(browser);
    await open(page, `#/scenario?s=${p}`);
    const melding = page.locator('[role=alert]', { hasText: 'Het scenario in de link kan niet worden doorgerekend' });
    await expect.poll(() => melding.count(), { timeout: 20_000 }).toBe(1);
    expect(await melding.locator('ul.fouten > li').count()).toBe(50);
    expect(await melding.locator('ul.fouten > li').first().textContent()).toContain('GM9000 is geen gemeente');
    expect(await melding.textContent()).toContain(`… en nog ${formatNumber(BigInt(verborgen), 0)} fouten die hier niet worden getoond.`);
    // Still usable: an edit computes and shows its result.
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await expect.poll(() => cel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 6.000.000');
    expect(errors).toEqual([]);
  });

  test('full storage: said at once and kept in view, the work stays in the page and can be downloaded; a reload offers the older copy as older, never as current', async () => {
    const { context, page, errors } = await newPage(browser);
    await opslagKanVolRaken(context);
    await maakScenario(page);
    const oud = (await bewaard(page))!;
    expect(oud).toContain('6000000');
    // From now on the storage has room for the version it holds, not for a larger one.
    await page.evaluate((n) => localStorage.setItem('test:opslag', String(n)), oud.length);
    await voegToe(page, 'korting', 'ks-brede-spuk', 2025);
    await page.locator('#w1-percentage').fill('5');
    const balk = page.locator('#niet-bewaard');
    await expect.poll(() => balk.isVisible()).toBe(true);
    expect(await balk.getAttribute('role')).toBe('alert');
    const tekst = (await balk.textContent())!;
    expect(tekst).toContain('Uw wijzigingen worden niet bewaard');
    expect(tekst).toContain('De opslag van deze browser is vol of geblokkeerd');
    expect(tekst).toContain('De eerder bewaarde versie is ouder; bij een volgend bezoek wordt die alleen als oudere versie aangeboden.');
    // In the window where the user works (the field of the second change), not at the top of the page.
    const inBeeld = () => balk.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight + 1 && el.getBoundingClientRect().top >= 0);
    expect(await inBeeld()).toBe(true);
    expect(await page.locator('#niet-bewaard').count()).toBe(1);
    await screenshot(page, 'scenario-niet-bewaard');
    // The work stays in the page, and the download has it.
    expect(await page.locator('.lint__scenario').textContent()).toContain('Gezinspoli hoger (2 wijzigingen)');
    const dl = await downloadVia(page, () => balk.getByRole('button', { name: 'Download scenario (JSON)' }).click());
    expect(dl.naam).toBe('gezinspoli-hoger.json');
    const json = JSON.parse(dl.bytes.toString('utf8'));
    expect(json.wijzigingen).toHaveLength(2);
    expect(json.wijzigingen[1]).toMatchObject({ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2025, percentage: '5' });
    // On every view.
    await page.getByRole('link', { name: 'Bewaren en delen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bewaren en delen');
    expect(await inBeeld()).toBe(true);
    expect(await page.locator('.inleiding').textContent()).toContain('kan nu niet in deze browser worden bewaard');
    // The older copy is no longer where the current scenario is kept.
    expect(await bewaard(page)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('kansrijke-start:scenario-ouder'))).toBe(oud);

    await page.reload();
    await klaar(page);
    expect(await page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
    const melding = page.locator('.utrecht-alert', { hasText: 'Uw laatste wijzigingen zijn niet bewaard' });
    await expect.poll(() => melding.count()).toBe(1);
    expect(await melding.textContent()).toContain('Er is een oudere versie van uw scenario bewaard (“Gezinspoli hoger”, 1 wijziging); die kan ouder zijn dan uw laatste werk.');
    const ouder = await downloadVia(page, () => melding.getByRole('button', { name: 'Oudere versie downloaden' }).click());
    expect(ouder.bytes.toString('utf8')).toBe(oud);
    // Opened on request, it is the kept scenario again (it fits).
    await melding.getByRole('button', { name: 'Oudere versie openen' }).click();
    await expect.poll(() => page.locator('.lint__scenario').textContent()).toContain('Gezinspoli hoger (1 wijziging)');
    expect(await balk.count()).toBe(0);
    await page.reload();
    await klaar(page);
    expect(await page.locator('.lint__scenario').textContent()).toContain('Gezinspoli hoger (1 wijziging)');
    expect(await page.locator('.utrecht-alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('blocked storage: the older copy is removed, so a reload never shows it as the current scenario', async () => {
    const { context, page, errors } = await newPage(browser);
    await opslagKanVolRaken(context);
    await maakScenario(page);
    await page.evaluate(() => localStorage.setItem('test:opslag', 'vol'));
    await page.locator('#w0-bedrag').fill('7.000.000');
    const balk = page.locator('#niet-bewaard');
    await expect.poll(() => balk.isVisible()).toBe(true);
    expect(await balk.textContent()).toContain('De eerder bewaarde versie was ouder en is verwijderd, zodat die niet als uw scenario wordt geopend.');
    const dl = await downloadVia(page, () => balk.getByRole('button', { name: 'Download scenario (JSON)' }).click());
    expect(JSON.parse(dl.bytes.toString('utf8')).wijzigingen[0].bedrag).toBe('7000000');
    expect(await bewaard(page)).toBeNull();

    await page.reload();
    await klaar(page);
    expect(await page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
    expect(await page.locator('#niet-bewaard').count()).toBe(0);
    // The next edit says so at once again; there is no older copy any more.
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await expect.poll(() => balk.isVisible()).toBe(true);
    expect(await balk.textContent()).not.toContain('eerder bewaarde');
    expect(errors).toEqual([]);
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
