import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { emptyScenario, formatEuro, formatNumber, formatPercent, keyFactors, recipientCard, yearTotalText, type Allocation, type RecipientCard } from '@kansrijke-start/core';
import { axe, launch, newPage, open, screenshot } from './browser.js';
import { allocationOf, data } from './core.js';

/** The municipality card: stream × year with its sums, the trend chart, the indicators of the key, the explanation per amount. */

const WIDTHS = [390, 820, 1280] as const;
const CODE = 'GM0344';
const base = allocationOf(emptyScenario());
const VARIANT = {
  versie: 1,
  naam: 'Formule 70/30',
  wijzigingen: [
    {
      soort: 'sleutel',
      stroom: 'integrale-gezinspoli',
      jaar: 2026,
      geldigheid: 'vanaf-dit-jaar',
      sleutel: {
        type: 'formule',
        gewichten: [
          { indicator: 'inwoners-2024', gewicht: '70' },
          { indicator: 'huishoudens-laag-inkomen-2022', gewicht: '30' },
        ],
      },
    },
  ],
};
const variant = allocationOf(VARIANT);
const shareLink = `#/scenario?s=j.${Buffer.from(JSON.stringify(VARIANT)).toString('base64url')}`;

const euro = (c: bigint | null) => (c === null ? 'onbekend' : formatEuro(c, 'auto'));
const tekst = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
/** The years the overview shows: those with an own amount divided. */
const jarenVan = (card: RecipientCard) => card.jaren.filter((j) => card.rijen.some((r) => r.jaar === j && r.rol === 'eigen' && r.zijden.some((z) => z.verdeeld || z.opgegaanIn)));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the front page and goes to the municipality through its search. */
async function viaZoeken(page: Page, naam: string) {
  await open(page, '#/overzicht');
  await page.locator('#snel-gemeente').fill(naam);
  await page.locator('form.snelzoeken button[type=submit]').click();
  await expect.poll(() => page.locator('h1').textContent()).toBe(`Gemeente ${naam}`);
  expect(page.url()).toContain(`#/gemeente/${CODE}`);
}

