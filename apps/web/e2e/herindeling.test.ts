import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  compareRecipients,
  decisionNotices,
  emptyScenario,
  explain,
  findMunicipality,
  formatDate,
  formatEuro,
  inhabitants,
  isoDay,
  perInhabitantCents,
  nationalOverview,
  recipientView,
  type Allocation,
} from '@kansrijke-start/core';
import { launch, newPage, open, screenshot, voegToe } from './browser.js';
import { allocationOf, data } from './core.js';

/** The municipal map in the app: the data version, the planned merger, IZA regions, stale figures. */

const alloc = allocationOf;
const base = alloc(emptyScenario());
const zonder = alloc({ ...emptyScenario(), herindelingen: 'zonder' });
const bedrag = (a: Allocation, stroom: string, jaar: number, code: string) =>
  a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar)!.regels.find((l) => l.ontvanger === code)?.bedrag ?? null;

const WIDTHS = [390, 820, 1280] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The row of a stream in a year in the municipality's table. */
const rij = (page: Page, stroom: string, jaar: number) =>
  page.locator('#tabel-gemeente tbody tr', { hasText: stroom }).filter({ has: page.locator('td', { hasText: new RegExp(`^${jaar}$`) }) });

describe('The data version, on every page', () => {
  for (const width of WIDTHS) {
    test(`footer at ${width} px`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      const verwacht = `Gegevens: versie ${data.versie.versie}, stand ${formatDate(data.versie.datum)}`;
      for (const hash of ['#/overzicht', '#/gemeente/GM0344', '#/regio', '#/scenario', '#/delen', '#/bestaat-niet']) {
        await open(page, hash);
        await expect.poll(() => page.locator('.voet .gegevensversie').textContent(), { message: hash }).toBe(verwacht);
        expect(await page.locator('.voet .gegevensversie').isVisible()).toBe(true);
      }
      expect(errors).toEqual([]);
    });
  }
});

