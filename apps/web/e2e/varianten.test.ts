import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deflateRawSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  compareRecipients,
  comparisonTable,
  emptyScenario,
  formatEuro,
  formatSignedEuro,
  formatSignedPercent,
  perInhabitantCents,
  serializeScenario,
  tableToCsv,
  type Allocation,
  type Scenario,
} from '@kansrijke-start/core';
import { axe, downloadVia, launch, newPage, open, screenshot, voegToe } from './browser.js';
import { allocationOf, data } from './core.js';

/** The CLI a user runs, built by `npm ci` (the `prepare` script). */
const KS_BUDGET = resolve(import.meta.dirname, '../../../packages/cli/bin/ks-budget.cjs');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const klaar = (page: Page) => page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);

/** The scenarios the test builds through the page, written out independently of it. */
const metBedrag = (naam: string, bedrag: string): Scenario => ({
  ...emptyScenario(naam),
  wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2026, geldigheid: 'vanaf-dit-jaar', bedrag }],
});
const VOORSTEL = metBedrag('Voorstel', '6000000');
const INGROEIPAD = metBedrag('Ingroeipad', '7000000');

const namenInLijst = (page: Page) => page.locator('.variantenlijst .variant__naam').allTextContents();
const cel = (page: Page, code: string, zijde: number, kolom: string) => page.locator(`#tabel-varianten tr[data-code="${code}"] td[data-zijde="${zijde}"][data-kolom="${kolom}"]`);

/** What the comparison table must show for a municipality: the core's figures, written as the app writes them. */
function verwacht(allocations: readonly Allocation[], code: string) {
  const r = compareRecipients(data, allocations, { jaar: 2026, stroom: 'alle' }).find((x) => x.ontvanger === code)!;
  const per = (b: bigint | null) => formatEuro(perInhabitantCents(b, r.inwoners)!, 'always');
  return r.zijden.map((z, k) => ({
    bedrag: formatEuro(z.bedrag!, 'auto'),
    perInwoner: per(z.bedrag),
    verschil: k === 0 ? null : formatSignedEuro(r.verschillen[k - 1]!.verschil!),
    procent: k === 0 ? null : formatSignedPercent(r.verschillen[k - 1]!.fractie!, 1),
  }));
}

async function controleerCellen(page: Page, allocations: readonly Allocation[], code: string, zijden: readonly number[]) {
  const e = verwacht(allocations, code);
  for (const k of zijden) {
    await expect.poll(() => cel(page, code, k, 'bedrag').textContent()).toBe(e[k]!.bedrag);
    expect(await cel(page, code, k, 'per-inwoner').textContent()).toBe(e[k]!.perInwoner);
    if (k > 0) {
      expect(await cel(page, code, k, 'verschil').textContent()).toBe(e[k]!.verschil);
      expect(await cel(page, code, k, 'procent').textContent()).toBe(e[k]!.procent);
    }
  }
}

