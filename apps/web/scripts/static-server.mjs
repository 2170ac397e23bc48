// A tiny static file server for the built app (dist/), on a free port of 127.0.0.1.
// Used by the browser tests and by measure.mjs; `npm run serve` uses `vite preview` instead.
// Both send the same security headers (security-headers.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { SECURITY_HEADERS } from './security-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `root` on 127.0.0.1 and resolves with `{ url, close }`. `securityHeaders: false` serves
 * like a plain host that sends none (to check the policy that index.html carries itself).
 */
export async function serveStatic(root, port = 0, { securityHeaders = true } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (securityHeaders) for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: p } = server.address();
  return {
    url: `http://127.0.0.1:${p}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * Debian's Chromium, headless, with no network chatter, and without the omnibox popup that this
 * Chromium loads as a page of its own (some 300 modules) for every new window: in a measurement
 * it competed with the app for the machine (Puppeteer disables it by default too).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