describe('Wijdemeren and Hilversum, year by year', () => {
  for (const width of WIDTHS) {
    test(`Wijdemeren 2027 leads to Hilversum; 2026 has its own amount (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await open(page, '#/gemeente/GM1696?jaar=2027');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Wijdemeren');
      const zin = recipientView(data, [base], 'GM1696').jaren.find((y) => y.jaar === 2027)!.totalen[0]!.opgegaanIn!.toelichting;
      await expect.poll(() => page.locator('.opgegaan').textContent()).toContain(zin);
      // No amount of its own in 2027: the rows point to Hilversum.
      expect(await rij(page, 'Nu Niet Zwanger', 2027).locator('td.num').first().textContent()).toBe('bij Hilversum');
      expect(await page.locator('#tabel-gemeente tbody tr td:first-child', { hasText: '2026' }).count()).toBe(0);
      // The explanation says why, in the core's words.
      await rij(page, 'Nu Niet Zwanger', 2027).getByRole('button', { name: /Uitleg/ }).click();
      const e = explain(base, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: 'GM1696' });
      if (e.ok) throw new Error('Wijdemeren 2027 should not have an explanation of its own');
      await expect.poll(() => page.locator('#uitleg-open').textContent()).toContain(e.bericht);
      if (width === 390) await screenshot(page, 'wijdemeren-2027-390');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.locator('.opgegaan').getByRole('link', { name: 'Naar Hilversum in 2027' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Hilversum');
      expect(page.url()).toContain('#/gemeente/GM0402?jaar=2027');
      await expect.poll(() => rij(page, 'Nu Niet Zwanger', 2027).locator('td.num').first().textContent()).toBe(formatEuro(bedrag(base, 'nu-niet-zwanger', 2027, 'GM0402')!, 'auto'));
      // Per inhabitant of Hilversum and Wijdemeren together (the indicator year precedes the merger).
      const inw = inhabitants(data).perCode;
      const samen = inw.get('GM0402')! + inw.get('GM1696')!;
      expect(await rij(page, 'Nu Niet Zwanger', 2027).locator('td.num').nth(1).textContent()).toBe(
        formatEuro(perInhabitantCents(bedrag(base, 'nu-niet-zwanger', 2027, 'GM0402'), samen)!, 'always'),
      );
      // Hilversum's explanation has the step of the division.
      await rij(page, 'Nu Niet Zwanger', 2027).getByRole('button', { name: /Uitleg/ }).click();
      await expect.poll(() => page.locator('#uitleg-open').textContent()).toContain('Wijdemeren');

      await open(page, '#/gemeente/GM1696?jaar=2026');
      await expect.poll(() => rij(page, 'Nu Niet Zwanger', 2026).locator('td.num').first().textContent()).toBe(formatEuro(bedrag(base, 'nu-niet-zwanger', 2026, 'GM1696')!, 'auto'));
      expect(await page.locator('.opgegaan').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  }

  test('searching Wijdemeren for 2027 leads to Hilversum, with the reason', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/gemeente');
    await page.locator('#zoek-gemeente').fill('Wijdemeren');
    await page.locator('#zoek-jaar').selectOption('2027');
    const m = findMunicipality(data, 'Wijdemeren', { limit: 12, jaar: 2027 })[0]!;
    expect(m.gemeente.code).toBe('GM0402');
    await expect.poll(() => page.locator('.zoekresultaten li').first().textContent()).toContain(m.toelichting!);
    await page.locator('#zoek-gemeente').press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Hilversum');
    await expect.poll(() => page.locator('.utrecht-alert').first().textContent()).toContain(m.toelichting!);
    // For 2026 it is Wijdemeren itself.
    await open(page, '#/gemeente');
    await page.locator('#zoek-gemeente').fill('Wijdemeren');
    await page.locator('#zoek-jaar').selectOption('2026');
    await page.locator('#zoek-gemeente').press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Wijdemeren');
    expect(errors).toEqual([]);
  });

  test('the scenario "niet meerekenen" gives Wijdemeren its own 2027 amount, and survives storage and the share link', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await page.getByLabel('niet meerekenen').check();
    await expect.poll(() => page.locator('.lint__scenario').textContent()).toContain('zonder geplande herindeling');
    const opgeslagen = JSON.parse((await page.evaluate(() => localStorage.getItem('kansrijke-start:scenario')))!);
    expect(opgeslagen.herindelingen).toBe('zonder');

    await open(page, '#/gemeente/GM1696?jaar=2027');
    const eigen = formatEuro(bedrag(zonder, 'nu-niet-zwanger', 2027, 'GM1696')!, 'auto');
    const cellen = rij(page, 'Nu Niet Zwanger', 2027).locator('td.num');
    await expect.poll(() => cellen.nth(0).textContent()).toBe('bij Hilversum'); // the baseline
    await expect.poll(() => cellen.nth(1).textContent()).toBe(eigen); // the scenario

    // Kept in the browser: a reload keeps the choice.
    await open(page, '#/scenario');
    expect(await page.getByLabel('niet meerekenen').isChecked()).toBe(true);
    // And in the share link.
    await open(page, '#/delen');
    await page.getByRole('button', { name: 'Maak een deellink' }).click();
    const link = await page.locator('#deellink').inputValue();
    const b = await newPage(browser);
    await b.page.goto(link);
    await expect.poll(() => b.page.locator('.utrecht-alert--ok').textContent()).toContain('uit de link geopend');
    expect(await b.page.getByLabel('niet meerekenen').isChecked()).toBe(true);
    // Back to the baseline: the merger is applied again.
    await b.page.getByLabel('meerekenen', { exact: true }).check();
    await expect.poll(() => b.page.locator('.lint__scenario').textContent()).toBe('U werkt met de basis (geen wijzigingen)');
    expect(errors.concat(b.errors)).toEqual([]);
  });
});

describe('Where the money goes: the IZA regions in the comparison', () => {
  test('a regional part shows the 42 IZA regions with their mandate holder', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'lokaal-regionaal', 'nu-niet-zwanger', 2027);
    await page.locator('#w0-lokaal').fill('70');
    const a = alloc({ ...emptyScenario(), wijzigingen: [{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '70' }] });
    const regios = compareRecipients(data, [base, a], { jaar: 2027, stroom: 'nu-niet-zwanger' }).filter((r) => r.soort === 'regio');
    expect(regios.length).toBe(data.izaRegios.length);
    await page.locator('#vgl-soort').selectOption('regio');
    await expect.poll(() => page.locator('#tabel-gemeenten .rijtabel__romp [role=row]').count()).toBe(regios.length);
    const r = regios[0]!;
    const row = page.locator(`#tabel-gemeenten [data-code="${r.ontvanger}"]`);
    expect(await row.locator('[role=rowheader]').textContent()).toBe(r.naam);
    expect(await row.locator('[role=cell]').first().textContent()).toContain(r.mandaatgemeente!.naam);
    expect(await row.locator('[role=cell]').nth(2).textContent()).toBe(formatEuro(r.zijden[1]!.bedrag!, 'auto'));
    expect(errors).toEqual([]);
  });
});

