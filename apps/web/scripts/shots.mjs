// Screenshots of the built app at phone, tablet and desktop widths, and the print view as PDF,
// for looking at what changed (not a test). Usage: node scripts/shots.mjs OUTDIR [hash...]
// Without hashes: the views of the municipal map (regions, Wijdemeren and Hilversum in 2027, the
// overview with its sources and notices, the scenario editor).
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serveStatic, CHROMIUM, CHROMIUM_ARGS } from './static-server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
await mkdir(out, { recursive: true });
const DEFAULT = [
  '#/regio',
  '#/regio/ggd/GG3606?jaar=2027&stroom=nu-niet-zwanger',
  '#/regio/ggd/GG6011?jaar=2026',
  '#/regio/provincie/PV27?jaar=2027',
  '#/gemeente/GM1696?jaar=2027',
  '#/gemeente/GM1696?jaar=2026',
  '#/gemeente/GM0402?jaar=2027&uitleg=nu-niet-zwanger%7C2027%7CGM0402',
  '#/overzicht',
  '#/scenario',
];
const hashes = process.argv.length > 3 ? process.argv.slice(3) : DEFAULT;
const server = await serveStatic(resolve(import.meta.dirname, '../dist'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (const width of [390, 820, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'nl-NL' });
  for (const hash of hashes) {
    await page.goto(server.url + hash);
    await page.waitForFunction(() => window.__appKlaar === true);
    await page.waitForTimeout(200);
    const name = hash.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
    await page.screenshot({ path: resolve(out, `${name}-${width}.png`), fullPage: true });
  }
  await page.close();
}
const page = await browser.newPage({ locale: 'nl-NL' });
await page.goto(server.url + '#/gemeente/GM0363/afdruk');
await page.waitForFunction(() => window.__appKlaar === true);
await page.waitForSelector('.brief h1'); // the letter is loaded on first use
await page.pdf({ path: resolve(out, 'afdruk-amsterdam.pdf'), format: 'A4', printBackground: true });
await browser.close();
await server.close();
