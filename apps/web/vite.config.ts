import { defineConfig, defaultClientConditions } from 'vite';
import preact from '@preact/preset-vite';

// Workspace packages resolve to their TypeScript source through the `source` export condition;
// vite's own default conditions are kept after it.
export default defineConfig({
  plugins: [preact()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022', // bigint literals
    reportCompressedSize: true,
  },
  preview: { host: '127.0.0.1' },
});
