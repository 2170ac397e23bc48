// Builds the app, serves dist/ on localhost and measures in Chromium:
//  (a) first load: navigation start -> the app's `app-klaar` mark (fresh browser context each time),
//  (b) edit-to-paint: an input event in an amount field -> the frame after the re-render has been
//      painted, with the scenario page showing all 342 municipalities; median and p95 over 100 edits,
//      and the share of edits drawn in the first frame after the input (the latency includes the
//      wait for that frame, so an edit drawn at once still shows as about one frame interval), and
//      the main thread's work per edit (script, style and a forced layout) without that wait,
//  (c) the gzipped size of all JavaScript, CSS and HTML in dist/ (the data is inside the JavaScript),
//      and of what the browser fetches for the first load (the target), without chunks loaded on request.
// Run: npm run measure -w @kansrijke-start/web
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic, CHROMIUM, CHROMIUM_ARGS } from './static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const LOADS = Number(process.env.LOADS ?? 10);
const EDITS = Number(process.env.EDITS ?? 100);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });

// (c) sizes
async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}
let jsGz = 0;
let allGz = 0;
/** Gzipped size per file of dist/, by its path from the root of the site ("/assets/index-....js"). */
const gzOf = new Map();
for (const f of await files(join(root, 'dist'))) {
  if (!/\.(js|css|html|json|svg)$/.test(f)) continue;
  const gz = gzipSync(await readFile(f), { level: 9 }).length;
  allGz += gz;
  if (f.endsWith('.js')) jsGz += gz;
  gzOf.set(f.slice(join(root, 'dist').length).replaceAll('\\', '/'), gz);
}
/** What the browser fetched for the first load (chunks loaded only when asked for, such as the xlsx writer, are not). */
const firstLoad = new Set();

