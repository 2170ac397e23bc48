import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ENGINE, emptyScenario, formatDate, receiptOf, viewAsCode, type Receipt } from '@kansrijke-start/core';
import { axe, launch, newPage, open, voegToe } from './browser.js';
import { allocationOf } from './core.js';

/**
 * The receipt beside the results ("Bewijs") is the core's `receiptOf` of the figures shown, and
 * follows the scenario; "Als code" copies the command and the TypeScript of the view.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The full hashes the block holds for each side, once it has computed them. */
async function hashes(page: Page, sel = '#bewijs'): Promise<{ scenario: string; uitkomst: string }[]> {
  await expect.poll(() => page.locator(sel).getAttribute('data-klaar')).toBe('ja');
  return page.locator(`${sel} li[data-kant]`).evaluateAll((lis) =>
    lis.map((li) => {
      const [s, u] = [...li.querySelectorAll('code[data-volledig]')].map((c) => c.getAttribute('data-volledig')!);
      return { scenario: s!, uitkomst: u! };
    }),
  );
}
const of = (r: Receipt) => ({ scenario: r.scenarioSha256, uitkomst: r.resultaatSha256 });
/** The scenario the app holds (what it keeps in the browser). */
const stored = async (page: Page): Promise<unknown> => JSON.parse((await page.evaluate(() => localStorage.getItem('kansrijke-start:scenario')))!);

describe('Bewijs', () => {
  test('on the overview: the receipt of the baseline, with the engine and the data version and date', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/overzicht');
    const r = receiptOf(allocationOf(emptyScenario()));
    expect(await hashes(page)).toEqual([of(r)]);
    expect(await page.locator('#bewijs [data-bewijs="motor"]').textContent()).toBe(`${ENGINE.naam} ${ENGINE.versie}`);
    const gegevens = await page.locator('#bewijs [data-bewijs="gegevens"]').textContent();
    expect(gegevens).toContain(r.gegevens.versie);
    expect(gegevens).toContain(formatDate(r.gegevens.datum));
    // Shortened on screen, the full value to copy.
    expect((await page.locator('#bewijs code[data-volledig]').first().textContent())!.length).toBeLessThan(20);
    expect(await page.locator('#bewijs').textContent()).toContain('ks-budget verify');
    expect(errors).toEqual([]);
  });

  test('on the scenario page: follows every change, and equals receiptOf of the same scenario', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await expect.poll(async () => (await stored(page)) !== null).toBe(true);
    await expect.poll(async () => JSON.stringify(((await stored(page)) as { wijzigingen: { bedrag?: string }[] }).wijzigingen[0]?.bedrag)).toBe('"6000000"');
    const eerst = await hashes(page);
    expect(eerst).toEqual([of(receiptOf(allocationOf(emptyScenario()))), of(receiptOf(allocationOf(await stored(page))))]);

    await page.locator('#w0-bedrag').fill('6.500.000');
    await expect.poll(async () => ((await stored(page)) as { wijzigingen: { bedrag?: string }[] }).wijzigingen[0]?.bedrag).toBe('6500000');
    await expect.poll(async () => (await hashes(page))[1]!.uitkomst).not.toBe(eerst[1]!.uitkomst);
    const daarna = await hashes(page);
    expect(daarna[0]).toEqual(eerst[0]); // the baseline did not change
    expect(daarna[1]).toEqual(of(receiptOf(allocationOf(await stored(page)))));
    expect(daarna[1]!.scenario).not.toBe(eerst[1]!.scenario);

    // The copy button copies the full value.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#bewijs li[data-kant="1"]').getByRole('button', { name: /uitkomst-hash/ }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(daarna[1]!.uitkomst);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('on a municipality and a region: the receipts of the baseline and the scenario shown', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'nu-niet-zwanger', 2027);
    await page.locator('#w0-bedrag').fill('4.000.000');
    await expect.poll(async () => ((await stored(page)) as { wijzigingen: { bedrag?: string }[] }).wijzigingen[0]?.bedrag).toBe('4000000');
    const verwacht = [of(receiptOf(allocationOf(emptyScenario()))), of(receiptOf(allocationOf(await stored(page))))];
    await open(page, '#/gemeente/GM0344');
    expect(await hashes(page)).toEqual(verwacht);
    await open(page, '#/regio/ggd/GG3606?jaar=2027');
    expect(await hashes(page)).toEqual(verwacht);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('Als code', () => {
  test("copies the view's ks-budget command (with the scenario file) and its TypeScript", async () => {
    const { page, errors } = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await expect.poll(async () => ((await stored(page)) as { wijzigingen: { bedrag?: string }[] }).wijzigingen[0]?.bedrag).toBe('6000000');
    const blok = page.locator('section[aria-labelledby="per-gemeente-titel"] .als-code');
    await blok.locator('summary').click();
    await blok.getByRole('button', { name: 'Kopieer de opdracht' }).click();
    const opdracht = await page.evaluate(() => navigator.clipboard.readText());
    const scenario = allocationOf(await stored(page)).scenario;
    // The view follows the change being edited: its stream and year.
    const verwacht = viewAsCode({ view: 'scenario', jaar: 2028, stroom: 'integrale-gezinspoli' }, [scenario]);
    expect(opdracht).toBe(verwacht.shell);
    expect(opdracht).toContain("cat > scenario.json <<'KS_SCENARIO_EOF'");
    expect(opdracht).toContain('npx ks-budget compare --scenario scenario.json --years 2028 --stream integrale-gezinspoli --format csv');
    await blok.getByRole('button', { name: 'Kopieer de TypeScript' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(verwacht.typescript);

    // Another year in the view: another command.
    await page.selectOption('#vgl-jaar', '2029');
    await expect.poll(() => blok.locator('pre[data-soort="shell"]').textContent()).toContain('--years 2029');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('without a clipboard the text is selected, to copy by hand', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/overzicht');
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    const blok = page.locator('.als-code');
    await blok.locator('summary').click();
    await blok.getByRole('button', { name: 'Kopieer de opdracht' }).click();
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('npx ks-budget streams --years 2019-2030 --format csv');
    expect(await blok.getByRole('status').first().textContent()).toContain('Ctrl+C');
    expect(errors).toEqual([]);
  });
});
