import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allocateScenario, baselineData, divisionOf, formatEuro, type Allocation } from '@kansrijke-start/core';
import { launch, newPage, open, screenshot, voegToe } from './browser.js';

const data = baselineData();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The allocation of a scenario as the core computes it. */
function core(wijzigingen: unknown[]): Allocation {
  const out = allocateScenario(data, { versie: 1, naam: 'Basis', wijzigingen });
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out.allocation;
}

const totaalCel = (page: Page, stroom: string, jaar: number) =>
  page.locator(`#tabel-totalen tr[data-stroom="${stroom}"][data-jaar="${jaar}"] [data-kolom="scenario"]`);

describe('Scenario', () => {
  test('editing a national amount changes the totals correctly, as the user types', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    const veld = page.locator('#w0-bedrag');
    expect(await veld.inputValue()).toBe('5.000.000');
    // The new field has the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^w0-/);

    await veld.fill('6.000.000');
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 6.000.000');
    expect(await totaalCel(page, 'integrale-gezinspoli', 2029).textContent()).toBe('€ 7.000.000');

    // "From this year on" carries it to 2029 and 2030.
    await page.getByLabel('vanaf 2028').check();
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2029).textContent()).toBe('€ 6.000.000');
    expect(await totaalCel(page, 'integrale-gezinspoli', 2030).textContent()).toBe('€ 6.000.000');

    // The municipalities' table follows the edited stream and year, and adds up to the new total.
    expect(await page.locator('#vgl-jaar').inputValue()).toBe('2028');
    expect(await page.locator('#vgl-stroom').inputValue()).toBe('integrale-gezinspoli');
    const voet = page.locator('#tabel-gemeenten .rijtabel__voet .num');
    await expect.poll(() => voet.allTextContents()).toEqual(['€ 5.000.000', '€ 6.000.000', '+€ 1.000.000']);
    // The municipalities of the division of 2028 (with the planned merger).
    expect(await page.locator('#tabel-gemeenten [role=row][data-code]').count()).toBe(divisionOf(data, 2028).gemeenten.length);

    // Each municipality as core computes it.
    const a = core([{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' }]);
    const ams = a.resultaten.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2028)!.regels.find((l) => l.ontvanger === 'GM0363')!;
    await page.getByLabel('Zoek ontvanger').fill('Amsterdam');
    await expect.poll(() => page.locator('#tabel-gemeenten [role=row][data-code]').first().locator('.num').nth(1).textContent()).toBe(formatEuro(ams.bedrag!, 'auto'));

    // Typing with decimals also updates at once.
    await veld.fill('6.000.000,50');
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 6.000.001');
    await screenshot(page, 'scenario-bedrag');
    expect(errors).toEqual([]);
  });

  test('an impossible value shows an inline Dutch message and keeps the previous scenario', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    const veld = page.locator('#w0-bedrag');
    await veld.fill('6.000.000');
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 6.000.000');

    for (const [invoer, melding] of [
      ['zes miljoen', 'is geen getal'],
      ['-5', 'negatief'],
      ['1,234', 'hoogstens 2 decimalen'],
      ['', 'vul een getal in'],
    ] as const) {
      await veld.fill(invoer);
      await expect.poll(() => veld.getAttribute('aria-invalid')).toBe('true');
      const foutId = (await veld.getAttribute('aria-describedby'))!.split(' ').find((x) => x.endsWith('-fout'))!;
      expect(await page.locator(`#${foutId}`).textContent()).toContain(melding);
      expect(await totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 6.000.000');
    }
    await veld.fill('7.000.000');
    await expect.poll(() => veld.getAttribute('aria-invalid')).toBe(null);
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 7.000.000');

    // A cut above 100% is refused by the scenario schema.
    await voegToe(page, 'korting', 'ks-brede-spuk', 2025);
    const pct = page.locator('#w1-percentage');
    await pct.fill('150');
    await expect.poll(() => pct.getAttribute('aria-invalid')).toBe('true');
    await pct.fill('50');
    await expect.poll(() => totaalCel(page, 'ks-brede-spuk', 2025).textContent()).toBe('€ 8.000.000');
  });

  test('a formula key with weights and a minimum; a minimum that cannot be paid is refused', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'sleutel', 'ks-brede-spuk', 2025);
    await page.getByLabel('Formule met gewichten').check();
    await expect.poll(() => page.locator('#w0-gewicht-inwoners-2024').inputValue()).toBe('1');
    await page.locator('#w0-gewicht-inwoners-2024').fill('70');
    await page.locator('#w0-gewicht-huishoudens-laag-inkomen-2022').fill('30');
    await page.locator('#w0-minimumbedrag').fill('20.000');
    await expect.poll(() => page.locator('#w0-minimumbedrag').getAttribute('aria-invalid')).toBe(null);
    // The total is unchanged; the distribution changes.
    expect(await totaalCel(page, 'ks-brede-spuk', 2025).textContent()).toBe('€ 16.000.000');
    await expect.poll(() => page.locator('#tabel-stijgers tbody tr').count()).toBeGreaterThan(0);
    // 342 × € 100.000 is more than € 16 mln: refused, with the reason.
    await page.locator('#w0-minimumbedrag').fill('100.000');
    await expect.poll(() => page.locator('#w0-minimumbedrag').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#wijziging-0 [role=alert]').textContent()).toContain('niet doorgevoerd');
    await page.locator('#w0-minimumbedrag').fill('20.000');
    await expect.poll(() => page.locator('#wijziging-0 [role=alert]').count()).toBe(0);
    await screenshot(page, 'scenario-formule');
  });

  test('participation and the local/regional split', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'lokaal-regionaal', 'nu-niet-zwanger', 2028);
    await page.locator('#w0-lokaal').fill('60');
    // 60% of € 6 mln to the municipalities, 40% to the 42 regions; the rounding is one
    // largest-remainder step over all of them, so the municipalities' sum is as core computes it.
    const a = core([{ soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2028, geldigheid: 'alleen-dit-jaar', lokaalPercentage: '60' }]);
    const regels = a.resultaten.find((r) => r.stroom === 'nu-niet-zwanger' && r.jaar === 2028)!.regels;
    const gemeenten = regels.filter((l) => l.soort === 'gemeente').reduce((t, l) => t + l.bedrag!, 0n);
    const regios = regels.filter((l) => l.soort === 'regio').reduce((t, l) => t + l.bedrag!, 0n);
    expect(gemeenten + regios).toBe(600_000_000n);
    // Where the money goes: the municipalities and the regions, together the whole amount.
    const voet = page.locator('#tabel-gemeenten .rijtabel__voet .num').nth(1);
    await expect.poll(() => voet.textContent()).toBe(formatEuro(gemeenten + regios, 'auto'));
    await page.selectOption('#vgl-soort', 'gemeente');
    await expect.poll(() => voet.textContent()).toBe(formatEuro(gemeenten, 'auto'));
    await page.selectOption('#vgl-soort', 'regio');
    await expect.poll(() => voet.textContent()).toBe(formatEuro(regios, 'auto'));
    expect(await page.locator('#tabel-gemeenten [role=row][data-code]').count()).toBe(data.izaRegios.length);
    const twente = page.locator('#tabel-gemeenten [data-code="twente"]');
    expect(await twente.textContent()).toContain('betaald aan SamenTwente');
    await page.selectOption('#vgl-soort', 'alle');
    await voegToe(page, 'deelname', 'nu-niet-zwanger', 2028);
    await page.getByLabel('Gemeenten zoeken in de lijst').fill('Utrecht');
    await page.getByRole('button', { name: 'Alleen de gevonden gemeenten' }).click();
    await expect.poll(() => page.locator('#wijziging-1 legend', { hasText: 'Deelnemende' }).textContent()).toContain(`2 van ${data.gemeenten.length}`);
    await page.locator('.deelnemers').getByLabel('Utrechtse Heuvelrug', { exact: true }).uncheck();
    await expect.poll(() => page.locator('#wijziging-1 legend', { hasText: 'Deelnemende' }).textContent()).toContain(`1 van ${data.gemeenten.length}`);
    // All the local money goes to Utrecht.
    await page.getByLabel('Zoek ontvanger').fill('Utrecht');
    const utrecht = page.locator('#tabel-gemeenten [data-code="GM0344"]');
    await expect.poll(() => utrecht.locator('.num').nth(1).textContent()).toBe('€ 3.600.000');
  });

  test('the cut field shows the cut that holds, and a change without effect says so where it is made', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/scenario');
    // The GALA money from 2027 is cut by 10% in the baseline: the new change starts from there.
    await voegToe(page, 'korting', 'ks-gala-structureel', 2027);
    expect(await page.locator('#w0-percentage').inputValue()).toBe('10');
    await expect.poll(() => page.locator('#wijziging-0-opmerkingen').textContent()).toContain('heeft geen effect');
    await expect.poll(() => totaalCel(page, 'ks-gala-structureel', 2027).textContent()).toBe('€ 18.000.000');
    // A different cut replaces it, and the card says that the cuts do not add up.
    await page.locator('#w0-percentage').fill('20');
    await expect.poll(() => totaalCel(page, 'ks-gala-structureel', 2027).textContent()).toBe('€ 16.000.000');
    await expect.poll(() => page.locator('#wijziging-0-opmerkingen').textContent()).toContain('vervangt in 2027 de korting van 10%');
    // A cut on a stream in a year it does not run.
    await voegToe(page, 'korting', 'ks-brede-spuk', 2027);
    await expect.poll(() => page.locator('#wijziging-1-opmerkingen').textContent()).toContain('loopt niet in 2027');
    await screenshot(page, 'scenario-opmerkingen');
  });

  test('numbers are read by the one rule: 1.234 is 1234 and 2.5 is refused with advice', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('1.234');
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 1.234');
    await voegToe(page, 'indexatie', 'integrale-gezinspoli', 2028);
    const pct = page.locator('#w1-percentage');
    await pct.fill('2.5');
    await expect.poll(() => pct.getAttribute('aria-invalid')).toBe('true');
    const foutId = (await pct.getAttribute('aria-describedby'))!.split(' ').find((x) => x.endsWith('-fout'))!;
    expect(await page.locator(`#${foutId}`).textContent()).toContain('schrijf 2,5');
    await pct.fill('2,5');
    await expect.poll(() => totaalCel(page, 'integrale-gezinspoli', 2028).textContent()).toBe('€ 1.265'); // 1234 × 1,025 = 1264,85
  });
});
