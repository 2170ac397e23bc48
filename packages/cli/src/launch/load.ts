/**
 * Loads the ks-budget bundle (`dist/ks-budget.cjs`, the command line of `src/main.ts`, or
 * `dist/sweep-worker.cjs`, the body of a sweep's worker thread, and the chunks they share, the
 * core included) with V8's code cache: the bytecode of the functions a set of
 * typical commands ran when the bundle was built (`scripts/code-cache.mjs`), so that a start
 * does not parse and compile them again. Node 20 has no compile cache for ES modules, hence
 * scripts: the bundle is CommonJS, and each of its files is compiled here with `vm.Script` and
 * its `cachedData`, and run as Node's own loader runs a CommonJS file. A chunk is loaded when
 * the code first requires it (a command's chunk when it is run), as before.
 *
 * The cache only speeds up. Every file of the bundle ends with the build id (a hash of their
 * text, written by `scripts/bundle.mjs`), and the cache file starts with it: a cache of another
 * build is not used, and neither is one that V8 refuses (another Node version, other V8
 * flags). A file is then compiled from its text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Main from '../main.js';
import type * as SweepWorker from '../sweep/worker.js';

/** The folder of the bundle: dist/, where this file is too. */
const DIST = path.dirname(fileURLToPath(import.meta.url));
/** The entries of the bundle. */
const ENTRY = 'ks-budget.cjs';
const WORKER_ENTRY = 'sweep-worker.cjs';
/**
 * The code cache: one line of JSON (`CacheIndex`), then the data V8 made for each file, one
 * after the other.
 */
export const CACHE_FILE = path.join(DIST, 'ks-budget.v8cache');
/** The start of the last line of each file of the bundle, which names its build. */
export const BUILD_ID_PREFIX = '//# ks-budget-build ';

interface CacheIndex {
  /** The build id (the whole last line of each file). */
  build: string;
  /** Per file of the bundle: where its data is, as offset and length after the index line. */
  bestanden: Record<string, [number, number]>;
}

/** The build id of a file of the bundle: its last line, or null when it has none. */
export function buildIdOf(source: string): string | null {
  const line = source.slice(source.lastIndexOf('\n') + 1);
  return line.startsWith(BUILD_ID_PREFIX) ? line : null;
}

/** The code cache as read (undefined: not read yet; null: absent or unreadable). */
let cache: { index: CacheIndex; data: Buffer } | null | undefined;

function readCache(): { index: CacheIndex; data: Buffer } | null {
  try {
    const file = readFileSync(CACHE_FILE);
    const end = file.indexOf(0x0a);
    if (end < 0) return null;
    const index = JSON.parse(file.toString('utf8', 0, end)) as CacheIndex;
    return { index, data: file.subarray(end + 1) };
  } catch {
    return null;
  }
}

/** V8's data for a file of this build, when the cache has it. */
function cachedDataOf(name: string, id: string | null): Buffer | undefined {
  if (id === null || !useCache) return undefined;
  if (cache === undefined) cache = readCache();
  const at = cache?.index.build === id ? cache.index.bestanden[name] : undefined;
  return at ? cache!.data.subarray(at[0], at[0] + at[1]) : undefined;
}

let useCache = true;
const nodeRequire = createRequire(path.join(DIST, ENTRY));
/** The files loaded: their exports and their compiled script. */
const loaded = new Map<string, { module: { exports: object }; script: Script; cacheUsed: boolean }>();

/** `require` inside the bundle: its own files (`./name.cjs`) through the cache, the rest (node:fs, ...) from Node. */
function bundleRequire(spec: string): unknown {
  if (!(spec.startsWith('./') && spec.endsWith('.cjs'))) return nodeRequire(spec);
  const name = spec.slice(2);
  return name.startsWith(LAZY_PREFIX) ? lazyFile(name) : loadFile(name);
}

/**
 * The start of the name of a chunk that is loaded when it is first used rather than when a file
 * that requires it is loaded (`scripts/bundle.mjs` puts zod and the scenario's schemas in one:
 * a command on the baseline never reads a scenario).
 */
export const LAZY_PREFIX = 'lazy-';
const lazy = new Map<string, object>();

/**
 * The exports of a chunk, loaded on the first use of any of them. The bundle only reads them as
 * properties; every other operation (keys, descriptors, ...) also loads the chunk and sees a
 * faithful copy of its exports (their live getters).
 */
function lazyFile(name: string): object {
  let namespace = lazy.get(name);
  if (namespace) return namespace;
  const target = {};
  let ready = false;
  const ensure = (): object => {
    if (!ready) {
      ready = true;
      Object.defineProperties(target, Object.getOwnPropertyDescriptors(loadFile(name)));
    }
    return target;
  };
  const handler: ProxyHandler<object> = {};
  for (const trap of Object.getOwnPropertyNames(Reflect) as (keyof typeof Reflect)[]) {
    (handler as Record<string, unknown>)[trap] = (_: object, ...rest: unknown[]) => (Reflect[trap] as (...a: unknown[]) => unknown)(ensure(), ...rest);
  }
  namespace = new Proxy(target, handler);
  lazy.set(name, namespace);
  return namespace;
}

function loadFile(name: string): object {
  const known = loaded.get(name);
  if (known) return known.module.exports;
  const file = path.join(DIST, name);
  const source = readFileSync(file, 'utf8');
  const cachedData = cachedDataOf(name, buildIdOf(source));
  // The wrapper of a CommonJS module, on the file's first line: its line numbers stay as they are.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  // Known before it runs, as in Node: a file that requires it back gets its exports so far.
  loaded.set(name, { module, script, cacheUsed: cachedData !== undefined && script.cachedDataRejected === false });
  (script.runInThisContext() as (e: object, r: (s: string) => unknown, m: object, f: string, d: string) => void)(module.exports, bundleRequire, module, file, DIST);
  return module.exports;
}

/** Loads the command line (once per thread); `cache: false` compiles every file from its text. */
export function loadBundle(options: { cache?: boolean } = {}): typeof Main {
  if (options.cache === false) useCache = false;
  return loadFile(ENTRY) as typeof Main;
}

/** Loads the body of a sweep's worker thread (in that thread). */
export function loadWorker(): typeof SweepWorker {
  return loadFile(WORKER_ENTRY) as typeof SweepWorker;
}

/** The files loaded so far, and whether V8 used the cache for each. */
export function loadedFiles(): { naam: string; cacheUsed: boolean }[] {
  return [...loaded].map(([naam, l]) => ({ naam, cacheUsed: l.cacheUsed }));
}

/**
 * The code cache of the files loaded so far, with the bytecode of every function that has run
 * (`scripts/code-cache.mjs` writes it to `CACHE_FILE`).
 */
export function codeCache(build: string): Buffer {
  const parts: Buffer[] = [];
  const bestanden: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [name, { script }] of loaded) {
    const data = script.createCachedData();
    bestanden[name] = [offset, data.length];
    parts.push(data);
    offset += data.length;
  }
  const index: CacheIndex = { build, bestanden };
  return Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`, 'utf8'), ...parts]);
}