const server = await serveStatic(join(root, 'dist'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  // (a) first load
  const loads = [];
  const fcps = [];
  for (let i = 0; i < LOADS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    if (i === 0) page.on('request', (r) => firstLoad.add(new URL(r.url()).pathname.replace(/^\/$/, '/index.html')));
    await page.goto(`${server.url}#/overzicht`);
    await page.waitForFunction(() => window.__appKlaar === true);
    const t = await page.evaluate(async () => {
      // the first contentful paint, once the browser has reported it
      const fcp = await new Promise((r) =>
        new PerformanceObserver((list, obs) => {
          const e = list.getEntriesByName('first-contentful-paint')[0];
          if (e) {
            obs.disconnect();
            r(e.startTime);
          }
        }).observe({ type: 'paint', buffered: true }),
      );
      return { klaar: performance.getEntriesByName('app-klaar')[0].startTime, fcp };
    });
    if (i > 0) {
      // the first one warms up the browser process itself
      loads.push(t.klaar);
      fcps.push(t.fcp);
    }
    await context.close();
  }

  // (b) edit-to-paint
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}#/scenario`);
  await page.waitForFunction(() => window.__appKlaar === true);
  await page.selectOption('#nieuw-soort', 'bedrag');
  await page.selectOption('#nieuw-stroom', 'integrale-gezinspoli');
  await page.selectOption('#nieuw-jaar', '2028');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.locator('#w0-bedrag').waitFor();
  const rows = await page.locator("#tabel-gemeenten [role=row][data-code]").count();
  const measureEdits = (start) => page.evaluate(async ([edits, start]) => {
    const input = document.getElementById('w0-bedrag');
    const cell = () => document.querySelector('#tabel-totalen tr[data-stroom="integrale-gezinspoli"][data-jaar="2028"] [data-kolom="scenario"]').textContent;
    // Resolves after the next frame has been drawn, with that frame's time.
    const afterPaint = () =>
      new Promise((done) =>
        requestAnimationFrame((frame) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => done(frame);
          ch.port2.postMessage(0);
        }),
      );
    // The display's frame interval, from frames with nothing to do.
    const idle = [await afterPaint()];
    for (let k = 0; k < 10; k++) idle.push(await afterPaint());
    const gaps = idle.slice(1).map((f, k) => f - idle[k]).sort((a, b) => a - b);
    const interval = gaps[gaps.length >> 1];
    // Resolves once the tasks queued so far have run, after a forced style and layout: the
    // main thread's work for an edit (script, style, layout), without the wait for the frame.
    const afterWork = () =>
      new Promise((done) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          void document.body.offsetHeight;
          done(performance.now());
        };
        ch.port2.postMessage(0);
      });
    const out = [];
    const work = [];
    let frames = 0; // edits whose result was drawn in the first frame after the previous edit's frame
    let previous = idle.at(-1);
    for (let i = 0; i < edits + 10; i++) {
      const euros = start + (i + 1) * 1_234;
      const t0 = performance.now();
      input.value = String(euros);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const tWork = await afterWork();
      const frame = await afterPaint();
      const t1 = performance.now();
      const expected = `€ ${String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
      if (cell() !== expected) throw new Error(`edit ${i}: total shows ${cell()}, expected ${expected}`);
      if (i >= 10) {
        // the first 10 warm up
        out.push(t1 - t0);
        work.push(tWork - t0);
        if (Math.round((frame - previous) / interval) <= 1) frames++;
      }
      previous = frame;
    }
    return { latencies: out, work, volgendFrame: frames / edits, interval };
  }, [EDITS, start]);
  // The page as it opens: the editor and the totals in view.
  const { latencies, work, volgendFrame, interval } = await measureEdits(5_000_000);
  // The same with the municipalities' table scrolled into view (its visible rows are repainted too).
  await page.evaluate(() => document.getElementById('tabel-gemeenten').scrollIntoView({ block: 'start' }));
  const { latencies: latenciesTabel, work: workTabel, volgendFrame: volgendFrameTabel } = await measureEdits(6_000_000);
  await context.close();

  const firstGz = [...firstLoad].reduce((sum, path) => sum + (gzOf.get(path) ?? 0), 0);
  const report = {
    'eerste laadtijd (navigatie -> app klaar), mediaan': ms(quantile(loads, 0.5)),
    'eerste laadtijd, maximum': ms(Math.max(...loads)),
    'first contentful paint, mediaan': ms(quantile(fcps, 0.5)),
    'first contentful paint, maximum': ms(Math.max(...fcps)),
    [`bewerking -> getekend (${EDITS} bewerkingen, ${rows} gemeenten in de pagina), mediaan`]: ms(quantile(latencies, 0.5)),
    'bewerking -> getekend, p95': ms(quantile(latencies, 0.95)),
    'bewerking -> getekend, maximum': ms(Math.max(...latencies)),
    // The latency includes the wait for the display's next frame: a result drawn in the next frame
    // shows as about one frame interval, whatever the work took.
    [`getekend in het eerstvolgende frame (frame-interval ${ms(interval)})`]: `${(100 * volgendFrame).toFixed(0)}%`,
    'idem met de gemeententabel in beeld, mediaan': ms(quantile(latenciesTabel, 0.5)),
    'idem met de gemeententabel in beeld, p95': ms(quantile(latenciesTabel, 0.95)),
    'idem met de gemeententabel in beeld, getekend in het eerstvolgende frame': `${(100 * volgendFrameTabel).toFixed(0)}%`,
    'werk per bewerking (script, stijl, opmaak; zonder wachten op het frame), p95': ms(quantile(work, 0.95)),
    'werk per bewerking met de gemeententabel in beeld, p95': ms(quantile(workTabel, 0.95)),
    'JavaScript gzip (incl. gegevens, ook wat pas op verzoek laadt)': `${(jsGz / 1024).toFixed(1)} kB`,
    'alles in dist/ gzip (JS + CSS + HTML)': `${(allGz / 1024).toFixed(1)} kB`,
    'eerste lading gzip (wat de browser ophaalt tot de app klaar is)': `${(firstGz / 1024).toFixed(1)} kB`,
  };
  for (const [k, v] of Object.entries(report)) console.log(`${k.padEnd(80)} ${v}`);
  // what the first load is made of, file by file (the hash left out of the name)
  for (const path of [...firstLoad].filter((p) => gzOf.has(p)).sort((a, b) => gzOf.get(b) - gzOf.get(a)))
    console.log(`${`  waarvan ${path.replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, '$1')}`.padEnd(80)} ${(gzOf.get(path) / 1024).toFixed(1)} kB`);
  // The targets of issue 11. The figures are printed either way: this is a measurement, not a test.
  const DOEL = { laadMs: 250, bewerkingP95Ms: 16, eersteLadingKb: 150 };
  const fail = [];
  if (quantile(loads, 0.5) > DOEL.laadMs) fail.push(`eerste laadtijd (mediaan) boven ${DOEL.laadMs} ms`);
  // "At most one frame": at least 95% of the edits drawn in the first frame after the input, and
  // the work of 95% of them within one frame (16 ms). The latency itself includes the wait for the
  // next frame, so it is about one frame interval even for an edit that takes no time.
  for (const [wat, frac, w] of [['', volgendFrame, work], [' met de gemeententabel in beeld', volgendFrameTabel, workTabel]]) {
    if (frac < 0.95) fail.push(`minder dan 95% van de bewerkingen${wat} getekend in het eerstvolgende frame`);
    if (quantile(w, 0.95) > DOEL.bewerkingP95Ms) fail.push(`p95 werk per bewerking${wat} boven ${DOEL.bewerkingP95Ms} ms`);
  }
  if (firstGz > DOEL.eersteLadingKb * 1024) fail.push(`eerste lading meer dan ${DOEL.eersteLadingKb} kB gzip`);
  if (fail.length) {
    console.log(`\nNIET GEHAALD: ${fail.join('; ')}`);
    process.exitCode = 1;
  } else
    console.log(
      `\nAlle doelen gehaald (laden <= ${DOEL.laadMs} ms mediaan; 95% van de bewerkingen getekend in het eerstvolgende frame, met p95 werk <= ${DOEL.bewerkingP95Ms} ms; eerste lading <= ${DOEL.eersteLadingKb} kB gzip).`,
    );
} finally {
  await browser.close();
  await server.close();
}