/** The page has no horizontal scroll: everything wide scrolls inside its own region. */
const geenHorizontaleScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('the municipality card', () => {
  for (const width of WIDTHS) {
    test(`from the front-page search to the card, with sums, chart, indicators and explanation (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await viaZoeken(page, 'Utrecht');
      const card = recipientCard(data, [base], CODE);
      const jaren = jarenVan(card);

      // The sums equal the core's: over the years, per stream and per year.
      const totaal = page.locator('#kaart-overzicht tbody[data-stroom="totaal"] tr[data-kant="0"]').first();
      expect(await totaal.locator('td[data-jaar="totaal"]').textContent()).toBe(euro(card.totaal.zijden[0]!.bedrag));
      for (const j of jaren) {
        const t = card.perJaar.find((y) => y.jaar === j)!.totalen[0]!;
        expect(await totaal.locator(`td[data-jaar="${j}"]`).textContent(), `${j}`).toBe(t.verdeeld ? yearTotalText(t) : '–');
      }
      for (const s of card.perStroom) {
        const rij = page.locator(`#kaart-overzicht tbody[data-stroom="${s.stroom}"] tr[data-kant="0"]`);
        expect(await rij.locator('td[data-jaar="totaal"]').textContent(), s.stroom).toBe(euro(s.zijden[0]!.bedrag));
      }
      // The plain definition: the sum of the municipality's lines in the allocation.
      // Over every year: unknown (each municipality's 2019-2022 impuls is), shown as such; over the later years, the sum of its lines.
      const lines = base.resultaten.flatMap((r) => r.regels.filter((l) => l.soort === 'gemeente' && l.ontvanger === CODE));
      expect(card.totaal.zijden[0]!.bedrag).toBeNull();
      expect(await totaal.locator('td[data-jaar="2019"]').textContent()).toBe('onbekend');
      const known = recipientCard(data, [base], CODE, { jaren: jaren.filter((j) => j >= 2023) });
      expect(known.totaal.zijden[0]!.bedrag).toBe(lines.reduce((s, l) => s + l.bedrag!, 0n));
      expect(await page.locator('#kaart-overzicht tr.kaart__verschil').count()).toBe(0);

      // The indicators of the key for the chosen stream and year.
      await page.selectOption('#kaart-sleutel-stroom', 'ks-brede-spuk');
      await page.selectOption('#kaart-sleutel-jaar', '2025');
      const k = keyFactors(data, base, { stroom: 'ks-brede-spuk', jaar: 2025, ontvanger: CODE });
      if (!k.ok) throw new Error(k.bericht);
      const f = k.sleutel.factoren[0]!;
      const maatstaf = page.locator('#kaart-maatstaven-0 tbody tr').first();
      await expect.poll(() => maatstaf.locator('[data-kolom="waarde"]').textContent()).toBe(`€ ${formatNumber(f.waarde!, 0)}`);
      expect(await maatstaf.locator('[data-kolom="totaal"]').textContent()).toBe(`€ ${formatNumber(f.totaal!, 0)}`);
      expect(await maatstaf.locator('[data-kolom="aandeel"]').textContent()).toBe(formatPercent({ n: f.aandeel!.n * 100n, d: f.aandeel!.d }, 3));
      expect(await maatstaf.locator('th').textContent()).toBe(f.naam);

      // The chart, with its table as the text alternative.
      const grafiek = page.locator('#kaart-grafiek');
      expect(await grafiek.locator('svg[role=img] title').textContent()).toContain('Utrecht');
      // A bar per year with a known total (2019-2022 are unknown: no bar, never one of 0).
      const bekend = jaren.filter((j) => {
        const t = card.perJaar.find((y) => y.jaar === j)!.totalen[0]!;
        return t.verdeeld && !t.onbekend;
      });
      expect(bekend.length).toBe(8);
      expect(await grafiek.locator('svg rect').count()).toBe(bekend.length);
      await grafiek.locator('summary', { hasText: 'Tabel bij de grafiek' }).click();
      const j2027 = grafiek.locator('.grafiek__tabel tbody tr', { hasText: '2027' });
      expect(await j2027.locator('td').first().textContent()).toBe(euro(card.perJaar.find((y) => y.jaar === 2027)!.totalen[0]!.bedrag));

      expect(await geenHorizontaleScroll(page)).toBe(true);
      expect(await axe(page)).toEqual([]);

      // An amount of the overview opens its explanation, with the indicators beside it.
      const cel = page.locator('#kaart-overzicht tbody[data-stroom="ks-brede-spuk"] tr[data-kant="0"] td[data-jaar="2025"] a');
      await cel.click();
      const uitleg = page.locator('#uitleg-open');
      const bedrag = lines.find((l) => l.stroom === 'ks-brede-spuk' && l.jaar === 2025)!.bedrag!;
      await expect.poll(() => uitleg.textContent()).toContain(`Uitkomst: Utrecht krijgt ${formatEuro(bedrag, 'auto')}`);
      expect(await uitleg.locator('.kaart__maatstaven').count()).toBeGreaterThan(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('uitleg-open');
      expect(await geenHorizontaleScroll(page)).toBe(true);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `kaart-utrecht-${width}`);
      expect(errors).toEqual([]);
    });

    test(`with a scenario the differences appear, equal to the core's (${width} px)`, async () => {
      const { page, errors } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await open(page, shareLink);
      await expect.poll(() => page.locator('.lint__scenario').textContent()).toContain('Formule 70/30');
      await viaZoeken(page, 'Utrecht');
      const allocations: Allocation[] = [base, variant];
      const card = recipientCard(data, allocations, CODE);

      // The detail table has the difference columns, the overview the difference rows.
      expect(await page.locator('#tabel-gemeente thead th', { hasText: 'Verschil' }).count()).toBeGreaterThan(0);
      const verschil = page.locator('#kaart-overzicht tbody[data-stroom="totaal"] tr.kaart__verschil[data-verschil="1"]').first();
      // 2028: the year total's difference; over every year it is unknown (the 2019-2022 impuls of each side is).
      const y2028 = card.perJaar.find((y) => y.jaar === 2028)!;
      const d = y2028.verschillen[0]!;
      await expect.poll(() => verschil.locator('td').nth(jarenVan(card).indexOf(2028)).textContent()).toContain(`+${formatEuro(d.verschil!, 'auto')}`);
      expect(await verschil.locator('td.kaart__som').textContent()).toBe('onbekend');
      expect(d.verschil).toBe(y2028.totalen[1]!.bedrag - y2028.totalen[0]!.bedrag);
      expect(d.verschil! > 0n).toBe(true);
      expect(card.totaal.verschillen[0]!.verschil).toBeNull();
      // The changed stream has its own difference row; a stream the variant leaves alone is shown once, saying so.
      const stroom = page.locator('#kaart-overzicht tbody[data-stroom="integrale-gezinspoli"]');
      expect(await stroom.locator('tr.kaart__verschil').count()).toBe(1);
      const s = card.perStroom.find((x) => x.stroom === 'integrale-gezinspoli')!;
      expect(await stroom.locator('tr[data-kant="1"] td[data-jaar="totaal"]').textContent()).toBe(euro(s.zijden[1]!.bedrag));
      const brede = page.locator('#kaart-overzicht tbody[data-stroom="ks-brede-spuk"]');
      expect(await brede.locator('tr.kaart__verschil').count()).toBe(0);
      expect(await brede.locator('.kaart__gelijk').textContent()).toContain('gelijk aan de basis');

      // The indicators of the changed key, next to the baseline's.
      await page.selectOption('#kaart-sleutel-stroom', 'integrale-gezinspoli');
      await page.selectOption('#kaart-sleutel-jaar', '2027');
      const k = keyFactors(data, variant, { stroom: 'integrale-gezinspoli', jaar: 2027, ontvanger: CODE });
      if (!k.ok) throw new Error(k.bericht);
      await expect.poll(() => page.locator('[data-sleutel="kaart-maatstaven-1"] tbody tr').count()).toBe(2);
      const rij = page.locator('[data-sleutel="kaart-maatstaven-1"] tbody tr[data-indicator="inwoners-2024"]');
      expect(await rij.locator('[data-kolom="waarde"]').textContent()).toBe(formatNumber(k.sleutel.factoren[0]!.waarde!, 2));
      expect(await tekst(page, '[data-sleutel="kaart-maatstaven-1"] [data-kolom="sleutelaandeel"]')).toContain(formatPercent({ n: k.sleutel.aandeel!.n * 100n, d: k.sleutel.aandeel!.d }, 3));

      expect(await geenHorizontaleScroll(page)).toBe(true);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `kaart-utrecht-scenario-${width}`);
      expect(errors).toEqual([]);
    });
  }

  test('one year chosen: the sums are of that year', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, `#/gemeente/${CODE}?jaar=2027`);
    const card = recipientCard(data, [base], CODE, { jaren: [2027] });
    const totaal = page.locator('#kaart-overzicht tbody[data-stroom="totaal"] tr[data-kant="0"]').first();
    expect(await totaal.locator('td[data-jaar="totaal"]').textContent()).toBe(euro(card.totaal.zijden[0]!.bedrag));
    expect(card.totaal.zijden[0]!.bedrag).toBe(card.perJaar[0]!.totalen[0]!.bedrag);
    expect(errors).toEqual([]);
  });
});
