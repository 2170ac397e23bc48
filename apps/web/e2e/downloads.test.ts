import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { parseCsv } from '@kansrijke-start/core';
import { downloadVia, launch, newPage, open, voegToe } from './browser.js';

/**
 * Every table and chart of the app downloads as CSV of exactly what it shows: for each view, the
 * rows of the downloaded file are the rows of the table on screen (read from the page), in its
 * order, with its amounts, also after a filter or the sort order is changed.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The amount a cell shows, in cents: "€ 1.234", "€ 12,34", "+€ 5", "-€ 5" (the first amount in
 * the cell, before a percentage or a status); null for "–", "onbekend", "niet verdeeld", "bij ...".
 */
function shown(text: string): bigint | null {
  const m = /^\s*([+\-−]?)\s*€\s*([+\-−]?)([\d.]+)(?:,(\d{1,2}))?/.exec(text);
  if (!m) return null;
  const c = BigInt(m[3]!.replaceAll('.', '')) * 100n + BigInt((m[4] ?? '0').padEnd(2, '0'));
  return m[1] || m[2] ? (m[1] === '+' || m[2] === '+' ? c : -c) : c;
}
/** A CSV amount ("1234", "12.34", "-5") in cents; null when empty. */
function csvCents(text: string): bigint | null {
  if (text === '') return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`geen bedrag in de CSV: "${text}"`);
  const c = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -c : c;
}

interface Csv {
  naam: string;
  rows: Record<string, string>[];
}
async function csvVia(page: Page, button: Locator): Promise<Csv> {
  const dl = await downloadVia(page, () => button.click());
  const p = parseCsv(dl.bytes.toString('utf8'), { bestand: dl.naam });
  if (!p.ok) throw new Error(p.fouten.join('; '));
  return { naam: dl.naam, rows: p.rows.map((r) => Object.fromEntries(p.header.map((h, i) => [h, r.cells[i] ?? '']))) };
}

/** The text of each cell (th and td) of the rows matched by `rows`, and each row's data attributes. */
async function cellsOf(page: Page, rows: string): Promise<{ cells: string[]; data: Record<string, string> }[]> {
  return page.locator(rows).evaluateAll((trs) =>
    trs.map((tr) => ({
      // textContent: rows out of view (content-visibility) or folded away have no rendered text.
      cells: [...tr.querySelectorAll(':scope > th, :scope > td, :scope > [role=cell], :scope > [role=rowheader]')].map((c) => (c.textContent ?? '').trim()),
      data: { ...(tr as HTMLElement).dataset } as Record<string, string>,
    })),
  );
}

