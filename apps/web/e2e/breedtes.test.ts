import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, open, screenshot, voegToe } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const BREEDTES = [390, 820, 1280] as const;

/** Each view in a representative state (the scenario view is checked separately, with variants). */
const VIEWS: [string, string][] = [
  ['overzicht', '#/overzicht'],
  ['gemeente-utrecht', '#/gemeente/GM0344'],
  ['gemeente-hilversum-2027', '#/gemeente/GM0402?jaar=2027'],
  ['gemeente-hilversum-2027-uitleg', '#/gemeente/GM0402?jaar=2027&uitleg=nu-niet-zwanger%7C2027%7CGM0402'],
  ['regio-lijst', '#/regio'],
  ['regio-ggd', '#/regio/ggd/GG3606?jaar=2027'],
  ['kaart-2027-tabel', '#/kaart?jaar=2027&ggd=1&tabel=1'],
  ['delen', '#/delen'],
  ['gemeente-afdruk', '#/gemeente/GM0344/afdruk'],
  ['regio-ggd-brief', '#/regio/ggd/GG3606/brief'],
];

/**
 * What is wrong with the layout at the current width, as readable lines (empty: nothing):
 * - the page scrolls sideways;
 * - a visible element inside `main` sticks out of the viewport, unless it is inside a scroll box;
 * - an element with `overflow: hidden` (not a scroll box) cuts its content off, or a table cell's
 *   text is wider than the cell (it runs under the next one);
 * - a scroll box is squeezed (narrower than its content and than 240 px, e.g. a 0 px grid column),
 *   lacks `role="region"`, `tabindex="0"` or a name, or scrolls a table whose row headers (or
 *   first cells) do not stay in place (position: sticky);
 * - an SVG chart is wider than its box, or two of its labels overlap.
 */
