/**
 * A worker thread of `ks-budget sweep`: builds the data and the reference once, then computes
 * each scenario it is sent and sends back its outcome (bigints and all: the structured clone
 * keeps them exact). `startWorker` is run by the worker's launcher (`launch/worker.ts`), which
 * loads it from the bundle as the command's own launcher loads the command line.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeScenario, sweepContext, type SweepSetup, type SweepTask } from './compute.js';

export function startWorker(): void {
  const port = parentPort!;
  try {
    const ctx = sweepContext(workerData as SweepSetup);
    port.on('message', (task: SweepTask | null) => {
      if (task === null) return port.close();
      try {
        port.postMessage({ nummer: task.nummer, outcome: computeScenario(ctx, task) });
      } catch (e) {
        port.postMessage({ nummer: task.nummer, internal: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ internal: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
