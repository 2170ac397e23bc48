// Builds ks-budget into dist/, with rolldown (the bundler vite itself uses), straight from
// TypeScript source (the core through its `source` export condition):
// - ks-budget.cjs (the command line, src/main.ts), sweep-worker.cjs (the body of a sweep's worker
//   thread, src/sweep/worker.ts) and their chunks (*.cjs): with the core and its libraries, as
//   CommonJS. Each command is a chunk of its own, loaded when it is run (main.ts), so that
//   starting one command does not load and initialise the code of all the others.
// - load.cjs and worker.cjs: the loaders of the bundle (src/launch/), CommonJS too, as Node starts
//   a CommonJS file a few milliseconds sooner than an ES module: the launcher bin/ks-budget.cjs
//   requires load.cjs, a sweep's worker thread starts worker.cjs.
// - ks-budget.v8cache: V8's code cache of the bundle, made by scripts/code-cache.mjs in a Node
//   like the one that will run it, so that a start does not compile the code again.
// Every file is written flat in dist/, so that the paths the code resolves from its own place
// (../package.json, ./worker.cjs) are those of the source layout. The last line of each file is the
// build id (a hash of their text), which the code cache must carry to be used.
// Type checking is the repository's `tsc -p tsconfig.json --noEmit`, not this step.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = new URL('../dist/', import.meta.url);
const common = { cwd: root, platform: 'node', resolve: { conditionNames: ['source', 'import', 'node', 'default'] }, logLevel: 'warn' };
// Plain ASCII without doc comments: V8 keeps an ASCII source as one byte per character and reads
// it without decoding UTF-8 (a single "é" makes the whole file two bytes per character), and a
// start reads less. The sources and their comments are in the source maps. Licence comments stay.
const lean = { charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } };
await rm(dist, { recursive: true, force: true });
await build({
  ...common,
  // The entries' exports are only what the launchers use; a chunk may add to them (as a group
  // that leaves its dependencies where they are requires).
  preserveEntrySignatures: 'allow-extension',
  input: { 'ks-budget': 'src/main.ts', 'sweep-worker': 'src/sweep/worker.ts' },
  output: {
    dir: 'dist',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    sourcemap: true,
    ...lean,
    // zod and the scenario's schemas in a chunk of their own, which the loader loads when it is
    // first used (its name starts with LAZY_PREFIX of src/launch/load.ts): `explain` and every
    // other command on the baseline never read a scenario. The core builds the schemas when a
    // scenario is first read, so nothing touches zod before.
    codeSplitting: { groups: [{ name: 'lazy-schema', includeDependenciesRecursively: false, test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]core[\\/]src[\\/]scenario[\\/](schema|messages)\.ts$/ }] },
  },
});
await build({
  ...common,
  input: { load: 'src/launch/load.ts', worker: 'src/launch/worker.ts' },
  output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'launch-[name]-[hash].cjs', sourcemap: true },
});
const LOADERS = new Set(['load.cjs', 'worker.cjs']);

// The build id, a hash of the bundle's files, as the last line of each (src/launch/load.ts reads it back).
const files = (await readdir(dist)).filter((f) => f.endsWith('.cjs') && !LOADERS.has(f) && !f.startsWith('launch-')).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(`${f}\0`).update(readFileSync(new URL(f, dist))).update('\0');
const id = `//# ks-budget-build ${hash.digest('hex').slice(0, 32)}`;
for (const f of files) appendFileSync(new URL(f, dist), `\n${id}`);

const cache = spawnSync(process.execPath, [fileURLToPath(new URL('./code-cache.mjs', import.meta.url))], { stdio: 'inherit' });
if (cache.status !== 0) throw new Error(`scripts/code-cache.mjs faalde (${cache.status ?? cache.signal})`);
