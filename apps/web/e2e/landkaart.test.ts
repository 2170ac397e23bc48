import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  MAP_UNKNOWN_LABEL,
  classLabel,
  divisionOf,
  emptyScenario,
  formatEuro,
  formatSignedEuro,
  mapClassLabel,
  mapClasses,
  mapTable,
  mapValue,
  mapView,
  plannedSuccessions,
  tableToCsv,
  type Allocation,
  type MapMeasure,
  type MapView,
} from '@kansrijke-start/core';
import { axe, downloadVia, launch, newPage, open, screenshot } from './browser.js';
import { allocationOf, data } from './core.js';

/** The map of the municipalities (`#/kaart`): every figure, class and row as the core's map view gives them. */

const base = allocationOf(emptyScenario());
const SCENARIO = {
  versie: 1,
  naam: 'Meer Nu Niet Zwanger',
  wijzigingen: [{ soort: 'bedrag', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', bedrag: '2500000' }],
};
const scenario = allocationOf(SCENARIO);
const merger = plannedSuccessions(data)[0]!;
const WIDTHS = [390, 820, 1280] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const shapes = (page: Page) => page.locator('.landkaart__gemeenten a');

async function openMap(page: Page, hash: string): Promise<void> {
  await open(page, hash);
  await shapes(page).first().waitFor();
}

/** The figures the page should show for a map query, from the core. */
function expected(allocations: Allocation[], van: number, tot: number, stroom: 'alle' | 'nu-niet-zwanger', maat: MapMeasure) {
  const view: MapView = mapView(data, allocations, { van, tot, stroom });
  const k = allocations.length - 1;
  const klassen = mapClasses(view, maat, k, maat.startsWith('verschil') ? 6 : 5);
  return { view, k, klassen };
}

/** A point inside the shape of `code` that hits that shape (not a neighbour), in page coordinates. */
async function pointIn(page: Page, code: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((c) => {
    const a = document.querySelector(`.landkaart__gemeenten a[data-code="${c}"]`)!;
    const path = a.querySelector('path')!;
    path.scrollIntoView({ block: 'center' });
    const box = path.getBBox();
    const m = path.getScreenCTM()!;
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++) {
        const x = box.x + (box.width * i) / 20;
        const y = box.y + (box.height * j) / 20;
        if (!path.isPointInFill(new DOMPoint(x, y))) continue;
        const sx = m.a * x + m.c * y + m.e;
        const sy = m.b * x + m.d * y + m.f;
        if (document.elementFromPoint(sx, sy)?.closest('a') === a) return { x: sx, y: sy };
      }
    return null;
  }, code);
  if (!p) throw new Error(`no point inside ${code}`);
  return p;
}

describe('Kaart van de gemeenten', () => {
  test('from the menu; 2026: one shape per municipality of the division, coloured, with the legend of the core', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/overzicht');
    await page.locator('nav').getByRole('link', { name: 'Kaart', exact: true }).click();
    await shapes(page).first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Kaart van de gemeenten');
    const count = divisionOf(data, 2026).gemeenten.length;
    expect(count).toBe(data.gemeenten.length);
    await page.selectOption('#kaart-jaar', '2026');
    await expect.poll(() => shapes(page).count()).toBe(count);
    expect(count).toBe(342);
    // Every municipality of the division has its shape, once.
    const codes = await shapes(page).evaluateAll((as) => as.map((a) => a.getAttribute('data-code')));
    expect([...codes].sort()).toEqual(divisionOf(data, 2026).gemeenten.map((g) => g.code).sort());
    // The legend: the core's classes with their counts, and the class for unknown.
    const { view, k, klassen } = expected([base], 2026, 2026, 'alle', 'per-inwoner');
    const items = await page.locator('#kaart-legenda li').allTextContents();
    expect(items).toEqual([
      ...klassen.klassen.map((c) => `${classLabel(klassen, c, { perInwoner: true })} (${c.aantal} ${c.aantal === 1 ? 'gemeente' : 'gemeenten'})`),
      `${MAP_UNKNOWN_LABEL} (0 gemeenten)`,
    ]);
    expect(klassen.klassen.length).toBeGreaterThanOrEqual(3);
    // Each shape has the colour of its class: shapes of one class share one fill, classes differ.
    const fills = await shapes(page).evaluateAll((as) => Object.fromEntries(as.map((a) => [a.getAttribute('data-code'), a.querySelector('path')!.getAttribute('fill')])));
    const perClass = new Map<number, Set<string>>();
    for (const r of view.rijen) {
      const i = klassen.klassen.findIndex((c) => classLabel(klassen, c, { perInwoner: true }) === mapClassLabel(klassen, 'per-inwoner', mapValue(r, 'per-inwoner', k)));
      perClass.set(i, (perClass.get(i) ?? new Set()).add(fills[r.code]!));
    }
    expect([...perClass.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set([...perClass.values()].map((s) => [...s][0])).size).toBe(klassen.klassen.length);
    // The source of the boundaries is cited on the map.
    expect(await page.locator('.landkaart__bron').textContent()).toContain('Bron: CBS, PDOK (via cartomap/nl)');
    expect(errors).toEqual([]);
  });

  test('2027: the planned merger is one shape, said so; 2021 has no municipal key and shows no zeros', async () => {
    const { page, errors } = await newPage(browser);
    await openMap(page, '#/kaart?jaar=2027&stroom=nu-niet-zwanger');
    await expect.poll(() => shapes(page).count()).toBe(divisionOf(data, 2027).gemeenten.length);
    expect(await shapes(page).count()).toBe(data.gemeenten.length - merger.opgeheven.length);
    const label = await page.locator(`.landkaart__gemeenten a[data-code="${merger.opvolger.code}"]`).getAttribute('aria-label');
    expect(label).toContain(`${merger.opvolger.naam} (met ${merger.opgeheven.map((g) => g.naam).join(', ')})`);
    for (const g of merger.opgeheven) expect(await page.locator(`.landkaart__gemeenten a[data-code="${g.code}"]`).count()).toBe(0);
    expect(await page.locator('#kaart-herindeling').textContent()).toContain(`${merger.opgeheven[0]!.naam} bij ${merger.opvolger.naam} gevoegd`);

    await page.selectOption('#kaart-jaar', '2021');
    await page.locator('#kaart-geen-sleutel').waitFor();
    expect(await page.locator('#kaart-geen-sleutel').textContent()).toMatch(/verdeelsleutel van die jaren is onbekend/);
    expect(await shapes(page).count()).toBe(divisionOf(data, data.indeling.van).gemeenten.length);
    const fills = new Set(await shapes(page).evaluateAll((as) => as.map((a) => a.querySelector('path')!.getAttribute('fill'))));
    expect([...fills]).toEqual(['url(#kaart-onbekend)']);
    expect(await page.locator('#kaart-legenda li').allTextContents()).toEqual([`${MAP_UNKNOWN_LABEL} (${data.gemeenten.length} gemeenten)`]);
    expect(errors).toEqual([]);
  });

  test('keyboard: one tab stop, the arrow keys move between municipalities and show their figures, Enter opens the card', async () => {
    const { page, errors } = await newPage(browser);
    await openMap(page, '#/kaart?jaar=2026');
    const { view } = expected([base], 2026, 2026, 'alle', 'per-inwoner');
    const tabStops = () => shapes(page).evaluateAll((as) => as.filter((a) => (a as SVGAElement).tabIndex >= 0).map((a) => a.getAttribute('data-code')));
    expect(await tabStops()).toEqual([view.rijen[0]!.code]);
    // From the link before the map, one Tab enters it.
    await page.locator('.landkaart__overslaan').focus();
    await page.keyboard.press('Tab');
    const eerste = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(eerste).toBe(view.rijen[0]!.code);
    const toont = async (code: string) => {
      const r = view.rijen.find((x) => x.code === code)!;
      await expect.poll(() => page.locator('#kaart-info').getAttribute('data-code')).toBe(code);
      expect(await page.locator('#kaart-info .landkaart__info-naam').textContent()).toBe(r.naam);
      const bedrag = await page.locator('#kaart-info [data-veld="bedrag-0"]').textContent();
      expect(bedrag).toContain(formatEuro(r.zijden[0]!.bedrag!, 'auto'));
      expect(bedrag).toContain(`${formatEuro(r.perInwoner[0]!, 'always')} per inwoner`);
      expect(bedrag).toContain(r.zijden[0]!.status!);
    };
    await toont(eerste!);
    // Arrow keys go to a neighbour in that direction; the figures follow the focus.
    const start = await page.locator(`.landkaart__gemeenten a[data-code="${eerste}"] path`).boundingBox();
    await page.keyboard.press('ArrowRight');
    const rechts = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(rechts).not.toBe(eerste);
    const box = await page.locator(`.landkaart__gemeenten a[data-code="${rechts}"] path`).boundingBox();
    expect(box!.x + box!.width / 2).toBeGreaterThan(start!.x + start!.width / 2);
    await toont(rechts!);
    await page.keyboard.press('ArrowDown');
    const onder = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(onder).not.toBe(rechts);
    await toont(onder!);
    // Still one tab stop: the one with the focus.
    expect(await tabStops()).toEqual([onder]);
    // Tab leaves the map at once (no 342 stops).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.landkaart__gemeenten') === null)).toBe(true);
    // Back in, Enter opens the card of the focused municipality.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(onder);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/gemeente/${onder}?jaar=2026`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(view.rijen.find((x) => x.code === onder)!.naam);
    expect(errors).toEqual([]);
  });

  test('hover shows a municipality, a click opens its card', async () => {
    const { page, errors } = await newPage(browser);
    await openMap(page, '#/kaart?jaar=2026');
    const p = await pointIn(page, 'GM0344');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.locator('#kaart-info').getAttribute('data-code')).toBe('GM0344');
    expect(await page.locator('#kaart-info .landkaart__info-naam').textContent()).toBe('Utrecht');
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/gemeente/GM0344?jaar=2026');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Utrecht');
    expect(errors).toEqual([]);
  });

  test('the table alternative holds the figures of the core, and its CSV is exactly that table', async () => {
    const { page, errors } = await newPage(browser);
    await openMap(page, '#/kaart?jaar=2027');
    await page.getByRole('button', { name: 'Toon als tabel' }).click();
    await page.locator('#tabel-kaart').waitFor();
    const { view, k, klassen } = expected([base], 2027, 2027, 'alle', 'per-inwoner');
    expect(await page.locator('#tabel-kaart tbody tr').count()).toBe(view.rijen.length);
    for (const code of ['GM0344', 'GM0363', merger.opvolger.code, 'GM0088']) {
      const r = view.rijen.find((x) => x.code === code)!;
      const tr = page.locator(`#tabel-kaart tbody tr[data-code="${code}"]`);
      expect(await tr.locator('[data-kolom="bedrag-0"]').textContent()).toBe(formatEuro(r.zijden[0]!.bedrag!, 'auto'));
      expect(await tr.locator('[data-kolom="per-inwoner-0"]').textContent()).toBe(formatEuro(r.perInwoner[0]!, 'always'));
      expect(await tr.locator('[data-kolom="klasse"]').textContent()).toBe(mapClassLabel(klassen, 'per-inwoner', mapValue(r, 'per-inwoner', k)));
      expect(await tr.locator('.utrecht-badge-status, .status').first().textContent()).toBe(r.zijden[0]!.status);
    }
    const dl = await downloadVia(page, () => page.getByRole('button', { name: /^De kaart als tabel \(CSV\)/ }).click());
    expect(dl.naam).toBe('kaart-alle-2027-per-inwoner.csv');
    expect(dl.bytes.toString('utf8')).toBe(tableToCsv(mapTable(view, ['Basis'], { maat: 'per-inwoner', k, klassen })));
    // The CSV has a row for every row of the table, in the same order.
    const csvCodes = dl.bytes.toString('utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]);
    expect(csvCodes).toEqual(await page.locator('#tabel-kaart tbody tr').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-code'))));
    expect(errors).toEqual([]);
  });

  test('a scenario: coloured by the difference with the baseline over a period, diverging around no difference', async () => {
    const { context, page, errors } = await newPage(browser);
    await context.addInitScript((s) => localStorage.setItem('kansrijke-start:scenario', s), JSON.stringify(SCENARIO));
    await openMap(page, '#/kaart?van=2026&tot=2030&stroom=nu-niet-zwanger&maat=verschil&tabel=1');
    const { view, k, klassen } = expected([base, scenario], 2026, 2030, 'nu-niet-zwanger', 'verschil');
    expect(klassen.divergerend).toBe(true);
    const labels = (await page.locator('#kaart-legenda li').allTextContents()).map((t) => t.replace(/ \(\d+ gemeenten?\)$/, ''));
    expect(labels).toEqual([...klassen.klassen.map((c) => classLabel(klassen, c)), MAP_UNKNOWN_LABEL]);
    expect(labels).toContain('geen verschil (€ 0)');
    expect(await page.locator('#kaart-titel').textContent()).toBe('Verschil in euro, Nu Niet Zwanger (AZWA), opgeteld over 2026-2030');
    for (const code of ['GM0344', merger.opvolger.code]) {
      const r = view.rijen.find((x) => x.code === code)!;
      const tr = page.locator(`#tabel-kaart tbody tr[data-code="${code}"]`);
      expect(await tr.locator('[data-kolom="bedrag-0"]').textContent()).toBe(formatEuro(r.zijden[0]!.bedrag!, 'auto'));
      expect(await tr.locator('[data-kolom="bedrag-1"]').textContent()).toBe(formatEuro(r.zijden[1]!.bedrag!, 'auto'));
      expect(await tr.locator('[data-kolom="verschil"]').textContent()).toBe(formatSignedEuro(r.verschillen[0]!.verschil!));
      expect(r.verschillen[0]!.verschil).not.toBe(0n);
    }
    const dl = await downloadVia(page, () => page.getByRole('button', { name: /^De kaart als tabel \(CSV\)/ }).click());
    expect(dl.bytes.toString('utf8')).toBe(tableToCsv(mapTable(view, ['Basis', SCENARIO.naam], { maat: 'verschil', k, klassen })));
    expect(errors).toEqual([]);
  });

  test('GGD regions as an overlay', async () => {
    const { page, errors } = await newPage(browser);
    await openMap(page, '#/kaart?jaar=2026');
    expect(await page.locator('[data-ggd-grenzen]').count()).toBe(0);
    await page.getByLabel("Grenzen van de GGD-regio's tonen").check();
    await page.locator('[data-ggd-grenzen]').waitFor();
    expect((await page.locator('[data-ggd-grenzen]').getAttribute('d'))!.length).toBeGreaterThan(1000);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('ggd=1');
    expect(errors).toEqual([]);
  });

  test('axe: 0 violations on the map, with the table, the overlay and a municipality in focus', async () => {
    const { page, errors } = await newPage(browser);
    await openMap(page, '#/kaart?jaar=2027&ggd=1&tabel=1');
    await page.locator('#tabel-kaart').waitFor();
    await page.locator('.landkaart__overslaan').focus();
    await page.keyboard.press('Tab');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const width of WIDTHS) {
    test(`${width} px: the map fits, no sideways page scroll`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await openMap(page, '#/kaart?jaar=2027&tabel=1');
      const svg = await page.locator('.landkaart__svg').boundingBox();
      expect(svg!.x).toBeGreaterThanOrEqual(0);
      expect(svg!.x + svg!.width).toBeLessThanOrEqual(width);
      expect(svg!.height).toBeGreaterThan(200);
      const legenda = await page.locator('#kaart-legenda').boundingBox();
      expect(legenda!.x + legenda!.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `landkaart-${width}`);
      expect(errors).toEqual([]);
    });
  }
});
