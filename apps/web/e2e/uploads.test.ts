import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baselineData } from '@kansrijke-start/core';
import { launch, newPage, open, screenshot, voegToe } from './browser.js';

const data = baselineData();
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const bestand = (name: string, text: string, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(text, 'utf8') });

async function huidigScenario(page: Page): Promise<string> {
  return (await page.evaluate(() => localStorage.getItem('kansrijke-start:scenario'))) ?? '';
}

describe('Uploads of bad files keep the scenario and say what is wrong', () => {
  test('scenario JSON', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
    await page.locator('#w0-bedrag').fill('6.000.000');
    await open(page, '#/delen');
    const voor = await huidigScenario(page);
    expect(voor).toContain('6000000');

    const cases: [ReturnType<typeof bestand>, string[]][] = [
      [bestand('leeg.json', ''), ['het bestand is leeg']],
      [bestand('kapot.json', '{"versie": 1, "naam": '), ['geen geldige JSON']],
      [bestand('versie.json', '{"versie": 3, "naam": "x", "wijzigingen": []}'), ['versie', 'versie moet 1 zijn']],
      [
        bestand(
          'fout.json',
          JSON.stringify({
            versie: 1,
            naam: 'x',
            wijzigingen: [
              { soort: 'bedrag', stroom: 'ks-brede-spuk', jaar: 2031, geldigheid: 'alleen-dit-jaar', bedrag: '5' },
              { soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', percentage: '2,5' },
              { soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM0363', 'GM0363'], nietDeelnemers: 'onbenut' },
            ],
          }),
        ),
        ['wijzigingen[0].jaar', '2030 of eerder', 'wijzigingen[1].percentage', 'gebruik een punt als decimaalteken'],
      ],
      [
        bestand('dubbel.json', JSON.stringify({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM0363', 'GM0363'], nietDeelnemers: 'onbenut' }] })),
        ['wijzigingen[0].gemeenten[1]', 'GM0363 staat er twee keer in'],
      ],
    ];
    for (const [file, meldingen] of cases) {
      await page.locator('#scenario-bestand').setInputFiles(file);
      const status = page.locator('#delen-status');
      await expect.poll(() => status.textContent()).toContain(`${file.name} is niet ingelezen; uw scenario is niet veranderd`);
      for (const m of meldingen) expect(await status.textContent()).toContain(m);
      expect(await huidigScenario(page)).toBe(voor);
    }
    await screenshot(page, 'delen-upload-fout');

    // A good file replaces the scenario.
    const goed = { versie: 1, naam: 'Uit bestand', wijzigingen: [{ soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', percentage: '5' }] };
    await page.locator('#scenario-bestand').setInputFiles(bestand('goed.json', JSON.stringify(goed), 'application/json'));
    await expect.poll(() => page.locator('#delen-status').textContent()).toContain('Scenario “Uit bestand” ingelezen');
    expect(await page.locator('.lint__scenario').textContent()).toContain('Uit bestand');
    expect(errors).toEqual([]);
  });

  test('key table CSV', async () => {
    const { page } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'sleutel', 'ks-brede-spuk', 2025);
    const voor = await huidigScenario(page);
    const goedeRegels = data.gemeenten.map((g, i) => `${g.code},${i + 1}`);
    const cases: [string, string, string[]][] = [
      ['leeg.csv', '', ['leeg']],
      ['onbekend.csv', 'gemeentecode,waarde\nGM0363,10\nGM9999,5\n', ['regel 3', 'GM9999']],
      ['dubbel.csv', 'gemeentecode,waarde\nGM0363,10\nGM0363,5\n', ['GM0363']],
      ['negatief.csv', 'gemeentecode,waarde\nGM0363,10\nGM0014,-2\n', ['regel 3', '-2']],
      ['komma.csv', 'gemeentecode,waarde\nGM0363,"1,5"\nGM0014,2\n', ['regel 2']],
      ['kolommen.csv', 'code;bedrag\nGM0363;10\n', ['kolom']],
    ];
    for (const [naam, tekst, meldingen] of cases) {
      await page.locator('#w0-bestand').setInputFiles(bestand(naam, tekst, 'text/csv'));
      const fout = page.locator('#wijziging-0 [role=alert]');
      await expect.poll(() => fout.textContent()).toContain('Het bestand is niet gebruikt');
      const t = (await fout.textContent())!;
      for (const m of meldingen) expect(t, `${naam}: ${t}`).toContain(m);
      expect(t).toContain(naam);
      expect(await huidigScenario(page)).toBe(voor);
    }
    await screenshot(page, 'scenario-sleutel-upload-fout');

    await page.locator('#w0-bestand').setInputFiles(bestand('eigen-sleutel.csv', `gemeentecode,waarde\n${goedeRegels.join('\n')}\n`, 'text/csv'));
    await expect.poll(() => page.locator('#wijziging-0').textContent()).toContain('In gebruik: tabel eigen-sleutel.csv met 342 gemeenten');
    expect(await page.locator('#wijziging-0 [role=alert]').count()).toBe(0);
    expect(await huidigScenario(page)).toContain('eigen-sleutel.csv');
  });
});