describe('CSV of exactly what each view shows', () => {
  test('overview: the table per year and stream, and the chart', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/overzicht');
    const csv = await csvVia(page, page.getByRole('button', { name: /^Tabel als CSV/ }));
    const dom = await cellsOf(page, '#tabel-overzicht tbody tr');
    const streams = await page.locator('#tabel-overzicht thead th').evaluateAll((ths) => ths.length - 2);
    expect(csv.rows.length).toBe(dom.length);
    const ids = Object.keys(csv.rows[0]!).filter((k) => k !== 'jaar' && !k.startsWith('status_') && !k.startsWith('totaal') && k !== 'met_onbekend');
    expect(ids.length).toBe(streams);
    for (const [i, r] of dom.entries()) {
      const row = csv.rows[i]!;
      expect(row.jaar).toBe(r.cells[0]);
      ids.forEach((id, k) => {
        const cell = r.cells[k + 1]!;
        expect(csvCents(row[id]!)).toBe(shown(cell));
        // Not running ("–") and unknown are both empty amounts; the status says which.
        if (cell.startsWith('–')) expect(row[`status_${id}`]).toBe('');
        if (cell.startsWith('onbekend')) expect(row[`status_${id}`]).toBe('onbekend');
      });
      expect(csvCents(row.totaal_bekend!)).toBe(shown(r.cells[streams + 1]!));
    }
    // The chart draws the same figures: its CSV has the table's amounts.
    const chart = await csvVia(page, page.locator('#grafiek-overzicht').getByRole('button', { name: /^Cijfers van de grafiek \(CSV\)/ }));
    expect(chart.rows.map((r) => r.jaar)).toEqual(csv.rows.map((r) => r.jaar));
    for (const [i, r] of chart.rows.entries()) for (const id of ids) expect(r[id]).toBe(csv.rows[i]![id]);
    expect(errors).toEqual([]);
  });

  test('municipality: the overview, the chart and the amounts one by one, also after choosing a year or a stream', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/gemeente/GM0344');
    const overzicht = async () => {
      const csv = await csvVia(page, page.getByRole('button', { name: /^Overzicht als CSV/ }));
      const dom = await cellsOf(page, '#kaart-overzicht tbody tr');
      expect(csv.rows.length).toBe(dom.length);
      const years = Object.keys(csv.rows[0]!).filter((k) => /^j\d{4}$/.test(k));
      expect(years.length).toBe(dom[0]!.cells.length - 2);
      for (const [i, r] of dom.entries()) {
        years.forEach((y, k) => expect(csvCents(csv.rows[i]![y]!)).toBe(shown(r.cells[k + 1]!)));
        expect(csvCents(csv.rows[i]!.totaal!)).toBe(shown(r.cells.at(-1)!));
      }
      return years;
    };
    const bedragen = async () => {
      const csv = await csvVia(page, page.getByRole('button', { name: /^Bedragen als CSV/ }));
      const dom = await cellsOf(page, '#tabel-gemeente tbody tr:not(.uitleg-rij)');
      expect(csv.rows.length).toBe(dom.length);
      for (const [i, r] of dom.entries()) {
        expect(csv.rows[i]!.jaar).toBe(r.cells[0]);
        expect(csvCents(csv.rows[i]!.basis!)).toBe(shown(r.cells[2]!));
      }
      return new Set(csv.rows.map((r) => r.jaar));
    };
    const grafiek = async () => {
      const csv = await csvVia(page, page.locator('#kaart-grafiek').getByRole('button', { name: /^Cijfers van de grafiek \(CSV\)/ }));
      const dom = await cellsOf(page, '#kaart-grafiek details tbody tr');
      expect(csv.rows.map((r) => r.jaar)).toEqual(dom.map((r) => r.cells[0]));
      for (const [i, r] of dom.entries()) expect(csvCents(csv.rows[i]!.basis!)).toBe(shown(r.cells[1]!));
      return csv.rows.map((r) => r.basis);
    };
    // The indicators the key weighs: the rows of the table of maatstaven.
    const maatstaven = await csvVia(page, page.locator('.kaart__maatstaven-sectie').getByRole('button', { name: /^Maatstaven als CSV/ }).first());
    const domMaatstaven = await cellsOf(page, '#kaart-maatstaven-0 tbody tr');
    expect(maatstaven.rows.map((r) => r.maatstaf)).toEqual(domMaatstaven.map((r) => r.data.indicator));
    expect(maatstaven.rows.map((r) => r.naam)).toEqual(domMaatstaven.map((r) => r.cells[0]));
    const alleJaren = await overzicht();
    expect(alleJaren.length).toBeGreaterThan(3);
    expect((await bedragen()).size).toBeGreaterThan(3);
    const totaal = await grafiek();
    // Another stream in the chart: other figures, still those shown.
    await page.selectOption('#kaart-grafiek-stroom', 'ks-brede-spuk');
    expect(await grafiek()).not.toEqual(totaal);
    // One year: the overview and the list follow the choice.
    await page.selectOption('#gemeente-jaar', '2026');
    await expect.poll(() => page.locator('#kaart-overzicht thead th').count()).toBe(3);
    expect(await overzicht()).toEqual(['j2026']);
    expect([...(await bedragen())]).toEqual(['2026']);
    expect(errors).toEqual([]);
  });

  test('region: the municipalities and the totals per stream, also after choosing another stream', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/regio/ggd/GG3606?jaar=2027&stroom=nu-niet-zwanger');
    const gemeenten = async () => {
      const csv = await csvVia(page, page.getByRole('button', { name: /^Tabel zoals getoond \(CSV\)/ }));
      const dom = await cellsOf(page, '#tabel-regio-gemeenten tbody tr');
      expect(csv.rows.map((r) => r.ontvanger)).toEqual(dom.map((r) => r.data.code));
      for (const [i, r] of dom.entries()) expect(csvCents(csv.rows[i]!.basis!)).toBe(shown(r.cells[1]!));
      return csv.rows;
    };
    const perStroom = async () => {
      const csv = await csvVia(page, page.getByRole('button', { name: /^Totalen per stroom \(CSV\)/ }));
      const dom = await cellsOf(page, '#tabel-regio-stromen tbody tr');
      expect(csv.rows.map((r) => r.stroom)).toEqual(dom.map((r) => r.data.stroom));
      for (const [i, r] of dom.entries()) expect(csvCents(csv.rows[i]!.basis!)).toBe(shown(r.cells[1]!));
      return csv.rows.length;
    };
    const een = await gemeenten();
    expect(een.length).toBeGreaterThan(2);
    expect(een.every((r) => r.stroom === 'nu-niet-zwanger')).toBe(true);
    expect(await perStroom()).toBe(1);
    await page.selectOption('#regio-stroom', 'alle');
    await expect.poll(() => page.locator('#tabel-regio-stromen tbody tr').count()).toBeGreaterThan(1);
    const alle = await gemeenten();
    expect(alle.every((r) => r.stroom === 'alle')).toBe(true);
    expect(alle.map((r) => r.basis)).not.toEqual(een.map((r) => r.basis));
    expect(await perStroom()).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  test('scenario: totals, recipients (after a filter and a sort), the largest changes, the chart and the period', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await page.getByLabel('vanaf 2028').check();
    await expect.poll(() => page.locator('#tabel-totalen tr.verschil-rij-gewijzigd').count()).toBeGreaterThan(0);

    const totalen = async () => {
      const csv = await csvVia(page, page.locator('section[aria-labelledby="totalen-titel"]').getByRole('button', { name: /^Tabel als CSV/ }));
      const dom = await cellsOf(page, '#tabel-totalen tbody tr[data-stroom]');
      expect(csv.rows.map((r) => `${r.jaar}|${r.stroom}`)).toEqual(dom.map((r) => `${r.data.jaar}|${r.data.stroom}`));
      for (const [i, r] of dom.entries()) {
        expect(csvCents(csv.rows[i]!.basis!)).toBe(shown(r.cells[1]!));
        expect(csvCents(csv.rows[i]!.scenario!)).toBe(shown(r.cells[2]!));
      }
      return csv.rows.length;
    };
    const alle = await totalen();
    await page.getByLabel('Alleen gewijzigde stromen en jaren tonen').check();
    const gewijzigd = await totalen();
    expect(gewijzigd).toBeGreaterThan(0);
    expect(gewijzigd).toBeLessThan(alle);

    const sectie = page.locator('section[aria-labelledby="per-gemeente-titel"]');
    const ontvangers = async () => {
      const csv = await csvVia(page, sectie.getByRole('button', { name: /^Tabel zoals getoond \(CSV\)/ }));
      const dom = await cellsOf(page, '#tabel-gemeenten .rijtabel__romp [role=row]');
      expect(csv.rows.map((r) => r.ontvanger)).toEqual(dom.map((r) => r.data.code));
      for (const [i, r] of dom.entries()) {
        expect(csvCents(csv.rows[i]!.basis!)).toBe(shown(r.cells[2]!));
        expect(csvCents(csv.rows[i]!.scenario!)).toBe(shown(r.cells[3]!));
      }
      return csv.rows.map((r) => r.ontvanger);
    };
    const alleOntvangers = await ontvangers();
    expect(alleOntvangers.length).toBeGreaterThan(300);
    await page.selectOption('#vgl-provincie', 'Utrecht');
    const utrecht = await ontvangers();
    expect(utrecht.length).toBeGreaterThan(10);
    expect(utrecht.length).toBeLessThan(alleOntvangers.length);
    // Sorted by name: the file follows the order on screen.
    await sectie.getByRole('button', { name: /^Ontvanger/ }).click();
    const opNaam = await ontvangers();
    expect(opNaam).not.toEqual(utrecht);
    expect([...opNaam].sort()).toEqual([...utrecht].sort());

    const stijgers = await csvVia(page, page.getByRole('button', { name: /^Tabel als CSV \(stijgers-/ }));
    const domStijgers = await cellsOf(page, '#tabel-stijgers tbody tr');
    expect(stijgers.rows.map((r) => r.naam)).toEqual(domStijgers.map((r) => r.cells[0]));
    for (const [i, r] of domStijgers.entries()) expect(csvCents(stijgers.rows[i]!.verschil!)).toBe(shown(r.cells[1]!));

    // The histogram: its counts are those its description (the text alternative) names.
    const verdeling = await csvVia(page, page.locator('#grafiek-verdeling').getByRole('button', { name: /^Cijfers van de grafiek \(CSV\)/ }));
    const desc = (await page.locator('#grafiek-verdeling desc').textContent())!;
    for (const r of verdeling.rows) expect(desc).toContain(`${r.klasse}: ${r.gemeenten}`);

    const periode = await csvVia(page, page.getByRole('button', { name: /^Per stroom als CSV/ }));
    const domPeriode = await cellsOf(page, '#tabel-periode tbody tr');
    expect(periode.rows.map((r) => r.stroom)).toEqual(domPeriode.map((r) => r.data.stroom));
    for (const [i, r] of domPeriode.entries()) expect(csvCents(periode.rows[i]!.scenario!)).toBe(shown(r.cells[2]!));
    const klassen = await csvVia(page, page.getByRole('button', { name: /^Per grootteklasse als CSV/ }));
    const domKlassen = await cellsOf(page, '#tabel-klassen tbody tr');
    expect(klassen.rows.map((r) => r.klasse)).toEqual(domKlassen.map((r) => r.cells[0]));
    for (const [i, r] of domKlassen.entries()) expect(csvCents(klassen.rows[i]!.verschil!)).toBe(shown(r.cells[2]!));
    expect(errors).toEqual([]);
  });

  test('variants side by side: the rows and sides shown, also after a search', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await page.getByLabel('Naam van het scenario').fill('Voorstel');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2026);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await page.getByRole('button', { name: 'Dupliceren “Voorstel”', exact: true }).click();
    await expect.poll(() => page.getByLabel('Naam van het scenario').inputValue()).toBe('Voorstel (kopie)');
    await page.locator('#w0-bedrag').fill('7.000.000');
    await page.selectOption('#vergelijk-0', { label: 'Voorstel' });
    await page.selectOption('#vergelijk-1', { label: 'Voorstel (kopie)' });
    await expect.poll(() => page.locator('#tabel-varianten th[data-zijde="2"]').count()).toBe(1);
    const sectie = page.locator('#varianten-vergelijking');
    const varianten = async () => {
      const csv = await csvVia(page, sectie.getByRole('button', { name: /^Tabel zoals getoond \(CSV\)/ }));
      const dom = await page.locator('#tabel-varianten tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          code: (tr as HTMLElement).dataset.code!,
          bedrag: [0, 1, 2].map((k) => tr.querySelector(`[data-zijde="${k}"][data-kolom="bedrag"]`)?.textContent ?? ''),
        })),
      );
      expect(csv.rows.map((r) => r.ontvanger)).toEqual(dom.map((r) => r.code));
      for (const [i, r] of dom.entries()) {
        ['basis', 'scenario_1', 'scenario_2'].forEach((c, k) => expect(csvCents(csv.rows[i]![c]!)).toBe(shown(r.bedrag[k]!)));
      }
      return csv.rows.length;
    };
    const alle = await varianten();
    expect(alle).toBeGreaterThan(300);
    await page.locator('#vv-zoek').fill('Utrecht');
    await expect.poll(() => page.locator('#tabel-varianten tbody tr').count()).toBeLessThan(alle);
    const gezocht = await varianten();
    expect(gezocht).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
