import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { emptyScenario, formatEuro, letterToHtml, municipalityLetter, regionLetter, regionsOf, type Allocation } from '@kansrijke-start/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ARTIFACTS, launch, newPage, open, screenshot, voegToe } from './browser.js';
import { allocationOf, data } from './core.js';
import { compact, pageCount, pageTexts } from './pdf.js';

const base = allocationOf(emptyScenario());
const NAAM = 'Gezinspoli <6> & meer';
const scenario = allocationOf({
  versie: 1,
  naam: NAAM,
  wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' }],
});

/** The year totals of a municipality in an allocation, straight from its lines (not from the letter). */
function yearTotals(a: Allocation, code: string): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const r of a.resultaten) for (const l of r.regels) if (l.soort === 'gemeente' && l.ontvanger === code) out.set(r.jaar, (out.get(r.jaar) ?? 0n) + l.bedrag!);
  return out;
}

/** Prints the page to A4 as the browser's "Save as PDF" does (the page's own @page size and margins). */
const print = (page: Page) => page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });

/** The PDF of the letter without its appendix (hidden through the CSSOM, which the CSP allows), and with it. */
async function pdfs(page: Page, naam: string): Promise<{ kort: Buffer; heel: Buffer }> {
  await page.evaluate(() => document.querySelector<HTMLElement>('.bijlage')!.style.setProperty('display', 'none'));
  const kort = await print(page);
  await page.evaluate(() => document.querySelector<HTMLElement>('.bijlage')!.style.removeProperty('display'));
  const heel = await print(page);
  // For looking at them: test-artifacts/brief-*.pdf
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(resolve(ARTIFACTS, `${naam}.pdf`), heel);
  return { kort, heel };
}

/**
 * The comparison of the year totals (a dozen rows) is printed on one page, not split with its
 * caption and first rows at the foot of a page: the header of its difference column, which a
 * split table repeats on the next page, is on one page only, the one with its caption.
 */
function expectWhole(texts: readonly string[], naam: string): void {
  const pages = texts.filter((t) => compact(t).includes(compact(`Verschil ${naam}`)));
  expect(pages).toHaveLength(1);
  expect(compact(pages[0]!)).toContain(compact('Totaal per jaar'));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the letter (brief)', () => {
  test('of a municipality in a scenario: one click to print, at most two pages before the appendix, the totals and the scenario name in the PDF', async () => {
    const { context, page, errors } = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await open(page, '#/scenario');
    await page.getByLabel('Naam van het scenario').fill(NAAM);
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await page.locator('#w0-bedrag').blur();
    await open(page, '#/gemeente/GM0344');
    await page.getByRole('link', { name: /Brief voor deze gemeente/ }).click();
    await page.locator('.brief h1').waitFor();
    expect(page.url()).toContain('#/gemeente/GM0344/afdruk');
    expect(await page.locator('.brief h1').textContent()).toBe('Gemeente Utrecht');
    const main = (await page.locator('.brief').textContent())!;
    expect(main).toContain(NAAM);
    const button = page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' });
    expect(await button.isVisible()).toBe(true);

    // The year totals on screen are the core's sums of Utrecht's lines in the scenario.
    const totals = yearTotals(scenario, 'GM0344');
    for (const [jaar, cents] of totals) {
      const row = page.locator('#brief-bedragen tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${jaar}$`) }) });
      expect(await row.locator('td.totaal').textContent(), String(jaar)).toBe(`${formatEuro(cents, 'auto')}${(await row.locator('td.totaal .st').textContent()) ?? ''}`);
    }

    // Print: the toolbar is not printed; the summary is at most two pages, the appendix follows.
    await page.emulateMedia({ media: 'print' });
    expect(await button.isVisible()).toBe(false);
    // Back to no emulation: page.pdf() prints with the print media then (with 'screen' it would not).
    await page.emulateMedia({ media: null });
    const { kort, heel } = await pdfs(page, 'brief-utrecht');
    expect(pageCount(kort)).toBeLessThanOrEqual(2);
    expect(pageCount(heel)).toBeGreaterThan(pageCount(kort));
    const texts = pageTexts(heel);
    const all = compact(texts.join(' '));
    expect(all).toContain(compact(NAAM));
    for (const cents of totals.values()) expect(all).toContain(compact(formatEuro(cents, 'auto')));
    // A header and the page number on every page; the header names the municipality and the scenario (after page 1).
    texts.forEach((t, i) => expect(compact(t)).toContain(compact(`Pagina ${i + 1} van ${texts.length}`)));
    expect(compact(texts[1]!)).toContain(compact(`Gemeente Utrecht · scenario “${NAAM}”`));
    expect(compact(texts.at(-1)!)).not.toContain(compact('Bedragen per jaar en stroom'));
    expectWhole(texts, NAAM);
    await screenshot(page, 'brief-utrecht');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('of a GGD region: linked from the region, its totals, at most two pages before the appendix', async () => {
    const { context, page, errors } = await newPage(browser);
    page.setDefaultTimeout(20_000);
    const region = regionsOf(data, 'ggd')[0]!;
    await open(page, `#/regio/ggd/${region.code}`);
    await page.getByRole('link', { name: /Brief voor deze regio/ }).click();
    await page.locator('.brief h1').waitFor();
    expect(await page.locator('.brief h1').textContent()).toBe(`GGD-regio ${region.naam}`);
    const letter = regionLetter(data, [base], region.code);
    for (const y of letter.jaren) {
      if (y.totaal.bedrag === null) continue;
      const row = page.locator('#brief-bedragen tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${y.label}$`) }) });
      expect(await row.locator('td.totaal').textContent()).toContain(formatEuro(y.totaal.bedrag, 'auto'));
    }
    const { kort } = await pdfs(page, 'brief-regio');
    expect(pageCount(kort)).toBeLessThanOrEqual(2);
    for (const y of letter.jaren) if (y.totaal.bedrag !== null) expect(compact(pageTexts(kort).join(' '))).toContain(compact(formatEuro(y.totaal.bedrag, 'auto')));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('the HTML of ks-budget brief prints the same way: self-contained, at most two pages before the appendix', async () => {
    const { context, page, errors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const [naam, letter] of [
      ['Amsterdam', municipalityLetter(data, [base, scenario], 'GM0363', { vandaag: '2026-12-01' })],
      ['Wijdemeren', municipalityLetter(data, [base], 'GM1696', { vandaag: '2026-12-01' })],
      ['regio', regionLetter(data, [base, scenario], regionsOf(data, 'ggd')[5]!.code, { vandaag: '2026-12-01' })],
    ] as const) {
      await page.setContent(letterToHtml(letter, { bijlage: false }));
      const kort = await print(page);
      expect(pageCount(kort), naam).toBeLessThanOrEqual(2);
      await page.setContent(letterToHtml(letter));
      const heel = await print(page);
      expect(pageCount(heel), naam).toBeGreaterThan(pageCount(kort));
      const text = compact(pageTexts(heel).join(' '));
      if (letter.vergelijking) expectWhole(pageTexts(heel), NAAM);
      for (const y of letter.jaren) if (y.totaal.bedrag !== null) expect(text, `${naam} ${y.label}`).toContain(compact(formatEuro(y.totaal.bedrag, 'auto')));
      if (!letter.scenario.basis) expect(text).toContain(compact(`scenario “${NAAM}”`));
    }
    // Nothing was loaded from anywhere.
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