/** Builds Voorstel (6 million from 2026), duplicates it, renames the copy Ingroeipad (7 million), and adds an empty variant. */
async function maakVarianten(page: Page) {
  await open(page, '#/scenario');
  await page.getByLabel('Naam van het scenario').fill('Voorstel');
  await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2026);
  await page.locator('#w0-bedrag').fill('6.000.000');
  await page.getByLabel('vanaf 2026').check();
  await expect.poll(() => namenInLijst(page)).toEqual(['Voorstel']);

  await page.getByRole('button', { name: 'Dupliceren “Voorstel”', exact: true }).click();
  await expect.poll(() => namenInLijst(page)).toEqual(['Voorstel', 'Voorstel (kopie)']);
  // The copy is being edited: the form shows its (copied) change.
  expect(await page.getByLabel('Naam van het scenario').inputValue()).toBe('Voorstel (kopie)');
  expect(await page.locator('#w0-bedrag').inputValue()).toBe('6.000.000');
  await page.getByRole('button', { name: 'Naam wijzigen “Voorstel (kopie)”', exact: true }).click();
  await page.getByLabel('Nieuwe naam voor “Voorstel (kopie)”').fill('Ingroeipad');
  await page.getByRole('button', { name: 'Naam opslaan' }).click();
  await expect.poll(() => namenInLijst(page)).toEqual(['Voorstel', 'Ingroeipad']);
  expect(await page.getByLabel('Naam van het scenario').inputValue()).toBe('Ingroeipad');
  await page.locator('#w0-bedrag').fill('7.000.000');

  await page.getByRole('button', { name: 'Nieuwe variant' }).click();
  await expect.poll(() => namenInLijst(page)).toEqual(['Voorstel', 'Ingroeipad', 'Nieuwe variant']);
  expect(await page.locator('.variant--huidig .variant__naam').textContent()).toBe('Nieuwe variant');
  // A renamed variant cannot take a name that another one has.
  await page.getByRole('button', { name: 'Naam wijzigen “Nieuwe variant”', exact: true }).click();
  await page.getByLabel('Nieuwe naam voor “Nieuwe variant”').fill('Voorstel');
  await page.getByRole('button', { name: 'Naam opslaan' }).click();
  await expect.poll(() => page.locator('.variant .utrecht-form-field-error-message').textContent()).toContain('Er is al een variant met de naam “Voorstel”');
  await page.getByRole('button', { name: 'Annuleren' }).click();

  await page.selectOption('#vergelijk-0', { label: 'Voorstel' });
  await page.selectOption('#vergelijk-1', { label: 'Ingroeipad' });
}

const lijstInOpslag = (page: Page) => page.evaluate(() => localStorage.getItem('kansrijke-start:varianten'));

