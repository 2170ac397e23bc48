import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { SECURITY_HEADERS, withCspMeta } from './scripts/security-headers.mjs';

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
  plugins: [preact(), cspMeta()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022', // bigint literals
    reportCompressedSize: true,
  },
  // `npm start` serves the build with `vite preview`: the same security headers as the tests' server.
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
});
