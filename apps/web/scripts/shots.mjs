// Screenshots of the built app at phone, tablet and desktop widths, and the print view as PDF,
// for looking at what changed (not a test). Usage: node scripts/shots.mjs OUTDIR [hash...]
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { serveStatic, CHROMIUM, CHROMIUM_ARGS } from './static-server.mjs';

const out = resolve(process.argv[2] ?? 'shots');
await mkdir(out, { recursive: true });
const hashes = process.argv.slice(3);
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
await page.pdf({ path: resolve(out, 'afdruk-amsterdam.pdf'), format: 'A4', printBackground: true });
await browser.close();
await server.close();
