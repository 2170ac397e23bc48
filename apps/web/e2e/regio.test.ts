import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  compareRecipients,
  comparisonTable,
  csvMetadataName,
  divisionOf,
  emptyScenario,
  formatEuro,
  membershipIn,
  regionTotals,
  regionsOf,
  tableToCsv,
  type StreamChoice,
} from '@kansrijke-start/core';
import { downloadVia, launch, newPage, open, screenshot } from './browser.js';
import { allocationOf, data } from './core.js';

/** The region view: what the municipalities of a GGD region or a province get together. */

const base = allocationOf(emptyScenario());
const WIDTHS = [390, 820, 1280] as const;
const GGD = 'GG3606'; // GGD Gooi en Vechtstreek: Hilversum and Wijdemeren

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const totaal = (soort: 'ggd' | 'provincie', code: string, jaar: number, stroom: StreamChoice) =>
  regionTotals(data, [base], { soort, jaar, stroom }).find((r) => r.code === code)!;

describe("Regio's", () => {
  test('the list of regions, from the menu', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/overzicht');
    await page.locator('.hoofdnav').getByRole('link', { name: "Regio's" }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wat krijgen de gemeenten van een regio samen?');
    expect(await page.locator('#lijst-ggd + ul li').count()).toBe(regionsOf(data, 'ggd').length);
    expect(await page.locator('#lijst-provincie + ul li').count()).toBe(regionsOf(data, 'provincie').length);
    await page.getByRole('link', { name: 'GGD Gooi en Vechtstreek' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('GGD Gooi en Vechtstreek');
    expect(errors).toEqual([]);
  });

  for (const width of WIDTHS) {
    test(`a GGD sees what its region gets for Nu Niet Zwanger 2027, in total and per municipality (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await open(page, `#/regio/ggd/${GGD}?jaar=2027&stroom=nu-niet-zwanger`);
      const t = totaal('ggd', GGD, 2027, 'nu-niet-zwanger');
      const euro = formatEuro(t.zijden[0]!.bedrag!, 'auto');
      await expect.poll(() => page.locator('#regio-totaal [data-kolom=basis]').textContent()).toBe(euro);
      expect(await page.locator('#regio-totaal .utrecht-badge-status').first().textContent()).toBe(t.zijden[0]!.status);
      expect(await page.locator('#tabel-regio-gemeenten tfoot [data-kolom=totaal]').textContent()).toBe(euro);
      // Its municipalities, each with the core's amount; in 2027 Hilversum covers Wijdemeren.
      const rows = compareRecipients(data, [base], { jaar: 2027, stroom: 'nu-niet-zwanger', regio: { soort: 'ggd', code: GGD } });
      expect(rows.length).toBe(t.gemeenten.length);
      expect(await page.locator('#tabel-regio-gemeenten tbody tr').count()).toBe(rows.length);
      for (const r of rows) {
        const tr = page.locator(`#tabel-regio-gemeenten tbody tr[data-code="${r.ontvanger}"]`);
        expect(await tr.locator('th').textContent()).toBe(r.naam);
        expect(await tr.locator('td.num').first().textContent()).toBe(formatEuro(r.zijden[0]!.bedrag!, 'auto'));
      }
      expect(rows.map((r) => r.ontvanger)).toContain('GM0402');
      expect(rows.map((r) => r.ontvanger)).not.toContain('GM1696');
      // The notice of the pending AZWA decision, once, and the mark on the figures.
      expect(await page.locator('.besluit-melding').count()).toBe(1);
      expect(await page.locator('#regio-totaal .besluit-marker').isVisible()).toBe(true);
      // The page does not scroll sideways; a wide table scrolls in its own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `regio-ggd-${width}`);
      expect(errors).toEqual([]);
    });
  }

  test('all streams of a year: the total per stream and of all streams', async () => {
    const { page } = await newPage(browser);
    await open(page, `#/regio/ggd/${GGD}?jaar=2027`);
    const alle = totaal('ggd', GGD, 2027, 'alle');
    await expect.poll(() => page.locator('#regio-totaal [data-kolom=basis]').textContent()).toBe(formatEuro(alle.zijden[0]!.bedrag!, 'auto'));
    expect(await page.locator('#tabel-regio-stromen tfoot td.num').first().textContent()).toBe(formatEuro(alle.zijden[0]!.bedrag!, 'auto'));
    const nnz = totaal('ggd', GGD, 2027, 'nu-niet-zwanger');
    expect(await page.locator('#tabel-regio-stromen tr[data-stroom=nu-niet-zwanger] td.num').first().textContent()).toBe(formatEuro(nnz.zijden[0]!.bedrag!, 'auto'));
    // Choosing another year, stream or region is a link of its own.
    await page.locator('#regio-jaar').selectOption('2026');
    await expect.poll(() => page.url()).toContain(`#/regio/ggd/${GGD}?jaar=2026`);
    await page.locator('#regio-soort').selectOption('provincie');
    await expect.poll(() => page.url()).toContain('#/regio/provincie/');
    const pv = totaal('provincie', 'PV27', 2026, 'alle');
    await page.locator('#regio-code').selectOption('PV27');
    await expect.poll(() => page.locator('#regio-totaal [data-kolom=basis]').textContent()).toBe(formatEuro(pv.zijden[0]!.bedrag!, 'auto'));
  });

  test('the membership of a GGD region: its derivation, source, and Mook en Middelaar', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/regio/ggd/GG2014?jaar=2026');
    const m = membershipIn(data, divisionOf(data, 2026), 'ggd');
    const indeling = page.locator('#regio-indeling');
    await expect.poll(() => indeling.textContent()).toContain(m.toelichting);
    expect(await indeling.textContent()).toContain(m.bron);
    for (const reden of m.redenen.get('GG2014')!) expect(await indeling.textContent()).toContain(reden);
    expect(await indeling.textContent()).toContain('Mook en Middelaar');
    // The total is an estimate for that reason.
    const t = totaal('ggd', 'GG2014', 2026, 'alle');
    expect(t.zijden[0]!.status).toBe('raming');
    await page.locator('#regio-totaal summary').click();
    expect(await page.locator('#regio-totaal .status-redenen').textContent()).toContain('Mook en Middelaar');
  });

  test("CSV of the municipalities' table, with its metadata file", async () => {
    const { page } = await newPage(browser);
    await open(page, `#/regio/ggd/${GGD}?jaar=2027&stroom=nu-niet-zwanger`);
    const dl = await downloadVia(page, () => page.getByRole('button', { name: /^Gemeenten \(CSV\)/ }).click());
    expect(dl.naam).toMatch(/\.csv$/);
    const verwacht = tableToCsv(comparisonTable(data, [base], ['Basis'], { van: 2027, tot: 2027, stroom: 'nu-niet-zwanger', regio: { soort: 'ggd', code: GGD } }));
    expect(dl.bytes.toString('utf8')).toBe(verwacht);
    const meta = await downloadVia(page, () => page.getByRole('button', { name: `Verantwoording (CSVW, JSON) bij ${dl.naam}` }).click());
    expect(meta.naam).toBe(csvMetadataName(dl.naam));
    const json = JSON.parse(meta.bytes.toString('utf8'));
    expect(json.url).toBe(dl.naam);
    expect(json['schema:version']).toBe(data.versie.versie);
    expect(json.tableSchema.columns.map((c: { name: string }) => c.name)).toEqual(verwacht.split('\n')[0]!.split(','));
    // The totals per stream: this region's rows of the core's region table.
    const st = await downloadVia(page, () => page.getByRole('button', { name: /^Totalen per stroom \(CSV\)/ }).click());
    const lines = st.bytes.toString('utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l).toContain(GGD);
  });

  test('an unknown region says so', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/regio/ggd/GG9999');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('“GG9999” is geen GGD-regio of provincie');
  });
});
