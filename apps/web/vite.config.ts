import { resolve } from 'node:path';
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { SECURITY_HEADERS, withCspMeta } from './scripts/security-headers.mjs';
import { nldsTrim } from './scripts/nlds-trim.mjs';

/**
 * The built index.html carries the Content-Security-Policy as a <meta> tag, so the files keep it
 * wherever they are hosted. Only in the build: the dev server injects inline styles for hot reload.
 */
const cspMeta = (): Plugin => ({
  name: 'kansrijke-start:csp-meta',
  apply: 'build',
  transformIndexHtml: { order: 'post', handler: (html) => withCspMeta(html) },
});

// Workspace packages resolve to their TypeScript source through the `source` export condition;
// vite's own default conditions are kept after it.
export default defineConfig({
  plugins: [preact(), cspMeta(), nldsTrim({ entry: resolve(import.meta.dirname, 'src/ui/styles.css'), src: resolve(import.meta.dirname, 'src'), html: [resolve(import.meta.dirname, 'index.html')] })],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022', // bigint literals
    reportCompressedSize: true,
    // The first page's chunk is about 640 kB before compression (160 kB gzip), most of it the embedded data.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Few chunks, since one file compresses better than its parts and costs one request:
        //  - index: everything the entry imports statically (the data, zod, the engine, Preact, the
        //    front page), rather than the dozen small chunks rolldown would split off because the
        //    views loaded on first use share them;
        //  - gedeeld: what two or more of the chunks loaded on first use share (the core's cards, tables
        //    and explanations; the app's choice fields), rather than one small chunk per combination.
        // The views (ui/op-verzoek.tsx), the map, the letter, the xlsx writer and the receipt stay chunks of their own.
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: 'gedeeld', minShareCount: 2, priority: 1 },
            // The receipt's hashing (core/src/receipt): the front page loads it once its figures
            // stand (ui/bewijs.tsx), without the views' shared code.
            { name: 'bewijs', test: /[\\/]core[\\/]src[\\/]receipt[\\/]|[\\/]ui[\\/]bewijs-kern/, priority: 3 },
          ],
        },
      },
    },
  },
  // `npm start` serves the build with `vite preview`: the same security headers as the tests' server.
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
});
