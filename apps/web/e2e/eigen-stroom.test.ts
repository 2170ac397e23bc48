import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { compareRecipients, compareTotals, emptyScenario, formatEuro, periodView, recipientCard, type Scenario } from '@kansrijke-start/core';
import { axe, launch, newPage, open, voegToe } from './browser.js';
import { allocationOf, data } from './core.js';

/** An own stream of the scenario (money not in the data yet), made in the editor and shown on the scenario page, the municipality card and the comparison. */

const ID = 'eigen:pilot-kraamzorg';
const CODE = 'GM0363';

/** The scenario the page must hold after the steps below, written out independently of the page. */
const VERWACHT: Scenario = {
  ...emptyScenario('Mijn scenario'),
  eigenStromen: [{ id: ID, naam: 'Pilot kraamzorg', bedragen: [{ jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '2000000' }], sleutel: { type: 'brede-spuk-2025' } }],
  wijzigingen: [{ soort: 'korting', stroom: ID, jaar: 2029, geldigheid: 'alleen-dit-jaar', percentage: '10' }],
};
const base = allocationOf(emptyScenario());
const scenario = allocationOf(VERWACHT);
const euro = (c: bigint | null) => (c === null ? 'onbekend' : formatEuro(c, 'auto'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function maakEigenStroom(page: Page) {
  await open(page, '#/scenario');
  await page.locator('#eigen-nieuw-naam').fill('Pilot kraamzorg');
  await page.getByRole('button', { name: 'Eigen stroom aanmaken' }).click();
  await expect.poll(() => page.locator('#eigen-0-titel').textContent()).toBe('Eigen stroom: Pilot kraamzorg');
  await page.locator('#eigen-0-bedrag-0').fill('2.000.000');
  // A change on the own stream, chosen like any stream.
  await voegToe(page, 'korting', ID, 2029);
  await page.locator('#w0-percentage').fill('10');
}

describe('an own stream', () => {
  test('made in the editor, it appears in the totals, the period, the description, the card and the comparison, with the core\'s figures', async () => {
    const { page, errors } = await newPage(browser);
    await maakEigenStroom(page);

    // The scenario page: the totals per stream and year are the core's, the baseline has none (–, not zero).
    for (const t of compareTotals([base, scenario]).filter((x) => x.stroom === ID)) {
      const rij = page.locator(`#tabel-totalen tr[data-stroom="${ID}"][data-jaar="${t.jaar}"]`);
      await expect.poll(() => rij.locator('[data-kolom="scenario"]').textContent()).toBe(euro(t.zijden[1]!.bedrag));
      expect(await rij.locator('th').textContent()).toContain('Pilot kraamzorg');
      expect(await rij.locator('td').first().textContent()).toBe('–');
    }
    expect(scenario.resultaten.find((r) => r.stroom === ID && r.jaar === 2029)!.totaal).toBe(180000000n);

    // The period: the sum over the years of the period.
    const periode = periodView(data, [base, scenario]).stromen.find((s) => s.stroom === ID)!;
    const rij = page.locator(`#tabel-periode tr[data-stroom="${ID}"]`);
    await expect.poll(() => rij.locator('td').nth(1).textContent()).toBe(euro(periode.som[1]!.bedrag));
    expect(await rij.locator('th').textContent()).toBe('Pilot kraamzorg');
    expect(await rij.locator('td').first().textContent()).toBe('–');

    // The description says where the money comes from.
    expect(await page.locator('#beschrijving').textContent()).toContain('Eigen stroom “Pilot kraamzorg”');
    expect(await axe(page)).toEqual([]);

    // The municipality card has a row for the own stream with the core's sum.
    await open(page, `#/gemeente/${CODE}`);
    const card = recipientCard(data, [base, scenario], CODE);
    const s = card.perStroom.find((x) => x.stroom === ID)!;
    const kaart = page.locator(`#kaart-overzicht tbody[data-stroom="${ID}"]`);
    await expect.poll(() => kaart.locator('tr[data-kant="1"] td[data-jaar="totaal"]').textContent()).toBe(euro(s.zijden[1]!.bedrag));
    expect(await kaart.locator('tr').first().locator('th').textContent()).toContain('Pilot kraamzorg');
    expect(await axe(page)).toEqual([]);

    // The comparison of variants, for the own stream alone.
    await open(page, '#/scenario');
    await page.selectOption('#vergelijk-0', { label: 'Mijn scenario' });
    await page.selectOption('#vv-jaar', '2028');
    await page.selectOption('#vv-stroom', ID);
    const r = compareRecipients(data, [base, scenario], { jaar: 2028, stroom: ID }).find((x) => x.ontvanger === CODE)!;
    const cel = page.locator(`#tabel-varianten tr[data-code="${CODE}"] td[data-zijde="1"][data-kolom="bedrag"]`);
    await expect.poll(() => cel.textContent()).toBe(euro(r.zijden[1]!.bedrag));
    expect(await page.locator('#vv-stroom option:checked').textContent()).toBe('Pilot kraamzorg');
    expect(errors).toEqual([]);
  });

  test('a share link carries the own stream and the change on it', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, `#/scenario?s=j.${Buffer.from(JSON.stringify(VERWACHT)).toString('base64url')}`);
    await expect.poll(() => page.locator('#eigen-0-titel').textContent()).toBe('Eigen stroom: Pilot kraamzorg');
    const t = compareTotals([base, scenario]).find((x) => x.stroom === ID && x.jaar === 2029)!;
    await expect.poll(() => page.locator(`#tabel-totalen tr[data-stroom="${ID}"][data-jaar="2029"] [data-kolom="scenario"]`).textContent()).toBe(euro(t.zijden[1]!.bedrag));
    expect(await page.locator('#w0-stroom').inputValue()).toBe(ID);
    expect(errors).toEqual([]);
  });

  test('removing the stream removes the changes on it, and the scenario computes as before', async () => {
    const { page, errors } = await newPage(browser);
    await maakEigenStroom(page);
    await page.locator('#eigen-stroom-0 .wijziging__kop button').click();
    await expect.poll(() => page.locator('#eigen-stromen-titel').textContent()).toBe('Eigen stromen (0)');
    expect(await page.locator('#wijzigingen-titel').textContent()).toContain('(0)');
    expect(await page.locator(`#tabel-totalen tr[data-stroom="${ID}"]`).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
