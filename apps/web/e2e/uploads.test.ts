import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allocateScenario, baselineData, formatNumber } from '@kansrijke-start/core';
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
const bytes = (name: string, buffer: Buffer, mimeType = 'text/plain') => ({ name, mimeType, buffer });

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

  test('scenario JSON: a file with tens of thousands of problems lists the first 50 and counts the rest', async () => {
    const veel = {
      versie: 1,
      naam: 'Veel fouten',
      wijzigingen: Array.from({ length: 2000 }, () => ({
        soort: 'deelname',
        stroom: 'ks-brede-spuk',
        jaar: 2025,
        geldigheid: 'alleen-dit-jaar',
        gemeenten: Array.from({ length: 20 }, (_, j) => `GM9${String(j).padStart(3, '0')}`),
        nietDeelnemers: 'onbenut',
      })),
    };
    const tekst = JSON.stringify(veel, null, 2);
    const c = allocateScenario(data, tekst);
    if (c.ok) throw new Error('expected problems');
    const slot = c.fouten.at(-1)!.pad === '' ? 1 : 0; // a closing remark of the core (an empty path) stays visible
    const verborgen = c.fouten.length - 50 - slot;
    expect(verborgen).toBeGreaterThan(100);

    const { page, errors } = await newPage(browser);
    await open(page, '#/delen');
    await page.locator('#scenario-bestand').setInputFiles(bestand('veel-fouten.json', tekst, 'application/json'));
    const status = page.locator('#delen-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('veel-fouten.json is niet ingelezen; uw scenario is niet veranderd');
    expect(await status.locator('ul.fouten > li').count()).toBe(50);
    expect(await status.locator('ul.fouten > li').first().textContent()).toMatch(/^regel \d+, kolom \d+ \(wijzigingen\[0\]\.gemeenten\[0\]\): GM9000 is geen gemeente/);
    expect(await status.textContent()).toContain(`… en nog ${formatNumber(BigInt(verborgen), 0)} fouten die hier niet worden getoond.`);
    expect(await page.locator('.lint__scenario').textContent()).toContain('U werkt met de basis');
    expect(errors).toEqual([]);
  });

  test('text that is not UTF-8 is refused with advice, for the scenario and for the key table', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'sleutel', 'ks-brede-spuk', 2025);
    const voor = await huidigScenario(page);

    // A key table saved by Excel as "CSV (gescheiden door lijstscheidingsteken)": Windows-1252.
    const regels = data.gemeenten.map((g, i) => `${g.code};${i + 1};${g.naam}`);
    const csv = `gemeentecode;waarde;naam\n${regels.join('\n')}\n`;
    const eerste = regels.findIndex((r) => /[^\x00-\x7f]/.test(r)); // the first line with a letter outside ASCII
    expect(eerste).toBeGreaterThan(-1);
    const kolom = regels[eerste]!.search(/[^\x00-\x7f]/) + 1;
    const cases: [ReturnType<typeof bytes>, string][] = [
      [bytes('latin1.csv', Buffer.from(csv, 'latin1'), 'text/csv'), `latin1.csv, regel ${eerste + 2}, kolom ${kolom}: het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel: "CSV UTF-8")`],
      [bytes('unicode.csv', Buffer.from(`\ufeff${csv}`, 'utf16le'), 'text/csv'), 'unicode.csv: het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als UTF-8 (in Excel: "CSV UTF-8")'],
    ];
    for (const [file, melding] of cases) {
      await page.locator('#w0-bestand').setInputFiles(file);
      const fout = page.locator('#wijziging-0 [role=alert]');
      await expect.poll(() => fout.textContent()).toContain(melding);
      expect(await huidigScenario(page)).toBe(voor);
    }
    // The same table in UTF-8 (with the BOM that Excel's "CSV UTF-8" writes) is read, names and all.
    await page.locator('#w0-bestand').setInputFiles(bytes('utf8.csv', Buffer.from(`\ufeff${csv}`, 'utf8'), 'text/csv'));
    await expect.poll(() => page.locator('#wijziging-0').textContent()).toContain('In gebruik: tabel utf8.csv met 342 gemeenten');
    expect(await page.locator('#wijziging-0 [role=alert]').count()).toBe(0);

    // The scenario JSON.
    await open(page, '#/delen');
    const naVoor = await huidigScenario(page);
    const json = '{\n  "versie": 1,\n  "naam": "Münster",\n  "wijzigingen": []\n}\n';
    await page.locator('#scenario-bestand').setInputFiles(bytes('latin1.json', Buffer.from(json, 'latin1'), 'application/json'));
    const status = page.locator('#delen-status');
    await expect.poll(() => status.textContent()).toContain('latin1.json is niet ingelezen; uw scenario is niet veranderd');
    expect(await status.textContent()).toContain('regel 3, kolom 13 (latin1.json): het bestand is geen UTF-8-tekst; sla het op als UTF-8');
    expect(await huidigScenario(page)).toBe(naVoor);
    await page.locator('#scenario-bestand').setInputFiles(bytes('utf16.json', Buffer.from(`\ufeff${json}`, 'utf16le'), 'application/json'));
    await expect.poll(() => status.textContent()).toContain('utf16.json is niet ingelezen');
    expect(await status.textContent()).toContain('het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als UTF-8');
    await page.locator('#scenario-bestand').setInputFiles(bytes('utf8.json', Buffer.from(`\ufeff${json}`, 'utf8'), 'application/json'));
    await expect.poll(() => status.textContent()).toContain('Scenario “Münster” ingelezen uit utf8.json');
    expect(await page.locator('.lint__scenario').textContent()).not.toContain('\ufffd');
    expect(errors).toEqual([]);
  });

  test('key table CSV: a file over 2 MB is refused before it is read', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '#/scenario');
    await voegToe(page, 'sleutel', 'ks-brede-spuk', 2025);
    const voor = await huidigScenario(page);
    const kop = 'gemeentecode,waarde\n';
    const groot = Buffer.concat([Buffer.from(kop), Buffer.alloc(3_000_000 - kop.length, 'GM0363,1\n')]);
    await page.locator('#w0-bestand').setInputFiles(bytes('groot.csv', groot, 'text/csv'));
    const fout = page.locator('#wijziging-0 [role=alert]');
    await expect.poll(() => fout.textContent()).toContain('groot.csv: het bestand is 3 MB; een bestand van meer dan 2 MB wordt niet ingelezen (een sleuteltabel met een regel voor elk van de 342 gemeenten is een paar kB)');
    expect(await huidigScenario(page)).toBe(voor);
    expect(await page.locator('#wijziging-0').textContent()).not.toContain('In gebruik: tabel');
    expect(errors).toEqual([]);
  });
});
