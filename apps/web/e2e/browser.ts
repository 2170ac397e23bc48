import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
export const ARTIFACTS = resolve(import.meta.dirname, '..', 'test-artifacts');

export const baseUrl = (): string => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh context (own localStorage) with a page that fails the test on any script error. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** Opens a route (`#/gemeente`) and waits until the app has rendered. */
export async function open(page: Page, hash: string): Promise<void> {
  await page.goto(baseUrl() + hash);
  await page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
}

/**
 * Rows and parts with content-visibility: auto are drawn only near the viewport. For a picture of
 * the whole page and for axe (which cannot tell the colours of what is not drawn), `work` runs
 * with all of them drawn, as a user sees them when scrolling; then they are put back. They get an
 * inline style through the CSSOM, which the app's Content-Security-Policy allows (a <style>
 * element would be refused).
 */
async function allesGetekend<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const uitgesteld = '.rijtabel__romp .rijtabel__rij, .pas-in-beeld';
  await page.evaluate((sel) => {
    for (const el of document.querySelectorAll<HTMLElement>(sel)) el.style.setProperty('content-visibility', 'visible', 'important');
  }, uitgesteld);
  try {
    return await work();
  } finally {
    await page.evaluate((sel) => {
      for (const el of document.querySelectorAll<HTMLElement>(sel)) el.style.removeProperty('content-visibility');
    }, uitgesteld);
  }
}

/** A full-page screenshot, with every row and part drawn. */
export async function screenshot(page: Page, naam: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await allesGetekend(page, () => page.screenshot({ path: resolve(ARTIFACTS, `${naam}.png`), fullPage: true }));
}

/**
 * axe-core with the WCAG 2.1 A and AA rules; returns the violations as readable lines. axe is
 * evaluated through the DevTools protocol, as a <script> element would be refused by the app's
 * Content-Security-Policy.
 */
export async function axe(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await allesGetekend(page, () => page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, bv. ${JSON.stringify(v.nodes[0]?.target)})`);
  }));
  return violations;
}

/** Clicks and returns the downloaded file's name and bytes. */
export async function downloadVia(page: Page, click: () => Promise<void>): Promise<{ naam: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { naam: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** Adds a change of the given kind for a stream and year through the scenario form. */
export async function voegToe(page: Page, soort: string, stroom: string, jaar: number): Promise<void> {
  await page.selectOption('#nieuw-soort', soort);
  await page.selectOption('#nieuw-stroom', stroom);
  await page.selectOption('#nieuw-jaar', String(jaar));
  await page.getByRole('button', { name: 'Toevoegen' }).click();
}
