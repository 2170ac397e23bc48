import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { emptyScenario, findMunicipality, formatEuro, unknownPerMunicipality } from '@kansrijke-start/core';
import { launch, newPage, open, screenshot } from './browser.js';
import { allocationOf, data } from './core.js';

const base = allocationOf(emptyScenario());
/** The core's sentence for a former municipality ("Korendijk (GM0588) is per 1 januari 2019 opgegaan in Hoeksche Waard ..."). */
const KORENDIJK = findMunicipality(data, 'Korendijk').find((m) => m.gemeente.code === 'GM1963')!.toelichting!;
const bedrag = (stroom: string, jaar: number, code: string) =>
  base.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar)!.regels.find((l) => l.ontvanger === code)!.bedrag!;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Mijn gemeente', () => {
  test('find a municipality by name, see its amounts, open an explanation', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/gemeente');
    await page.getByLabel('Gemeente').fill('amsterd');
    await page.getByRole('link', { name: 'Amsterdam' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Amsterdam');
    expect(page.url()).toContain('#/gemeente/GM0363');

    const verwacht = formatEuro(bedrag('ks-brede-spuk', 2025, 'GM0363'), 'auto');
    const rij = page.locator('#tabel-gemeente tbody tr', { hasText: 'Brede SPUK' }).filter({ has: page.locator('td', { hasText: /^2025$/ }) });
    await expect.poll(() => rij.locator('td.num').first().textContent()).toBe(verwacht);
    // Computed from an official national amount and the official key, but never published per municipality.
    await expect.poll(() => rij.locator('.utrecht-badge-status').textContent()).toBe('berekend');
    // The statuses on the page are explained beside them.
    expect(await page.locator('.legenda').textContent()).toContain('berekend');

    await rij.getByRole('button', { name: /Uitleg/ }).click();
    const uitleg = page.locator('#uitleg-open');
    await expect.poll(() => uitleg.textContent()).toContain(`Uitkomst: Amsterdam krijgt ${verwacht} uit Brede SPUK, onderdeel Kansrijke Start in 2025`);
    const tekst = (await uitleg.textContent())!;
    expect(tekst).toContain('Het landelijke bedrag voor Brede SPUK, onderdeel Kansrijke Start in 2025 is € 16.000.000');
    expect(tekst).toContain('Verdeelsleutel');
    expect(tekst).toContain('grootste overschotten');
    // The focus moves to the explanation, and the button says it is open.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('uitleg-open');
    expect(await rij.getByRole('button', { name: /Uitleg/ }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'gemeente-amsterdam-uitleg');
    expect(errors).toEqual([]);
  });

  test('a former municipality leads to its successor, with a note', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/gemeente');
    await page.getByLabel('Gemeente').fill('Korendijk');
    const result = page.locator('.zoekresultaten li', { hasText: 'Hoeksche Waard' });
    await expect.poll(() => result.textContent()).toContain(KORENDIJK);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Hoeksche Waard');
    await expect.poll(() => page.locator('.utrecht-alert').first().textContent()).toContain('Korendijk');
  });

  test('the names people use lead to the municipality: Den Haag', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/gemeente');
    await page.getByLabel('Gemeente').fill('Den Haag');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe("Gemeente 's-Gravenhage");
    await expect.poll(() => page.locator('.utrecht-alert').first().textContent()).toContain("Den Haag is een gangbare naam van 's-Gravenhage (GM0518)");
  });

  test('search by code, and an unknown code says so in Dutch', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/gemeente');
    await page.getByLabel('Gemeente').fill('gm0014');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Groningen');
    await open(page, '#/gemeente/GM9999');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain(`“GM9999” is geen gemeente in de ${data.indeling.naam}`);
    // A name where the address wants a code: not "no municipality", but what the address lacks, and the municipality to go to.
    await open(page, '#/gemeente/Amsterdam');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('Dit adres noemt “Amsterdam” waar een gemeentecode hoort (zoals GM0344).');
    await page.getByRole('link', { name: 'Amsterdam', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Amsterdam');
  });

  test('an amount that rests on an assumed key says so, with the reason', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/gemeente/GM0363');
    const rij = page.locator('#tabel-gemeente tbody tr', { hasText: 'Brede SPUK' }).filter({ has: page.locator('td', { hasText: /^2023$/ }) });
    await expect.poll(() => rij.locator('.utrecht-badge-status').textContent()).toBe('raming');
    await rij.locator('.status-redenen summary').click();
    expect(await rij.locator('.status-redenen').textContent()).toContain('de verdeelsleutel voor 2023 is niet gepubliceerd');
  });

  test('a link cannot put text of its own into the page', async () => {
    const { page } = await newPage(browser);
    await open(page, `#/gemeente/GM0363?via=${encodeURIComponent('Uw uitkering is geblokkeerd, bel 0900-1234')}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gemeente Amsterdam');
    expect(await page.locator('main').textContent()).not.toContain('geblokkeerd');
    // A former municipality in the link gives the app's own sentence.
    await open(page, '#/gemeente/GM1963?via=Korendijk');
    await expect.poll(() => page.locator('.utrecht-alert').first().textContent()).toContain(KORENDIJK);
  });

  test('the printable version is the letter, with every explanation in its appendix', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/gemeente/GM0363/afdruk');
    await page.locator('.brief h1').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Amsterdam');
    const n = await page.locator('.brief .bijlage .uitleg').count();
    // Every amount of Amsterdam's, and each unknown one (the 2019-2022 impuls, which went to the municipalities with an unknown key).
    const verdeeld = base.resultaten.filter((r) => r.regels.some((l) => l.ontvanger === 'GM0363' || (l.soort === 'regio' && l.mandaatgemeente?.code === 'GM0363'))).length;
    const onbekend = base.resultaten.filter((r) => unknownPerMunicipality(r) !== null).length;
    expect(onbekend).toBe(4);
    expect(n).toBe(verdeeld + onbekend);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.hoofdnav').isVisible()).toBe(false);
    await screenshot(page, 'gemeente-afdruk');
  });
});

describe('The front page finds a municipality at once', () => {
  for (const width of [390, 820, 1280] as const) {
    test(`a name, an everyday name or a former name goes straight to the municipality (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      for (const [query, code] of [
        ['GM0344', 'GM0344'],
        ['Den Haag', findMunicipality(data, 'Den Haag')[0]!.gemeente.code],
        ['Korendijk', findMunicipality(data, 'Korendijk')[0]!.gemeente.code],
      ] as const) {
        await open(page, '#/overzicht');
        await page.locator('#snel-gemeente').fill(query);
        await page.getByRole('button', { name: 'Naar mijn gemeente' }).click();
        await expect.poll(() => page.url()).toContain(`#/gemeente/${code}`);
        const naam = data.gemeenten.find((g) => g.code === code)!.naam;
        await expect.poll(() => page.locator('h1').textContent()).toBe(`Gemeente ${naam}`);
      }
      // A name that fits several ("Bergen": in Noord-Holland and in Limburg): the list to choose from, never a guess.
      await open(page, '#/overzicht');
      await page.locator('#snel-gemeente').fill('Bergen');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#zoek-gemeente').inputValue()).toBe('Bergen');
      expect(page.url()).not.toMatch(/#\/gemeente\/GM/);
      const gevonden = page.locator('.zoekresultaten a');
      await expect.poll(() => gevonden.allTextContents()).toEqual(expect.arrayContaining(['Bergen (NH.)', 'Bergen (L.)']));
      await page.locator('#zoek-gemeente').press('Enter');
      await expect.poll(() => page.locator('#zoek-kiezen').textContent()).toContain('Meer dan één gemeente past bij “Bergen”');
      expect(page.url()).not.toMatch(/#\/gemeente\/GM/);
      await page.locator('#zoek-gemeente').fill('Bergen (L.)');
      await page.locator('#zoek-gemeente').press('Enter');
      await expect.poll(() => page.url()).toContain('#/gemeente/GM0893');
      // Sent empty: the page stays, and says at the field what to type; typing takes the message away.
      await open(page, '#/overzicht');
      await page.locator('#snel-gemeente').fill('  ');
      await page.getByRole('button', { name: 'Naar mijn gemeente' }).click();
      await expect.poll(() => page.locator('#snel-gemeente-fout').textContent()).toBe('Typ eerst de naam of de code van uw gemeente, zoals Utrecht of GM0344.');
      expect(await page.locator('#snel-gemeente').getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toContain('#/overzicht');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('snel-gemeente');
      await screenshot(page, `snelzoeken-leeg-${width}`);
      await page.locator('#snel-gemeente').pressSequentially('U');
      expect(await page.locator('#snel-gemeente-fout').count()).toBe(0);
      // No match: the search page, with the query and the message.
      await open(page, '#/overzicht');
      await page.locator('#snel-gemeente').fill('Nergenshuizen');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#zoek-gemeente').inputValue()).toBe('Nergenshuizen');
      expect(await page.getByText('Geen gemeente gevonden bij “Nergenshuizen”').count()).toBe(1);
      await open(page, '#/overzicht');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `snelzoeken-${width}`);
      expect(errors).toEqual([]);
    });
  }
});