describe('Figures that may be out of date', () => {
  for (const width of WIDTHS) {
    test(`Nu Niet Zwanger 2027 carries the notice (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      const notices = decisionNotices(base.gegevens, 'nu-niet-zwanger', 2027, isoDay(new Date()));
      expect(notices.length).toBe(1);
      const n = notices[0]!;
      await open(page, '#/gemeente/GM0344?jaar=2027');
      const melding = page.locator(`#besluit-${n.id}`);
      await expect.poll(() => melding.textContent()).toContain(n.inhoud);
      expect(await melding.locator('h2').textContent()).toBe(n.titel);
      expect(await melding.isVisible()).toBe(true);
      expect(await page.locator('.besluit-melding', { hasText: n.inhoud }).count()).toBe(1); // once per view
      const marker = rij(page, 'Nu Niet Zwanger', 2027).locator('.besluit-marker');
      expect(await marker.isVisible()).toBe(true);
      expect(await marker.textContent()).toContain(n.verouderd ? 'mogelijk verouderd' : 'nog niet besloten');
      // In the explanation too.
      await rij(page, 'Nu Niet Zwanger', 2027).getByRole('button', { name: /Uitleg/ }).click();
      await expect.poll(() => page.locator('#uitleg-open').textContent()).toContain(`${n.titel}: ${n.inhoud}`);
      // And in the overview, on the figure.
      await open(page, '#/overzicht');
      await expect.poll(() => page.locator(`#besluit-${n.id}`).textContent()).toContain(n.inhoud);
      expect(await page.locator('#tabel-overzicht .besluit-marker').count()).toBeGreaterThan(0);
      // The overview's sources: their stand and a link where one exists.
      const b = nationalOverview(base).bronnen.find((x) => x.url && x.stand)!;
      const li = page.locator(`#bron-${b.nummer}`);
      expect(await li.textContent()).toContain(`stand ${formatDate(b.stand!)}`);
      expect(await li.locator('a').first().getAttribute('href')).toBe(b.url);
      expect(await li.locator('a').first().getAttribute('rel')).toBe('noopener');
      // A source that cites several documents links each one that has an address.
      const several = nationalOverview(base).bronnen.find((x) => x.documenten.filter((d) => d.url).length > 1)!;
      expect(await page.locator(`#bron-${several.nummer} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(several.documenten.flatMap((d) => d.url ?? []));
      // A stream that runs past the merger is divided over 342 municipalities, then 341.
      expect(await page.locator('section[aria-labelledby="stroom-nu-niet-zwanger"]').textContent()).toContain('342 gemeenten in 2026, 341 gemeenten in 2027-2030');
      expect(errors).toEqual([]);
    });
  }
});
