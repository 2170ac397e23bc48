/**
 * The file a worker thread of `ks-budget sweep` starts (dist/worker.cjs, next to the bundle that
 * `sweep/pool.ts` runs in): it loads the bundle as the command's launcher does, code cache and
 * all, and runs the worker's body.
 */
import { loadWorker } from './load.js';

loadWorker().startWorker();