async function breedteFouten(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fouten: string[] = [];
    const vw = window.innerWidth;
    const naam = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const tekst = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}> “${tekst}”`;
    };
    const isScrollBox = (el: Element): boolean => {
      const o = getComputedStyle(el).overflowX;
      return o === 'auto' || o === 'scroll';
    };
    /** Visually hidden on purpose (for screen readers): a 1 px box with a clip. */
    const verborgenVoorOog = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.clip !== 'auto' && s.clip !== '' && s.position === 'absolute') return true;
        if (s.clipPath.startsWith('inset(50%')) return true;
      }
      return false;
    };
    const zichtbaar = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'contents';
    };
    const inScrollBox = (el: Element): boolean => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (isScrollBox(e)) return true;
      return false;
    };

    if (document.documentElement.scrollWidth > vw) fouten.push(`de pagina scrolt zijwaarts: ${document.documentElement.scrollWidth} px bij ${vw} px`);
    const main = document.querySelector('main');
    if (!main) return [...fouten, 'geen <main>'];
    for (const el of main.querySelectorAll('*')) {
      if (!zichtbaar(el) || verborgenVoorOog(el)) continue;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (!inScrollBox(el) && (r.left < -1 || r.right > vw + 1)) {
        fouten.push(`buiten beeld (${Math.round(r.left)}..${Math.round(r.right)} px): ${naam(el)}`);
      }
      // A cell whose text is wider than the cell runs into (and under) its neighbour.
      if (el.matches('td, th, [role="cell"], [role="columnheader"], [role="rowheader"]') && el.scrollWidth > el.clientWidth + 1) {
        fouten.push(`tekst breder dan zijn cel (${el.scrollWidth} px in ${el.clientWidth} px): ${naam(el)}`);
      }
      const scroll = isScrollBox(el);
      if (!scroll && (s.overflowX === 'hidden' || s.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1) {
        fouten.push(`afgesneden (${el.scrollWidth} px inhoud in ${el.clientWidth} px): ${naam(el)}`);
      }
      if (scroll && el.scrollWidth > el.clientWidth + 1) {
        if (el.clientWidth < 240) fouten.push(`scrollvak te smal (${el.clientWidth} px voor ${el.scrollWidth} px): ${naam(el)}`);
        const region = el.getAttribute('role') === 'region' && el.getAttribute('tabindex') === '0' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'));
        if (!region) fouten.push(`scrollvak zonder role="region", tabindex="0" en naam: ${naam(el)}`);
        for (const rij of el.querySelectorAll(':scope table > tbody > tr, :scope [role="row"]')) {
          // The column that stays: the row header, or else the first cell.
          const eerste = rij.querySelector(':scope > th[scope="row"], :scope > [role="rowheader"]') ?? rij.firstElementChild;
          if (!eerste || !zichtbaar(eerste) || Number(eerste.getAttribute('colspan') ?? 1) > 1) continue;
          if (getComputedStyle(eerste).position !== 'sticky') {
            fouten.push(`eerste kolom blijft niet staan bij zijwaarts scrollen: ${naam(eerste)} in ${naam(el)}`);
            break;
          }
        }
      }
    }
    for (const svg of main.querySelectorAll('svg')) {
      if (!zichtbaar(svg)) continue;
      const box = svg.parentElement!.getBoundingClientRect();
      const r = svg.getBoundingClientRect();
      if (r.width > box.width + 1) fouten.push(`grafiek breder dan zijn vak (${Math.round(r.width)} px in ${Math.round(box.width)} px)`);
      const labels = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '').map((t) => ({ t, r: t.getBoundingClientRect() }));
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const [a, b] = [labels[i]!.r, labels[j]!.r];
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          if (overlap) fouten.push(`labels in een grafiek overlappen: “${labels[i]!.t.textContent}” en “${labels[j]!.t.textContent}”`);
        }
      }
    }
    return fouten;
  });
}

/** A scenario with a change and a copy with another amount, compared side by side with the baseline. */
async function maakScenarioMetVarianten(page: Page): Promise<void> {
  await open(page, '#/scenario');
  await page.getByLabel('Naam van het scenario').fill('Voorstel');
  await voegToe(page, 'bedrag', 'nu-niet-zwanger', 2027);
  await page.locator('#w0-bedrag').fill('2.500.000');
  // The last change chooses what the comparison per recipient shows: millions added, wide totals.
  await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2026);
  await page.locator('#w1-bedrag').fill('6.000.000');
  await page.getByLabel('vanaf 2026').check();
  await page.getByRole('button', { name: 'Dupliceren “Voorstel”', exact: true }).click();
  await expect.poll(() => page.locator('.variantenlijst .variant__naam').allTextContents()).toEqual(['Voorstel', 'Voorstel (kopie)']);
  await page.locator('#w1-bedrag').fill('7.000.000');
  await page.selectOption('#vergelijk-0', { label: 'Voorstel' });
  await page.selectOption('#vergelijk-1', { label: 'Voorstel (kopie)' });
  await page.locator('#tabel-varianten').waitFor();
}

describe('Elke weergave op 390, 820 en 1280 px', () => {
  for (const [naam, hash] of VIEWS) {
    test(`${naam}: geen zijwaartse scroll, niets afgesneden, brede tabellen in een eigen scrollvak`, async () => {
      const { context, page, errors } = await newPage(browser);
    page.setDefaultTimeout(20_000);
      const gevonden: Record<number, string[]> = {};
      for (const breedte of BREEDTES) {
        await page.setViewportSize({ width: breedte, height: 900 });
        await open(page, hash);
        // The map view loads its own chunk on first use: wait for the map itself.
        if (hash.startsWith('#/kaart')) await page.locator('.landkaart__svg').waitFor();
        // So does the letter.
        if (/\/(afdruk|brief)$/.test(hash)) await page.locator('.brief h1').waitFor();
        await page.waitForTimeout(100);
        gevonden[breedte] = await breedteFouten(page);
        await screenshot(page, `breedte-${naam}-${breedte}`);
      }
      expect(gevonden).toEqual({ 390: [], 820: [], 1280: [] });
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }

  test('scenario with changes and variants compared: the columns stack below 60rem, nothing cut off', async () => {
    const { context, page, errors } = await newPage(browser);
    page.setDefaultTimeout(20_000);
    await maakScenarioMetVarianten(page);
    const gevonden: Record<number, string[]> = {};
    for (const breedte of BREEDTES) {
      await page.setViewportSize({ width: breedte, height: 900 });
      await page.waitForTimeout(100);
      gevonden[breedte] = await breedteFouten(page);
      // The results column is never squeezed: below 60rem it takes the full width under the form.
      const uitkomst = await page.locator('.werkblad__uitkomst').boundingBox();
      const werkblad = await page.locator('.werkblad').boundingBox();
      expect(uitkomst && werkblad && uitkomst.width).toBeGreaterThan(breedte < 960 ? werkblad!.width - 2 : 300);
      await screenshot(page, `breedte-scenario-${breedte}`);
    }
    expect(gevonden).toEqual({ 390: [], 820: [], 1280: [] });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('print version: no table wider than the printable width of A4, the PDF is made', async () => {
    const { context, page, errors } = await newPage(browser);
    page.setDefaultTimeout(20_000);
    // A4 is 210 mm; with the browser's default print margins of about 1 cm, 190 mm ≈ 718 CSS px remain.
    const printbaar = Math.floor((190 / 25.4) * 96);
    await page.setViewportSize({ width: printbaar, height: 1000 });
    await open(page, '#/gemeente/GM0344/afdruk');
    await page.locator('.brief h1').waitFor();
    await page.emulateMedia({ media: 'print' });
    const teBreed = await page.evaluate((w) => {
      const uit: string[] = [];
      if (document.documentElement.scrollWidth > w) uit.push(`pagina ${document.documentElement.scrollWidth} px breed`);
      for (const t of document.querySelectorAll('table')) {
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.right > w + 1 || t.scrollWidth > Math.ceil(r.width) + 1) uit.push(`tabel ${t.id || t.className}: ${Math.round(r.left)}..${Math.round(r.right)} px (${t.scrollWidth} px inhoud)`);
      }
      return uit;
    }, printbaar);
    expect(teBreed).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
