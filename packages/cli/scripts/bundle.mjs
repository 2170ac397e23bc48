// Builds ks-budget into dist/: one bundle of the CLI, the core and its libraries (rolldown, the
// bundler vite itself uses), straight from TypeScript source (the core through its `source`
// export condition), so that starting a command loads one file instead of some two hundred
// modules. Each command is a chunk of its own, loaded when it is run (main.ts); the sweep's worker
// thread is a second entry. Every file is written flat in dist/, so that the paths the code
// resolves from its own place (../package.json, ./worker.js) are those of the source layout.
// Type checking is the repository's `tsc -p tsconfig.json --noEmit`, not this step.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  cwd: root,
  input: { main: 'src/main.ts', worker: 'src/sweep/worker.ts' },
  platform: 'node',
  resolve: { conditionNames: ['source', 'import', 'node', 'default'] },
  logLevel: 'warn',
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
});