describe('Varianten naast de basis', () => {
  test('three variants compared, a variant duplicated and renamed, all kept over a reload', async () => {
    const { page, errors } = await newPage(browser);
    await maakVarianten(page);
    const allocations = [allocationOf(emptyScenario()), allocationOf(VOORSTEL), allocationOf(INGROEIPAD)];
    for (const code of ['GM0014', 'GM0363']) await controleerCellen(page, allocations, code, [0, 1, 2]);
    expect(await page.locator('#vv-gelijk').count()).toBe(0);

    await page.reload();
    await klaar(page);
    expect(await namenInLijst(page)).toEqual(['Voorstel', 'Ingroeipad', 'Nieuwe variant']);
    expect(await page.locator('.variant--huidig .variant__naam').textContent()).toBe('Nieuwe variant');
    await controleerCellen(page, allocations, 'GM0014', [0, 1, 2]);
    // Editing Ingroeipad again: its own change is in the form.
    await page.getByRole('button', { name: 'Bewerken “Ingroeipad”', exact: true }).click();
    await expect.poll(() => page.locator('#w0-bedrag').inputValue()).toBe('7.000.000');

    for (const width of [390, 820, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await controleerCellen(page, allocations, 'GM0014', [1, 2]);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `varianten-${width}`);
    }
    expect(errors).toEqual([]);
  }, 150_000);

  test('the CSV of the comparison is the core comparison table of the sides shown; identical columns are shown once', async () => {
    const { page, errors } = await newPage(browser);
    await maakVarianten(page);
    const basis = allocationOf(emptyScenario());
    const [voorstel, ingroeipad] = [allocationOf(VOORSTEL), allocationOf(INGROEIPAD)];
    const filter = { van: 2026, tot: 2026, stroom: null };

    const drie = await downloadVia(page, () => page.locator('#varianten-vergelijking').getByRole('button', { name: /^Vergelijking als CSV/ }).click());
    expect(drie.bytes.toString('utf8')).toBe(tableToCsv(comparisonTable(data, [basis, voorstel, ingroeipad], ['Basis', 'Voorstel', 'Ingroeipad'], filter)));
    // The CLI gives the same file for the same two scenarios.
    const dir = mkdtempSync(join(tmpdir(), 'varianten-'));
    writeFileSync(join(dir, 'voorstel.json'), serializeScenario(VOORSTEL));
    writeFileSync(join(dir, 'ingroeipad.json'), serializeScenario(INGROEIPAD));
    const cli = spawnSync(process.execPath, [KS_BUDGET, 'compare', '--scenario', join(dir, 'voorstel.json'), '--scenario', join(dir, 'ingroeipad.json'), '--years', '2026', '--format', 'csv'], {
      encoding: 'utf8',
      env: { ...process.env, KS_BUDGET_TTY: '0' },
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toBe(drie.bytes.toString('utf8'));

    // Variant B becomes the empty variant: the same as the baseline, so its columns are shown once.
    await page.selectOption('#vergelijk-1', { label: 'Nieuwe variant' });
    await expect.poll(() => page.locator('#vv-gelijk').textContent()).toContain('Variant B is gelijk aan Basis voor deze selectie');
    expect(await page.locator('#tabel-varianten td[data-zijde="2"]').count()).toBe(0);
    expect(await page.locator('#tabel-varianten th[data-zijde="0"]').textContent()).toContain('(= Variant B)');
    await controleerCellen(page, [basis, voorstel], 'GM0014', [0, 1]);
    const twee = await downloadVia(page, () => page.locator('#varianten-vergelijking').getByRole('button', { name: /^Vergelijking als CSV/ }).click());
    expect(twee.bytes.toString('utf8')).toBe(tableToCsv(comparisonTable(data, [basis, voorstel], ['Basis', 'Voorstel'], filter)));
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axe(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test('export and import of all variants round-trip; a bad file gives a message and changes nothing', async () => {
    const { page, errors } = await newPage(browser);
    await maakVarianten(page);
    await page.getByText('Alle varianten als één bestand: downloaden of inlezen').click();
    const dl = await downloadVia(page, () => page.getByRole('button', { name: 'Alle varianten downloaden (JSON)' }).click());
    expect(dl.naam).toBe('varianten.json');
    const bestand = JSON.parse(dl.bytes.toString('utf8')) as { varianten: Scenario[] };
    expect(bestand.varianten.map((s) => serializeScenario(s))).toEqual([VOORSTEL, INGROEIPAD, emptyScenario('Nieuwe variant')].map((s) => serializeScenario(s)));

    // Delete two variants (each after confirming), then read the file back.
    for (const naam of ['Voorstel', 'Ingroeipad']) {
      await page.locator(`.variant[data-variant="${naam}"]`).getByRole('button', { name: 'Verwijderen' }).click();
      await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    }
    await expect.poll(() => namenInLijst(page)).toEqual(['Nieuwe variant']);
    await page.locator('#varianten-bestand').setInputFiles({ name: dl.naam, mimeType: 'application/json', buffer: dl.bytes });
    await expect.poll(() => page.locator('#varianten-status').textContent()).toContain('3 varianten gelezen uit varianten.json: 2 toegevoegd');
    await expect.poll(() => namenInLijst(page)).toEqual(['Nieuwe variant', 'Voorstel', 'Ingroeipad']);
    const terug = await downloadVia(page, () => page.getByRole('button', { name: 'Alle varianten downloaden (JSON)' }).click());
    const terugLijst = (JSON.parse(terug.bytes.toString('utf8')) as { varianten: Scenario[] }).varianten.map((s) => serializeScenario(s));
    expect([...terugLijst].sort()).toEqual(bestand.varianten.map((s) => serializeScenario(s)).sort());

    // A file whose second variant has a year outside the data: the message names it and where; nothing changes.
    const voor = await lijstInOpslag(page);
    const kapot = dl.bytes.toString('utf8').replace(/("naam": "Ingroeipad",[\s\S]*?"jaar": )2026/, '$11999');
    expect(kapot).not.toBe(dl.bytes.toString('utf8'));
    await page.locator('#varianten-bestand').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from(kapot) });
    const status = page.locator('#varianten-status');
    await expect.poll(() => status.textContent()).toContain('kapot.json is niet ingelezen; uw varianten zijn niet veranderd');
    const regel = kapot.split('\n').findIndex((l) => l.includes('1999')) + 1;
    expect(await status.textContent()).toContain('variant 2 (“Ingroeipad”)');
    expect(await status.textContent()).toContain(`regel ${regel}`);
    expect(await status.textContent()).toContain('varianten[1].wijzigingen[0].jaar');
    expect(await namenInLijst(page)).toEqual(['Nieuwe variant', 'Voorstel', 'Ingroeipad']);
    expect(await lijstInOpslag(page)).toBe(voor);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a browser that kept one scenario (before variants) gets it as the first variant', async () => {
    const { context, page, errors } = await newPage(browser);
    await context.addInitScript((tekst) => {
      if (!sessionStorage.getItem('gezet')) {
        localStorage.setItem('kansrijke-start:scenario', tekst);
        sessionStorage.setItem('gezet', '1');
      }
    }, serializeScenario(VOORSTEL));
    await open(page, '#/scenario');
    expect(await namenInLijst(page)).toEqual(['Voorstel']);
    expect(await page.locator('#w0-bedrag').inputValue()).toBe('6.000.000');
    const lijst = JSON.parse((await lijstInOpslag(page))!) as { varianten: Scenario[] };
    expect(lijst.varianten.map((s) => serializeScenario(s))).toEqual([serializeScenario(VOORSTEL)]);
    expect(errors).toEqual([]);
  });
  test('a share link adds its scenario as a variant and leaves the others as they were', async () => {
    const { page, errors } = await newPage(browser);
    await maakVarianten(page);
    const voor = (JSON.parse((await lijstInOpslag(page))!) as { varianten: Scenario[] }).varianten.map((s) => serializeScenario(s));
    const uitLink = metBedrag('Van een collega', '5000000');
    const link = `#/scenario?s=d.${deflateRawSync(Buffer.from(serializeScenario(uitLink))).toString('base64url')}`;
    await page.goto(new URL(link, page.url()).href);
    const melding = page.locator('.utrecht-alert', { hasText: 'uit de link geopend' });
    await expect.poll(() => melding.count()).toBe(1);
    expect(await melding.getAttribute('class')).toContain('utrecht-alert--ok');
    expect(await melding.textContent()).toContain('Scenario “Van een collega” uit de link geopend');
    expect(await melding.textContent()).toContain('Toegevoegd als variant; uw andere varianten zijn niet veranderd.');
    await expect.poll(() => namenInLijst(page)).toEqual(['Voorstel', 'Ingroeipad', 'Nieuwe variant', 'Van een collega']);
    expect(await page.locator('.variant--huidig .variant__naam').textContent()).toBe('Van een collega');
    const na = (JSON.parse((await lijstInOpslag(page))!) as { varianten: Scenario[] }).varianten.map((s) => serializeScenario(s));
    expect(na).toEqual([...voor, serializeScenario(uitLink)]);

    // Back to the variant that was being edited; the link's variant stays in the list.
    await page.getByRole('button', { name: 'Terug naar de vorige variant' }).click();
    await expect.poll(() => page.locator('.variant--huidig .variant__naam').textContent()).toBe('Nieuwe variant');
    expect(await namenInLijst(page)).toEqual(['Voorstel', 'Ingroeipad', 'Nieuwe variant', 'Van een collega']);

    // The same link again selects the variant it already is, without adding a copy.
    await page.goto(new URL('#/overzicht', page.url()).href);
    await page.goto(new URL(link, page.url()).href);
    await expect.poll(() => page.locator('.utrecht-alert', { hasText: 'Dit scenario was al een van uw varianten.' }).count()).toBe(1);
    expect(await namenInLijst(page)).toEqual(['Voorstel', 'Ingroeipad', 'Nieuwe variant', 'Van een collega']);
    expect(errors).toEqual([]);
  });
});
