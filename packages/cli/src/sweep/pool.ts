/**
 * Runs the scenarios of a sweep: in this thread for one worker, otherwise over worker threads
 * (`node:worker_threads`), each worker with at most two scenarios in hand. Outcomes are handed
 * on in input order, whatever order the workers finish in: an outcome that arrives early waits
 * until those before it are there.
 */
import { Worker } from 'node:worker_threads';
import { computeScenario, sweepContext, type SweepOutcome, type SweepSetup, type SweepTask } from './compute.js';

/** How many scenarios a worker holds at once: one being computed, one waiting. */
const IN_FLIGHT = 2;

type Message = { ready: true } | { nummer: number; outcome: SweepOutcome } | { nummer?: number; internal: string };

/**
 * Computes every task; `onOutcome` is called once per task, in the order of `tasks`;
 * `onProgress` after each outcome with how many are done.
 */
export async function runSweep(
  tasks: readonly SweepTask[],
  setup: SweepSetup,
  workers: number,
  onOutcome: (outcome: SweepOutcome, index: number) => void,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  if (workers <= 1 || tasks.length <= 1) {
    const ctx = sweepContext(setup);
    tasks.forEach((t, i) => {
      onOutcome(computeScenario(ctx, t), i);
      onProgress(i + 1);
    });
    return;
  }
  const count = Math.min(workers, tasks.length);
  const waiting = new Map<number, SweepOutcome>();
  const indexOf = new Map(tasks.map((t, i) => [t.nummer, i]));
  let next = 0; // the next task to send
  let flushed = 0; // outcomes handed on, in order
  let done = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (next < tasks.length) w.postMessage(tasks[next++]);
      };
      const receive = (w: Worker, m: Message): void => {
        if ('internal' in m) return reject(new Error(`een rekenthread faalde: ${m.internal}`));
        if ('ready' in m) {
          for (let i = 0; i < IN_FLIGHT; i++) send(w);
          return;
        }
        waiting.set(indexOf.get(m.nummer)!, m.outcome);
        done++;
        while (waiting.has(flushed)) {
          const o = waiting.get(flushed)!;
          waiting.delete(flushed);
          onOutcome(o, flushed++);
        }
        onProgress(done);
        if (flushed === tasks.length) resolve();
        else send(w);
      };
      for (let k = 0; k < count; k++) {
        const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
        pool.push(w);
        w.on('message', (m: Message) => {
          try {
            receive(w, m);
          } catch (e) {
            reject(e);
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (flushed < tasks.length) reject(new Error(`een rekenthread stopte onverwacht (code ${code})`));
        });
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
