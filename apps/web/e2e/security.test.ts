import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import { baseUrl, downloadVia, launch, newPage, open, voegToe } from './browser.js';
import { serveStatic } from '../scripts/static-server.mjs';

const root = resolve(import.meta.dirname, '..');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The policy the app is served with, written out here so that a change to it is a change to this test. */
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const HEADERS: Record<string, string> = {
  'content-security-policy': POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

function expectHeaders(r: Response, wat: string) {
  for (const [name, value] of Object.entries(HEADERS)) expect(r.headers.get(name), `${wat}: ${name}`).toBe(value);
}

/**
 * Records every Content-Security-Policy violation of the page: the `securitypolicyviolation`
 * events (through an init script, before the app's own scripts) and the browser's console
 * lines about it ("Refused to ..."; newer Chromium: "... violates the following Content
 * Security Policy directive ...").
 */
const isCspLine = (text: string) => text.startsWith('Refused to') || text.includes('Content Security Policy');

async function watchViolations(context: BrowserContext, page: Page): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__csp.push(`${e.effectiveDirective}: ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  });
  const refused: string[] = [];
  page.on('console', (m) => {
    if (isCspLine(m.text())) refused.push(m.text());
  });
  return async () => [...refused, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

describe('Security headers and the Content-Security-Policy', () => {
  test('the test server sends the headers, for the page, its files and a missing file', async () => {
    const index = await fetch(baseUrl());
    expectHeaders(index, 'index.html');
    const html = await index.text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    const css = /<link rel="stylesheet" crossorigin href="([^"]+)"/.exec(html)?.[1];
    expect(script && css).toBeTruthy();
    expectHeaders(await fetch(new URL(script!, baseUrl())), 'script');
    expectHeaders(await fetch(new URL(css!, baseUrl())), 'stylesheet');
    const missing = await fetch(new URL('bestaat-niet.js', baseUrl()));
    expect(missing.status).toBe(404);
    expectHeaders(missing, '404');
  });

  test('npm start (vite preview) sends the same headers', async () => {
    const server = await preview({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent', preview: { port: 0 } });
    try {
      const url = server.resolvedUrls!.local[0]!;
      expectHeaders(await fetch(url), 'vite preview: index.html');
      const html = await (await fetch(url)).text();
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
      expectHeaders(await fetch(new URL(script, url)), 'vite preview: script');
    } finally {
      await server.close();
    }
  });

  test('the built index.html carries the policy itself, and has no inline script or style', async () => {
    const html = await readFile(resolve(root, 'dist', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(POLICY.replace("; frame-ancestors 'none'", ''));
    // before anything that loads
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<link'));
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('hosted elsewhere without headers, the policy of the meta tag holds and the app works', async () => {
    const server = await serveStatic(resolve(root, 'dist'), 0, { securityHeaders: false });
    try {
      const { context, page, errors } = await newPage(browser);
      const violations = await watchViolations(context, page);
      await page.goto(`${server.url}#/scenario`);
      await page.waitForFunction(() => (window as unknown as { __appKlaar?: boolean }).__appKlaar === true);
      expect((await page.request.get(server.url)).headers()['content-security-policy']).toBeUndefined();
      await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
      await page.locator('#w0-bedrag').fill('6.000.000');
      expect(await violations()).toEqual([]);
      // The policy is in force: an inline script is refused.
      const ran = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = true';
        document.head.append(s);
        await new Promise((r) => setTimeout(r, 50));
        return (window as unknown as { __inline?: boolean }).__inline === true;
      });
      expect(ran).toBe(false);
      expect((await violations()).join('\n')).toContain('script-src');
      expect(errors.filter((e) => !isCspLine(e))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('no view, download or share link breaks the policy', async () => {
    const { context, page, errors } = await newPage(browser);
    const violations = await watchViolations(context, page);
    const bezoek = async (hash: string, doe?: () => Promise<void>) => {
      await open(page, hash);
      await doe?.();
      await page.waitForTimeout(50);
      expect(await violations(), hash).toEqual([]);
    };
    await bezoek('#/overzicht');
    await bezoek('#/overzicht?bron=2');
    await bezoek('#/gemeente', () => page.getByLabel('Gemeente').fill('ber'));
    await bezoek('#/gemeente/GM0344?uitleg=nu-niet-zwanger%7C2028%7CGM0344');
    await bezoek('#/gemeente/GM0363', async () => {
      await page.locator('#tabel-gemeente button', { hasText: 'Uitleg' }).first().click();
    });
    await bezoek('#/gemeente/GM9999');
    await bezoek('#/gemeente/GM0344/afdruk');
    await bezoek('#/bestaat-niet');
    await bezoek('#/scenario', async () => {
      await page.getByLabel('Naam van het scenario').fill('Beleid');
      await voegToe(page, 'bedrag', 'integrale-gezinspoli', 2028);
      await page.locator('#w0-bedrag').fill('6.000.000');
      await voegToe(page, 'sleutel', 'integrale-gezinspoli', 2028);
      await page.getByLabel('Formule met gewichten').check();
      await page.locator('#w1-gewicht-geboorten-2022').fill('50');
      await voegToe(page, 'deelname', 'ks-gala-structureel', 2027);
      await voegToe(page, 'reservering', 'rookvrije-start', 2028);
      await page.getByRole('button', { name: 'Ontvanger toevoegen' }).click();
      await page.locator('#w0-bedrag').fill('zes'); // a field message
      await page.locator('#w0-bedrag').fill('6.000.000');
    });
    let link = '';
    await bezoek('#/delen', async () => {
      for (const knop of ['Download scenario (JSON)', 'CSV', 'CSV voor Nederlandse Excel', 'Excel-werkmap (.xlsx)']) {
        const dl = await downloadVia(page, () => page.getByRole('button', { name: knop, exact: true }).click());
        expect(dl.bytes.length, knop).toBeGreaterThan(0);
      }
      await page.locator('#scenario-bestand').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{') });
      await page.locator('#delen-status').waitFor();
      await page.getByRole('button', { name: 'Maak een deellink' }).click();
      link = await page.locator('#deellink').inputValue();
    });
    expect(link).toContain('#/scenario?s=d.');
    // The link opened by a colleague, and a damaged one.
    const b = await newPage(browser);
    const violationsB = await watchViolations(b.context, b.page);
    await b.page.goto(link);
    await expect.poll(() => b.page.locator('.utrecht-alert--ok').textContent()).toContain('Scenario “Beleid” uit de link geopend');
    await open(b.page, '#/scenario?s=d.bad!');
    await expect.poll(() => b.page.locator('[role=alert]').last().textContent()).toContain('De link kon niet worden geopend');
    await b.page.waitForTimeout(50);
    expect(await violationsB()).toEqual([]);
    expect(errors.concat(b.errors)).toEqual([]);
  });
});
